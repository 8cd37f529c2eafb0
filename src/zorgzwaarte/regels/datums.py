"""Date arithmetic the law uses: periods are inclusive (a decision 'geldig tot' includes that day)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def plus_maanden(d: date, maanden: int) -> date:
    """The same day N months later (clamped to the month's last day)."""
    m = d.month - 1 + maanden
    jaar, maand = d.year + m // 12, m % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def tot_en_met_na_maanden(van: date, maanden: int) -> date:
    """Last day of a period of N months that starts on `van` (inclusive end).

    A period of months ends the day before the same day number N months later; when that month has no such day
    (a start on 31 August plus eight months: there is no 31 April), the period runs to the end of that month,
    so 31-08-2014 + 8 maanden = tot en met 30-04-2015 (not 29-04). Zorgindicatieregeling art. 1.
    """
    m = van.month - 1 + maanden
    jaar, maand = van.year + m // 12, m % 12 + 1
    laatste = calendar.monthrange(jaar, maand)[1]
    if van.day > laatste:
        return date(jaar, maand, laatste)
    return date(jaar, maand, van.day) - timedelta(days=1)


def tot_en_met_na_weken(van: date, weken: int) -> date:
    return van + timedelta(weeks=weken) - timedelta(days=1)


def leeftijd(geboortedatum: date, peildatum: date) -> int:
    """Age in whole years on the peildatum."""
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


def binnen(dag: date, van: date, tot: date | None) -> bool:
    """Whether a day lies in the inclusive period [van, tot] (tot None: open-ended)."""
    return van <= dag and (tot is None or dag <= tot)


def nl(d: date | None) -> str:
    """Dutch numeric date for trail texts (dd-mm-jjjj); adapters use Babel for long forms."""
    return d.strftime("%d-%m-%Y") if d else "—"


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def voluit(d: date) -> str:
    """Dutch date written out for plain-language texts ('1 januari 2013'), without locale data."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
