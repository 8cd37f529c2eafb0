"""Administration: the data directory and the administrator's supplement to the ZZP catalogue."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from zorgzwaarte.domein.aanvulling import AanvullingBestand
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling, zoek_zzp


def data_map() -> Path:
    """Where the system keeps its data: $ZORGZWAARTE_DATA, default ./data (created when needed)."""
    return Path(os.environ.get("ZORGZWAARTE_DATA", "data"))


def _aanvulling_pad() -> Path:
    return data_map() / "aanvullingen" / "zzp.json"


def valideer_aanvulling(data: Any) -> AanvullingBestand:
    bestand = valideer(AanvullingBestand, data)
    fouten = []
    for i, item in enumerate(bestand.zzp):
        z = zoek_zzp(item.code)
        if z is None:
            fouten.append(
                Fout(f"zzp.{i}.code", f"'{item.code}' is geen zorgzwaartepakket (zie 'zorgzwaarte codes zzp')")
            )
            continue
        for domein in item.domeinen:
            bestaand = z.domeinen.get(domein)
            if bestaand is not None and bestaand.niveau is not None:
                fouten.append(
                    Fout(
                        f"zzp.{i}.domeinen.{domein}",
                        f"{z.code} heeft voor {domein} al een niveau uit de wettekst; een aanvulling vult alleen 'onbekend'",
                    )
                )
        if item.uren_per_week is not None and z.uren_min is not None:
            fouten.append(Fout(f"zzp.{i}.uren_per_week", f"{z.code} heeft al uren uit de wettekst"))
    if fouten:
        raise InvoerFout(fouten)
    return bestand


def laad_aanvulling(data: Any) -> int:
    """Validate and store a supplement (replacing the previous one, atomically). Returns the number of entries."""
    bestand = valideer_aanvulling(data)
    items = []
    for item in bestand.zzp:
        z = zoek_zzp(item.code)
        assert z is not None
        items.append({**item.model_dump(mode="json"), "code": z.code})
    pad = _aanvulling_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(".tmp")
    tijdelijk.write_text(json.dumps({"zzp": items}, ensure_ascii=False, indent=2), encoding="utf-8")
    tijdelijk.replace(pad)
    return len(items)


def huidige_aanvulling() -> Aanvulling:
    pad = _aanvulling_pad()
    if not pad.exists():
        return GEEN_AANVULLING
    items = json.loads(pad.read_text(encoding="utf-8"))["zzp"]
    return Aanvulling(tuple(sorted((i["code"], json.dumps(i, sort_keys=True)) for i in items)))
