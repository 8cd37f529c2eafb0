"""The normtijden tables (average minutes per handeling) of the ruleset in force."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from zorgzwaarte.regels.regelset import Regelset, Wijziging


@dataclass(frozen=True)
class Handeling:
    id: str
    functie: str
    activiteit: str
    activiteit_omschrijving: str
    omschrijving: str
    minuten: float
    frequentie_in_bron: str | None
    bron: str
    # '*' in the VP table: nursing needed for medisch-specialistische zorg (bijlage 5 §3.1 and §4.4)
    medisch_specialistisch: bool = False
    # The home ventilation schedule (bijlage 5 §5.3): its own way of counting, see trechtermodel.thuisbeademing_tijd
    thuisbeademing: bool = False
    minuten_tot: float | None = None  # a range in the text ('5 tot 10 minuten'): the assessor gives the minutes
    standaard_per_dag: tuple[int, int] | None = None  # 'standaard frequentie' per day (lowest, highest)
    alleen_als_enige_handeling: bool = False  # counted only when no other handeling falls in the same zorgmoment

    def als_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "functie": self.functie,
            "activiteit": self.activiteit,
            "activiteit_omschrijving": self.activiteit_omschrijving,
            "omschrijving": self.omschrijving,
            "minuten": self.minuten,
            "frequentie_in_bron": self.frequentie_in_bron,
            "bron": self.bron,
            "medisch_specialistisch": self.medisch_specialistisch,
            "thuisbeademing": self.thuisbeademing,
            "minuten_tot": self.minuten_tot,
        }


@cache
def normtijden(regelset: Regelset) -> dict[str, Handeling]:
    bestand = next(b for b in regelset.bestanden if b.startswith("normtijden"))
    uit: dict[str, Handeling] = {}
    tabel = regelset.tabel(bestand)
    tb = tabel.get("thuisbeademing", {}).get("handelingen", {}).get("waarde") or []
    for h in [*tabel["handelingen"]["waarde"], *({**t, "thuisbeademing": True} for t in tb)]:
        standaard = h.get("standaard_per_dag")
        uit[h["id"]] = Handeling(
            id=h["id"],
            functie=h["functie"],
            activiteit=str(h["activiteit"]),
            activiteit_omschrijving=h["activiteit_omschrijving"],
            omschrijving=h["omschrijving"],
            minuten=h["minuten"],
            frequentie_in_bron=None if h.get("frequentie_in_bron") is None else str(h["frequentie_in_bron"]),
            bron=h["bron"],
            medisch_specialistisch=bool(h.get("medisch_specialistisch")),
            thuisbeademing=bool(h.get("thuisbeademing")),
            minuten_tot=h.get("minuten_tot"),
            standaard_per_dag=(int(standaard[0]), int(standaard[1])) if standaard else None,
            alleen_als_enige_handeling=bool(h.get("alleen_als_enige_handeling")),
        )
    return uit


def heeft_normtijden(regelset: Regelset) -> bool:
    return any(b.startswith("normtijden") for b in regelset.bestanden)


def laatste_normtijden(wijzigingen: tuple[Wijziging, ...] = ()) -> dict[str, Handeling]:
    """The normtijden of the latest ruleset that has them (the Wlz indicates no functies en klassen at home);
    with a variant's ``wijzigingen`` in place (docs/wat-als.md)."""
    from zorgzwaarte.regels.regelset import regelsets

    laatste = [r for r in regelsets("indicatie") if heeft_normtijden(r)][-1]
    return normtijden(replace(laatste, wijzigingen=wijzigingen) if wijzigingen else laatste)
