"""Invariants of the AWBZ 2014 rules, checked on generated input (hypothesis)."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.regels.indicatie.normtijden import normtijden
from zorgzwaarte.regels.indicatie.omvang import banden, klasse_voor_uren
from zorgzwaarte.regels.regelset import regelsets

REGELSET = regelsets("indicatie")[0]
P = REGELSET.tabel("indicatie_awbz_2014.yaml")
HANDELINGEN = sorted(normtijden(REGELSET))
UREN = st.decimals(min_value=0, max_value=60, places=2, allow_nan=False, allow_infinity=False)


def test_klassebanden_aaneengesloten() -> None:
    """Bijlage 4, 5 en 6 §4.1: each band starts 0,1 uur after the previous ends; no gaps, no overlaps."""
    for functie, tabel in P["klassen"].items():
        b = banden(tabel["banden"]["waarde"])
        assert b[0].uren_van == 0, functie
        for vorige, volgende in itertools.pairwise(b):
            assert volgende.uren_van == vorige.uren_tot_en_met + Decimal("0.1"), functie
            assert volgende.klasse == vorige.klasse + 1, functie


@given(a=UREN, b=UREN)
def test_meer_uren_nooit_lagere_klasse(a: Decimal, b: Decimal) -> None:
    """Bijlage 4, 5 en 6 §4.1: more hours never give a lower klasse."""
    laag, hoog = sorted((a, b))
    for tabel in P["klassen"].values():
        bl = banden(tabel["banden"]["waarde"])
        assert klasse_voor_uren(bl, laag).klasse <= klasse_voor_uren(bl, hoog).klasse


def basis(zorgmomenten: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "peildatum": "2014-03-03",
        "client": {"geboortedatum": "1950-01-01"},
        "grondslagen": ["01"],
        "vp_medische_noodzaak": True,
        "zorgmomenten": zorgmomenten,
    }


def minuten(uit: dict[str, Any]) -> dict[str, float]:
    return {f["functie"]: f["minuten_per_week"] for f in uit["functies"] if f["minuten_per_week"] is not None}


def klassen(uit: dict[str, Any]) -> dict[str, int]:
    return {f["functie"]: f["klasse"] for f in uit["functies"]}


ZORGMOMENT = st.fixed_dictionaries(
    {
        "per_week": st.integers(min_value=1, max_value=21),
        "handelingen": st.lists(st.sampled_from(HANDELINGEN), min_size=1, max_size=4),
        "twee_zorgverleners": st.booleans(),
        "medisch_specialist_verantwoordelijk": st.booleans(),
    }
)


@settings(max_examples=60, deadline=None)
@given(
    momenten=st.lists(ZORGMOMENT, min_size=1, max_size=4),
    extra=st.sampled_from(HANDELINGEN),
    welk=st.integers(0, 3),
)
def test_handeling_erbij_nooit_minder_minuten_of_lagere_klasse(
    momenten: list[dict[str, Any]], extra: str, welk: int
) -> None:
    """Bijlage 4 en 5 §4.4: adding a handeling to a zorgmoment never lowers the moment's total minutes, nor the
    minutes or klasse of the handeling's own function.

    Another function of the same moment may lose 3,5 minuut: the indirect time is counted once per zorgmoment
    (bijlage 1 §2.4), so a VP-only moment that gets a PV handeling hands its indirect time to PV.
    """
    voor = bereken_indicatie(basis(momenten)).als_dict()
    meer = [dict(m, handelingen=list(m["handelingen"])) for m in momenten]
    meer[welk % len(meer)]["handelingen"].append(extra)
    na = bereken_indicatie(basis(meer)).als_dict()
    mv, mn = minuten(voor), minuten(na)
    kv, kn = klassen(voor), klassen(na)
    assert sum(mn.values()) >= sum(mv.values())
    functie = normtijden(REGELSET)[extra].functie
    if functie in mv:
        assert mn[functie] >= mv[functie]
        assert kn[functie] >= kv[functie]


@settings(max_examples=40, deadline=None)
@given(momenten=st.lists(ZORGMOMENT, min_size=1, max_size=3), welk=st.integers(0, 2))
def test_vaker_per_week_nooit_minder(momenten: list[dict[str, Any]], welk: int) -> None:
    """Bijlage 4 §4.1: minutes = tijd x frequentie; a higher frequency never lowers the minutes."""
    voor = minuten(bereken_indicatie(basis(momenten)).als_dict())
    meer = [dict(m) for m in momenten]
    meer[welk % len(meer)]["per_week"] += 1
    na = minuten(bereken_indicatie(basis(meer)).als_dict())
    for functie, m in voor.items():
        assert na[functie] >= m


@settings(max_examples=40, deadline=None)
@given(uren=st.floats(min_value=0.5, max_value=40), extra=st.floats(min_value=0, max_value=10))
def test_meer_begeleiding_nooit_lagere_klasse(uren: float, extra: float) -> None:
    """Bijlage 6 §4.1: more hours of begeleiding individueel never give a lower klasse (caps included)."""

    def klasse(u: float) -> int:
        data = basis([]) | {
            "grondslagen": ["05"],
            "beperkingscores": {"0101": 3},
            "stoornisscores": {"0101": 3, "0201": 3, "0401": 3},
            "begeleiding_individueel": {"uren_per_week": u, "activiteiten": ["structuur_regie", "toezicht"]},
        }
        return klassen(bereken_indicatie(data).als_dict())["BG-IND"]

    assert klasse(uren + extra) >= klasse(uren)
