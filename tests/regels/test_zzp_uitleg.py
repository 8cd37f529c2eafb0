"""Plain-language pages per zorgzwaartepakket (issue 18): content from the catalogue and zzp_uitleg.yaml.

Every profile of the catalogue gets a page; every generated text passes a Dutch readability check
(Flesch-Douma via textstat, lang nl) and B1's short sentences; hours are honestly sourced (law, supplement
shown as indicative, or 'onbekend' with the reason); meerzorg follows Rza art. 1a lid 2; the changes name the
overgangsrecht of the Wijzigingsregeling Rza 2012.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

from zorgzwaarte.regels.profielen.catalogus import catalogus
from zorgzwaarte.regels.profielen.publiek import leg_uit, overzicht, uren_uitleg, vergelijk, zoek
from zorgzwaarte.regels.profielen.publiek import teksten as publiek_teksten
from zorgzwaarte.regels.regelset import regelsets

CATALOGUS = catalogus()
UITLEG = {z.code: leg_uit(z) for z in CATALOGUS}
MIN_DOUMA = 60  # Flesch-Douma 60-70: 'redelijk makkelijk'; B1 teksten scoren doorgaans 60 of hoger
MAX_WOORDEN = 20  # B1: korte zinnen


def _zinnen(tekst: str) -> list[str]:
    return [z for z in re.split(r"(?<=[.?!:])\s+", tekst) if z.strip()]


@pytest.mark.parametrize("code", list(UITLEG))
def test_elke_pagina_is_leesbaar_op_b1(code: str) -> None:
    """Flesch-Douma (textstat, lang nl) of the whole generated page text >= 60, and no sentence over 20 words."""
    textstat.set_lang("nl")
    teksten = list(dict.fromkeys(UITLEG[code].teksten()))
    score = textstat.flesch_reading_ease(" ".join(teksten))
    assert score >= MIN_DOUMA, f"{code}: Flesch-Douma {score:.0f}"
    for tekst in teksten:
        for zin in _zinnen(tekst):
            assert len(zin.split()) <= MAX_WOORDEN, f"{code}: te lange zin: {zin}"


def test_vaste_teksten_uit_het_gegevensbestand_zijn_leesbaar() -> None:
    """The hand-written texts of zzp_uitleg.yaml (intro, sectors, levels, changes) together score B1."""
    textstat.set_lang("nl")
    t = publiek_teksten()
    teksten = [t["inleiding"]["tekst"], t["verblijf"]["tekst"], *(s["tekst"] for s in t["sectoren"])]
    teksten += [w["tekst"] for w in t["wijzigingen"]] + [v["tekst"] for v in t["voorwaarden"].values()]
    teksten += [t["vergelijk"]["uitleg"], t["vergelijk"]["onbekend"], t["meerzorg"]["onder_a"], t["pgb"]["nee"]]
    for soort in ("hulp", "verpleging", "gedrag"):
        teksten += list(t["niveaus"][soort].values())
    score = textstat.flesch_reading_ease(" ".join(teksten))
    assert score >= MIN_DOUMA
    for tekst in teksten:
        for zin in _zinnen(" ".join(tekst.split())):
            assert len(zin.split()) <= MAX_WOORDEN, zin


def test_elk_profiel_heeft_een_pagina_en_staat_eenmaal_in_het_overzicht() -> None:
    groepen = overzicht(list(UITLEG.values()))
    codes = [u.code for g in groepen for u in g.profielen]
    assert sorted(codes) == sorted(z.code for z in CATALOGUS)
    assert [g.sector for g in groepen][:8] == ["VV", "VG", "LVG", "LG", "ZGaud", "ZGvis", "GGZ-B", "GGZ-C"]
    lvg = next(g for g in groepen if g.sector == "LVG")
    assert "1SGLVG" in [u.code for u in lvg.profielen]


def test_elke_tekst_heeft_een_bron() -> None:
    for u in UITLEG.values():
        for t in (*u.samenvatting, *u.inhoud, *u.meerzorg, u.pgb, u.wlz):
            assert t.bron, f"{u.code}: '{t.tekst}' zonder bron"
        assert all(g.bron for g in u.wanneer)
        if u.sector != "GGZ-W":  # iWlz codes with only a name: no law text in the sources
            assert u.wetteksten, f"{u.code}: geen link naar de wettekst"


def test_uren_9a_en_9b_vv_uit_de_wettekst_rza_2012_bijlage_2() -> None:
    """Rza 2012 bijlage 2, ZZP 9b VV: 'Inclusief dagbesteding: 18,0 tot 22,0 uur' - from the law, not indicative."""
    u = UITLEG["9bVV"].uren
    assert (u.soort, u.min, u.max, u.tekst) == ("wet", 18.0, 22.0, "18 tot 22 uur per week")
    assert "Regeling zorgaanspraken AWBZ" in (u.bron or "") and "9b VV" in (u.bron or "")
    assert UITLEG["9aVV"].uren.soort == "wet"
    inhoud = " ".join(t.tekst for t in UITLEG["9bVV"].inhoud)
    assert "Persoonlijke verzorging: ja" in inhoud and "Dagbesteding hoort bij het pakket" in inhoud


def _item(code: str, lo: float, hi: float, bron: str = "Achtergrondpagina zorgaanbieder") -> dict[str, Any]:
    return {"code": code, "uren_per_week": {"min": lo, "max": hi}, "geldig_van": "2009-01-01", "bron": bron}


def test_uren_uit_een_aanvulling_zijn_indicatief_met_bron_en_geen_norm() -> None:
    zes_lg = next(z for z in CATALOGUS if z.code == "6LG")
    u = uren_uitleg(zes_lg, [_item("6LG", 21, 25.5)])
    assert (u.soort, u.tekst) == ("indicatief", "21 tot 25,5 uur per week")
    assert u.standing == "indicatief, volgens Achtergrondpagina zorgaanbieder; geen wettelijke norm"
    assert "Aanvulling beheerder" in (u.bron or "") and "1 januari 2009" in (u.bron or "")


def test_een_aanvulling_overschrijft_nooit_de_wet() -> None:
    negen_b = next(z for z in CATALOGUS if z.code == "9bVV")
    assert uren_uitleg(negen_b, [_item("9bVV", 1, 2)]).soort == "wet"


def test_zonder_cijfer_is_het_onbekend_met_reden() -> None:
    u = UITLEG["5VV"].uren
    assert (u.soort, u.tekst) == ("onbekend", "onbekend")
    assert "afbeelding" in u.uitleg
    assert "alleen de naam" in UITLEG["1GGZW"].uren.uitleg


def test_meerzorg_volgt_rza_artikel_1a_lid_2_onder_a() -> None:
    """Rza art. 1a lid 2 onder a names VG-5, VG-7, VG-8, LG-5, LG-7, ZG-3 auditief, ZG-5 visueel, LVG-4, LVG-5, SGLVG."""
    rza = regelsets("aanspraken")[-1].tabel("regeling_zorgaanspraken.yaml")
    lijst = set(rza["waarden"]["meerzorg_zzp_onderdeel_a"]["waarde"])
    ja = {c for c, u in UITLEG.items() if u.meerzorg_mogelijk}
    assert ja == lijst
    assert "kwart meer zorg" in UITLEG["7LG"].meerzorg[0].tekst
    assert "bijzondere zorg" in UITLEG["6LG"].meerzorg[0].tekst  # onder b blijft voor elk pakket


def test_pgb_en_uitzondering_eerder_budgethouder() -> None:
    """Rsa art. 2.6.3 lid 2 onder c: geen pgb bij o.a. 9b VV, tenzij eerder budgethouder (art. 2.6.3a lid 2)."""
    assert UITLEG["5VV"].pgb_mogelijk is True
    assert UITLEG["9bVV"].pgb_mogelijk is False
    assert "al een pgb voor hetzelfde pakket" in UITLEG["9bVV"].pgb.tekst
    assert UITLEG["1GGZW"].pgb_mogelijk is None


def test_wlz_zorgprofiel_na_omzetting_rlz_bijlage_a() -> None:
    assert UITLEG["5VV"].zorgprofiel_wlz == "VV Beschermd wonen met intensieve dementiezorg"
    assert UITLEG["1VV"].zorgprofiel_wlz is None and "geen zorgprofiel" in UITLEG["1VV"].wlz.tekst
    een_lg = " ".join(g.tekst for g in UITLEG["1LG"].wanneer)
    assert "26 juli 2015" in een_lg


def test_1_vv_vervalt_per_2013_met_overgangsrecht_wijzigingsregeling_art_ii() -> None:
    wanneer = UITLEG["1VV"].wanneer
    g = next(g for g in wanneer if g.datum and g.datum.isoformat() == "2013-01-01")
    assert "nieuwe cliënten" in g.tekst and "overgangsrecht" in g.tekst
    assert "art. II" in g.bron
    drie = next(g for g in UITLEG["3VV"].wanneer if g.datum and g.datum.isoformat() == "2014-01-01")
    assert "art. III" in drie.bron and "31 december 2013" in drie.tekst
    assert [g.datum for g in wanneer] == sorted(g.datum for g in wanneer if g.datum)


def test_zoeken_op_code_alias_cod163_en_woorden() -> None:
    alle = list(UITLEG.values())
    assert [u.code for u in zoek("ZZP 5 VV", alle)] == ["5VV"]
    assert [u.code for u in zoek("vv-5", alle)] == ["5VV"]
    assert [u.code for u in zoek("754", alle)] == ["5VV"]
    assert "5VV" in [u.code for u in zoek("dementie", alle)]
    assert [u.code for u in zoek("palliatief", alle)] == ["10VV"]
    assert zoek("", alle) == [] and zoek("xyzzy", alle) == []


def test_vergelijken_per_domein_met_de_niveaus_uit_de_profieltekst() -> None:
    v = vergelijk(UITLEG["4VV"], UITLEG["5VV"])
    psy = next(r for r in v.domeinen if r.domein == "psychosociaal_cognitief")
    assert (psy.a.niveau, psy.b.niveau) == (2.0, 3.0)
    assert psy.verschil == "Bij 5 VV is meer hulp nodig."
    assert psy.b.zin_regeling and "continu" in psy.b.zin_regeling
    onbekend = vergelijk(UITLEG["5VV"], UITLEG["3GGZC"])
    assert all(r.verschil.startswith("Niet te vergelijken") for r in onbekend.domeinen)
    verpleging = next(r for r in v.domeinen if r.domein == "verpleging")
    assert verpleging.verschil == "Bij 4 VV is meer verpleging nodig."  # 4 VV: 'voortdurende verpleegkundige aandacht'
    gedrag = next(r for r in v.domeinen if r.domein == "gedragsproblematiek")
    assert (gedrag.a.niveau, gedrag.b.niveau, gedrag.verschil) == (1.0, 1.0, "Gelijk.")


@given(st.sampled_from(list(UITLEG)), st.sampled_from(list(UITLEG)))
def test_vergelijken_is_symmetrisch(a: str, b: str) -> None:
    heen, terug = vergelijk(UITLEG[a], UITLEG[b]), vergelijk(UITLEG[b], UITLEG[a])
    for x, y in zip(heen.domeinen, terug.domeinen, strict=True):
        assert x.verschil == y.verschil
        assert (x.a.niveau, x.b.niveau) == (y.b.niveau, y.a.niveau)
