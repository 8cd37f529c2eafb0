"""Machine contract of `zorgzwaarte tarieven controleer|dagtarief|realisatie` (docs/bekostiging.md)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import fouten, zorgzwaarte

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
TABEL = str(VOORBEELDEN / "tarieven_fictief.csv")
CONTRACT = str(VOORBEELDEN / "contract_fictief.json")


def test_controleer_print_de_tabel() -> None:
    p = zorgzwaarte("tarieven", "controleer", TABEL)
    assert p.returncode == 0, p.stderr
    rijen = json.loads(p.stdout)
    assert len(rijen) == 4 and all(r["fictief"] for r in rijen)


def test_controleer_foute_tabel_exit_2() -> None:
    f = fouten(zorgzwaarte("tarieven", "controleer", "-", invoer="prestatiecode;omschrijving\nZ1;x\n"))
    assert "tarief" in f and "bron" in f


def test_dagtarief_legt_zorgzwaarte_en_prestatie_uit() -> None:
    p = zorgzwaarte("tarieven", "dagtarief", CONTRACT, "--tarieven", TABEL, "--dag", "2016-03-01")
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    z405 = uit["tarieven"][0]
    assert (z405["zorgzwaarte"], z405["prestatie"], z405["dagtarief"]) == ("144.99", "26.85", "171.84")
    assert uit["fictief"] is True
    assert uit["tarieven"][1]["dagtarief"] is None  # Z406 has no tariff in the table: onbekend


def test_dagtarief_foute_dag_en_contract(tmp_path: Path) -> None:
    assert "dag" in fouten(zorgzwaarte("tarieven", "dagtarief", CONTRACT, "--tarieven", TABEL, "--dag", "1-3-2016"))
    slecht = tmp_path / "c.json"
    slecht.write_text(
        json.dumps(
            {
                "zorgkantoor": "ZK",
                "aanbieder": "A",
                "jaar": 2016,
                "afspraken": [{"prestatiecode": "Z1", "percentage": 120, "productie_dagen": 1}] * 2,
            }
        )
    )
    f = fouten(zorgzwaarte("tarieven", "dagtarief", str(slecht), "--tarieven", TABEL, "--dag", "2016-03-01"))
    assert "contract.afspraken.0.percentage" in f or "contract.afspraken[0].percentage" in f, f


def test_realisatie_uit_declaratie(tmp_path: Path) -> None:
    decl = tmp_path / "d.json"
    decl.write_text(json.dumps({"regels": [{"prestatie": "Z405", "dagen": 31}, {"prestatie": "Z405", "dagen": 29}]}))
    p = zorgzwaarte("tarieven", "realisatie", CONTRACT, "--declaratie", str(decl))
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)["regels"][0]
    assert r == {
        "prestatiecode": "Z405",
        "afgesproken_dagen": 36500,
        "gerealiseerde_dagen": 60,
        "verschil_dagen": -36440,
        "realisatie_percentage": "0.16",
    }


def test_pgb_commando() -> None:
    """`zorgzwaarte pgb`: Rsa 2014 art. 2.6.6; bad dates exit 2 with the field named."""
    p = zorgzwaarte("pgb", "4VV", "--van", "2014-01-01", "--tot", "2014-12-31", "--in-instelling")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["maximum_per_jaar"] == "31079.00"
    assert "van" in fouten(zorgzwaarte("pgb", "4VV", "--van", "2008-01-01", "--tot", "2008-12-31"))  # before the ZZPs
    # 2016: no amounts in the sources (Rlz 2015-07-27 art. 5.13 lid 1 gives those of 2015): unknown with the reason
    onbekend = zorgzwaarte("pgb", "4VV", "--van", "2016-01-01", "--tot", "2016-12-31")
    assert onbekend.returncode == 0, onbekend.stderr
    uit = json.loads(onbekend.stdout)
    assert uit["maximum_per_jaar"] is None and "2016 zijn onbekend" in uit["bedragen_onbekend"]


def test_pgb_kleinschalig_uit_de_feiten() -> None:
    """`zorgzwaarte pgb`: Rsa 2014 art. 1.1.1 onder u decides the kleinschalig wooninitiatief from the facts given as
    options; the old --kleinschalig (a plain yes) exits 2 naming the option and the options to use instead."""
    melding = fouten(zorgzwaarte("pgb", "4VV", "--van", "2014-01-01", "--tot", "2014-12-31", "--kleinschalig"))
    assert list(melding) == ["--kleinschalig"] and "--bewoners-met-pgb" in melding["--kleinschalig"]
    feiten = ["--bewoners-met-pgb", "5", "--gezamenlijke-inkoop", "--een-adres", "--gemeenschappelijke-ruimte"]
    p = zorgzwaarte("pgb", "4VV", "--van", "2014-01-01", "--tot", "2014-12-31", *feiten)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["kleinschalig_wooninitiatief"] == "onbekend"  # inwonend bij ouders not given
    p = zorgzwaarte("pgb", "4VV", "--van", "2014-01-01", "--tot", "2014-12-31", *feiten, "--niet-inwonend-bij-ouder")
    uit = json.loads(p.stdout)
    assert uit["kleinschalig_wooninitiatief"] == "ja" and uit["maximum_per_jaar"] == "38411.00"
