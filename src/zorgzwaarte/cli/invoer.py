"""Reading input files and reporting errors the same way in every command (exit 2, JSON on stderr)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from pydantic import BaseModel

from zorgzwaarte.fouten import InvoerFout, leesfout

EXIT_INVOERFOUT = 2


def lees_tekst(bestand: str) -> str:
    """Read text from a file or '-' (stdin); a Dutch InvoerFout when it cannot be read."""
    try:
        return sys.stdin.read() if bestand == "-" else Path(bestand).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvoerFout.een("bestand", f"bestand '{bestand}' bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvoerFout.een("bestand", leesfout(exc, f"bestand '{bestand}'")) from None


def lees_json(bestand: str) -> Any:
    """Read JSON from a file or '-' (stdin); a Dutch InvoerFout when it cannot be read or parsed."""
    tekst = lees_tekst(bestand)
    if not tekst.strip():
        raise InvoerFout.een("bestand", "het bestand is leeg; verwacht JSON")
    try:
        return json.loads(tekst)
    except json.JSONDecodeError as exc:
        raise InvoerFout.een(
            "bestand",
            f"geen geldige JSON op regel {exc.lineno}, kolom {exc.colno}; controleer aanhalingstekens, komma's en haakjes",
        ) from None


def stop_met_fout(fout: InvoerFout) -> NoReturn:
    sys.stderr.write(json.dumps(fout.als_dict(), ensure_ascii=False, indent=2) + "\n")
    raise SystemExit(EXIT_INVOERFOUT)


def print_json(data: Any) -> None:
    """Print as JSON; a service's answer (a Pydantic model, or a list of them) as the API gives it."""
    sys.stdout.write(json.dumps(_json(data), ensure_ascii=False, indent=2) + "\n")


def _json(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json", exclude_unset=True)
    if isinstance(data, list):
        return [_json(x) for x in data]
    return data
