"""The explanation trail (steps with regel, uitkomst, bron) and the ruleset receipt on every result."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    def als_dict(self) -> dict[str, str | None]:
        return {"regel": self.regel, "uitkomst": self.uitkomst, "bron": self.bron, "bron_adres": self.adres}


def bron_adres(bron: str) -> str | None:
    """Link a bron text to the version of the regeling it names first (bronnen.yaml through the regelset)."""
    from zorgzwaarte.regels.regelset import adres_in_tekst

    return adres_in_tekst(bron)


@dataclass
class Toelichting:
    """An ordered list of steps; every rule function appends the steps it took."""

    stappen: list[Stap] = field(default_factory=list)

    def stap(self, regel: str, uitkomst: str, bron: str) -> None:
        self.stappen.append(Stap(regel, uitkomst, bron))

    def als_lijst(self) -> list[dict[str, str | None]]:
        return [s.als_dict() for s in self.stappen]


@dataclass(frozen=True)
class Ontvangstbewijs:
    """Identifies the ruleset a result came from, so it can be recomputed years later."""

    naam: str
    versie: str
    hash: str
    geverifieerd_tot: str | None = None  # the newest law text the regelset was checked against (ISO date)

    def als_dict(self) -> dict[str, str | None]:
        return {"naam": self.naam, "versie": self.versie, "hash": self.hash, "geverifieerd_tot": self.geverifieerd_tot}
