"""Loading a tariff file into the table in force replaces the calendar years the file covers, and only those
(the NZa sets maximum tariffs per year: Aanwijzing contracteerruimte AWBZ 2013, tariefsoort zorgzwaartepakketten;
cases in tests/regels/cases/tarieftabel_laden.yaml)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgzwaarte.regels.bekostiging.contract import Tariefregel, controleer_tarieftabel, tarief_op
from zorgzwaarte.regels.bekostiging.tarieftabel import dekking, tarieven_in_jaar, vervang_perioden

GEVALLEN = yaml.safe_load((Path(__file__).parent / "cases" / "tarieftabel_laden.yaml").read_text(encoding="utf-8"))


def _datum(tekst: str) -> date | None:
    return None if tekst == "-" else date.fromisoformat(tekst)


def lees(tekst: str) -> Tariefregel:
    code, tarief, van, tot, *bron = tekst.split(" ", 4)
    ingang = _datum(van)
    assert ingang is not None
    return Tariefregel(code, code, Decimal(tarief), "dag", ingang, _datum(tot), bron[0] if bron else "NZa (test)")


def schrijf(r: Tariefregel) -> str:
    tot = r.einddatum.isoformat() if r.einddatum else "-"
    bron = "" if r.bron == "NZa (test)" else f" {r.bron}"
    return f"{r.prestatiecode} {r.tarief} {r.ingangsdatum.isoformat()} {tot}{bron}"


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_laden_vervangt_alleen_de_gedekte_jaren(geval: dict[str, Any]) -> None:
    """Aanwijzing contracteerruimte AWBZ 2013 (maximumtarieven per jaar): per geval de tabel na het laden en wat
    het voorbeeld zegt."""
    uit = vervang_perioden([lees(r) for r in geval["huidig"]], [lees(r) for r in geval["bestand"]])
    verwacht = geval["verwacht"]
    assert uit.dekking.tekst() == str(verwacht["dekking"])
    assert [schrijf(r) for r in uit.resultaat] == verwacht["tabel"]
    wijzigingen = [
        " ".join(
            [
                w.soort,
                w.prestatiecode,
                w.regel.ingangsdatum.isoformat(),
                w.regel.einddatum.isoformat() if w.regel.einddatum else "-",
                *w.velden,
            ]
        )
        for w in uit.wijzigingen
    ]
    assert wijzigingen == verwacht["wijzigingen"]


def test_jaaroverzicht_zegt_onbekend_waar_geen_tarief_is() -> None:
    """Een jaar zonder tarief voor een prestatie, of een deel ervan, is een regel zonder tarief (onbekend), nooit 0."""
    tabel = [lees("4VV 150.00 2016-01-01 2016-06-30"), lees("5VV 165.00 2014-01-01 2016-12-31")]
    jaar = tarieven_in_jaar(tabel, 2016)
    assert [(j.prestatiecode, j.van.isoformat(), j.tot.isoformat(), j.regel is not None) for j in jaar] == [
        ("4VV", "2016-01-01", "2016-06-30", True),
        ("4VV", "2016-07-01", "2016-12-31", False),
        ("5VV", "2016-01-01", "2016-12-31", True),
    ]
    later = tarieven_in_jaar(tabel, 2018)
    assert [(j.prestatiecode, j.regel) for j in later] == [("4VV", None), ("5VV", None)]
    assert tarieven_in_jaar([], 2018) == []


# --- invariants over generated tables ---------------------------------------------------------------------------
DAG0 = date(2014, 1, 1)


@st.composite
def tabellen(draw: st.DrawFn, codes: tuple[str, ...] = ("4VV", "5VV", "NHC")) -> list[Tariefregel]:
    """A checked table: per prestatie consecutive periods (some open at the end), tariffs in cents."""
    regels: list[Tariefregel] = []
    for code in draw(st.lists(st.sampled_from(codes), unique=True, max_size=3)):
        begin = DAG0 + timedelta(days=draw(st.integers(0, 5 * 365)))
        for _ in range(draw(st.integers(1, 3))):
            open_eind = draw(st.booleans())
            lengte = draw(st.integers(0, 900))
            eind = None if open_eind else begin + timedelta(days=lengte)
            tarief = Decimal(draw(st.integers(100, 30000))) / 100
            regels.append(
                Tariefregel(code, code, tarief, "dag", begin, eind, draw(st.sampled_from(["NZa", "fictief"])))
            )
            if eind is None:
                break
            begin = eind + timedelta(days=draw(st.integers(1, 400)))
    return regels


@settings(max_examples=150, deadline=None)
@given(huidig=tabellen(), nieuw=tabellen().filter(bool), dagen=st.lists(st.integers(-400, 10 * 365), max_size=25))
def test_buiten_de_gedekte_jaren_blijft_alles_binnen_geldt_het_bestand(
    huidig: list[Tariefregel], nieuw: list[Tariefregel], dagen: list[int]
) -> None:
    assert controleer_tarieftabel(huidig) == [] and controleer_tarieftabel(nieuw) == []
    uit = vervang_perioden(huidig, nieuw)
    assert controleer_tarieftabel(list(uit.resultaat)) == []  # never two tariffs for one prestatie on one day
    d = dekking(nieuw)
    for n in dagen:
        dag = DAG0 + timedelta(days=n)
        for code in ("4VV", "5VV", "NHC"):
            bron = nieuw if d.bevat(dag.year) else huidig
            verwacht, kreeg = tarief_op(bron, code, dag), tarief_op(uit.resultaat, code, dag)
            assert (verwacht and (verwacht.tarief, verwacht.bron)) == (kreeg and (kreeg.tarief, kreeg.bron)), (
                dag,
                code,
            )
    # the preview names every row of the file once, and 'vervalt' only for days in the covered years
    assert sorted(schrijf(w.regel) for w in uit.wijzigingen if w.soort != "vervalt") == sorted(map(schrijf, nieuw))
    for w in uit.wijzigingen:
        if w.soort == "vervalt":
            assert (
                d.bevat(w.regel.ingangsdatum.year) and tarief_op(nieuw, w.prestatiecode, w.regel.ingangsdatum) is None
            )


@settings(max_examples=100, deadline=None)
@given(tabel=tabellen().filter(bool))
def test_dezelfde_tabel_opnieuw_laden_verandert_niets(tabel: list[Tariefregel]) -> None:
    uit = vervang_perioden(tabel, tabel)
    assert {w.soort for w in uit.wijzigingen} == {"ongewijzigd"}
    assert sorted(map(schrijf, uit.resultaat)) == sorted(map(schrijf, tabel))
