"""Herindicatie signal (signalen.yaml, a method choice on top of the klassen of Beleidsregels 2014 bijlagen 4-6 §4.1)."""

from __future__ import annotations

import pytest

from zorgzwaarte.regels.zorgplan import herindicatie_signaal, vergelijk_met_indicatie

BOVEN = [{"soort": "boven", "melding": "x", "bron": "y"}]


def test_vier_van_acht_weken_boven_de_indicatie() -> None:
    weken = [BOVEN, [], BOVEN, [], BOVEN, [], [], BOVEN]
    s = herindicatie_signaal(weken, "2029-01-01", "2014-06-02")
    assert s is not None and s["soort"] == "herindicatie" and "4 van de laatste 8" in s["melding"]


def test_drie_van_acht_is_nog_geen_signaal() -> None:
    assert herindicatie_signaal([BOVEN, BOVEN, BOVEN, [], [], [], [], []], "2029-01-01", "2014-06-02") is None


def test_alleen_de_laatste_acht_weken_tellen() -> None:
    oud = [BOVEN] * 10
    assert herindicatie_signaal([*oud, *([[]] * 8)], "2029-01-01", "2014-06-02") is None


def test_zorg_na_het_einde_van_de_indicatie() -> None:
    s = herindicatie_signaal([[]], "2014-05-31", "2014-06-02")
    assert s is not None and "na het einde van de indicatie" in s["melding"]


@pytest.mark.parametrize(
    ("bereik", "geleverd", "melding"),
    [
        ({"min": 22.0, "max": 22.0}, 24.3, "24,3 uur is meer dan het pakket (22 uur)"),
        ({"min": 21.0, "max": 25.5}, 26, "26 uur is meer dan het pakket (21–25,5 uur)"),
    ],
)
def test_zzp_boven_het_pakket_in_woorden(bereik: dict[str, float], geleverd: float, melding: str) -> None:
    """Delivered hours above a package's hours (the supplement's figures, with their bron) say the package's hours
    as a Dutch number: one figure when min and max are equal, never '22.0–22.0'."""
    besluit = {"functies": [], "zzp": {"uren_per_week": {**bereik, "bron": "aanvulling"}}}
    signalen = vergelijk_met_indicatie(besluit, [{"functie": "ZZP", "uren": geleverd}])
    assert [s["melding"] for s in signalen] == [melding]
    assert vergelijk_met_indicatie(besluit, [{"functie": "ZZP", "uren": bereik["min"]}]) == []
