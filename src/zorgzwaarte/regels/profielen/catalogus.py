"""The ZZP catalogue: every zorgzwaartepakket with its profile, period, meerzorg, pgb and Wlz zorgprofiel.

Where the law gives a figure only as an image (most hours, the GGZ-C profiles) the catalogue says ``None`` with
a reason; an administrator may load such figures as a dated supplement with its bron (``Aanvulling``), which
is merged here and fingerprinted into the receipt of every result that used it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property, lru_cache
from typing import Any

from zorgzwaarte.regels.regelset import reeks, tabel_op

ONBEKEND_AFBEELDING = "onbekend: staat in de regeling alleen als afbeelding"


@dataclass(frozen=True)
class DomeinNiveau:
    domein: str
    niveau: float | None
    zin: str | None
    bron: str
    handmatig: str | None = None


@dataclass(frozen=True)
class Zzp:
    code: str
    code_lang: str
    cod163: str | None
    naam: str
    sector: str
    sector_naam: str
    aliassen: tuple[str, ...]
    indiceerbaar_van: date | None
    indiceerbaar_tot: date | None
    indiceerbaar_bron: str
    zorgprofiel_wlz: str | None
    wlz_van: date | None
    wlz_tot: date | None
    wlz_bron: str | None
    meerzorg_awbz: bool
    meerzorg_wlz: bool
    meerzorg_bron: str
    pgb_mogelijk: bool
    pgb_bron: str | None
    uren_min: float | None
    uren_max: float | None
    uren_bron: str | None
    geldigheid_max_maanden: int | None
    geldigheid_max_bron: str | None
    geldigheid_max_maanden_wlz: int | None
    geldigheid_max_wlz_bron: str | None
    dominante_grondslagen: tuple[str, ...]
    begeleidingsdoelen: tuple[str, ...]
    begeleidingsdoel_zin: str | None
    voorwaarden: tuple[str, ...]
    uitgesloten_bij: tuple[str, ...]
    profiel_bron: str
    domeinen: dict[str, DomeinNiveau] = field(hash=False)
    status: tuple[str, ...] = ()

    def indiceerbaar_in(self, stelsel: str, peildatum: date) -> bool:
        """Can this be indicated on the peildatum: as a ZZP under the AWBZ, as a zorgprofiel under the Wlz."""
        if stelsel == "Wlz":
            if self.wlz_van is None:
                return False
            return self.wlz_van <= peildatum and (self.wlz_tot is None or peildatum <= self.wlz_tot)
        return self.indiceerbaar_op(peildatum)

    def indiceerbaar_op(self, peildatum: date) -> bool:
        if self.indiceerbaar_van is None:
            return False
        return self.indiceerbaar_van <= peildatum and (
            self.indiceerbaar_tot is None or peildatum <= self.indiceerbaar_tot
        )

    @property
    def profiel_bekend(self) -> bool:
        return any(d.niveau is not None for d in self.domeinen.values())

    def als_dict(self) -> dict[str, Any]:
        """The catalogue entry as `zorgzwaarte codes zzp --json` lists it."""
        return {
            "code": self.code,
            "code_lang": self.code_lang,
            "cod163": self.cod163,
            "naam": self.naam,
            "sector": self.sector,
            "sector_naam": self.sector_naam,
            "indiceerbaar": {
                "van": self.indiceerbaar_van.isoformat() if self.indiceerbaar_van else None,
                "tot": self.indiceerbaar_tot.isoformat() if self.indiceerbaar_tot else None,
                "bron": self.indiceerbaar_bron,
            },
            "zorgprofiel_wlz": self.zorgprofiel_wlz,
            "zorgprofiel_wlz_indiceerbaar": (
                {
                    "van": self.wlz_van.isoformat(),
                    "tot": self.wlz_tot.isoformat() if self.wlz_tot else None,
                    "bron": self.wlz_bron,
                }
                if self.wlz_van
                else None
            ),
            "meerzorg": {"awbz": self.meerzorg_awbz, "wlz": self.meerzorg_wlz, "bron": self.meerzorg_bron},
            "pgb": {"mogelijk": self.pgb_mogelijk, "bron": self.pgb_bron},
            "uren_per_week": (
                {"min": self.uren_min, "max": self.uren_max, "bron": self.uren_bron}
                if self.uren_min is not None
                else ONBEKEND_AFBEELDING
            ),
            "geldigheid_max_maanden": self.geldigheid_max_maanden,
            "geldigheid_max_maanden_wlz": self.geldigheid_max_maanden_wlz,
            "voorwaarden": list(self.voorwaarden),
            "uitgesloten_bij": list(self.uitgesloten_bij),
            "dominante_grondslagen": list(self.dominante_grondslagen),
            "begeleidingsdoelen": list(self.begeleidingsdoelen),
            "domeinen": {
                k: {"niveau": v.niveau, "zin": v.zin, "bron": v.bron}
                if v.niveau is not None
                else {
                    "niveau": None,
                    "zin": v.zin,
                    "bron": v.bron,
                    "status": ONBEKEND_AFBEELDING if not v.zin else "geen niveau af te leiden",
                }
                for k, v in self.domeinen.items()
            },
            "status": list(self.status),
        }


def _datum(x: Any) -> date | None:
    return None if x in (None, "") else date.fromisoformat(str(x))


def _zzp(z: dict[str, Any]) -> Zzp:
    uren = z.get("uren_per_week") or {}
    wlz = z.get("wlz_indiceerbaar") or {}
    ind = z["indiceerbaar"]
    return Zzp(
        code=z["code"],
        code_lang=z["code_lang"],
        cod163=z.get("cod163"),
        naam=z["naam"],
        sector=z["sector"],
        sector_naam=z["sector_naam"],
        aliassen=tuple(z.get("aliassen") or ()),
        indiceerbaar_van=_datum(ind["van"]),
        indiceerbaar_tot=_datum(ind["tot"]),
        indiceerbaar_bron=f"{ind['bron_van']}; {ind['bron_tot']}",
        zorgprofiel_wlz=z.get("zorgprofiel_wlz"),
        wlz_van=_datum(wlz.get("van")),
        wlz_tot=_datum(wlz.get("tot")),
        wlz_bron=wlz.get("bron"),
        meerzorg_awbz=z["code"] in meerzorg_onder_a(),
        meerzorg_wlz=bool(z["meerzorg"]["wlz"]),
        meerzorg_bron=z["meerzorg"]["bron"],
        pgb_mogelijk=bool(z["pgb"]["mogelijk"]),
        pgb_bron=z["pgb"].get("bron"),
        uren_min=uren.get("min"),
        uren_max=uren.get("max"),
        uren_bron=uren.get("bron"),
        geldigheid_max_maanden=z.get("geldigheid_max_maanden"),
        geldigheid_max_bron=z.get("geldigheid_max_bron"),
        geldigheid_max_maanden_wlz=z.get("geldigheid_max_maanden_wlz"),
        geldigheid_max_wlz_bron=z.get("geldigheid_max_wlz_bron"),
        dominante_grondslagen=tuple(z.get("dominante_grondslagen") or ()),
        begeleidingsdoelen=tuple(z.get("begeleidingsdoelen") or ()),
        begeleidingsdoel_zin=z.get("begeleidingsdoel_zin"),
        voorwaarden=tuple(z.get("voorwaarden") or ()),
        uitgesloten_bij=tuple(z.get("uitgesloten_bij") or ()),
        profiel_bron=z["profiel_bron"],
        domeinen={
            k: DomeinNiveau(k, v.get("niveau"), v.get("zin"), z["profiel_bron"], v.get("handmatig"))
            for k, v in (z.get("domeinen") or {}).items()
        },
        status=tuple(z.get("status") or ()),
    )


@dataclass(frozen=True)
class Aanvulling:
    """Figures an administrator loaded as data for profiles the law gives only as an image."""

    inhoud: tuple[tuple[str, str], ...] = ()  # (code, json of the validated entry), sorted

    @cached_property
    def hash(self) -> str:
        return hashlib.sha256(json.dumps(self.inhoud).encode()).hexdigest()[:16] if self.inhoud else ""

    def items(self) -> list[dict[str, Any]]:
        return [json.loads(j) for _, j in self.inhoud]


GEEN_AANVULLING = Aanvulling()


def pas_aanvulling_toe(zzp: Zzp, items: list[dict[str, Any]], peildatum: date) -> Zzp:
    """Merge the supplement entries valid on the peildatum for this ZZP (they fill unknowns, never overwrite law)."""
    from dataclasses import replace

    for item in items:
        if item["code"] != zzp.code:
            continue
        van, tot = _datum(item["geldig_van"]), _datum(item.get("geldig_tot"))
        if (van and peildatum < van) or (tot and peildatum > tot):
            continue
        bron = f"Aanvulling beheerder: {item['bron']} (geldig vanaf {item['geldig_van']})"
        domeinen = dict(zzp.domeinen)
        for domein, niveau in (item.get("domeinen") or {}).items():
            if domein not in domeinen or domeinen[domein].niveau is None:
                domeinen[domein] = DomeinNiveau(domein, float(niveau), None, bron)
        uren = item.get("uren_per_week")
        zzp = replace(
            zzp,
            domeinen=domeinen,
            uren_min=zzp.uren_min if zzp.uren_min is not None or not uren else uren["min"],
            uren_max=zzp.uren_max if zzp.uren_max is not None or not uren else uren["max"],
            uren_bron=zzp.uren_bron if zzp.uren_min is not None or not uren else bron,
        )
    return zzp


@cache
def meerzorg_onder_a() -> frozenset[str]:
    """The ZZPs that Rza art. 1a lid 2 onder a names for meerzorg (AWBZ, 2012-2014): the list lives once, in
    `regeling_zorgaanspraken.yaml`; a ZZP named in any version of the article can have meerzorg."""
    return frozenset(
        code for p in reeks("regeling_zorgaanspraken.yaml", "waarden.meerzorg_zzp_onderdeel_a") for code in p["waarde"]
    )


@cache
def _basis() -> tuple[Zzp, ...]:
    return tuple(_zzp(z) for z in tabel_op("zzp_catalogus.yaml")["zzp"]["waarde"])


def catalogus(peildatum: date | None = None, aanvulling: Aanvulling = GEEN_AANVULLING) -> list[Zzp]:
    if not aanvulling.inhoud:
        return list(_basis())
    return list(_met_aanvulling(aanvulling, peildatum or date.max))


@lru_cache(maxsize=512)
def _met_aanvulling(aanvulling: Aanvulling, peildatum: date) -> tuple[Zzp, ...]:
    """The catalogue with the supplement merged for one peildatum (Zzp is immutable, so the result is shared)."""
    items = aanvulling.items()
    return tuple(pas_aanvulling_toe(z, items, peildatum) for z in _basis())


def zoek_zzp(code: str, lijst: list[Zzp] | None = None) -> Zzp | None:
    """Find a ZZP by its code or one of its aliases ('5VV', '5 VV', 'ZZP 5 VV', 'VV-5'), case-insensitive."""
    sleutel = code.strip().upper().replace(" ", "").replace("-", "")
    for z in lijst if lijst is not None else _basis():
        if sleutel in {a.upper().replace(" ", "").replace("-", "") for a in (z.code, z.code_lang, *z.aliassen)}:
            return z
        if z.cod163 and sleutel == z.cod163:
            return z
    return None
