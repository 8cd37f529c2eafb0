"""The zorgplan duties of the Wlz (art. 8.1.1 and 8.1.3), case by case from tests/regels/cases/zorgplan_wlz.yaml."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.regels.zorgplan import zorgplan_plichten, zorgplan_plichten_gelden, zorgplan_regels

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "zorgplan_wlz.yaml")


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    plan = als_json(geval["plan"]) if geval["plan"] is not None else None
    signalen = zorgplan_plichten(geval["aanvang"], plan, geval["vandaag"])
    assert sorted(s["soort"] for s in signalen) == sorted(geval["verwacht"]), (geval["artikel"], signalen)
    for s in signalen:
        assert "Wet langdurige zorg (versie" in s["bron"] and "art. 8.1." in s["bron"], s
    if "uiterlijk" in geval:
        assert signalen[0]["uiterlijk"] == geval["uiterlijk"].isoformat()


def test_versie_van_de_wet_in_de_bron() -> None:
    """Art. 8.1.1 lid 3 was reworded on 2018-01-01: the signal names the version in force on the day."""
    assert "versie 2015-01-01" in zorgplan_plichten(date(2016, 1, 1), None, date(2016, 1, 2))[0]["bron"]
    assert "versie 2018-01-01" in zorgplan_plichten(date(2022, 1, 1), None, date(2022, 1, 2))[0]["bron"]


@given(st.dates(date(2015, 1, 1), date(2030, 1, 1)), st.integers(0, 400))
def test_zonder_plan_altijd_een_signaal(aanvang: date, dagen: int) -> None:
    """Without a zorgplan there is always exactly one signal: needed (within six weeks) or too late (after)."""
    vandaag = aanvang + timedelta(days=dagen)
    signalen = zorgplan_plichten(aanvang, None, vandaag)
    assert [s["soort"] for s in signalen] == ["zorgplan_nodig" if dagen <= 42 else "zorgplan_te_laat"]


@given(st.dates(date(2009, 1, 1), date(2014, 12, 31)), st.integers(0, 800), st.booleans())
def test_zorg_van_voor_de_wlz_heeft_geen_wlz_plichten(aanvang: date, dagen: int, met_plan: bool) -> None:
    """Wlz art. 8.1.1 and 8.1.3 hold from the Wlz (2015-01-01) on: care that started under the AWBZ has none of these
    signals, also when 'today' is still in 2014 (it used to fail: the Wlz table has no values before 2015)."""
    plan = {"vastgesteld_op": aanvang.isoformat(), "besproken_op": None} if met_plan else None
    assert zorgplan_plichten(aanvang, plan, aanvang + timedelta(days=dagen)) == []
    assert not zorgplan_plichten_gelden(aanvang, "zin")


def test_plichten_gelden_niet_bij_pgb() -> None:
    """Art. 8.1.1 lid 1: the zorgplanbespreking is for care 'anders dan op grond van artikel 3.3.3' (the pgb)."""
    assert zorgplan_plichten_gelden(date(2015, 1, 1), "zin")
    assert zorgplan_plichten_gelden(date(2020, 5, 1), None)
    assert not zorgplan_plichten_gelden(date(2020, 5, 1), "pgb")


@given(st.dates(date(2009, 1, 1), date(2030, 12, 31)), st.sampled_from(["verblijf", "vpt", "mpt", "pgb", None]))
def test_welke_regels_een_zorgplan_volgt(aanvang: date, leveringsvorm: str | None) -> None:
    """The letter and the screen follow ``zorgplan_plichten_gelden``: Wlz art. 8.1.1/8.1.3 exactly when the duties
    hold; before 2015 the AWBZ's Besluit zorgplanbespreking AWBZ-zorg, named without an article (its text is not in
    the sources); a Wlz pgb is outside art. 8.1.1 lid 1."""
    regels = zorgplan_regels(aanvang, leveringsvorm)
    assert (regels["soort"] == "wlz") == zorgplan_plichten_gelden(aanvang, leveringsvorm)
    if aanvang < date(2015, 1, 1):
        assert regels["soort"] == "awbz" and "Besluit zorgplanbespreking AWBZ-zorg" in regels["bron"]
        assert "Wet langdurige zorg" not in regels["bron"] and "art." not in regels["bron"]
    elif leveringsvorm == "pgb":
        assert regels["soort"] == "wlz_pgb" and "art. 8.1.1 lid 1" in regels["bron"]
