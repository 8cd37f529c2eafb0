"""The one dated parameter schema and the one way in (issue 13 §1; docs/architectuur.md "Parameters")."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from zorgzwaarte.regels import regelset as rs
from zorgzwaarte.regels.uitleg import Stap

ROOT = Path(__file__).resolve().parents[2]
PAKKET = resources.files("zorgzwaarte.regels.parameters")
BESTANDEN = sorted(p.name for p in PAKKET.iterdir() if p.name.endswith(".yaml"))
GEEN_PARAMETERS = {"regelsets.yaml", "bronnen.yaml", *rs.TEKSTBESTANDEN}


@pytest.mark.parametrize("bestand", sorted(set(BESTANDEN) - GEEN_PARAMETERS))
def test_elk_bestand_volgt_het_schema(bestand: str) -> None:
    """Every value has dates and a structured bron naming a regeling of bronnen.yaml."""
    parameters = rs.parameters(bestand)
    assert parameters
    for pad, p in parameters.items():
        assert p.verwijzingen or all(w.verwijzingen for w in p.waarden), pad
        for w in p.waarden:
            for v in w.verwijzingen:
                assert v["tekst"].startswith(v["regeling"]), pad
                if v["bwb"]:
                    assert v["adres"] == f"https://wetten.overheid.nl/{v['bwb']}/{v['versie']}", pad


def test_bronnen_hebben_bwb_en_versie() -> None:
    for sleutel, reg in rs.regelingen().items():
        if reg.get("bwb"):
            assert re.fullmatch(r"BWBR\d{7}", reg["bwb"]), sleutel
            assert date.fromisoformat(reg["versie"]), sleutel


def test_elke_regelset_leest_bestaande_bestanden() -> None:
    for onderwerp in rs.onderwerpen():
        for r in rs.regelsets(onderwerp):
            assert set(r.bestanden) <= set(BESTANDEN) - GEEN_PARAMETERS, r.naam
            assert r.geldig_van <= r.geverifieerd_tot, r.naam


def test_alleen_de_regelset_leest_parameterbestanden() -> None:
    """Parameters are read only through regels/regelset.py: no other module imports the package or names a file
    of it outside a regelset/tabel_op call."""
    toegestaan = {ROOT / "src/zorgzwaarte/regels/regelset.py"}
    namen = "|".join(re.escape(b) for b in BESTANDEN)
    overtredingen = []
    for map_ in ("src", "tests", "benchmarks"):
        for pad in (ROOT / map_).rglob("*.py"):
            if pad in toegestaan or pad == Path(__file__).resolve():
                continue
            for nr, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
                direct = any(x in regel for x in ("regels.parameters", "regels import parameters", "regels/parameters"))
                bestandsnaam = "cases" not in regel and re.search(rf"[\"']({namen})[\"']", regel)
                via_regelset = re.search(
                    r"\.tabel\(|tabel_op\(|regelset_met\(|reeks\(|_tabel\(|tekstbestand\(|bestanden|startswith", regel
                )
                if direct or (bestandsnaam and not via_regelset):
                    overtredingen.append(f"{pad.relative_to(ROOT)}:{nr}: {regel.strip()}")
    assert not overtredingen, "parameters buiten regels/regelset.py gelezen:\n" + "\n".join(overtredingen)


def test_waarde_per_datum_vervallen_en_eigen_bron() -> None:
    """A later date replaces the earlier value; `vervallen` ends it; a value may name its own bron."""
    p = rs._parameter(
        "x",
        {
            "bron": [{"regeling": "zorgindicatieregeling", "artikel": "art. 1", "lid": 1}],
            "waarden": {
                "2014-01-01": {"waarde": 15},
                "2015-01-01": {"waarde": 3, "bron": [{"regeling": "wet_langdurige_zorg", "artikel": "art. 3.2.1"}]},
                "2016-01-01": {"vervallen": True},
            },
        },
    )
    assert p.op(date(2013, 12, 31)) is None
    a = p.op(date(2014, 6, 1))
    assert a is not None and a["waarde"] == 15 and a["geldig_tot"] == "2014-12-31"
    assert a["bron"] == "Zorgindicatieregeling art. 1 lid 1"
    assert a["verwijzingen"][0]["adres"] == "https://wetten.overheid.nl/BWBR0026504/2014-12-23"
    b = p.op(date(2015, 6, 1))
    assert b is not None and b["waarde"] == 3 and b["bron"] == "Wet langdurige zorg art. 3.2.1"
    assert p.op(date(2016, 1, 1)) is None


@pytest.mark.parametrize(
    "knoop",
    [
        {"waarden": {"2014-01-01": {"waarde": 1}}},  # no bron
        {"bron": "Zorgindicatieregeling art. 1", "waarden": {"2014-01-01": {"waarde": 1}}},  # bron as text
        {"bron": [{"regeling": "bestaat_niet"}], "waarden": {"2014-01-01": {"waarde": 1}}},
        {"bron": [{"regeling": "zorgindicatieregeling"}], "waarden": {"2014-01-01": 1}},  # bare value
        {"bron": [{"regeling": "zorgindicatieregeling"}], "waarden": {"1-1-2014": {"waarde": 1}}},
        {"bron": [{"regeling": "zorgindicatieregeling"}], "waarde": 1},
    ],
)
def test_schemafouten_worden_gevonden(knoop: dict[str, object]) -> None:
    with pytest.raises(rs.ParameterFout):
        rs._parameter("x", knoop)


def test_kenmerk_dekt_wat_gelezen_is() -> None:
    """Every peildatum of one period reads the same parameters and gets the same kenmerk; regelsets differ."""
    a = rs.regelset_op("indicatie", date(2014, 2, 1))
    b = rs.regelset_op("indicatie", date(2014, 11, 30))
    c = rs.regelset_op("indicatie", date(2016, 1, 1))
    assert a.kenmerk == b.kenmerk == rs.regelsets("indicatie")[0].kenmerk
    assert a.kenmerk != c.kenmerk
    assert a.ontvangstbewijs.als_dict()["geverifieerd_tot"] == a.geverifieerd_tot.isoformat()
    gelezen = {(p["bestand"], p["pad"]) for p in a.parameterlijst()}
    assert ("indicatie_awbz_2014.yaml", "zorgmoment.indirecte_tijd_minuten") in gelezen


def test_stap_linkt_het_artikel() -> None:
    """The explanation step names the article in words and links the version of the text."""
    s = Stap("r", "u", "Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 §4.4")
    assert s.als_dict()["bron_adres"] == "https://wetten.overheid.nl/BWBR0034547/2014-12-23"
    assert Stap("r", "u", "zorgzwaarte-methode (geen wettelijk getal)").als_dict()["bron_adres"] is None


def test_waarschuwing_na_geverifieerd_tot() -> None:
    """Issue 11 item 18: after the newest text checked, a regelset without end date still computes, with a warning."""
    wlz = rs.regelset_op("indicatie", date(2026, 6, 1))
    assert wlz.geldig_tot is None and wlz.geverifieerd_tot < date(2026, 6, 1)
    (zin,) = wlz.waarschuwingen(date(2026, 6, 1))
    assert "niet verwerkt" in zin and wlz.geverifieerd_tot.strftime("%d-%m-%Y") in zin
    assert wlz.waarschuwingen(wlz.geverifieerd_tot) == []
    for afgesloten in (date(2014, 12, 31), date(2016, 3, 1)):  # a regelset with an end date never warns
        assert rs.regelset_op("indicatie", afgesloten).waarschuwingen(afgesloten) == []


def test_scoreschalen_per_soort() -> None:
    """Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.1: the wording of each score, for both scales."""
    from zorgzwaarte.regels.codes import scoreschaal

    for soort in ("stoornis", "beperking"):
        assert set(scoreschaal(soort)) == {"0", "1", "2", "3", "9"}
