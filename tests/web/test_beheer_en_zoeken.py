"""Beheerder: user management and the audit log in Dutch time; everyone: search by BSN and by full name (issue 14,
items 6, 17 and 18)."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden


def test_gebruikersbeheer(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gebruikers").click()
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Naam", exact=True).fill("Nieuwe Collega")
    pagina.get_by_label("Wachtwoord", exact=True).fill("kort")
    pagina.get_by_label("Rol").select_option("beoordelaar")
    pagina.get_by_label("Organisatie").select_option(index=1)
    pagina.get_by_role("button", name="Gebruiker aanmaken").click()
    assert pagina.locator("#wachtwoord-fout").is_visible()  # too short, named at the field
    assert pagina.get_by_label("Gebruikersnaam").input_value() == "nieuwe.collega"
    pagina.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    organisaties = pagina.get_by_label("Organisatie").locator("option").all_inner_texts()
    pagina.get_by_label("Organisatie").select_option(label=next(o for o in organisaties if "indicatieorgaan" in o))
    pagina.get_by_role("button", name="Gebruiker aanmaken").click()
    assert pagina.get_by_role("status").inner_text() == "Gebruiker nieuwe.collega aangemaakt."
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "beheer-gebruikers")
    rij = pagina.locator("tbody tr", has_text="nieuwe.collega")
    rij.get_by_role("button", name="Uitschakelen").click()
    assert pagina.get_by_role("status").inner_text() == "Gebruiker nieuwe.collega is uitgeschakeld."
    rij = pagina.locator("tbody tr", has_text="nieuwe.collega")
    rij.locator("summary").click()
    rij.get_by_label("Nieuw wachtwoord voor nieuwe.collega").fill("nog-een-ander-wachtwoord")
    rij.get_by_role("button", name="Wachtwoord instellen").click()
    assert "Nieuw wachtwoord ingesteld voor nieuwe.collega" in pagina.get_by_role("status").inner_text()
    pagina.get_by_role("button", name="Afmelden").click()
    # a disabled user cannot sign in
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Wachtwoord").fill("nog-een-ander-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    assert "/aanmelden" in pagina.url and pagina.get_by_role("alert").is_visible()
    aanmelden(pagina, "beheerder")
    pagina.goto("/beheer/gebruikers")
    pagina.locator("tbody tr", has_text="nieuwe.collega").get_by_role("button", name="Inschakelen").click()
    pagina.get_by_role("button", name="Afmelden").click()
    pagina.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    pagina.get_by_label("Wachtwoord").fill("nog-een-ander-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    pagina.wait_for_url("**/start")


def test_auditlog_in_nederlandse_tijd_en_foute_paginering(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    pagina.goto("/audit")
    eerste = pagina.locator("tbody tr td").first.inner_text()
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} CES?T", eerste)  # Europe/Amsterdam, zone shown
    pagina.goto("/audit?pagina_nr=abc")
    assert "'abc' is geen paginanummer" in pagina.locator("main").inner_text()  # a page, not raw JSON
    pagina.goto("/clienten?pagina_nr=-1")
    assert pagina.get_by_role("alert").is_visible()  # the beheerder may not list clients, but gets a page


def test_zoeken_op_bsn_en_volledige_naam(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    nummer = bsn(5)
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(nummer)
    pagina.get_by_label("Achternaam").fill("Zoektest")
    pagina.get_by_label("Tussenvoegsel (niet verplicht)").fill("van der")
    pagina.get_by_label("Voorletters (niet verplicht)").fill("W.")
    pagina.get_by_label("Geboortedatum").fill("01-01-1940")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    client_url = pagina.url
    pagina.goto("/clienten")
    with pagina.expect_response(lambda r: "/clienten?zoek=" in r.url):
        pagina.get_by_label("Zoek op naam of woonplaats").fill("van der Zoektest")
    pagina.wait_for_function("() => document.querySelector('#resultaten').innerText.includes('Zoektest')")
    pagina.get_by_label("Burgerservicenummer (precies)").fill(nummer)
    pagina.get_by_role("button", name="Zoek op BSN").click()
    assert pagina.url == client_url and nummer not in pagina.url
    pagina.goto("/clienten")
    pagina.get_by_label("Burgerservicenummer (precies)").fill("123456789")
    pagina.get_by_role("button", name="Zoek op BSN").click()
    assert pagina.locator("#bsn-fout").is_visible()
