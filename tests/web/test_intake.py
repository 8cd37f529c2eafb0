"""Intake (issue 14, item 10 and 14): a decision naming a provider lands in that provider's inbox; the provider
records the overeenkomst from it; when an indication behind an agreement is replaced, the provider sees a signal."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk, vandaag
from tests.web.test_web import aanmelden


def bsn(volgnummer: int) -> str:
    """A fictitious BSN that passes the elfproef (99999xxxx, beyond the demo's numbers)."""
    for n in range(999991000 + volgnummer * 10, 999999999):
        cijfers = [int(c) for c in str(n)]
        if (sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - cijfers[8]) % 11 == 0:
            return str(n)
    raise AssertionError


def vandaag_nl() -> str:
    """Today for the server under test (the day a decision recorded now starts), as the date fields take it."""
    return vandaag().strftime("%d-%m-%Y")


def besluit_met_voorkeur(pagina: Any, client_url: str, aanbieder: str | None) -> None:
    """The assessor records a decision for the client with `aanbieder` as the provider of choice (None: no choice)."""
    pagina.goto(client_url)
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("01-10-2014")
    pagina.get_by_label("Dominante grondslag").select_option("01")
    pagina.locator("#b_0301-3").check()
    pagina.locator("#zm0_per_week").fill("7")
    pagina.locator("#zm0_nieuw").fill("PV-1.1-2")
    # a decision with verzorging about the second half of 2014 says whether Zir art. 1 lid 5 applies
    pagina.get_by_label(
        "Besluit van juli tot en met december 2014: is het gericht op een van deze vormen van zorg?"
    ).select_option("geen")
    pagina.get_by_role("button", name="Concept opslaan").click()
    pagina.get_by_role("button", name="Definitief maken").click()
    if aanbieder is not None:
        pagina.get_by_label("Zorgaanbieder van voorkeur (niet verplicht)").select_option(label=aanbieder)
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.wait_for_url("**/clienten/*?besluit=*")


def test_intake_en_overeenkomst_uit_de_inbox(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    aanbieder = pagina.locator(".zz-gebruiker span").inner_text().split(" · ")[-1]
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(bsn(1))
    pagina.get_by_label("Achternaam").fill("Intaketest")
    pagina.get_by_label("Tussenvoegsel (niet verplicht)").fill("de")
    pagina.get_by_label("Geboortedatum").fill("02-05-1938")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    client_url = pagina.url
    besluit_met_voorkeur(pagina, client_url, aanbieder)
    pagina.get_by_role("button", name="Afmelden").click()

    aanmelden(pagina, "linde")
    intake = pagina.locator("#intake + ul")
    assert "de Intaketest" in intake.inner_text()
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "intake-zorgaanbieder")
    intake.get_by_role("link", name="de Intaketest").click()
    # no overeenkomst yet: no empty "Geleverde zorg" heading, but what to do first
    assert pagina.get_by_role("heading", name="Geleverde zorg").count() == 0
    assert "zodra er een overeenkomst is" in pagina.locator("#geleverd").inner_text()
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "zorg-zonder-overeenkomst")
    pagina.get_by_label("Leveringsvorm").select_option("mpt")
    pagina.get_by_label("Ingangsdatum").fill(vandaag_nl())  # the decision starts today in the Netherlands
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    assert pagina.get_by_role("status").inner_text().startswith("Overeenkomst vastgelegd.")
    # the week form names the functions in words, the code in brackets (regels.codes.FUNCTIE_NAMEN)
    labels = pagina.locator("#week-registreren label[for^=uren_]").all_inner_texts()
    assert labels and all(re.fullmatch(r"Uren [a-z][a-z ]+ \([A-Z-]+\)", t) for t in labels), labels
    schermafdruk(pagina, "zorg-functies")
    pagina.goto("/start")
    assert "de Intaketest" not in (pagina.locator("#intake + ul").all_inner_texts() or [""])[0]


def test_vervangen_indicatie_geeft_een_signaal(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    aanbieder = pagina.locator(".zz-gebruiker span").inner_text().split(" · ")[-1]
    rij = pagina.locator("main table tbody tr").last
    naam = rij.locator("a").inner_text()
    rij.locator("a").click()
    client_url = pagina.url
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "beoordelaar")
    besluit_met_voorkeur(pagina, client_url, aanbieder)
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "linde")
    assert naam in pagina.locator("#vervangen").inner_text()
    pagina.locator("#vervangen").get_by_role("link", name=naam).click()
    assert "De indicatie is vervangen" in pagina.locator("main").inner_text()


