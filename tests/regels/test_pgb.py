"""Maximum pgb with a verblijf indication (Rsa 2014 art. 2.6.6 and bijlage 2; Rlz 2015 art. 5.13-5.14, bijlage C)."""

from __future__ import annotations

import operator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import TESTS, als_json, laad_gevallen
from zorgzwaarte.diensten.pgb import bereken_pgb
from zorgzwaarte.fouten import InvoerFout

GEVALLEN = laad_gevallen(TESTS / "regels" / "cases" / "pgb.yaml")


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(geval: dict[str, Any]) -> None:
    uitkomst = bereken_pgb(als_json(geval["vraag"]))
    uit = uitkomst.als_json()  # compared with the case file as the API gives it
    for veld, waarde in als_json(geval["verwacht"]).items():
        assert uit[veld] == waarde, f"{veld}: {uit[veld]} ≠ {waarde} ({geval['artikel']})"
    assert all(s.regel and s.uitkomst and s.bron for s in uitkomst.toelichting)
    assert uitkomst.regelset.hash
    if "signaal" in geval:
        assert any(geval["signaal"] in s for s in uitkomst.signalen), uitkomst.signalen
    if "niet_in_uitkomst" in geval:
        assert geval["niet_in_uitkomst"] not in uit
    if "bron_kleinschalig" in geval:  # the rule's step names the article and version of the text used
        (stap,) = [s for s in uitkomst.toelichting if s.regel == "Kleinschalig wooninitiatief"]
        assert geval["bron_kleinschalig"] in stap.bron, stap
    if "regelset_naam" in geval:
        assert uitkomst.regelset.naam == geval["regelset_naam"]
    if "onbekend_bevat" in geval:  # a year without figures: everything unknown, the reason in answer and trail
        assert uit["bedragen_onbekend"].startswith(f"De pgb-bedragen voor {geval['vraag']['van'].year}")
        assert geval["onbekend_bevat"] in uit["bedragen_onbekend"]
        assert uit["bedragen_onbekend"] in uitkomst.signalen
        assert uit["klassen"] == {} and uit["per_vorm"] == {}
        (stap,) = uitkomst.toelichting
        assert stap.bron_adres and stap.bron_adres.endswith(geval["vraag"]["van"].isoformat())
    else:
        assert "bedragen_onbekend" not in uit
    if "bron_pgb_mogelijk" in geval:  # the step that decides whether a pgb is possible cites the article
        (stap,) = [s for s in uitkomst.toelichting if s.regel == "Pgb mogelijk"]
        assert geval["bron_pgb_mogelijk"] in stap.bron, stap


@pytest.mark.parametrize(
    ("vraag", "veld"),
    [
        ({"zzp": "4VV", "van": "2008-12-31", "tot": "2008-12-31"}, "van"),  # before the ZZPs: no regelset
        ({"zzp": "4VV", "van": "2014-06-01", "tot": "2015-05-31"}, "tot"),
        ({"zzp": "4VV", "van": "2014-06-01", "tot": "2014-05-31"}, "tot"),
        ({"zzp": "99XX", "van": "2014-01-01", "tot": "2014-12-31"}, "zzp"),
        ({"zzp": "4VV", "van": "2014-02-30", "tot": "2014-12-31"}, "van"),
        # Rlz 2015 art. 5.5 lid 2: for 3 LVG it must be said whether the client had 3 LVG with a pgb before 2015
        ({"zzp": "3LVG", "van": "2015-01-01", "tot": "2015-12-31"}, "eerder_3lvg_met_pgb"),
        # Blz art. 3.1.4 lid 2-3 / Rsa art. 1.1.1 onder u: a plain 'ja' is refused, the facts decide
        (
            {"zzp": "4VV", "van": "2015-01-01", "tot": "2015-12-31", "kleinschalig_wooninitiatief": True},
            "kleinschalig_wooninitiatief",
        ),
        (
            {"zzp": "4VV", "van": "2015-01-01", "tot": "2015-12-31", "wooninitiatief": {"bewoners_met_pgb": -1}},
            "wooninitiatief.bewoners_met_pgb",
        ),
        (
            {"zzp": "4VV", "van": "2015-01-01", "tot": "2015-12-31", "wooninitiatief": {"bewoners": 5}},
            "wooninitiatief.bewoners",
        ),
    ],
)
def test_foute_vraag(vraag: dict[str, Any], veld: str) -> None:
    with pytest.raises(InvoerFout) as e:
        bereken_pgb(vraag)
    assert [f.veld for f in e.value.fouten] == [veld]


