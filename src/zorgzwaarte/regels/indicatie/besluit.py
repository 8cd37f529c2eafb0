"""The indicatiebesluit as the rules core returns it; ``als_dict`` is the machine contract's JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from zorgzwaarte.regels.uitleg import Ontvangstbewijs, Stap

FUNCTIECODES: dict[str, str] = {
    "PV": "31",
    "VP": "41",
    "BH-IND": "63",
    "BH-GRP": "64",
    "KVB": "71",
    "BG-IND": "81",
    "BG-GRP": "82",
    "VP-TOEZICHT": "41",  # verpleging: toezicht i.v.m. thuisbeademing (BIA bijlage 5 §4.4 activiteit 4.1, §5.4)
}
FUNCTIENAMEN: dict[str, str] = {
    "PV": "Persoonlijke verzorging",
    "VP": "Verpleging",
    "BG-IND": "Begeleiding individueel",
    "BG-GRP": "Begeleiding in groepsverband",
    "BH-IND": "Behandeling individueel",
    "BH-GRP": "Behandeling in groepsverband",
    "KVB": "Kortdurend verblijf",
    "VP-TOEZICHT": "Verpleging: verpleegkundig toezicht bij thuisbeademing",
}


def getal(x: Decimal | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if x == x.to_integral_value() else float(x)


@dataclass
class GeindiceerdeFunctie:
    functie: str
    minuten_per_week: Decimal | None
    klasse: int | None
    klasse_code: str
    ingangsdatum: date
    einddatum: date | None
    eenheid: str = "uren"  # uren | dagdelen | etmalen | geen
    omvang: Decimal | None = None  # dagdelen or etmalen per week for those units
    additionele_uren_per_week: Decimal | None = None

    def als_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "functie": self.functie,
            "naam": FUNCTIENAMEN[self.functie],
            "functiecode": FUNCTIECODES[self.functie],
            "minuten_per_week": getal(self.minuten_per_week),
            "klasse": self.klasse,
            "klasse_code": self.klasse_code,
            "ingangsdatum": self.ingangsdatum.isoformat(),
            "einddatum": self.einddatum.isoformat() if self.einddatum else None,
            "eenheid": self.eenheid,
        }
        if self.omvang is not None:
            uit[f"{self.eenheid}_per_week"] = getal(self.omvang)
        if self.additionele_uren_per_week:
            uit["additionele_uren_per_week"] = getal(self.additionele_uren_per_week)
        return uit


@dataclass
class Indicatiebesluit:
    besluit: str  # toegekend | afgewezen
    verblijf: bool
    functies: list[GeindiceerdeFunctie]
    besluitdatum: date
    geldig_van: date
    geldig_tot: date | None
    geldig_tot_overlijden: bool
    grondslagen: list[str]
    ruleset: Ontvangstbewijs
    toelichting: list[Stap]
    etmalen_verblijf: int | None = None
    uiterste_beslisdatum: date | None = None
    zzp: dict[str, Any] | None = None
    afwijzingsgronden: list[str] = field(default_factory=list)
    stelsel: str = "AWBZ"
    # Dutch sentences: where the result rests on a text that may have changed, or a fact that was not given.
    waarschuwingen: list[str] = field(default_factory=list)
    # Zorgindicatiebesluit art. 14 lid 1: with a validity shorter than a year, whether the need lasts a year
    behoefte_minstens_een_jaar: bool | None = None
    behoefte_minstens_een_jaar_reden: str | None = None
    # the assessment's peildatum: the links of the steps go to the version of the law in force that day
    peildatum: date | None = None

    def als_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "besluit": self.besluit,
            "stelsel": self.stelsel,
            "verblijf": self.verblijf,
            "functies": [f.als_dict() for f in self.functies],
            "besluitdatum": self.besluitdatum.isoformat(),
            "geldig_van": self.geldig_van.isoformat(),
            "geldig_tot": self.geldig_tot.isoformat() if self.geldig_tot else None,
            "geldig_tot_overlijden": self.geldig_tot_overlijden,
            "geldig_onbepaald": self.besluit == "toegekend"
            and self.geldig_tot is None
            and not self.geldig_tot_overlijden,
            "grondslagen": self.grondslagen,
            "etmalen_verblijf": self.etmalen_verblijf,
            "uiterste_beslisdatum": self.uiterste_beslisdatum.isoformat() if self.uiterste_beslisdatum else None,
            "afwijzingsgronden": self.afwijzingsgronden,
            "waarschuwingen": self.waarschuwingen,
            "behoefte_minstens_een_jaar": self.behoefte_minstens_een_jaar,
            "behoefte_minstens_een_jaar_reden": self.behoefte_minstens_een_jaar_reden,
            "ruleset": self.ruleset.als_dict(),
            "toelichting": [s.als_dict(self.peildatum) for s in self.toelichting],
        }
        if self.verblijf:
            uit["zzp"] = self.zzp
        return uit
