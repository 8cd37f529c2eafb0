"""Dates people read in the CLI are in the one Dutch style of screens and letters ('10 maart 2014',
``rapporten.opmaak.datum``): the `indiceer --uitleg` explanation and the errors of the rule checks (exit 2, the field
named). Only where a field's input format is explained does dd-mm-jjjj stay ("schrijf bijvoorbeeld 31-12-2014")."""

from __future__ import annotations

import json
import re

from tests.cli.helpers import fouten, zorgzwaarte
from tests.cli.test_indiceer_contract import VOORBEELD, met

NUMERIEK = re.compile(r"\b\d{2}-\d{2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def test_uitleg_schrijft_datums_voluit() -> None:
    p = zorgzwaarte("indiceer", str(VOORBEELD), "--uitleg")
    assert p.returncode == 0, p.stderr
    assert "Indicatiebesluit van 10 maart 2014" in p.stdout
    assert "Geldig van 10 maart 2014 tot en met 9 maart 2029" in p.stdout
    assert "Regelset op peildatum: AWBZ 2014 (versie 2014.1) geldt op 10 maart 2014" in " ".join(p.stdout.split())
    assert "gecontroleerd tegen de wetteksten tot en met 23 december 2014" in p.stdout
    assert NUMERIEK.findall(p.stdout) == [], NUMERIEK.findall(p.stdout)


def test_fouten_van_de_regelcontrole_schrijven_datums_voluit() -> None:
    """regels.indicatie.controle: a birth date after the peildatum, a besluitdatum before it."""
    gegevens = json.loads(met(besluitdatum="2014-03-01"))
    gegevens["client"]["geboortedatum"] = "2014-06-01"
    p = zorgzwaarte("indiceer", "-", "--uitleg", invoer=json.dumps(gegevens))
    assert p.returncode == 2, p.stdout
    assert fouten(p) == {
        "client.geboortedatum": "ligt na de peildatum 10 maart 2014",
        "besluitdatum": "ligt vóór de peildatum 10 maart 2014 van de beoordeling",
    }


def test_geen_regelset_noemt_de_perioden_voluit_en_het_invoerformaat_blijft() -> None:
    p = zorgzwaarte("regelset", "toon", "--peildatum", "01-01-1990")
    melding = fouten(p)["peildatum"]
    assert melding.startswith("er is geen regelset voor peildatum 1 januari 1990; beschikbaar: AWBZ 2014 (1 januari")
    assert NUMERIEK.findall(melding) == [], melding
    assert fouten(zorgzwaarte("regelset", "toon", "--peildatum", "gisteren"))["peildatum"].endswith(
        "schrijf bijvoorbeeld 31-12-2014"
    )
