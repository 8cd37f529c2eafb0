"""The explanation trail (steps with regel, uitkomst, bron) and the ruleset receipt on every result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Stap:
    """One step of a decision: which rule was applied, what came out, and where the law says so."""

    regel: str
    uitkomst: str
    bron: str

    @property
    def adres(self) -> str | None:
        """The wetten.overheid.nl address of the version of the regeling the bron names (None when not law)."""
        return bron_adres(self.bron)

    def als_dict(self, peildatum: date | None = None) -> dict[str, str | None]:
        """The step as the answers give it; its link goes to the version in force on the peildatum."""
        return {
            "regel": self.regel,
            "uitkomst": self.uitkomst,
            "bron": self.bron,
            "bron_adres": bron_adres(self.bron, peildatum),
        }


def bron_adres(bron: str, peildatum: date | None = None) -> str | None:
    """Link a bron text to the regeling it names first, in the version in force on the peildatum (without one: the
    version the text names, or that of bronnen.yaml). ``regelset.adres_in_tekst`` picks the version."""
    from zorgzwaarte.regels.regelset import adres_in_tekst

    return adres_in_tekst(bron, peildatum)


@dataclass
class Toelichting:
    """An ordered list of steps; every rule function appends the steps it took."""

    stappen: list[Stap] = field(default_factory=list)

    def stap(self, regel: str, uitkomst: str, bron: str) -> None:
        self.stappen.append(Stap(regel, uitkomst, bron))

    def als_lijst(self, peildatum: date | None = None) -> list[dict[str, str | None]]:
        return [s.als_dict(peildatum) for s in self.stappen]


@dataclass(frozen=True)
class Ontvangstbewijs:
    """Identifies the ruleset a result came from, so it can be recomputed years later."""

    naam: str
    versie: str
    hash: str
    geverifieerd_tot: str | None = None  # the newest law text the regelset was checked against (ISO date)

    def als_dict(self) -> dict[str, str | None]:
        return {"naam": self.naam, "versie": self.versie, "hash": self.hash, "geverifieerd_tot": self.geverifieerd_tot}
