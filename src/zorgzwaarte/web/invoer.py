"""Dates on screen are Dutch (dd-mm-jjjj) whatever the browser's language; the services read ISO (jjjj-mm-dd)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from markupsafe import Markup

_NL = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def naar_iso(tekst: str) -> str:
    """'10-03-2014' or '1-3-2014' -> '2014-03-01'; anything else is returned as typed (validation names it)."""
    m = _NL.match(tekst)
    if not m:
        return tekst
    dag, maand, jaar = (int(x) for x in m.groups())
    try:
        return date(jaar, maand, dag).isoformat()
    except ValueError:
        return tekst


def invoerdatum(waarde: Any) -> str:
    """An ISO date (or date) as the date field shows it: '2014-03-10' -> '10-03-2014'; other text unchanged."""
    if waarde is None:
        return ""
    if isinstance(waarde, Markup):  # a macro's output: back to the text, the template escapes it once
        waarde = waarde.unescape()
    if isinstance(waarde, date):
        waarde = waarde.isoformat()
    tekst = str(waarde)
    m = _ISO.match(tekst[:10]) if len(tekst) >= 10 else None
    if m and len(tekst) == 10:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return tekst


def schermmelding(melding: Any) -> str:
    """A service message as the screen says it: dates are typed as dd-mm-jjjj here, not JJJJ-MM-DD."""
    return str(melding).replace("JJJJ-MM-DD", "dd-mm-jjjj")


def paginanummer(tekst: str) -> tuple[int, str | None]:
    """A page number from the address bar: (number, None), or (1, a Dutch message) for anything else."""
    tekst = (tekst or "").strip()
    if not tekst:
        return 1, None
    if tekst.isdigit() and int(tekst) >= 1:
        return int(tekst), None
    return 1, f"'{tekst[:20]}' is geen paginanummer; u ziet pagina 1"


def foutenlijst(
    fouten: Any, namen: dict[str, str] | None = None, ids: dict[str, str] | None = None, voorvoegsel: str = ""
) -> tuple[str | None, list[dict[str, str]]]:
    """The error summary at the top of a form: (the message about the form as a whole, the field messages).

    `fouten` is a dict form name -> message (`formulier` is the form as a whole) or a list of {veld, melding, id}
    (veld as the screen names it, id the field's id); `namen` gives a dict's screen names, `ids`/`voorvoegsel`
    the ids of its fields. Each field message links to its field (`#id`), where the same message stands.
    """
    namen, ids = namen or {}, ids or {}
    algemeen: str | None = None
    lijst: list[dict[str, str]] = []
    if isinstance(fouten, dict):
        items = [
            (k, namen.get(k, k.replace("_", " ").capitalize()), v, ids.get(k, voorvoegsel + k))
            for k, v in fouten.items()
        ]
    else:
        items = []
        for f in fouten or []:
            veld, melding, id_ = (
                (f.get("veld"), f.get("melding"), f.get("id"))
                if isinstance(f, dict)
                else (getattr(f, "veld", None), getattr(f, "melding", str(f)), None)
            )
            items.append((str(veld or ""), str(veld or ""), melding, id_ or ids.get(str(veld or ""), "")))
    for sleutel, naam, melding, id_ in items:
        if not melding:
            continue
        if sleutel in ("formulier", "") or naam == "formulier":
            algemeen = schermmelding(melding) if algemeen is None else f"{algemeen} {schermmelding(melding)}"
        else:
            lijst.append({"veld": naam, "melding": schermmelding(melding), "id": id_})
    return algemeen, lijst


def per_veld(fouten: Any, ids: dict[str, str] | None = None) -> dict[str, str]:
    """A summary's list as field id -> message (the first per field), for the fields: each {veld, melding, id}
    by its id, or an error whose veld (as the screen names it) `ids` gives the field of."""
    _, lijst = foutenlijst(fouten if isinstance(fouten, list) else [], ids=ids)
    uit: dict[str, str] = {}
    for f in lijst:
        if f["id"]:
            uit.setdefault(f["id"], f["melding"])
    return uit
