"""Turn Pydantic's validation errors into the project's Dutch InvoerFout (field path + message)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from zorgzwaarte.fouten import Fout, InvoerFout

M = TypeVar("M", bound=BaseModel)

_MELDINGEN: dict[str, str] = {
    "missing": "is verplicht maar ontbreekt",
    "extra_forbidden": "is geen bekend veld",
    "date_from_datetime_parsing": "is geen bestaande datum (verwacht JJJJ-MM-DD)",
    "date_parsing": "is geen bestaande datum (verwacht JJJJ-MM-DD)",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn (JJJJ-MM-DD)",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "float_type": "moet een getal zijn",
    "decimal_parsing": "moet een bedrag of getal zijn",
    "decimal_type": "moet een bedrag of getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "bool_parsing": "moet true of false zijn",
    "bool_type": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "model_type": "moet een object zijn",
    "model_attributes_type": "moet een object zijn",
    "too_short": "is te kort of leeg",
    "too_long": "is te lang",
    "string_too_short": "mag niet leeg zijn",
    "json_invalid": "is geen geldige JSON",
}


def _getal(x: Any) -> Any:
    """A bound as the user writes it: 168.0 -> 168, 2.5 -> 2,5 (Dutch decimal comma)."""
    if isinstance(x, (float, Decimal)):
        return str(int(x)) if x == int(x) else str(x).replace(".", ",")
    return x


def _melding(err: Any) -> str:
    soort = err["type"]
    ctx = err.get("ctx") or {}
    vergelijkingen = {
        "greater_than_equal": ("ge", "moet minimaal {} zijn"),
        "greater_than": ("gt", "moet groter zijn dan {}"),
        "less_than_equal": ("le", "mag hoogstens {} zijn"),
        "less_than": ("lt", "moet kleiner zijn dan {}"),
    }
    if soort in vergelijkingen:
        sleutel, sjabloon = vergelijkingen[soort]
        return sjabloon.format(_getal(ctx.get(sleutel)))
    if soort == "too_long" and ctx.get("max_length") is not None:
        return f"heeft te veel onderdelen: hoogstens {ctx['max_length']}"
    if soort == "string_too_long" and ctx.get("max_length") is not None:
        return f"is te lang: hoogstens {ctx['max_length']} tekens"
    if soort in ("literal_error", "enum"):
        return f"moet een van deze waarden zijn: {ctx.get('expected', '')}".replace(" or ", " of ")
    if soort in ("value_error", "assertion_error"):
        return str(ctx.get("error", err.get("msg", "ongeldige waarde")))
    return _MELDINGEN.get(soort, "heeft een ongeldige waarde")


def pad(loc: tuple[Any, ...]) -> str:
    return ".".join(str(d) for d in loc) or "(invoer)"


def fouten_uit(exc: ValidationError, voorvoegsel: str = "") -> list[Fout]:
    return fouten_uit_lijst(exc.errors(include_url=False), voorvoegsel)


def fouten_uit_lijst(errors: Any, voorvoegsel: str = "") -> list[Fout]:
    """Pydantic-style error dicts (also FastAPI's RequestValidationError.errors()) as Dutch Fouten."""
    uit = []
    for err in errors:
        loc = tuple(err["loc"])
        veld = (f"{voorvoegsel}{pad(loc)}" if loc else voorvoegsel.rstrip(".")) if voorvoegsel else pad(loc)
        uit.append(Fout(veld, _melding(err)))
    return uit


def valideer(model: type[M], data: Any, voorvoegsel: str = "") -> M:
    """Validate raw input against a model; on failure raise InvoerFout with every problem in Dutch."""
    if not isinstance(data, dict):
        raise InvoerFout.een(voorvoegsel.rstrip(".") or "(invoer)", "moet een JSON-object zijn")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvoerFout(fouten_uit(exc, voorvoegsel)) from None


ONGELDIG_TEKEN = "bevat een teken dat niet is toegestaan (een nulteken of een half teken); gebruik gewone tekst"


def onleesbaar(tekst: str) -> bool:
    """True when the text holds a NUL character or a lone surrogate (no database stores it, no client shows it)."""
    if "\x00" in tekst:
        return True
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def zoek_ongeldige_tekst(waarde: Any, pad: str = "") -> str | None:
    """The field path of the first string (key or value) holding a NUL or a lone surrogate, else None."""
    stapel: list[tuple[Any, str]] = [(waarde, pad)]
    while stapel:
        w, p = stapel.pop()
        if isinstance(w, str):
            if onleesbaar(w):
                return p or "(invoer)"
        elif isinstance(w, dict):
            for k, v in w.items():
                if onleesbaar(str(k)):
                    return p or "(invoer)"
                stapel.append((v, f"{p}.{k}" if p else str(k)))
        elif isinstance(w, list):
            stapel.extend((v, f"{p}.{i}" if p else str(i)) for i, v in enumerate(w))
    return None


class OnleesbareJson(InvoerFout):
    """The bytes are not JSON at all (not UTF-8, bad syntax, nested too deep, a number with thousands of digits)."""


def lees_json(inhoud: bytes, veld: str = "(invoer)") -> Any:
    """Parse JSON from bytes, or raise InvoerFout with a Dutch message: not UTF-8, not JSON, nested too deep, a
    number with thousands of digits, or text with a NUL or half character (field path given)."""
    try:
        data = json.loads(inhoud.decode("utf-8"))
    except UnicodeDecodeError:
        raise OnleesbareJson.een(veld, "is geen UTF-8-tekst") from None
    except RecursionError:
        raise OnleesbareJson.een(veld, "is te diep genest") from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise OnleesbareJson.een(veld, "bevat een getal met te veel cijfers") from None
        raise OnleesbareJson.een(
            veld, "is geen geldige JSON; controleer aanhalingstekens, komma's en haakjes"
        ) from None
    pad = zoek_ongeldige_tekst(data)
    if pad is not None:
        raise InvoerFout.een(pad if veld == "(invoer)" else f"{veld}: {pad}", ONGELDIG_TEKEN)
    return data
