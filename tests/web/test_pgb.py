"""'Hoeveel pgb kan ik krijgen?' (/pgb) as its users use it: every role the API allows (any signed-in role) reaches
it from the start page and from "Wat is mijn aanspraak?"; the answer is the API's (Rsa 2014 art. 2.6.6 and bijlage 2;
Rlz 2015 art. 5.13-5.14) in Dutch money with each step's article; a fact left on "weet ik niet" is never assumed; a
bad field gets the API's message at the field and in the error summary; axe clean, also at phone width."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden
from zorgzwaarte.diensten.pgb import WooninitiatiefInvoer, bereken_pgb
from zorgzwaarte.web.routes.pgb import WOONINITIATIEF, pgb_uit_formulier


def test_formulier_naar_de_json_van_de_api() -> None:
    """'weet ik niet' is null (unknown), never false; the wooninitiatief only when one of its facts is given."""
    data = pgb_uit_formulier(
        {"zzp": ["4VV"], "van": ["2015-01-01"], "tot": ["2015-12-31"], "in_instelling": ["nee"], "vervoer": [""]}
    )
    assert data == {
        "zzp": "4VV",
        "van": "2015-01-01",
        "tot": "2015-12-31",
        "begeleiding_groep": None,
        "vervoer": None,
        "in_instelling": False,
    }
    data = pgb_uit_formulier({"bewoners_met_pgb": ["6"], "gezamenlijke_inkoop": ["ja"]})
    assert data["wooninitiatief"] == {"bewoners_met_pgb": "6", "gezamenlijke_inkoop": True}
    assert set(WooninitiatiefInvoer.model_fields) == set(WOONINITIATIEF)  # every fact of the API is on the form


@pytest.mark.parametrize(
    "rol", ["beoordelaar", "linde", "zorgkantoor", "beheerder"]
)  # every role; linde: zorgaanbieder
def test_elke_rol_vindt_het_scherm_op_de_startpagina(pagina: Any, rol: str) -> None:
    aanmelden(pagina, rol)
    pagina.locator("#rekenhulpen + ul").get_by_role("link", name="Hoeveel pgb kan ik krijgen?").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Hoeveel pgb kan ik krijgen?")


def test_zonder_aanmelden_naar_de_aanmeldpagina(pagina: Any) -> None:
    pagina.goto("/aanspraken")
    pagina.locator("#pgb-link").get_by_role("link", name="Hoeveel pgb kan ik krijgen?").click()
    expect(pagina).to_have_url(re.compile(r"/aanmelden"))


def _vul(pagina: Any, zzp: str, van: str, tot: str, **janee: str) -> None:
    pagina.get_by_label("Zorgzwaartepakket").select_option(zzp)
    pagina.get_by_label("Eerste dag van de periode").fill(van)
    pagina.get_by_label("Laatste dag van de periode").fill(tot)
    for veld, antwoord in janee.items():
        pagina.locator(f"#{veld}").select_option(antwoord)


def test_bedrag_met_stappen_en_wettekst(pagina: Any) -> None:
    """Rlz 2015 art. 5.13-5.14: 4 VV, not in an instelling, the first half of 2015: the API's amounts, in euros."""
    aanmelden(pagina, "zorgkantoor")
    pagina.goto("/pgb")
    _vul(pagina, "4VV", "01-01-2015", "30-06-2015", begeleiding_groep="nee", vervoer="nee", in_instelling="nee")
    pagina.get_by_role("button", name="Bereken").click()
    api = bereken_pgb(
        {"zzp": "4VV", "van": "2015-01-01", "tot": "2015-06-30", "begeleiding_groep": False, "in_instelling": False}
    )
    assert api.maximum_per_jaar == "34665.00" and api.maximum_periode == "17190.04"
    bedrag = pagina.locator("#pgb-bedrag")
    expect(bedrag).to_contain_text(re.compile(r"€\s34\.665,00"))
    expect(bedrag).to_contain_text(re.compile(r"€\s17\.190,04"))
    stappen = pagina.locator("#toelichting li")
    expect(stappen).to_have_count(len(api.toelichting))
    expect(stappen.first).to_contain_text(api.toelichting[0].bron)
    expect(pagina.locator("#wettekst a")).to_have_attribute("href", "https://wetten.overheid.nl/BWBR0036014/2015-01-01")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "pgb", hele_pagina=True)
    schermafdruk(pagina, "pgb-telefoon", breedte=360, hoogte=800, hele_pagina=True)
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, breedte  # nothing wider than the phone
    assert axe_overtredingen(pagina) == []


