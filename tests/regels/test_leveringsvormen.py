"""Leveringsvormen of the Wlz per version (Wlz art. 3.3.1-3.3.3; Blz art. 3.1.3 and 3.1.4), case by case from
tests/regels/cases/leveringsvormen_wlz.yaml, and the logeeropvang maximum as an invariant."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import TESTS, laad_gevallen
from zorgzwaarte.regels.leveringsvormen import (
    Levering,
    Wooninitiatief,
    combinatie_fouten,
    is_kleinschalig_wooninitiatief,
    logeeropvang_eigen_zorglocatie,
    logeeropvang_maximum,
    niet_in_leveringsvorm,
)
from zorgzwaarte.regels.uitleg import Toelichting

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "leveringsvormen_wlz.yaml")


def _levering(d: dict[str, Any]) -> Levering:
    return Levering(d["leveringsvorm"], d["zorgaanbieder"], d["van"], d.get("tot"))


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    verwacht = geval["verwacht"]
    if geval["soort"] == "combinatie":
        fouten = combinatie_fouten(_levering(geval["nieuw"]), [_levering(b) for b in geval["bestaand"]])
        if verwacht == "toegestaan":
            assert fouten == [], geval["artikel"]
        else:
            assert len(fouten) == 1, (geval["artikel"], fouten)
            for woord in verwacht:
                assert woord in fouten[0], (woord, fouten[0])
    elif geval["soort"] == "zorgplan":
        fouten = niet_in_leveringsvorm(geval["leveringsvorm"], geval["functies"], geval["dag"])
        assert [geval["functies"][i] for i, _ in fouten] == verwacht, geval["artikel"]
        for _, melding in fouten:
            assert "Wet langdurige zorg (versie" in melding and "art. 3.3." in melding
    elif geval["soort"] == "logeeropvang":
        uitleg = Toelichting()
        maximum = logeeropvang_maximum(geval["jaar"], geval["geldig_van"], geval["geldig_tot"], uitleg)
        assert maximum == verwacht, (geval["artikel"], uitleg.als_lijst())
        if verwacht is not None:
            assert any("Besluit langdurige zorg (versie" in s.bron and "art. 3.1.3" in s.bron for s in uitleg.stappen)
    elif geval["soort"] == "eigen_zorglocatie":
        uitleg = Toelichting()
        uit = logeeropvang_eigen_zorglocatie(geval["leveringsvorm"], geval["zeer_complex"], geval["dag"], uitleg)
        assert uit is verwacht, (geval["artikel"], uitleg.als_lijst())
        stap = uitleg.stappen[-1]
        assert stap.bron.startswith("Besluit langdurige zorg (versie") and "art. 3.1.3" in stap.bron
        if "bron" in geval:
            assert stap.bron.startswith(geval["bron"]), stap.bron
        if "uitkomst_bevat" in geval:
            assert geval["uitkomst_bevat"] in stap.uitkomst, stap.uitkomst
    else:
        uitleg = Toelichting()
        assert is_kleinschalig_wooninitiatief(Wooninitiatief(**geval["feiten"]), geval["dag"], uitleg) is verwacht
        assert "art. 3.1.4" in uitleg.stappen[-1].bron


@given(st.dates(date(2015, 1, 1), date(2030, 12, 31)), st.integers(0, 800))
def test_logeeropvang_nooit_meer_dan_156_en_niet_meer_dan_een_heel_jaar(van: date, dagen: int) -> None:
    """Blz art. 3.1.3: never more than 156 etmalen in a year; a shorter validity never gives more than a longer one."""
    tot = van + timedelta(days=dagen)
    kort = logeeropvang_maximum(van.year, van, tot, Toelichting())
    lang = logeeropvang_maximum(van.year, van, None, Toelichting())
    assert kort is not None and lang is not None
    assert 0 <= kort <= lang <= 156


def test_versie_verschil_twee_en_drie_per_week() -> None:
    """The same half year gives 52 etmalen under the Blz 2017 text and 78 under the 2021 text."""
    assert logeeropvang_maximum(2020, date(2020, 7, 1), None, Toelichting()) == 52
    assert logeeropvang_maximum(2021, date(2021, 7, 1), None, Toelichting()) == 78


@given(
    st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    st.one_of(st.none(), st.integers(0, 40)),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.booleans()),
    st.one_of(st.none(), st.booleans()),
)
def test_kleinschalig_nooit_ja_bij_een_onbekend_feit(
    dag: date,
    bewoners: int | None,
    inkoop: bool | None,
    adres: bool | None,
    ruimte: bool | None,
    ouder: bool | None,
) -> None:
    """Blz art. 3.1.4 lid 2 and 3 (every version): an unknown fact never gives 'ja'; 'ja' only when every fact is
    given and fits the article."""
    w = Wooninitiatief(bewoners, inkoop, adres, ruimte, ouder)
    uit = is_kleinschalig_wooninitiatief(w, dag, Toelichting())
    if None in (bewoners, inkoop, adres, ruimte, ouder):
        assert uit is not True
    else:
        assert uit is (bewoners is not None and 3 <= bewoners <= 26 and bool(inkoop and adres and ruimte) and not ouder)
