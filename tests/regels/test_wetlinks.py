"""The link of an explanation step goes to the version of the law in force on the peildatum.

wetten.overheid.nl/<BWBR>/<datum> shows the text 'geldig op' that date; ``regelset.adres_in_tekst`` is the one
function that picks the date: the peildatum, held within ``in_werking``/``vervallen_op`` of bronnen.yaml. Versions in
the sources (../shared/regelgeving/versies): Wlz 2015-01-01, 2018-01-01, 2020-01-01, 2021-01-01, 2026-01-01.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from zorgzwaarte.diensten.brieven import bron_van_het_stelsel
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.regels.regelset import adres_in_tekst
from zorgzwaarte.regels.uitleg import bron_adres

WLZ = "https://wetten.overheid.nl/BWBR0035917"

# An adult with a somatic condition and permanent supervision (Wlz art. 3.2.1 lid 1 onder a): toegang in every version.
VOLWASSENE: dict[str, Any] = {
    "client": {"geboortedatum": "1940-04-01"},
    "grondslagen": ["01"],
    "leefklimaat": {"permanent_toezicht": True},
    "blijvend": True,
    "stoornisscores": {"0601": 3, "0401": 2},
    "beperkingscores": {"0101": 3, "0104": 3},
}


def _stappen(peildatum: str) -> list[dict[str, Any]]:
    besluit = bereken_indicatie({**VOLWASSENE, "peildatum": peildatum}).als_dict()
    assert besluit["stelsel"] == "Wlz"
    stappen: list[dict[str, Any]] = besluit["toelichting"]
    return stappen


@pytest.mark.parametrize(
    ("peildatum", "versie_in_de_bron"),
    [
        ("2015-06-01", "2015-01-01"),  # Wlz versie 2015-01-01
        ("2019-06-01", "2015-01-01"),  # Wlz versie 2018-01-01 in force; art. 3.2.1 gelijk, regelset Wlz 2015
        ("2026-03-01", "2026-01-01"),  # Wlz versie 2026-01-01
    ],
)
def test_wlz_art_3_2_1_de_eerste_stap_linkt_de_versie_op_de_peildatum(peildatum: str, versie_in_de_bron: str) -> None:
    """Wlz art. 3.2.1: the first step of a decision (the regelset) and the access steps link the Wlz 'geldig op' the
    peildatum, not the version of 2015-02-20 the figures were first checked against."""
    stappen = _stappen(peildatum)
    assert stappen[0]["regel"] == "Regelset op peildatum"
    assert stappen[0]["bron_adres"] == f"{WLZ}/{peildatum}"
    toegang = [s for s in stappen if s["regel"].startswith("Toegang")]
    assert toegang and all(s["bron_adres"] == f"{WLZ}/{peildatum}" for s in toegang)
    assert any(f"versie {versie_in_de_bron}" in s["bron"] for s in toegang)  # the text still names what was read


@pytest.mark.parametrize(
    ("peildatum", "regelset"),
    [("2020-12-31", "Wlz 2015"), ("2021-01-01", "Wlz 2021")],
)
def test_wlz_art_3_2_1_op_de_versiegrens_van_2021(peildatum: str, regelset: str) -> None:
    """Wlz versie 2020-01-01 ends on 31-12-2020, versie 2021-01-01 begins the next day: each day links its own."""
    besluit = bereken_indicatie({**VOLWASSENE, "peildatum": peildatum, "jeugdige_jeugdwet": False}).als_dict()
    assert besluit["ruleset"]["naam"] == regelset
    assert {s["bron_adres"] for s in besluit["toelichting"] if s["bron"].startswith("Wet langdurige zorg")} == {
        f"{WLZ}/{peildatum}"
    }


def test_een_awbz_regeling_na_de_intrekking_linkt_haar_laatste_dag() -> None:
    """Wlz art. 11.2.15.1 (AWBZ ingetrokken op 1 januari 2015): an AWBZ regeling cited for a later day links the
    text in force on 31-12-2014; the Wlz cited for a day before 2015 links its first day."""
    assert adres_in_tekst("Regeling zorgaanspraken AWBZ art. 1a", date(2016, 5, 1)) == (
        "https://wetten.overheid.nl/BWBR0014855/2014-12-31"
    )
    assert adres_in_tekst("Regeling zorgaanspraken AWBZ art. 1a", date(2014, 5, 1)) == (
        "https://wetten.overheid.nl/BWBR0014855/2014-05-01"
    )
    assert adres_in_tekst("Wet langdurige zorg art. 11.1.1", date(2014, 12, 31)) == f"{WLZ}/2015-01-01"


def test_zonder_peildatum_de_genoemde_versie() -> None:
    """A text that belongs to no day (a public page) links the version it names, else that of bronnen.yaml."""
    assert bron_adres("Regeling zorgaanspraken AWBZ (versie 2011-01-01) art. 6") == (
        "https://wetten.overheid.nl/BWBR0014855/2011-01-01"
    )
    assert bron_adres("Wet langdurige zorg art. 3.2.1") == f"{WLZ}/2015-02-20"
    assert bron_adres("methode: geen wet") is None


def test_de_brief_linkt_de_versie_op_de_peildatum_ook_bij_een_oud_opgeslagen_besluit() -> None:
    """A decision stored with the link of an older rules core (Wlz 2015-02-20) gets, in the letter, the Wlz in
    force on the assessment's peildatum."""
    stap = {
        "regel": "Regelset op peildatum",
        "uitkomst": "Wlz 2026",
        "bron": "Wet langdurige zorg (BWBR0035917) versie 2026-01-01 art. 3.2.1-3.2.2",
        "bron_adres": f"{WLZ}/2015-02-20",
    }
    assert bron_van_het_stelsel(stap, True, date(2026, 3, 1))["bron_adres"] == f"{WLZ}/2026-03-01"
