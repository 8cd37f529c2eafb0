"""Dutch formatting (Babel) and a small accessible SVG bar chart, shared by every document and (later) the web."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "nl_NL"


def euro(bedrag: Decimal | str | int | float | None) -> str:
    """'€ 1.234,56' (None -> 'onbekend')."""
    if bedrag is None:
        return "onbekend"
    return format_currency(Decimal(str(bedrag)), "EUR", locale=LOCALE)


def getal(x: Decimal | int | float) -> str:
    return format_decimal(x, locale=LOCALE)


def procent(x: Decimal | str | None) -> str:
    """'1,90%' (two decimals; None -> '—')."""
    if x is None:
        return "—"
    return format_decimal(Decimal(str(x)), format="#,##0.00", locale=LOCALE) + "%"


def datum(d: date | str | None, vorm: str = "long") -> str:
    """'1 maart 2016' (vorm='long') or '01-03-2016' (vorm='short' -> dd-MM-y)."""
    if d is None:
        return "—"
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return format_date(d, format=vorm if vorm != "short" else "dd-MM-y", locale=LOCALE)


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: float
    tekst: str  # the value as shown next to the bar (already formatted)


def staafgrafiek(titel: str, staven: Sequence[Staaf], breedte: int = 640, staafhoogte: int = 22) -> str:
    """A horizontal bar chart as inline SVG, with a <title> and a text alternative per bar (WCAG 1.1.1)."""
    marge_links, marge_rechts, boven = 140, 150, 28
    hoogte = boven + len(staven) * (staafhoogte + 8) + 8
    grootste = max((s.waarde for s in staven), default=0.0) or 1.0
    ruimte = breedte - marge_links - marge_rechts
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(titel)}" '
        f'width="{breedte}" height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" font-family="DejaVu Sans" font-size="11">',
        f"<title>{escape(titel)}</title>",
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(titel)}</text>',
    ]
    for i, s in enumerate(staven):
        y = boven + i * (staafhoogte + 8)
        lengte = max(1.0, ruimte * s.waarde / grootste) if s.waarde > 0 else 0.0
        delen += [
            f"<g><title>{escape(s.label)}: {escape(s.tekst)}</title>",
            f'<text x="{marge_links - 8}" y="{y + staafhoogte * 0.7:.1f}" text-anchor="end">{escape(s.label)}</text>',
            f'<rect x="{marge_links}" y="{y}" width="{lengte:.1f}" height="{staafhoogte}" fill="#01689b"/>',
            f'<text x="{marge_links + lengte + 6:.1f}" y="{y + staafhoogte * 0.7:.1f}">{escape(s.tekst)}</text></g>',
        ]
    delen.append("</svg>")
    return "".join(delen)
