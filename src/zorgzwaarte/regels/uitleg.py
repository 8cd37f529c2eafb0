"""The explanation trail (steps with regel, uitkomst, bron) and the ruleset receipt on every result."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stap:
    """One step of a decision: which rule was applied, what came out, and where the law says so."""

    regel: str
    uitkomst: str
    bron: str

    def als_dict(self) -> dict[str, str]:
        return {"regel": self.regel, "uitkomst": self.uitkomst, "bron": self.bron}


@dataclass
class Toelichting:
    """An ordered list of steps; every rule function appends the steps it took."""

    stappen: list[Stap] = field(default_factory=list)

    def stap(self, regel: str, uitkomst: str, bron: str) -> None:
        self.stappen.append(Stap(regel, uitkomst, bron))

    def als_lijst(self) -> list[dict[str, str]]:
        return [s.als_dict() for s in self.stappen]


@dataclass(frozen=True)
class Ontvangstbewijs:
    """Identifies the ruleset a result came from, so it can be recomputed years later."""

    naam: str
    versie: str
    hash: str

    def als_dict(self) -> dict[str, str]:
        return {"naam": self.naam, "versie": self.versie, "hash": self.hash}
