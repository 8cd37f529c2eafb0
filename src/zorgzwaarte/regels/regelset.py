"""Rulesets: the peildatum selects which dated set of parameters (and formulas) applies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.parameters import inhoud_hash, laad
from zorgzwaarte.regels.uitleg import Ontvangstbewijs


@dataclass(frozen=True)
class Regelset:
    onderwerp: str
    naam: str
    versie: str
    geldig_van: date
    geldig_tot: date | None
    stelsel: str
    bron: str
    bestanden: tuple[str, ...]

    def geldt_op(self, peildatum: date) -> bool:
        return self.geldig_van <= peildatum and (self.geldig_tot is None or peildatum <= self.geldig_tot)

    def tabel(self, bestand: str) -> dict[str, Any]:
        if bestand not in self.bestanden:
            raise KeyError(f"{bestand} hoort niet bij regelset {self.naam}")
        return laad(bestand)

    @property
    def ontvangstbewijs(self) -> Ontvangstbewijs:
        return Ontvangstbewijs(self.naam, self.versie, inhoud_hash(*self.bestanden))

    def periode_tekst(self) -> str:
        tot = self.geldig_tot.strftime("%d-%m-%Y") if self.geldig_tot else "heden"
        return f"{self.naam} ({self.geldig_van.strftime('%d-%m-%Y')} t/m {tot})"


def regelsets(onderwerp: str) -> list[Regelset]:
    uit = []
    for r in laad("regelsets.yaml")[onderwerp]:
        uit.append(
            Regelset(
                onderwerp=onderwerp,
                naam=r["naam"],
                versie=str(r["versie"]),
                geldig_van=date.fromisoformat(str(r["geldig_van"])),
                geldig_tot=date.fromisoformat(str(r["geldig_tot"])) if r.get("geldig_tot") else None,
                stelsel=r["stelsel"],
                bron=r["bron"],
                bestanden=tuple(r["bestanden"]),
            )
        )
    return uit


def regelset_op(onderwerp: str, peildatum: date, veld: str = "peildatum") -> Regelset:
    """The ruleset in force on the peildatum, or a Dutch error naming the field."""
    sets = regelsets(onderwerp)
    for r in sets:
        if r.geldt_op(peildatum):
            return r
    beschikbaar = ", ".join(r.periode_tekst() for r in sets)
    raise InvoerFout.een(
        veld,
        f"er is geen regelset voor peildatum {peildatum.strftime('%d-%m-%Y')}; beschikbaar: {beschikbaar}",
    )