def test_weet_ik_niet_geeft_het_bedrag_per_antwoord(pagina: Any) -> None:
    """Rsa 2014 art. 2.6.6 lid 4: the ophoging depends on whether the client lives in an instelling; left open, the
    amount is unknown and each answer's amount is shown, never a guess."""
    aanmelden(pagina, "anker")
    pagina.goto("/pgb")
    _vul(pagina, "4VV", "01-01-2014", "31-12-2014", begeleiding_groep="nee", vervoer="nee")
    pagina.get_by_role("button", name="Bereken").click()
    expect(pagina.locator("#pgb-bedrag")).to_contain_text("of de cliënt in een instelling verblijft")
    rijen = pagina.locator("#mogelijkheden tbody tr")
    expect(rijen).to_have_count(2)
    expect(rijen.nth(0)).to_contain_text(re.compile(r"niet in een instelling\s+€\s34\.411,00", re.S))
    expect(rijen.nth(1)).to_contain_text(re.compile(r"^\s*in een instelling\s+€\s31\.079,00", re.S))
    assert axe_overtredingen(pagina) == []


def test_onbekende_bedragen_zeggen_waarom(pagina: Any) -> None:
    """A year whose amounts the sources do not give (2016): "onbekend" with the reason, never 0."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/pgb")
    _vul(pagina, "4VV", "01-01-2016", "31-12-2016", in_instelling="nee")
    pagina.get_by_role("button", name="Bereken").click()
    expect(pagina.locator("#pgb-bedrag")).to_contain_text("Het bedrag is onbekend")
    expect(pagina.locator("#pgb-bedrag")).to_contain_text("2016")
    assert "€ 0" not in pagina.locator("main").inner_text()


def test_fouten_bij_het_veld_zoals_de_api(pagina: Any) -> None:
    """The API's validation: a number of residents that is not a number, then a period over two years (Rsa art.
    2.6.6 lid 6: per kalenderjaar); each message at its field and linked from the summary; typed values stay."""
    aanmelden(pagina, "zorgkantoor")
    pagina.goto("/pgb")
    _vul(pagina, "5VG", "01-06-2014", "31-05-2015")
    pagina.get_by_label("Hoeveel bewoners hebben een pgb?").fill("zes")
    pagina.get_by_role("button", name="Bereken").click()
    overzicht = pagina.locator("#foutoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Hoeveel bewoners hebben een pgb?")
    expect(overzicht.locator("a[href='#bewoners_met_pgb']")).to_have_count(1)
    expect(pagina.locator("#bewoners_met_pgb")).to_have_attribute("aria-invalid", "true")
    expect(pagina.get_by_label("Zorgzwaartepakket")).to_have_value("5VG")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_label("Hoeveel bewoners hebben een pgb?").fill("")
    pagina.get_by_role("button", name="Bereken").click()
    expect(pagina.locator("#foutoverzicht")).to_contain_text("Laatste dag van de periode")
    expect(pagina.locator("#foutoverzicht a[href='#tot']")).to_have_count(1)
    expect(pagina.locator("#tot-fout")).to_contain_text("kalenderjaar")
    expect(pagina.locator("#tot")).to_have_attribute("aria-invalid", "true")
