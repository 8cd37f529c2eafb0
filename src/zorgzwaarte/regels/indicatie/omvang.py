"""Omvang: minutes per zorgmoment, klassen and the caps on begeleiding and groepszorg.

All arithmetic in Decimal so band boundaries (e.g. exactly 2,0 uur) are exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from zorgzwaarte.regels.getallen import d, fmt

__all__ = ["ZESTIG", "d", "fmt"]  # d and fmt re-exported for the indication modules

ZESTIG = Decimal(60)


@dataclass(frozen=True)
class Band:
    klasse: int
    uren_van: Decimal
    uren_tot_en_met: Decimal


def banden(tabel: Iterable[dict[str, Any]]) -> list[Band]:
    uit = [Band(int(b["klasse"]), d(b["uren_van"]), d(b["uren_tot_en_met"])) for b in tabel]
    return sorted(uit, key=lambda b: b.uren_van)


@dataclass(frozen=True)
class KlasseUitkomst:
    klasse: int
    band: Band
    additionele_uren: Decimal  # hours above the top of the highest band, to be indicated with motivation


def klasse_voor_uren(bandlijst: Sequence[Band], uren: Decimal) -> KlasseUitkomst:
    """Klasse k covers [uren_van(k), uren_van(k+1)): the law's '2 – 3,9 uur' bands written with one decimal."""
    grenzen = [b.uren_van for b in bandlijst]
    i = max(bisect_right(grenzen, uren) - 1, 0)
    band = bandlijst[i]
    extra = Decimal(0)
    if i == len(bandlijst) - 1:
        bovengrens = band.uren_tot_en_met + Decimal("0.1")
        if uren >= bovengrens:
            extra = uren - bovengrens
    return KlasseUitkomst(band.klasse, band, extra)


def afronden_geheel(x: Decimal) -> int:
    return int(x.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def school_dagdelen_per_week(dagdelen: Decimal, weken_per_jaar: int, basis_weken: int) -> int:
    """School/work dagdelen averaged over the year (bijlage 1 §3.4: 40 weken x 9 dagdelen = 7 per week)."""
    return afronden_geheel(dagdelen * Decimal(weken_per_jaar) / Decimal(basis_weken))
