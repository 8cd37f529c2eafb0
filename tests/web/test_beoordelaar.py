"""The assessor's journey in the browser (issue 14): care moments, the handeling search, question groups at once,
a draft that keeps what was typed, messages named as on screen, deleting a draft."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden


def nieuwe_beoordeling(pagina: Any, rij: int = 2) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.locator("#resultaten tbody tr a").nth(rij).click()
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()


def test_zorgmomenten_toevoegen_zoeken_en_verwijderen(pagina: Any) -> None:
    nieuwe_beoordeling(pagina)
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("10-03-2014")  # Dutch date, whatever the locale
    pagina.get_by_label("Dominante grondslag").select_option("01")
    zm = pagina.locator("fieldset.zz-zorgmoment")
    assert zm.count() == 1
    zm.nth(0).get_by_label("Moment van de dag").fill("ochtend")
    zm.nth(0).get_by_label("Keer per week").fill("7")
    zm.nth(0).get_by_label("Handeling zoeken").fill("PV-1.1-2")
    zm.nth(0).get_by_role("button", name="Handeling toevoegen").click()
    pagina.wait_for_load_state()
    expect(zm.nth(0).get_by_role("checkbox").first).to_be_checked()
    assert zm.nth(0).get_by_role("checkbox", name="Wassen", exact=False).first.is_checked()
    pagina.get_by_role("button", name="Zorgmoment toevoegen").click()
    expect(zm).to_have_count(2)
    assert zm.nth(0).get_by_label("Moment van de dag").input_value() == "ochtend"  # nothing lost on the way
    zm.nth(1).get_by_label("Moment van de dag").fill("avond")
    zm.nth(1).get_by_label("Keer per week").fill("3,5")
    pagina.get_by_role("button", name="Zorgmoment toevoegen").click()
    expect(zm).to_have_count(3)
    pagina.get_by_role("button", name="Zorgmoment 1 verwijderen").click()
    expect(zm).to_have_count(2)
    expect(zm.nth(0).get_by_label("Moment van de dag")).to_have_value("avond")
    assert pagina.get_by_label("Peildatum (dag van het onderzoek)").input_value() == "10-03-2014"
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beoordeling-zorgmomenten")

    # "Concept opslaan" keeps the moment without handelingen and says what is missing, named as on screen
    pagina.get_by_role("button", name="Concept opslaan").click()
    assert pagina.get_by_role("status").inner_text() == "Concept opgeslagen."
    assert zm.nth(0).get_by_label("Keer per week").input_value() == "3,5"
    pagina.wait_for_function("() => document.querySelector('#voorbeeld').innerText.includes('Zorgmoment 1')")
    assert "Zorgmoment 1: handelingen" in pagina.locator("#voorbeeld").inner_text()
    assert "zorgmomenten.0" not in pagina.locator("#voorbeeld").inner_text()

    # a draft can be deleted
    pagina.get_by_role("button", name="Concept verwijderen").click()
    pagina.wait_for_url("**/clienten/*")
    assert pagina.get_by_role("status").inner_text() == "Het concept is verwijderd."


def test_vraaggroep_in_een_keer_niet_beoordeeld(pagina: Any) -> None:
    nieuwe_beoordeling(pagina)
    groep = pagina.locator("fieldset.zz-scores").first
    vragen = groep.locator(".zz-score")
    vragen.first.locator("input[value='2']").check()
    groep.get_by_role("button", name="niet van toepassing of niet beoordeeld").click()
    groep = pagina.locator("fieldset.zz-scores").first
    expect(groep.locator("input[value='9']:checked").first).to_be_checked()
    assert groep.locator(".zz-score").first.locator("input[value='2']").is_checked()  # an answer stays
    n = groep.locator(".zz-score").count()
    assert groep.locator("input[value='9']:checked").count() == n - 1


def test_alle_invoer_van_de_regels_op_het_formulier(pagina: Any) -> None:
    """10 VV (terminaal) becomes computable from the web form: the bijzonderheden are on it."""
    nieuwe_beoordeling(pagina, rij=3)
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("10-03-2014")
    pagina.get_by_label("Dominante grondslag").select_option("01")
    pagina.get_by_label("Beschermende woonomgeving").check()
    pagina.locator("#etmalen_per_week").fill("7")
    for vraag in ("b_0101", "b_0102", "b_0301", "b_0302", "s_0101"):
        pagina.locator(f"#{vraag}-3").check()
    for label in ("Dagdelen begeleiding in een groep per week", "Begeleiding individueel: uren per week"):
        assert pagina.get_by_label(label).is_visible()
    pagina.get_by_label("Terminale fase (levensverwachting circa drie maanden of minder)").check()
    pagina.wait_for_function("() => document.querySelector('#voorbeeld').innerText.includes('10VV')", timeout=15000)


def test_toezicht_bij_thuisbeademing_en_onderwijs_op_het_formulier(pagina: Any) -> None:
    """BIA bijlage 5 §5.4 from the web form: the criteria of verpleegkundig toezicht bij thuisbeademing are on it and
    the preview shows the klasse in dagdelen; the onderwijs questions (bijlage 4 en 5 §4.2) are there too."""
    nieuwe_beoordeling(pagina, rij=4)
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("10-03-2014")
    pagina.get_by_label("Dominante grondslag").select_option("04")
    pagina.get_by_label("Heeft een arts de medische noodzaak van de verpleging vastgesteld?").select_option("ja")
    pagina.get_by_label("Chronische invasieve beademing").check()
    pagina.get_by_label("Verpleegkundig toezicht bij thuisbeademing: dagdelen per week").fill("5")
    for label in (
        "Toezicht: moet er altijd iemand toezicht houden (permanent)?",
        "Toezicht: geeft mantelzorg in hetzelfde huishouden dat toezicht?",
        "Toezicht: is ontlasting van die mantelzorg nodig?",
        "Toezicht: positief advies van het Centrum voor Thuisbeademing?",
        "Toezicht: bieden andere vormen van toezicht geen doelmatige oplossing?",
    ):
        pagina.get_by_label(label).select_option("ja")
    assert pagina.get_by_label("Gaat het kind naar school?").is_visible()
    pagina.get_by_label("Dagdelen school of werk per week").fill("2")
    pagina.wait_for_function(
        "() => document.querySelector('#voorbeeld').innerText.includes('toezicht bij thuisbeademing')", timeout=15000
    )
    expect(pagina.locator("#voorbeeld")).to_contain_text("klasse 5 (5 dagdelen per week)")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beoordeling-toezicht-thuisbeademing", hele_pagina=True)
