"""Intake (issue 14, item 10 and 14): a decision naming a provider lands in that provider's inbox; the provider
records the overeenkomst from it; when an indication behind an agreement is replaced, the provider sees a signal."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden
from zorgzwaarte.diensten.werkeenheid import nu_utc, vandaag_nl


def bsn(volgnummer: int) -> str:
    """A fictitious BSN that passes the elfproef (99999xxxx, beyond the demo's numbers)."""
    for n in range(999991000 + volgnummer * 10, 999999999):
        cijfers = [int(c) for c in str(n)]
        if (sum(c * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - cijfers[8]) % 11 == 0:
            return str(n)
    raise AssertionError


def besluit_met_voorkeur(pagina: Any, client_url: str, aanbieder: str) -> None:
    """The assessor records a decision for the client with `aanbieder` as the provider of choice."""
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
    pagina.get_by_label("Leveringsvorm").select_option("mpt")
    # the decision starts today in the Netherlands (the browser's clock may still be on the previous UTC day)
    pagina.get_by_label("Ingangsdatum").fill(vandaag_nl(nu_utc()).strftime("%d-%m-%Y"))
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    assert pagina.get_by_role("status").inner_text().startswith("Overeenkomst vastgelegd.")
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
