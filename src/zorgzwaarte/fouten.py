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


class DienstFout(Exception):
    """Base of the errors the services raise; each adapter maps them (API: 401/403/404/409)."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class NietAangemeld(DienstFout):
    """No valid login (HTTP 401)."""


class Verboden(DienstFout):
    """The role may not do this (HTTP 403). Never used where it would reveal that a record exists."""


class NietGevonden(DienstFout):
    """Not there, or not visible to this user (HTTP 404): existence is never leaked."""


class Conflict(DienstFout):
    """Someone else changed the record first, or the state forbids the change (HTTP 409)."""


class TeVaak(DienstFout):
    """Too many attempts (HTTP 429): wait `wacht_seconden` (Retry-After) before trying again."""

    def __init__(self, melding: str, wacht_seconden: int) -> None:
        super().__init__(melding)
        self.wacht_seconden = max(1, int(wacht_seconden))


class MigratieGestopt(Exception):
    """A migration that cannot go on with the data it finds: it changes nothing and says why and what to do, in
    Dutch (the CLI prints the message and ends with exit 1, no traceback)."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def leesfout(exc: BaseException, wat: str = "bestand") -> str:
    """Why a file or table could not be read, in words a user understands (never an exception's class name)."""
    if isinstance(exc, UnicodeDecodeError):
        return f"{wat} is geen tekstbestand (verwacht tekst in UTF-8)"
    if isinstance(exc, IsADirectoryError):
        return f"{wat} is een map, geen bestand"
    if isinstance(exc, PermissionError):
        return f"{wat} mag niet worden gelezen (geen toestemming)"
    if isinstance(exc, OSError):
        return f"{wat} kan niet worden gelezen"
    return f"{wat} is geen leesbare tabel: verwacht CSV met een kopregel, of Parquet"
