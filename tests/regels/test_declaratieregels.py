"""Declaration rules: one function per article, chosen by the name of the period's regelset (issue 13 §2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zorgzwaarte.regels.bekostiging.declaratie import (
    OORZAAK,
    REGELS_PER_REGELSET,
    Oorzaak,
    afwezigheid_stappen,
    regimes,
)
from zorgzwaarte.regels.getallen import euro, euro_uit_centen


def test_elke_periode_heeft_haar_regels_bij_naam() -> None:
    """Every period in declaratie.yaml has its rules by name, and no rules exist for a period that is not there."""
    assert {r["naam"] for r in regimes()} == set(REGELS_PER_REGELSET)


def test_elke_regel_noemt_haar_artikel() -> None:
    for naam, regels in REGELS_PER_REGELSET.items():
        for regel in regels:
            assert regel.__doc__ and "art. " in regel.__doc__, (naam, regel.__name__)


def test_elke_oorzaak_heeft_een_zin() -> None:
    assert set(OORZAAK) == set(Oorzaak)


def test_stap_noemt_het_artikel_van_de_reden() -> None:
    """Wlz 2016 art. 5.3 onder d: a weekend leave step cites that lid, with the not-billable days and why."""
    wlz2016 = next(r for r in regimes() if r["naam"] == "Wlz 2016")
    oorzaken = [0] * 8
    oorzaken[Oorzaak.WEEKEND_DOORDEWEEKS] = 3
    (stap,) = afwezigheid_stappen(
        wlz2016, "weekendverlof", "01-03-2016 t/m 07-03-2016", 7, 4, oorzaken,
        behandeling_bekend=True, schoolvakantie_max_bekend=True,
    )  # fmt: skip
    assert "art. 5.3 onder d" in stap["bron"]
    assert "3 dagen niet: weekendverlof" in stap["uitkomst"] and "4 bekostigd" in stap["uitkomst"]


@pytest.mark.parametrize(("centen", "tekst"), [(123450, "1234.50"), (5, "0.05"), (-5, "-0.05"), (0, "0.00")])
def test_bedrag_uit_centen(centen: int, tekst: str) -> None:
    assert euro_uit_centen(centen) == tekst


def test_bedrag_rekenkundig_afgerond() -> None:
    assert euro(Decimal("2.345")) == "2.35" and euro(Decimal("-2.345")) == "-2.35"


@pytest.mark.parametrize(("prestatie", "gemeld"), [("2VV", True), ("5VV", True), ("3GGZB", False)])
def test_wlz_2015_behandeling_onbekend_alleen_waar_het_uitmaakt(prestatie: str, gemeld: bool) -> None:
    """NZa Wlz 2015 art. 5.3: for VV the rule depends on behandeling (a/b), so an unknown one is reported with the
    stricter reading; GGZ-B (onderdeel e) has one rule either way, so no such step."""
    wlz2015 = next(r for r in regimes() if r["naam"] == "Wlz 2015")
    stappen = afwezigheid_stappen(
        wlz2015, "vakantie", "01-03-2015 t/m 05-03-2015", 5, 5, [0] * (len(Oorzaak) + 1),
        behandeling_bekend=False, schoolvakantie_max_bekend=True, prestatie=prestatie,
    )  # fmt: skip
    assert any(s["regel"] == "Behandeling onbekend" for s in stappen) is gemeld
    assert "art. 5." in stappen[0]["bron"]
