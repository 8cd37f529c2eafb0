"""Write one vignette (a concrete assessment) per ZZP indicatable on a date, from that profile's own sentences.

Each domain's scores are chosen so the client's level equals the level read from the profile sentence, which
is quoted beside the scores. The result is a readable case file a policy expert can sharpen by hand.

Run: python scripts/maak_vignetten.py 2014-06-01 > tests/regels/cases/vignetten_awbz_2014.yaml
     python scripts/maak_vignetten.py 2016-06-01 > tests/regels/cases/vignetten_wlz_2016.yaml
"""

from __future__ import annotations

import math
import sys
from datetime import date
from typing import Any

import yaml

from zorgzwaarte.regels.profielen.catalogus import catalogus

VRAGEN = {
    "sociale_redzaamheid": ("beperkingscores", [f"01{i:02d}" for i in range(1, 15)]),
    "psychosociaal_cognitief": ("stoornisscores", ["0101", "0102", "0103", "0104", "0201", "0202", "0203", "0204"]),
    "adl": ("beperkingscores", [f"03{i:02d}" for i in range(1, 10)]),
    "mobiliteit": ("beperkingscores", [f"02{i:02d}" for i in range(1, 15)]),
    "gedragsproblematiek": ("stoornisscores", ["0401", "0402", "0403", "0404", "0405", "0406", "0407"]),
    "psychiatrische_problematiek": ("stoornisscores", ["0601", "0602", "0603", "0604", "0605"]),
}


def scores_voor(niveau: float, vragen: list[str], hoogste: bool) -> dict[str, int]:
    if hoogste:
        return {vragen[0]: math.floor(niveau + 0.5), **{v: 0 for v in vragen[1:]}}
    laag, hoog = math.floor(niveau), math.ceil(niveau)
    n_hoog = round((niveau - laag) * len(vragen))
    return {v: (hoog if i < n_hoog else laag) for i, v in enumerate(vragen)}


def main() -> None:
    peildatum = date.fromisoformat(sys.argv[1])
    stelsel = "Wlz" if peildatum >= date(2015, 1, 1) else "AWBZ"
    uit: list[dict[str, Any]] = []
    for z in catalogus():
        if not z.indiceerbaar_in(stelsel, peildatum):
            continue
        invoer: dict[str, Any] = {
            "peildatum": peildatum.isoformat(),
            "client": {"geboortedatum": "1945-05-01" if z.sector in ("VV",) else "1985-05-01"},
            "grondslagen": [z.dominante_grondslagen[0]],
            "leefklimaat": {"beschermende_woonomgeving": True, "permanent_toezicht": True},
            "etmalen_per_week": 7,
            "prognose": "3",
            "stoornisscores": {},
            "beperkingscores": {},
        }
        zinnen: dict[str, str] = {}
        for domein, (veld, vragen) in VRAGEN.items():
            d = z.domeinen.get(domein)
            if d is None or d.niveau is None:
                continue
            invoer[veld].update(
                scores_voor(d.niveau, vragen, domein in ("gedragsproblematiek", "psychiatrische_problematiek"))
            )
            zinnen[domein] = f"{d.niveau}: {d.zin}"
        verpl = z.domeinen.get("verpleging")
        if verpl and verpl.niveau is not None:
            invoer["verpleegkundige_aandacht"] = math.floor(verpl.niveau + 0.5)
            zinnen["verpleging"] = f"{verpl.niveau}: {verpl.zin}"
        if z.begeleidingsdoelen:
            invoer["begeleidingsdoel"] = z.begeleidingsdoelen[0]
        bijzonder = list(z.voorwaarden)
        if z.sector == "ZGvis":
            bijzonder.append("zintuiglijk_visueel")
        if z.sector == "ZGaud":
            bijzonder.append("zintuiglijk_auditief")
        if bijzonder:
            invoer["bijzonderheden"] = bijzonder
        uit.append(
            {
                "zzp": z.code,
                "zorgprofiel_wlz": z.zorgprofiel_wlz if stelsel == "Wlz" else None,
                "naam": z.naam,
                "profiel_bekend": z.profiel_bekend,
                "bron": z.profiel_bron,
                "zinnen": zinnen,
                "invoer": invoer,
            }
        )
    print("# Eén vignet per zorgzwaartepakket dat op de peildatum indiceerbaar is, geschreven vanuit de eigen")
    print(
        "# profieltekst (de zinnen staan erbij). Gemaakt door scripts/maak_vignetten.py; aanscherpen mag met de hand."
    )
    print(yaml.safe_dump(uit, allow_unicode=True, sort_keys=False, width=110))


if __name__ == "__main__":
    main()