def test_toewijzing_van_het_zorgkantoor_in_de_intake(pagina: Any) -> None:
    """Issue 14 item 10: the zorgkantoor assigns a client's valid decision to a provider (toewijzing, iWlz AW33);
    the client appears in that provider's intake; the provider records the overeenkomst from it, filled with the
    toewijzing. A refused toewijzing names the field; the AW33 is valid and breaks no iWlz 2.2 business rule."""
    from tests.iwlz.conftest import bedrijfsregels, valideer_xsd

    aanmelden(pagina, "linde")
    aanbieder = pagina.locator(".zz-gebruiker span").inner_text().split(" · ")[-1]
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/nieuw")
    pagina.get_by_label("Burgerservicenummer").fill(bsn(2))
    pagina.get_by_label("Achternaam").fill("Toewijzingtest")
    pagina.get_by_label("Geboortedatum").fill("03-06-1940")
    pagina.get_by_label("Straat (niet verplicht)").fill("Demostraat")
    pagina.get_by_label("Huisnummer (niet verplicht)").fill("7")
    pagina.get_by_label("Postcode (niet verplicht)").fill("3511 AB")
    pagina.get_by_label("Woonplaats (niet verplicht)").fill("Utrecht")
    pagina.get_by_label("Zorgkantoorregio (niet verplicht)").fill("Midden (fictief)")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    client_url = pagina.url
    besluit_met_voorkeur(pagina, client_url, None)
    pagina.get_by_role("button", name="Afmelden").click()

    aanmelden(pagina, "zorgkantoor")
    pagina.goto(client_url)
    formulier = pagina.locator("form[action$='/toewijzingen']")
    formulier.get_by_label("Ingangsdatum").fill(vandaag_nl())
    formulier.get_by_role("button", name="Toewijzen").click()
    assert "Zorgaanbieder: is verplicht" in pagina.get_by_role("alert").inner_text()
    formulier = pagina.locator("form[action$='/toewijzingen']")
    formulier.get_by_label("Zorgaanbieder", exact=True).select_option(label=aanbieder)
    # the decision has no verblijf: the form does not propose it and says why; a tampered form is still refused
    keuze = formulier.get_by_label("Leveringsvorm")
    assert keuze.locator("option").evaluate_all("os => os.map(o => o.value)") == ["mpt", "pgb"]
    assert "verblijf vraagt een indicatie met verblijf" in formulier.locator("#leveringsvorm-uitleg").inner_text()
    keuze.locator("option").first.evaluate("e => e.value = 'verblijf'")
    keuze.select_option("verblijf")
    formulier.get_by_role("button", name="Toewijzen").click()  # the form kept the date
    assert "Leveringsvorm: verblijf vraagt een indicatie met verblijf" in pagina.get_by_role("alert").inner_text()
    formulier = pagina.locator("form[action$='/toewijzingen']")
    formulier.get_by_label("Leveringsvorm").select_option("mpt")
    formulier.get_by_role("button", name="Toewijzen").click()
    assert pagina.get_by_role("status").inner_text().startswith(f"Toegewezen aan {aanbieder}.")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "toewijzing-zorgkantoor")
    link = pagina.get_by_role("link", name="AW33-bericht downloaden")
    antwoord = pagina.request.get(link.get_attribute("href"))
    assert antwoord.status == 200, antwoord.text()
    xml = antwoord.body()
    assert valideer_xsd(xml, "aw33") == [] and bedrijfsregels(xml, "aw33") == []
    pagina.get_by_role("button", name="Afmelden").click()

    aanmelden(pagina, "linde")
    intake = pagina.locator("#intake + ul")
    regel = intake.locator("li", has_text="Toewijzingtest")
    assert "toegewezen door het zorgkantoor" in regel.inner_text()
    assert axe_overtredingen(pagina) == []
    regel.get_by_role("link").click()
    assert "toegewezen" in pagina.locator("#toewijzing").inner_text()
    assert pagina.get_by_label("Leveringsvorm").input_value() == "mpt"
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    assert pagina.get_by_role("status").inner_text().startswith("Overeenkomst vastgelegd.")
    pagina.goto("/start")
    assert "Toewijzingtest" not in " ".join(pagina.locator("#intake + ul").all_inner_texts())
