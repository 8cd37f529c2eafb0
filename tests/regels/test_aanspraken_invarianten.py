"""Invariants of the Regeling zorgaanspraken AWBZ rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zorgzwaarte.diensten.aanspraken import bereken_aanspraak
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.regelset import regelsets

BEDRAG = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False)


@settings(deadline=None)  # the first example reads the parameter files (cold cache on a busy machine)
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
        assert uit.overnameprijs is not None
        return Decimal(uit.overnameprijs)

    vroeg, laat = prijs_bij(start + timedelta(days=dagen)), prijs_bij(start + timedelta(days=dagen + extra))
    assert Decimal(0) <= laat <= vroeg <= prijs


@settings(deadline=None)  # the first example reads the parameter files (cold cache on a busy machine)
@given(kosten=BEDRAG, meer=BEDRAG, elektrisch=st.booleans(), soort=st.sampled_from(["aanpassing", "herstel", "nieuw"]))
def test_hogere_kosten_nooit_minder_toestemming(kosten: Decimal, meer: Decimal, elektrisch: bool, soort: str) -> None:
    """Art. 10 lid 2: if consent is needed at some cost, it is needed at every higher cost."""

    def nodig(k: Decimal) -> bool:
        uit = bereken_aanspraak(
            "rolstoel_toestemming",
            {"peildatum": "2014-06-01", "soort": soort, "kosten": str(k), "elektrisch": elektrisch},
        )
        return bool(uit.toestemming_nodig)

    assert nodig(kosten + meer) >= nodig(kosten)


RZA_VERSIES = regelsets("aanspraken")


def test_elke_versie_leest_alleen_waarden_uit_haar_eigen_tekst() -> None:
    """Every regelset of the Rza reads each value with a bron naming its own version (and that version's address);
    the versions follow each other without a gap from 2011-01-01 to the end of the AWBZ, each with its own kenmerk."""
    assert RZA_VERSIES[0].geldig_van == date(2011, 1, 1) and RZA_VERSIES[-1].geldig_tot == date(2014, 12, 31)
    for vorige, volgende in pairwise(RZA_VERSIES):
        assert vorige.geldig_tot is not None and vorige.geldig_tot + timedelta(days=1) == volgende.geldig_van
    for rs in RZA_VERSIES:
        assert rs.geverifieerd_tot.isoformat() == rs.versie == rs.geldig_van.isoformat()
        eigen = rs.bestanden[0]  # the Rza file; zzp_catalogus.yaml names no Rza version
        assert eigen.startswith("regeling_zorgaanspraken")
        gelezen = [p for p in rs.parameterlijst() if p["bestand"] == eigen]
        assert gelezen
        for p in gelezen:
            assert {v["versie"] for v in p["verwijzingen"]} == {rs.versie}, (rs.versie, p["pad"])
            assert {v["adres"] for v in p["verwijzingen"]} == {f"https://wetten.overheid.nl/BWBR0014855/{rs.versie}"}
    assert len({rs.kenmerk for rs in RZA_VERSIES}) == len(RZA_VERSIES)


@settings(deadline=None)  # the first example reads the parameter files (cold cache on a busy machine)
@given(dag=st.dates(min_value=date(2011, 1, 1), max_value=date(2014, 12, 31)))
def test_de_peildatum_kiest_de_versie_die_toen_gold(dag: date) -> None:
    """The version used is the newest version on or before the peildatum; every step cites that version."""
    uit = bereken_aanspraak("meldtermijn", {"peildatum": dag.isoformat(), "aanvang_zorg": dag.isoformat()})
    verwacht = max(r.versie for r in RZA_VERSIES if r.geldig_van <= dag)
    assert uit.versie == verwacht == uit.ruleset.versie
    assert all(f"(versie {verwacht})" in s.bron for s in uit.toelichting)


@settings(deadline=None)  # the first example reads the parameter files (cold cache on a busy machine)
@given(dag=st.one_of(st.dates(max_value=date(2010, 12, 31)), st.dates(min_value=date(2015, 1, 1))))
def test_buiten_2011_2014_geen_versie(dag: date) -> None:
    """Before the first version in the sources and after the AWBZ: a Dutch error on peildatum, never a version."""
    with pytest.raises(InvoerFout) as fout:
        bereken_aanspraak("meldtermijn", {"peildatum": dag.isoformat(), "aanvang_zorg": dag.isoformat()})
    assert [f.veld for f in fout.value.fouten] == ["peildatum"]
