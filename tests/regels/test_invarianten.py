"""Invariants of the AWBZ 2014 rules, checked on generated input (hypothesis)."""

from __future__ import annotations

import itertools
import math
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
# the §4.4 tables; thuisbeademing (bijlage 5 §5.3) needs a beademing and has its own invariants below
HANDELINGEN = sorted(h for h, x in normtijden(REGELSET).items() if not x.thuisbeademing)
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


# --- aanleren, begeleiden, thuisbeademing, toezicht, onderwijs (issue 11 item 5) -------------------------------

AP = P["aanleren_en_begeleiden"]
TB_HANDELINGEN = sorted(h for h, x in normtijden(REGELSET).items() if x.thuisbeademing and x.minuten_tot is None)
MINUTEN = st.floats(min_value=0, max_value=600, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(pv_aanleren=MINUTEN, vp_aanleren=MINUTEN, pv_begeleiden=MINUTEN, vp_begeleiden=MINUTEN)
def test_maxima_aanleren_en_begeleiden_nooit_overschreden(
    pv_aanleren: float, vp_aanleren: float, pv_begeleiden: float, vp_begeleiden: float
) -> None:
    """Bijlage 4 §4.4 activiteit 2.5 (aanleren ≤ 30, begeleiden 30) and bijlage 5 §4.4 activiteiten 1.7 (≤ 60) and
    1.9 (≤ 45): whatever is asked, the minutes added never exceed the maximum, and asking more never gives less."""
    momenten = [{"per_week": 7, "handelingen": ["PV-1.1-2"]}, {"per_week": 7, "handelingen": ["VP-1.2-5"]}]
    zonder = minuten(bereken_indicatie(basis(momenten)).als_dict())
    data = basis(momenten) | {
        "aanleren": [
            {"functie": "PV", "aanleertijd_minuten_per_week": pv_aanleren},
            {"functie": "VP", "aanleertijd_minuten_per_week": vp_aanleren},
        ],
        "begeleiden_zelfzorg": {"pv_minuten_per_week": pv_begeleiden, "vp_minuten_per_week": vp_begeleiden},
    }
    met = minuten(bereken_indicatie(data).als_dict())
    pv_max = AP["PV_aanleertijd_max_minuten"]["waarde"] + AP["PV_begeleiden_minuten"]["waarde"]
    vp_max = AP["VP_aanleertijd_max_minuten"]["waarde"] + AP["VP_begeleiding_zelfzorg_max_minuten"]["waarde"]
    assert zonder["PV"] <= met["PV"] <= zonder["PV"] + pv_max + 1e-9
    assert zonder["VP"] <= met["VP"] <= zonder["VP"] + vp_max + 1e-9
    assert math.isclose(met["PV"] - zonder["PV"], min(pv_aanleren, 30) + min(pv_begeleiden, 30), abs_tol=1e-6)
    assert math.isclose(met["VP"] - zonder["VP"], min(vp_aanleren, 45) + min(vp_begeleiden, 60), abs_tol=1e-6)


@settings(max_examples=40, deadline=None)
@given(
    handelingen=st.lists(st.sampled_from(TB_HANDELINGEN), min_size=1, max_size=4, unique=True),
    per_week=st.integers(min_value=1, max_value=28),
)
def test_thuisbeademing_telt_volledige_tijden(handelingen: list[str], per_week: int) -> None:
    """Bijlage 5 §5.3: the times of the thuisbeademing schedule count in full, whatever falls together (no 3,5-minute
    rule); uitzuigen added to such a moment adds nothing."""
    tabel = normtijden(REGELSET)
    data = basis([{"per_week": per_week, "handelingen": handelingen}]) | {
        "bijzondere_zorg": ["chronische_invasieve_beademing"]
    }
    vp = minuten(bereken_indicatie(data).als_dict())["VP"]
    assert math.isclose(vp, per_week * sum(tabel[h].minuten for h in handelingen))
    data["zorgmomenten"][0]["handelingen"] = [*handelingen, "VP-TB-1"]
    assert math.isclose(minuten(bereken_indicatie(data).als_dict())["VP"], vp)


TOEZICHT_CRITERIA = {veld: True for veld in P["toezicht_thuisbeademing"]["criteria"]["waarde"]}


@settings(max_examples=40, deadline=None)
@given(
    gevraagd=st.integers(min_value=1, max_value=14),
    school=st.integers(min_value=0, max_value=14),
    groep=st.integers(min_value=0, max_value=9),
    kvb=st.integers(min_value=0, max_value=3),
)
def test_toezicht_thuisbeademing_binnen_18_dagdelen(gevraagd: int, school: int, groep: int, kvb: int) -> None:
    """Bijlage 1 §3.4 and bijlage 5 §5.4: toezicht is klasse 1-9, never more than asked, and toezicht and groepszorg
    together never take more than the 18 dagdelen leave after school/werk and kortdurend verblijf."""
    data = basis([]) | {
        "grondslagen": ["04"],
        "bijzondere_zorg": ["chronische_invasieve_beademing"],
        "leefklimaat": {"permanent_toezicht": True},
        "ontlasting_mantelzorger_nodig": True,
        "etmalen_per_week": kvb,
        "dagdelen": {"school_werk": school, "behandeling_groep": groep, "begeleiding_groep": groep},
        "toezicht_thuisbeademing": {"dagdelen_per_week": gevraagd, **TOEZICHT_CRITERIA},
    }
    uit = bereken_indicatie(data).als_dict()
    dagdelen = {f["functie"]: f.get("dagdelen_per_week", 0) for f in uit["functies"]}
    kvb_dagdelen = 6 * next((f["klasse"] for f in uit["functies"] if f["functie"] == "KVB"), 0)
    toezicht = dagdelen.get("VP-TOEZICHT", 0)
    assert 0 <= toezicht <= min(gevraagd, 9)
    # school and kortdurend verblijf come first; toezicht and groepszorg share what is left of the 18
    assert toezicht + dagdelen.get("BH-GRP", 0) + dagdelen.get("BG-GRP", 0) <= max(0, 18 - school - kvb_dagdelen)


@settings(max_examples=40, deadline=None)
@given(
    dag=st.integers(min_value=0, max_value=364),
    cluster=st.sampled_from(["LG", "LZ", "ZMLK", "LG_ZMLK", "geen"]),
    soort=st.sampled_from(["speciaal_onderwijs", "voortgezet_speciaal_onderwijs"]),
    per_week=st.integers(min_value=1, max_value=21),
)
def test_onderwijsaftrek_nooit_meer_zorg_en_nooit_negatief(dag: int, cluster: str, soort: str, per_week: int) -> None:
    """Bijlage 4 en 5 §4.2: the onderwijsaftrek never adds care and never leaves less than 0 minutes, on every day
    of 2014 (the table of the day's period)."""
    from datetime import date, timedelta

    peil = date(2014, 1, 1) + timedelta(days=dag)
    momenten = [{"per_week": per_week, "handelingen": ["PV-1.1-2", "PV-1.2-1"]}]
    data = basis(momenten) | {
        "peildatum": peil.isoformat(),
        "client": {"geboortedatum": "2005-06-01"},
        "grondslagen": ["04"],
        "beperkingscores": {"0301": 3},
        "overgang_2014_uitzondering": "geen",
        "onderwijs": {
            "naar_school": True,
            "clusterindicatie": cluster,
            "onderwijssoort": soort,
            "zorg_op_school_gevraagd": True,
            "eerder_indicatie_zorg_op_school": False,
        },
    }
    zonder = data | {"onderwijs": {"naar_school": False}}
    met_pv = minuten(bereken_indicatie(data).als_dict()).get("PV", 0)
    zonder_pv = minuten(bereken_indicatie(zonder).als_dict())["PV"]
    assert 0 <= met_pv <= zonder_pv
