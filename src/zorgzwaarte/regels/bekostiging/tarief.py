"""Tariff arithmetic: meerzorg per day (NZa) and modular time rounding; money in Decimal, rounded where the rule says."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from zorgzwaarte.regels.regelset import alleen_waarden, tabel_op

CENT = Decimal("0.01")


def rekenkundig(x: Decimal) -> Decimal:
    """'Rekenkundige methode': third decimal 5 or higher rounds up to whole cents, 4 or lower down."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def meerzorg_dagtarief(
    uren_per_week: Mapping[str, Decimal], tarief_per_uur: Mapping[str, Decimal]
) -> tuple[Decimal, list[str]]:
    """ZZP-meerzorg per day = sum(hours x tariff per deelprestatie) / 7 (NZa meerzorg art. 3-5), with its steps.

    a. hours per week per deelprestatie on two decimals; b. tariff per hour on two decimals; c. hours x tariff on
    two decimals (rekenkundig); d. the sum divided by seven days on two decimals (rekenkundig).
    """
    p = alleen_waarden(tabel_op("declaratie.yaml")["meerzorg"])
    stappen = []
    som = Decimal(0)
    for deel in sorted(uren_per_week):
        uren = rekenkundig(uren_per_week[deel])
        tarief = rekenkundig(tarief_per_uur[deel])
        product = rekenkundig(uren * tarief)
        som += product
        stappen.append(f"{deel}: {uren} uur x € {tarief} = € {product}")
    dag = rekenkundig(som / Decimal(p["dagen_per_week"]))
    stappen.append(f"€ {som} / {p['dagen_per_week']} dagen = € {dag} per dag")
    return dag, stappen


def afronden_op_vijf_minuten(minuten: Decimal) -> Decimal:
    """Modular time without a written agreement: to the nearest multiple of five minutes (NZa art. 4.3)."""
    stap = Decimal(tabel_op("declaratie.yaml")["modulair"]["afronding_minuten"]["waarde"])
    return (minuten / stap).quantize(Decimal(1), rounding=ROUND_HALF_UP) * stap