@settings(max_examples=200, deadline=None)
@given(
    zzp=st.sampled_from(["1VV", "4VV", "6VV", "10VV", "1GGZC", "3VG", "5LG", "2ZGvis"]),
    jaar=st.sampled_from([2014, 2015]),
    begin=st.integers(1, 365),
    lengte=st.integers(0, 364),
    groep=st.booleans(),
)
def test_langere_periode_nooit_minder_en_nooit_meer_dan_het_jaarbedrag(
    zzp: str, jaar: int, begin: int, lengte: int, groep: bool
) -> None:
    """Rsa art. 2.6.6 lid 6: pro rata grows with the period and never exceeds the yearly maximum."""
    from datetime import date, timedelta

    van = date(jaar, 1, 1) + timedelta(days=begin - 1)
    tot = min(van + timedelta(days=lengte), date(jaar, 12, 31))
    kort = bereken_pgb({"zzp": zzp, "van": van.isoformat(), "tot": van.isoformat(), "begeleiding_groep": groep})
    lang = bereken_pgb({"zzp": zzp, "van": van.isoformat(), "tot": tot.isoformat(), "begeleiding_groep": groep})
    if lang.maximum_periode is None:
        return
    from decimal import Decimal

    assert kort.maximum_periode is not None and lang.maximum_per_jaar is not None
    assert Decimal(kort.maximum_periode) <= Decimal(lang.maximum_periode) <= Decimal(lang.maximum_per_jaar)


def test_een_uitkomst_is_geen_mapping() -> None:
    """The answer models are read by their attributes (docs/architectuur.md, Uitvoermodellen); the JSON as the API
    gives it is `als_json()`. The old dict shim (`uitkomst["veld"]`, `.get`) is gone."""
    uit = bereken_pgb({"zzp": "4VV", "van": "2015-01-01", "tot": "2015-12-31"})
    with pytest.raises(TypeError):
        operator.getitem(uit, "mogelijk")
    assert not hasattr(uit, "get")
    assert uit.als_json()["mogelijk"] is uit.mogelijk


@settings(max_examples=60, deadline=None)
@given(
    zzp=st.sampled_from(["1VV", "4VV", "10VV", "1GGZC", "3VG", "5LG", "9bVV"]),
    jaar=st.sampled_from([2014, 2015]),
    feiten=st.fixed_dictionaries(
        {k: st.sampled_from([None, False, True]) for k in ("begeleiding_groep", "vervoer", "in_instelling")}
    ),
)
def test_een_open_feit_wordt_nooit_aangenomen(zzp: str, jaar: int, feiten: dict[str, bool | None]) -> None:
    """A fact left out (null) is never assumed: either the amount is the same whatever its answer, or the amount is
    unknown and each possibility equals the answer to the question with those facts given."""
    vraag = {"zzp": zzp, "van": f"{jaar}-03-01", "tot": f"{jaar}-10-31", **feiten}
    uit = bereken_pgb(vraag)
    open_feiten = [k for k, w in feiten.items() if w is None]
    if uit.hangt_af_van is None:
        for k in open_feiten:  # the same amount for every answer of the open facts
            for w in (False, True):
                met = bereken_pgb({**vraag, **{x: False for x in open_feiten}, k: w})
                assert (met.mogelijk, met.maximum_periode) == (uit.mogelijk, uit.maximum_periode)
        return
    assert uit.maximum_per_jaar is None and uit.maximum_periode is None
    assert set(uit.hangt_af_van) <= set(open_feiten) and uit.mogelijkheden
    for m in uit.mogelijkheden:
        gegeven = bereken_pgb({**vraag, **{x: False for x in open_feiten}, **m.feiten})
        assert (m.maximum_per_jaar, m.maximum_periode) == (gegeven.maximum_per_jaar, gegeven.maximum_periode)
