"""The provider's journey in the browser (issue 14): hours per chosen overeenkomst and per function against the
indication, correcting a week, refusals with a clear message, the signal when an indication is replaced."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden


def naar_zorg(pagina: Any, rij: int = 0) -> str:
    aanmelden(pagina, "linde")
    pagina.locator("main table a").nth(rij).click()
    client_url = pagina.url
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    return client_url


def test_week_registreren_en_corrigeren(pagina: Any) -> None:
    naar_zorg(pagina, rij=1)
    assert pagina.get_by_label("Overeenkomst", exact=True).locator("option").count() >= 1
    pagina.get_by_label("Een dag in de week").fill("06-10-2014")
    pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").fill("10")
    pagina.get_by_role("button", name="Week registreren").click()
    expect(pagina.get_by_role("status")).to_have_text("Week geregistreerd.")
    # the same week again: not a dead end, the input stays and the way out is named
    pagina.get_by_label("Een dag in de week").fill("07-10-2014")
    pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").fill("12,5")
    pagina.get_by_role("button", name="Week registreren").click()
    melding = pagina.get_by_role("alert").inner_text()
    assert "is al zorg geregistreerd" in melding and "correctie" in melding
    assert pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").input_value() == "12,5"
    pagina.get_by_label("Dit is een correctie: vervang de uren van een week die al is geregistreerd").check()
    pagina.get_by_role("button", name="Week registreren").click()
    expect(pagina.get_by_role("status")).to_have_text("Week gecorrigeerd.")
    rij = pagina.locator("table tbody tr", has_text="6 oktober 2014")
    assert "Zorgzwaartepakket 12,5" in rij.inner_text()
    # "Corrigeren" next to a week fills the form with that week
    rij.get_by_role("link", name="Corrigeren").click()
    expect(pagina.get_by_label("Uren zorgzwaartepakket (ZZP)")).to_have_value("12,5")
    expect(pagina.get_by_label("Een dag in de week")).to_have_value("06-10-2014")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "zorg-uren")


def test_grafiek_per_functie_met_indicatielijn(pagina: Any) -> None:
    """One chart per function; where the indication gives hours, a dashed line marks them."""
    naar_zorg(pagina)
    grafieken = pagina.locator("figure.zz-grafiek svg[role=img]")
    assert grafieken.count() >= 1
    titels = grafieken.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert all(re.search(r"\(([A-Z-]+)\): geleverde uren per week", t) for t in titels)
    for i, titel in enumerate(titels):
        if "tegenover" in titel:
            assert grafieken.nth(i).locator("line[stroke-dasharray]").count() == 1


def test_evaluatie_voor_het_zorgplan_geweigerd(pagina: Any) -> None:
    naar_zorg(pagina)
    pagina.get_by_role("link", name="bekijken of bijwerken").first.click()
    pagina.get_by_label("Vastgesteld op").fill("01-06-2014")
    pagina.get_by_label("Eerste evaluatie").fill("01-05-2014")
    pagina.get_by_role("button", name="Zorgplan opslaan").click()
    assert (
        "Eerste evaluatie: ligt vóór de datum van het zorgplan (1 juni 2014)"
        in pagina.get_by_role("alert").inner_text()
    )
    assert pagina.locator("#evaluatie1-fout").is_visible()
    assert pagina.get_by_label("Eerste evaluatie").input_value() == "01-05-2014"


def test_zorgplanscherm_van_awbz_zorg_noemt_de_regels_van_de_awbz(pagina: Any) -> None:
    """The demo's care started before 2015 (the test clock says 1 December 2014): the zorgplan screen names the
    AWBZ's Besluit zorgplanbespreking AWBZ-zorg for the agreements with the client, not Wlz art. 8.1.1 and 8.1.3
    (regels.zorgplan.zorgplan_regels; the letter: tests/api/test_zorgplanbrief_stelsel.py)."""
    naar_zorg(pagina)
    pagina.get_by_role("link", name="bekijken of bijwerken").first.click()
    legenda = pagina.locator("legend", has_text="Afspraken met de cliënt")
    expect(legenda).to_have_text("Afspraken met de cliënt (AWBZ: Besluit zorgplanbespreking AWBZ-zorg)")
    expect(pagina.locator("main")).not_to_contain_text("art. 8.1.1")
    assert axe_overtredingen(pagina) == []
