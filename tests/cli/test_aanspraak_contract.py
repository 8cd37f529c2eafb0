"""Machine contract of `zorgzwaarte aanspraak` (Regeling zorgaanspraken AWBZ)."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import fouten, zorgzwaarte


def test_aanspraak_uit_bestand_en_stdin() -> None:
    invoer = json.dumps({"peildatum": "2014-05-01", "soort": "herstel", "kosten": "750.00", "elektrisch": True})
    p = zorgzwaarte("aanspraak", "rolstoel_toestemming", "-", invoer=invoer)
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    assert uit["toestemming_nodig"] is False and uit["grens"] == "1000.00"
    assert uit["bron"] == "Regeling zorgaanspraken AWBZ (versie 2014-02-06) art. 10"
    assert uit["versie_gebruikt"] == {
        "versie": "2014-02-06",
        "geldig_van": "2014-02-06",
        "geldig_tot": "2014-11-23",
        "adres": "https://wetten.overheid.nl/BWBR0014855/2014-02-06",
        "toelichting": uit["versie_gebruikt"]["toelichting"],
    }
    assert "pneumokokkenvaccin" in uit["versie_gebruikt"]["toelichting"]


def test_lijst_noemt_elke_versie_met_adres() -> None:
    """`aanspraak --lijst` names the versions 2011-01-01 .. 2014-11-24 of the Regeling, each with its address."""
    p = zorgzwaarte("aanspraak", "--lijst")
    assert p.returncode == 0, p.stderr
    for versie in ("2011-01-01", "2011-05-01", "2011-08-01", "2012-01-01", "2013-01-01", "2014-01-01", "2014-02-06"):
        assert f"https://wetten.overheid.nl/BWBR0014855/{versie}" in p.stdout
    assert "2014-11-24: 24 november 2014 t/m 31 december 2014" in p.stdout  # the version by its name, dates voluit


def test_lijst_json() -> None:
    p = zorgzwaarte("aanspraak", "--lijst", "--json")
    assert p.returncode == 0, p.stderr
    namen = {r["naam"] for r in json.loads(p.stdout)}
    assert {
        "meerzorg",
        "tandheelkunde",
        "rolstoel_overname",
        "rolstoel_toestemming",
        "doventolk",
        "hielprik",
        "vaccinaties",
        "buitenland",
        "meldtermijn",
        "voortgezet_verblijf",
    } <= namen


@pytest.mark.parametrize(
    ("args", "invoer", "veld"),
    [
        (("aanspraak", "onzin", "-"), "{}", "naam"),
        (("aanspraak", "hielprik", "-"), "{kapot", "bestand"),
        (("aanspraak", "hielprik", "-"), '{"peildatum": "2014-02-30", "geboortedatum": "2014-01-01"}', "peildatum"),
        (("aanspraak", "hielprik", "-"), '{"peildatum": "2014-02-01"}', "geboortedatum"),
        (("aanspraak", "hielprik", "-"), '{"peildatum": "2016-02-01", "geboortedatum": "2016-01-01"}', "peildatum"),
        (
            ("aanspraak", "rolstoel_overname", "-"),
            '{"peildatum": "2014-02-01", "aanschafprijs": "12.345", "elektrisch": true,'
            ' "ingebruikname": "2013-01-01", "einde_verblijf": "2014-01-01"}',
            "aanschafprijs",
        ),
        (
            ("aanspraak", "vaccinaties", "-"),
            '{"peildatum": "2014-02-01", "geboortedatum": "2014-01-01", "extra": 1}',
            "extra",
        ),
        (("aanspraak",), None, "naam"),
        (("aanspraak", "doventolk", "-"), '{"peildatum": "2010-12-31", "sessie_minuten": 60}', "peildatum"),
    ],
)
def test_foutpaden(args: tuple[str, ...], invoer: str | None, veld: str) -> None:
    assert veld in fouten(zorgzwaarte(*args, invoer=invoer))
