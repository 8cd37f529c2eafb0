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
        }


@cache
def normtijden(regelset: Regelset) -> dict[str, Handeling]:
    bestand = next(b for b in regelset.bestanden if b.startswith("normtijden"))
    uit: dict[str, Handeling] = {}
    for h in regelset.tabel(bestand)["handelingen"]["waarde"]:
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
