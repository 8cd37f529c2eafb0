"""What a user saw while walking the product (issue: walker)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.web.conftest import axe_overtredingen, klok_op
from tests.web.test_intake import bsn, vandaag_nl
from tests.web.test_web import aanmelden


def test_keuzelijst_ziet_eruit_als_een_keuzelijst(pagina: Any) -> None:
    """The select had no arrow, a black medium border and sat next to its label: nothing said it opens."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten/nieuw")
    stijl = pagina.evaluate(
        """() => {
        const s = getComputedStyle(document.querySelector('#geslacht'));
        const t = getComputedStyle(document.querySelector('#geslachtsnaam'));
        return {display: s.display, pijl: s.backgroundImage, rand: s.borderTopColor, randTekst: t.borderTopColor,
                dikte: s.borderTopWidth, dikteTekst: t.borderTopWidth};
    }"""
    )
    assert stijl["display"] == "block"
    assert "svg" in stijl["pijl"]
    assert (stijl["rand"], stijl["dikte"]) == (stijl["randTekst"], stijl["dikteTekst"])
    label = pagina.locator("label[for=geslacht]").bounding_box()
    veld = pagina.locator("#geslacht").bounding_box()
    assert veld["y"] >= label["y"] + label["height"] - 1  # under its label, like every other field
    assert axe_overtredingen(pagina) == []


def test_tekstvak_heeft_de_rand_van_de_andere_velden(pagina: Any) -> None:
    """A textarea had a black medium border, unlike the text fields around it."""
    aanmelden(pagina, "linde")
    client = pagina.evaluate(
        "() => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href'))"
        ".find(h => /^[/]clienten[/][0-9]+$/.test(h))"
    )
    pagina.goto(f"{client}/zorg")
    rand = pagina.evaluate(
        """() => ['textarea.utrecht-textarea', 'input.utrecht-textbox'].map(k => {
        const s = getComputedStyle(document.querySelector(k)); return s.borderTopColor + ' ' + s.borderTopWidth; })"""
    )
    assert rand[0] == rand[1]


def test_zorg_bij_een_pakket_met_bekende_uren(pagina: Any) -> None:
    """A decision for 7VV (hours known from the administrator's aanvulling, as `serveer --demo` loads them) made the
    provider's care page a server error right after 'Overeenkomst vastleggen'. Before that, a concept without scores
    (no distance to the nearest alternative) made the assessment page itself a server error."""

    with klok_op(datetime(2022, 7, 1, 9, 0, tzinfo=UTC)):  # two weeks after the investigation of 14 June 2022
        aanmelden(pagina, "beoordelaar")
        pagina.goto("/clienten/nieuw")
        pagina.get_by_label("Burgerservicenummer").fill(bsn(40))
        pagina.get_by_label("Achternaam").fill("Pakkettest")
        pagina.get_by_label("Geboortedatum").fill("03-02-1940")
        pagina.get_by_role("button", name="Cliënt vastleggen").click()
        client_url = pagina.url.split("?")[0]
        pagina.get_by_role("link", name="Nieuwe beoordeling").click()
        pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("14-06-2022")
        pagina.get_by_label("Dominante grondslag").select_option("02")
        pagina.get_by_label("Permanent toezicht").check()
        pagina.get_by_label("Etmalen verblijf per week (0–7)").fill("7")
        pagina.get_by_label("Is de zorgbehoefte blijvend?").select_option("ja")
        pagina.get_by_label("Ander zorgzwaartepakket (niet verplicht)").select_option("7VV")
        pagina.get_by_label("Motivering").fill("Past het best bij het gedrag van de cliënt.")
        pagina.get_by_role("button", name="Concept opslaan").click()
        assert pagina.get_by_role("status").inner_text() == "Concept opgeslagen."
        pagina.get_by_role("button", name="Definitief maken").click()
        pagina.get_by_label("Zorgaanbieder van voorkeur (niet verplicht)").select_option(
            label="Zorggroep De Linde (fictief)"
        )
        pagina.get_by_role("button", name="Besluit vastleggen").click()
        pagina.wait_for_url("**/clienten/*?besluit=*")
        assert "7VV" in pagina.get_by_role("status").inner_text()
        pagina.get_by_role("button", name="Afmelden").click()

        aanmelden(pagina, "linde")
        pagina.goto(f"{client_url}/zorg")
        pagina.get_by_label("Leveringsvorm").select_option("verblijf")
        pagina.get_by_label("Ingangsdatum").fill(vandaag_nl())
        pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
        assert pagina.get_by_role("status").inner_text().startswith("Overeenkomst vastgelegd.")
        assert axe_overtredingen(pagina) == []
