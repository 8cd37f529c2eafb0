"""Loading a tariff table into the one in force: a file replaces the years it covers, and only those.

The NZa sets the maximum tariffs per calendar year (Aanwijzing contracteerruimte AWBZ 2013: "Met ingang van
1 januari 2013 gelden voor de zorgzwaartepakketten maximumtarieven"; the nhc grows in per year, Aanwijzing nhc).
So a file that holds the tariffs of 2017 is the table for 2017: loaded, it replaces every tariff of 2017 in force
(a prestatie of 2017 that is not in the file no longer has a tariff in 2017: 'vervalt'), and leaves the other
years as they were. A row without einddatum covers every year from its start. A tariff in force that runs over
the edge of a covered year keeps its days outside the covered years.

Pure: the service reads the file and the table in force and stores the outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from zorgzwaarte.regels.bekostiging.contract import Tariefregel

Soort = Literal["nieuw", "gewijzigd", "ongewijzigd", "vervalt"]
SOORTEN: tuple[Soort, ...] = ("nieuw", "gewijzigd", "ongewijzigd", "vervalt")
_DAG = timedelta(days=1)


@dataclass(frozen=True)
class Dekking:
    """The calendar years a file covers: every year one of its rows touches, and with a row without einddatum
    every year from its start on (`vanaf`)."""

    jaren: frozenset[int]
    vanaf: int | None = None

    def bevat(self, jaar: int) -> bool:
        return jaar in self.jaren or (self.vanaf is not None and jaar >= self.vanaf)

    def perioden(self) -> list[tuple[date, date | None]]:
        """The covered days as consecutive periods (first day, last day or None for open)."""
        jaren = sorted(j for j in self.jaren if self.vanaf is None or j < self.vanaf)
        uit: list[tuple[date, date | None]] = []
        for j in jaren:
            if uit and uit[-1][1] == date(j - 1, 12, 31):
                uit[-1] = (uit[-1][0], date(j, 12, 31))
            else:
                uit.append((date(j, 1, 1), date(j, 12, 31)))
        if self.vanaf is not None:
            if uit and uit[-1][1] == date(self.vanaf - 1, 12, 31):
                uit[-1] = (uit[-1][0], None)
            else:
                uit.append((date(self.vanaf, 1, 1), None))
        return uit

    def tekst(self) -> str:
        """In words: '2017', '2014 en 2017', '2015 tot en met 2016', 'vanaf 2017'."""
        delen = []
        for van, tot in self.perioden():
            if tot is None:
                delen.append(f"vanaf {van.year}")
            elif van.year == tot.year:
                delen.append(str(van.year))
            else:
                delen.append(f"{van.year} tot en met {tot.year}")
        return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def dekking(regels: Iterable[Tariefregel]) -> Dekking:
    """The years a file covers (Aanwijzing contracteerruimte AWBZ 2013: maximum tariffs per calendar year)."""
    jaren: set[int] = set()
    vanaf: int | None = None
    for r in regels:
        if r.einddatum is None:
            vanaf = r.ingangsdatum.year if vanaf is None else min(vanaf, r.ingangsdatum.year)
        else:
            jaren.update(range(r.ingangsdatum.year, r.einddatum.year + 1))
    return Dekking(frozenset(jaren), vanaf)


def _snijd(regel: Tariefregel, van: date, tot: date | None) -> Tariefregel | None:
    """The part of a row within [van, tot] (tot None: open), or None."""
    begin = max(regel.ingangsdatum, van)
    if tot is None:
        eind = regel.einddatum
    elif regel.einddatum is None:
        eind = tot
    else:
        eind = min(regel.einddatum, tot)
    if eind is not None and eind < begin:
        return None
    return replace(regel, ingangsdatum=begin, einddatum=eind)


def _vrij(van: date, tot: date | None, bezet: Iterable[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    """The days from van to tot (None: open) outside the periods `bezet` (sorted by start), as periods."""
    uit: list[tuple[date, date | None]] = []
    begin: date | None = van
    for b_van, b_tot in bezet:
        if begin is None or (tot is not None and b_van > tot):
            break
        if b_van > begin:
            uit.append((begin, b_van - _DAG))
        begin = None if b_tot is None else max(begin, b_tot + _DAG)
    if begin is not None and (tot is None or begin <= tot):
        uit.append((begin, tot))
    return uit


def _stukken(regel: Tariefregel, bezet: Iterable[tuple[date, date | None]]) -> list[Tariefregel]:
    return [deel for van, tot in _vrij(regel.ingangsdatum, regel.einddatum, bezet) if (deel := _snijd(regel, van, tot))]


def buiten(regel: Tariefregel, d: Dekking) -> list[Tariefregel]:
    """The parts of a row in force outside the covered years (kept as they are)."""
    return _stukken(regel, d.perioden())


def binnen(regel: Tariefregel, d: Dekking) -> list[Tariefregel]:
    """The parts of a row in force inside the covered years (replaced by the file)."""
    return [deel for p_van, p_tot in d.perioden() if (deel := _snijd(regel, p_van, p_tot)) is not None]


@dataclass(frozen=True)
class Wijziging:
    """What a load does to one tariff: a row of the file (nieuw, gewijzigd, ongewijzigd) with the rows in force it
    replaces, or a part of a row in force that no row of the file takes over (vervalt: onbekend from then)."""

    soort: Soort
    prestatiecode: str
    regel: Tariefregel  # the file's row; for 'vervalt' the part of the row in force that lapses
    oud: tuple[Tariefregel, ...] = ()  # the rows in force over the same days (clipped to them)
    velden: tuple[str, ...] = ()  # for 'gewijzigd': what differs (tarief, eenheid, omschrijving, bron, periode)


def _overlapt(a: Tariefregel, b: Tariefregel) -> bool:
    return (a.einddatum is None or b.ingangsdatum <= a.einddatum) and (
        b.einddatum is None or a.ingangsdatum <= b.einddatum
    )


def _sluitend(delen: Sequence[Tariefregel], van: date, tot: date | None) -> bool:
    """Whether the parts (sorted) cover every day from van to tot."""
    verwacht: date | None = van
    for d in delen:
        if verwacht is None or d.ingangsdatum != verwacht:
            return False
        verwacht = None if d.einddatum is None else d.einddatum + _DAG
    return verwacht is None if tot is None else verwacht == tot + _DAG


def _verschil(nieuw: Tariefregel, oud: Sequence[Tariefregel]) -> tuple[str, ...]:
    velden = [
        naam
        for naam in ("tarief", "eenheid", "omschrijving", "bron")
        if any(getattr(o, naam) != getattr(nieuw, naam) for o in oud)
    ]
    if not _sluitend(oud, nieuw.ingangsdatum, nieuw.einddatum):
        velden.append("periode")
    return tuple(velden)


def _gaten(regel: Tariefregel, bezet: Sequence[Tariefregel]) -> list[Tariefregel]:
    """The parts of `regel` on days no row of `bezet` (sorted, not overlapping) holds."""
    return _stukken(regel, ((b.ingangsdatum, b.einddatum) for b in bezet))


def _volgorde(r: Tariefregel) -> tuple[str, date]:
    return (r.prestatiecode, r.ingangsdatum)


@dataclass(frozen=True)
class Vervanging:
    """The outcome of loading a file into the table in force: the new table and what changes."""

    dekking: Dekking
    resultaat: tuple[Tariefregel, ...]
    wijzigingen: tuple[Wijziging, ...]
    behouden: int  # rows (or parts) in force outside the covered years, kept as they are

    def aantal(self, soort: Soort) -> int:
        return sum(1 for w in self.wijzigingen if w.soort == soort)


def vervang_perioden(huidig: Sequence[Tariefregel], nieuw: Sequence[Tariefregel]) -> Vervanging:
    """Load `nieuw` (a checked file: no overlaps, controleer_tarieftabel) into `huidig`: the covered years come
    from the file, every other day keeps the tariff in force. Each row of the file is compared with the rows in
    force on its days, per prestatie: nieuw (none), ongewijzigd (the same tariff, unit, description and source on
    every day), gewijzigd (otherwise, naming what differs); a part of a covered year that had a tariff and gets
    none from the file lapses (vervalt)."""
    d = dekking(nieuw)
    gehouden = [deel for r in huidig for deel in buiten(r, d)]
    vervangen = sorted((deel for r in huidig for deel in binnen(r, d)), key=_volgorde)
    per_code: dict[str, list[Tariefregel]] = {}
    for r in vervangen:
        per_code.setdefault(r.prestatiecode, []).append(r)
    wijzigingen: list[Wijziging] = []
    for r in sorted(nieuw, key=_volgorde):
        oud = tuple(
            deel
            for o in per_code.get(r.prestatiecode, [])
            if _overlapt(o, r) and (deel := _snijd(o, r.ingangsdatum, r.einddatum)) is not None
        )
        if not oud:
            wijzigingen.append(Wijziging("nieuw", r.prestatiecode, r))
            continue
        velden = _verschil(r, oud)
        wijzigingen.append(Wijziging("gewijzigd" if velden else "ongewijzigd", r.prestatiecode, r, oud, velden))
    nieuw_per_code: dict[str, list[Tariefregel]] = {}
    for r in sorted(nieuw, key=_volgorde):
        nieuw_per_code.setdefault(r.prestatiecode, []).append(r)
    for o in vervangen:
        for gat in _gaten(o, nieuw_per_code.get(o.prestatiecode, [])):
            wijzigingen.append(Wijziging("vervalt", o.prestatiecode, gat, (gat,)))
    wijzigingen.sort(key=lambda w: (w.prestatiecode, w.regel.ingangsdatum, SOORTEN.index(w.soort)))
    resultaat = tuple(sorted([*gehouden, *nieuw], key=_volgorde))
    return Vervanging(d, resultaat, tuple(wijzigingen), len(gehouden))


@dataclass(frozen=True)
class JaarRegel:
    """One line of the table for one year: a tariff over part of the year, or a gap in it (tarief None: onbekend)."""

    prestatiecode: str
    van: date
    tot: date
    regel: Tariefregel | None = field(default=None)


def tarieven_in_jaar(regels: Sequence[Tariefregel], jaar: int) -> list[JaarRegel]:
    """Per prestatie in the table, its tariffs in `jaar` clipped to the year, and each part of the year without a
    tariff as a line without one (onbekend, never 0). A prestatie without any tariff in that year is one line
    'onbekend' for the whole year."""
    begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    per_code: dict[str, list[Tariefregel]] = {}
    for r in sorted(regels, key=_volgorde):
        per_code.setdefault(r.prestatiecode, [])
        deel = _snijd(r, begin, eind)
        if deel is not None:
            per_code[r.prestatiecode].append(deel)
    uit: list[JaarRegel] = []
    for code, delen in sorted(per_code.items()):
        lijn = [JaarRegel(code, d.ingangsdatum, d.einddatum or eind, d) for d in delen]
        lijn += [
            JaarRegel(code, van, tot or eind)
            for van, tot in _vrij(begin, eind, ((d.ingangsdatum, d.einddatum) for d in delen))
        ]
        uit += sorted(lijn, key=lambda j: j.van)
    return uit
