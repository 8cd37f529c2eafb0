"""The one error type for invalid input: a list of (field path, Dutch message).

Every adapter renders it in its own way: the CLI as exit code 2 with JSON on stderr, the API as HTTP 422.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fout:
    veld: str
    melding: str

    def als_dict(self) -> dict[str, str]:
        return {"veld": self.veld, "melding": self.melding}


@dataclass
class InvoerFout(Exception):
    """Invalid input: every problem found, each with the path of the field and a Dutch message."""

    fouten: list[Fout] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{f.veld}: {f.melding}" for f in self.fouten)

    def als_dict(self) -> dict[str, list[dict[str, str]]]:
        return {"fouten": [f.als_dict() for f in self.fouten]}

    @classmethod
    def een(cls, veld: str, melding: str) -> InvoerFout:
        return cls([Fout(veld, melding)])
