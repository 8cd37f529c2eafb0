"""Dutch formatting (Babel) and a small accessible SVG bar chart, shared by every document and (later) the web."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_currency, format_decimal

from zorgzwaarte.diensten.datums import voluit
from zorgzwaarte.regels.codes import FUNCTIE_NAMEN, grondslag_naam

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


def datum(d: date | str | None) -> str:
    """'1 maart 2016': the one date style of screens and letters (diensten.datums.voluit; None -> '—')."""
    if d is None:
        return "—"
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return voluit(d)


NL_ZONE = ZoneInfo("Europe/Amsterdam")


def tijdstip(moment: datetime | str | None) -> str:
    """A moment as a Dutch reader expects it: '29 november 2026 21:15:03 CET' (the one date style, Europe/Amsterdam,
    zone shown; a moment without a zone is read as UTC, as the audit log stores it)."""
    if moment is None or moment == "":
        return "—"
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    lokaal = moment.astimezone(NL_ZONE)
    return f"{voluit(lokaal.date())} {lokaal.strftime('%H:%M:%S')} {lokaal.tzname() or ''}".strip()


def functienaam(code: str) -> str:
    """A function as the client reads it: 'PV' -> 'Persoonlijke verzorging' (an unknown code stays itself)."""
    return FUNCTIE_NAMEN.get(code, code)


_FUNCTIECODE = "|".join(sorted((re.escape(c) for c in FUNCTIE_NAMEN), key=len, reverse=True))
_FUNCTIELIJST = re.compile(rf"\(({_FUNCTIECODE})\)|(?<![\w-])((?:{_FUNCTIECODE})(?:, (?:{_FUNCTIECODE}))*)(?![\w-])")
_LOSSE_GRONDSLAG = re.compile(r"(uitwisselbaar met |grondslag )(\d\d(?:, \d\d)*)\b")


def codes_in_woorden(tekst: str) -> str:
    """A trail step with its codes in words: function codes ('PV, VP' -> 'persoonlijke verzorging (PV), verpleging
    (VP)') and bare grondslag codes ('uitwisselbaar met 04' -> 'uitwisselbaar met lichamelijke handicap
    (functiestoornis) (04)'); the code stays in brackets for the assessor. Names from regels.codes."""

    def functies(m: re.Match[str]) -> str:
        if m.group(1):  # already in brackets: '(PV)' -> '(persoonlijke verzorging, PV)'
            return f"({FUNCTIE_NAMEN[m.group(1)].lower()}, {m.group(1)})"
        return ", ".join(f"{FUNCTIE_NAMEN[c].lower()} ({c})" for c in m.group(2).split(", "))

    def grondslagen(m: re.Match[str]) -> str:
        return m.group(1) + ", ".join(f"{grondslag_naam(c).lower()} ({c})" for c in m.group(2).split(", "))

    return _LOSSE_GRONDSLAG.sub(grondslagen, _FUNCTIELIJST.sub(functies, str(tekst)))


def postcode(waarde: str | None) -> str:
    """A postcode as PostNL writes it on an envelope: '3511AB' -> '3511 AB'."""
    pc = (waarde or "").replace(" ", "").upper()
    return f"{pc[:4]} {pc[4:]}" if re.fullmatch(r"\d{4}[A-Z]{2}", pc) else (waarde or "")


def achternaam(voorvoegsel: str | None, geslachtsnaam: str, met_voorletters: bool = False) -> str:
    """'De Boer' (the voorvoegsel with a capital when no initials precede it) or 'de Boer' after initials."""
    vv = (voorvoegsel or "").strip()
    if vv and not met_voorletters:
        vv = vv[0].upper() + vv[1:]
    return f"{vv} {geslachtsnaam}".strip()


def aanhef(geslacht: str | None, voorvoegsel: str | None, geslachtsnaam: str) -> str:
    """The salutation of a letter: 'Geachte mevrouw De Boer', 'Geachte heer Van den Berg'; 'Geachte heer/mevrouw
    De Boer' only when the sex is unknown (iWlz geslacht: 1 man, 2 vrouw, 0 onbekend)."""
    titel = {"1": "heer", "2": "mevrouw"}.get(str(geslacht or "0"), "heer/mevrouw")
    return f"Geachte {titel} {achternaam(voorvoegsel, geslachtsnaam)}"


_DOCS = re.compile(r";?\s*\(?zie docs/[\w./-]+\)?")
_INTERN = re.compile(r"\s*\((?:COD163|afstand)[^)]*\)|\s*\(\d+(?:[.,]\d+)?\)(?=[,;]|$)")
# a decimal point becomes a comma, but not in a version or an article number ("art. 2.2" stays "art. 2.2")
_DECIMAAL = re.compile(r"(?<!versie )(?<!art\. )(?<!artikel )(?<![§\w.:-])(\d+)\.(\d+)(?![\w.-])")


# The rules core writes figures in a trail text in one machine form (regels.getallen.euro: "€ 1234.50";
# regels.datums.nl: "01-03-2014"; a decimal comma is read too); screens and letters show them in the one Dutch style.
# An amount already in Dutch form ("€ 1.234,50") or with more than two decimals (a tariff) does not match and stays.
_BEDRAG = re.compile(r"€ (-?\d+)(?:[.,](\d{2}))?(?![\d.,])")
_DATUM = re.compile(r"(?<![\d-])(\d{2})-(\d{2})-(\d{4})(?![\d-])")


def leesbaar(tekst: str | None) -> str:
    """A text from the rules (a trail step, a signal) with its amounts and dates in the style of screens and
    letters: "€ 1000.00" -> "€ 1.000,00" (Babel, ``euro``), "01-03-2014" -> "1 maart 2014" (``datum``)."""
    if tekst is None:
        return ""

    def als_datum(m: re.Match[str]) -> str:
        try:
            return datum(date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            return m.group(0)

    def als_bedrag(m: re.Match[str]) -> str:
        return euro(f"{m.group(1)}.{m.group(2) or '00'}")

    return _DATUM.sub(als_datum, _BEDRAG.sub(als_bedrag, str(tekst)))


# Outcome fields that hold an amount in euros (the machine form "1234.50" of the JSON answer).
BEDRAGVELDEN = frozenset({"prijs", "restwaarde", "grens", "vergoeding", "overnameprijs", "kosten", "bedrag"})
_ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


def uitkomstwaarde(waarde: Any, naam: str = "") -> str:
    """One value of an outcome as screens show it: an amount field in euros, an ISO date as '1 maart 2014', yes/no
    in words, a list joined; anything else as it is."""
    if waarde is None:
        return "onbekend"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if naam in BEDRAGVELDEN and isinstance(waarde, (str, int, float, Decimal)):
        return euro(waarde)
    if isinstance(waarde, str) and _ISO_DATUM.fullmatch(waarde):
        return datum(waarde)
    if isinstance(waarde, (list, tuple)):
        return ", ".join(uitkomstwaarde(x, naam) for x in waarde)
    if isinstance(waarde, float):
        return getal(waarde)
    return str(waarde)


def voor_client(tekst: str) -> str:
    """A trail step as a client reads it: no file paths, no code-list names or internal distances, Dutch decimals,
    amounts and dates (``leesbaar``)."""
    tekst = _INTERN.sub("", _DOCS.sub("", str(tekst)))
    return leesbaar(_DECIMAAL.sub(r"\1,\2", tekst))


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: float
    tekst: str  # the value as shown next to the bar (already formatted)


def staafgrafiek(
    titel: str,
    staven: Sequence[Staaf],
    breedte: int = 640,
    staafhoogte: int = 22,
    lijn: float | None = None,
    lijn_tekst: str = "",
) -> str:
    """A horizontal bar chart as inline SVG, with a <title> and a text alternative per bar (WCAG 1.1.1); `lijn`
    draws a dashed reference line (for instance the indicated hours) with `lijn_tekst` as its label."""
    marge_links, marge_rechts, boven = 140, 150, 28 + (16 if lijn else 0)
    hoogte = boven + len(staven) * (staafhoogte + 8) + 8
    grootste = max([s.waarde for s in staven] + [lijn or 0.0]) or 1.0
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
    if lijn:
        x = marge_links + ruimte * lijn / grootste
        delen += [
            f"<g><title>{escape(lijn_tekst)}</title>",
            f'<line x1="{x:.1f}" y1="{boven - 6}" x2="{x:.1f}" y2="{hoogte - 4}" stroke="#a90000" stroke-width="2" '
            'stroke-dasharray="5 3"/>',
            f'<text x="{x:.1f}" y="{boven - 9}" text-anchor="middle" fill="#a90000">{escape(lijn_tekst)}</text></g>',
        ]
    delen.append("</svg>")
    return "".join(delen)


def profielgrafiek(
    domeinen: Sequence[dict[str, object]], reeksen: Sequence[tuple[str, str]], breedte: int = 560
) -> str:
    """Grouped horizontal bars per domain (levels 0-3): the client against one or more profiles, as inline SVG.

    `domeinen`: [{"naam": .., "<sleutel>": level or None}], `reeksen`: [(sleutel, legend label)]. Unknown levels
    are drawn as 'onbekend' text, never as 0.
    """
    kleuren = ["#01689b", "#e17000", "#6b6b6b"]
    # the left margin fits the longest domain name (DejaVu Sans at 11 px: at most about 6.6 px per character)
    marge = max(170, 12 + round(6.6 * max((len(str(d["naam"])) for d in domeinen), default=0)))
    staaf, groep = 12, 12 * len(reeksen) + 14
    hoogte = 40 + groep * len(domeinen)
    ruimte = breedte - marge - 60
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Vergelijking per domein" width="{breedte}" '
        f'height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" font-family="DejaVu Sans, sans-serif" font-size="11">',
        "<title>Vergelijking per domein: niveau 0 tot 3</title>",
    ]
    for i, (_, label) in enumerate(reeksen):
        delen.append(f'<rect x="{marge + i * 150}" y="4" width="10" height="10" fill="{kleuren[i % 3]}"/>')
        delen.append(f'<text x="{marge + i * 150 + 14}" y="13">{escape(label)}</text>')
    for d_i, d in enumerate(domeinen):
        y0 = 28 + d_i * groep
        delen.append(
            f'<text x="{marge - 8}" y="{y0 + groep / 2:.1f}" text-anchor="end">{escape(str(d["naam"]))}</text>'
        )
        for r_i, (sleutel, label) in enumerate(reeksen):
            waarde = d.get(sleutel)
            y = y0 + r_i * staaf
            if isinstance(waarde, (int, float)):
                lengte = ruimte * float(waarde) / 3
                tekst = f"{float(waarde):.2f}".replace(".", ",")
                delen.append(
                    f"<g><title>{escape(str(d['naam']))}, {escape(label)}: {tekst}</title>"
                    f'<rect x="{marge}" y="{y}" width="{max(lengte, 1):.1f}" height="{staaf - 2}" fill="{kleuren[r_i % 3]}"/>'
                    f'<text x="{marge + lengte + 4:.1f}" y="{y + staaf - 3}">{tekst}</text></g>'
                )
            else:
                delen.append(f'<text x="{marge}" y="{y + staaf - 3}" fill="#6b6b6b">{escape(label)}: onbekend</text>')
    delen.append("</svg>")
    return "".join(delen)
