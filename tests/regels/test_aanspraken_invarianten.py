"""Invariants of the Regeling zorgaanspraken AWBZ rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from zorgzwaarte.diensten.aanspraken import bereken_aanspraak

BEDRAG = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False)


@given(prijs=BEDRAG, dagen=st.integers(0, 2500), extra=st.integers(0, 400), elektrisch=st.booleans())
def test_later_einde_nooit_hogere_overnameprijs(prijs: Decimal, dagen: int, extra: int, elektrisch: bool) -> None:
    """Art. 3 lid 3-4: depreciation only grows with time; the price never exceeds the purchase price."""
    start = date(2012, 1, 1)

    def prijs_bij(einde: date) -> Decimal:
        uit = bereken_aanspraak(
            "rolstoel_overname",
            {
                "peildatum": "2014-06-01",
                "aanschafprijs": str(prijs),
                "elektrisch": elektrisch,
                "ingebruikname": start.isoformat(),
                "einde_verblijf": einde.isoformat(),
            },
        )
        return Decimal(uit["overnameprijs"])

    vroeg, laat = prijs_bij(start + timedelta(days=dagen)), prijs_bij(start + timedelta(days=dagen + extra))
    assert Decimal(0) <= laat <= vroeg <= prijs


@given(kosten=BEDRAG, meer=BEDRAG, elektrisch=st.booleans(), soort=st.sampled_from(["aanpassing", "herstel", "nieuw"]))
def test_hogere_kosten_nooit_minder_toestemming(kosten: Decimal, meer: Decimal, elektrisch: bool, soort: str) -> None:
    """Art. 10 lid 2: if consent is needed at some cost, it is needed at every higher cost."""

    def nodig(k: Decimal) -> bool:
        uit = bereken_aanspraak(
            "rolstoel_toestemming",
            {"peildatum": "2014-06-01", "soort": soort, "kosten": str(k), "elektrisch": elektrisch},
        )
        return bool(uit["toestemming_nodig"])

    assert nodig(kosten + meer) >= nodig(kosten)
