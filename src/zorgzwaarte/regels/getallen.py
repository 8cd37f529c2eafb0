"""Numbers and amounts in explanation texts and results (one place for every rule module)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def d(x: float | int | str | Decimal) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def fmt(x: Decimal) -> str:
    """Dutch notation for a number in a trail text: 26,5 (no trailing zeros)."""
    q = x.quantize(Decimal("0.01")).normalize()
    tekst = f"{q:f}"
    return tekst.replace(".", ",")


def euro(x: Decimal) -> str:
    """Amount as a decimal string in euros with two decimals ("1234.50"), rounded half up to the cent.

    The machine form for JSON results; screens and letters show "€ 1.234,50" (``rapporten.opmaak.euro``)."""
    return str(x.quantize(CENT, rounding=ROUND_HALF_UP))


def euro_uit_centen(centen: int) -> str:
    """Whole cents as the same decimal string: 123450 -> "1234.50", -5 -> "-0.05"."""
    return euro(Decimal(centen) / 100)
