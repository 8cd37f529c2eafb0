"""One Dutch style for amounts and dates on screens and in letters: the rules core writes them in its machine form
("€ 1000.00" by regels.getallen.euro, "01-03-2014" by regels.datums.nl) and the adapter shows "€ 1.000,00" (Babel)
and "1 maart 2014" (diensten.datums.voluit)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from zorgzwaarte.diensten.datums import voluit
from zorgzwaarte.rapporten.opmaak import euro, leesbaar, uitkomstwaarde, voor_client
from zorgzwaarte.regels.datums import nl
from zorgzwaarte.regels.getallen import euro as machine_euro

BEDRAGEN = st.decimals(min_value=Decimal("-1000000"), max_value=Decimal("100000000"), places=2, allow_nan=False)


@given(BEDRAGEN)
def test_elk_bedrag_uit_het_rekenhart_in_babel_stijl(x: Decimal) -> None:
    assert leesbaar(f"kosten € {machine_euro(x)} per jaar") == f"kosten {euro(x)} per jaar"
    assert voor_client(f"€ {machine_euro(x)}") == euro(x)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_elke_datum_uit_het_rekenhart_voluit(d: date) -> None:
    assert leesbaar(f"geldig van {nl(d)} tot en met {nl(d)}") == f"geldig van {voluit(d)} tot en met {voluit(d)}"


def test_voorbeelden() -> None:
    assert leesbaar("€ 3000.00 vanaf 01-06-2011") == "€\xa03.000,00 vanaf 1 juni 2011"
    assert leesbaar("grens € 500 per dag") == "grens €\xa0500,00 per dag"
    # what is not the core's machine form stays as it is: a Dutch amount, a tariff with four decimals, a version
    # date, an impossible date
    for tekst in ("€ 1.000,00", "€ 12.3456 per uur", "versie 2014-02-06", "31-02-2014"):
        assert leesbaar(tekst) == tekst


def test_waarden_van_een_uitkomst() -> None:
    assert uitkomstwaarde("3000.00", "prijs") == "€\xa03.000,00"
    assert uitkomstwaarde("2011-06-01", "vanaf") == "1 juni 2011"
    assert uitkomstwaarde(730, "dagen_gebruikt") == "730"
    assert uitkomstwaarde(None) == "onbekend" and uitkomstwaarde(True) == "ja"
