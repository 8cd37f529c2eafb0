"""Dates as a Dutch reader reads them on screens and in letters: '1 december 2014' (Babel, nl_NL), one style
everywhere (the web's `datum` filter, the letters, the texts the services build). Date fields take dd-mm-jjjj."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

LOCALE = "nl_NL"


def voluit(d: date) -> str:
    """'1 december 2014'."""
    return format_date(d, format="long", locale=LOCALE)
