"""The web application in a real browser (issue 6): log in, home per role, search, client page, log out; a11y."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import axe_overtredingen, schermafdruk, vandaag
from zorgzwaarte.demo.gegevens import DEMO_GEBRUIKERS
from zorgzwaarte.rapporten.opmaak import datum
from zorgzwaarte.regels.regelset import regelsets

RZA_ADRES = "https://wetten.overheid.nl/BWBR0014855"

WACHTWOORD = {g[0]: g[4] for g in DEMO_GEBRUIKERS}


def pdf_tekst(pdf: Path) -> str:
    """The text of a PDF as a reader sees it (poppler's pdftotext), whitespace collapsed."""
    uit = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(uit.split())


def aanmelden(page: Any, gebruiker: str) -> None:
    page.goto("/aanmelden")
    page.get_by_label("Gebruikersnaam").fill(gebruiker)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD[gebruiker])
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/start")


def test_aanmelden_fout_toont_melding_bij_het_veld_en_bewaart_invoer(pagina: Any) -> None:
    pagina.goto("/aanmelden")
    pagina.get_by_label("Gebruikersnaam").fill("beoordelaar")
    pagina.get_by_role("button", name="Aanmelden").click()
    assert pagina.locator("#wachtwoord-fout").inner_text() == "vul uw wachtwoord in"
    assert pagina.get_by_label("Gebruikersnaam").input_value() == "beoordelaar"
    pagina.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    assert pagina.get_by_role("alert").is_visible()
    assert "/aanmelden" in pagina.url


def test_beoordelaar_start_zoeken_client_afmelden(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    assert pagina.get_by_role("heading", name="Openstaande beoordelingen").is_visible()
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Cliënten").click()
    pagina.wait_for_url("**/clienten")
    rijen = pagina.locator("#resultaten tbody tr")
    alle = rijen.count()
    assert alle > 0
    eerste = rijen.first.locator("a").inner_text()
    achternaam = eerste.replace(" (fictief)", "").split()[-1]
    with pagina.expect_response(lambda r: "/clienten?zoek=" in r.url):
        pagina.get_by_label("Zoek op naam of woonplaats").fill(achternaam)  # HTMX: live results
    pagina.wait_for_function("n => document.querySelectorAll('#resultaten tbody tr').length < n", arg=alle)
    assert all(
        achternaam.lower() in t.lower() for t in pagina.locator("#resultaten tbody tr td:first-child").all_inner_texts()
    )
    pagina.locator("#resultaten tbody tr a").first.click()
    assert pagina.get_by_role("heading", level=1).inner_text().startswith(eerste.split(" (")[0])
    assert pagina.get_by_role("heading", name="Tijdlijn").is_visible()
    assert pagina.locator(".zz-tijdlijn li").count() >= 1
    pagina.get_by_role("button", name="Afmelden").click()
    pagina.wait_for_url("**/aanmelden")
    pagina.goto("/start")
    assert "/aanmelden" in pagina.url  # the session is gone


@pytest.mark.parametrize("gebruiker", ["linde", "zorgkantoor", "beheerder"])
def test_startpagina_per_rol(pagina: Any, gebruiker: str) -> None:
    aanmelden(pagina, gebruiker)
    koppen = {"linde": "Cliënten in zorg", "zorgkantoor": "Recente indicatiebesluiten in uw regio", "beheerder": None}
    if koppen[gebruiker]:
        assert pagina.get_by_role("heading", name=koppen[gebruiker]).first.is_visible()
    else:
        assert "geen cliëntgegevens" in pagina.locator("main").inner_text()
        pagina.goto("/clienten")
        assert pagina.get_by_role("alert").is_visible()  # the beheerder may not list clients


def test_paginering(pagina: Any) -> None:
    """30 demo clients (and the few other tests add), 25 per page: page 1 has 25, page 2 the rest."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    kop = pagina.locator("#resultaten").inner_text()
    totaal = int(kop.split(" cliënten gevonden")[0])
    assert 30 <= totaal < 50
    assert pagina.locator("#resultaten tbody tr").count() == 25
    pagina.get_by_role("navigation", name="Paginering").get_by_role("link", name="Volgende").click()
    pagina.wait_for_url("**pagina_nr=2")
    assert pagina.locator("#resultaten tbody tr").count() == totaal - 25
    assert "Pagina 2 van 2" in pagina.get_by_role("navigation", name="Paginering").inner_text()


def test_andere_aanbieder_ziet_client_niet(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    link = pagina.locator("main table a").first
    href = link.get_attribute("href")
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "anker")
    antwoord = pagina.goto(href)
    assert antwoord is not None and antwoord.status in (403, 404)


def test_geknoeid_verborgen_veld_geeft_geen_500(pagina: Any, server: str) -> None:
    """A tampered hidden field (versie, overeenkomst_id) is bad input: a Dutch answer, never a traceback."""
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    pagina.locator("select[name=overeenkomst_id] option").first.evaluate("e => e.value = 'abc'")
    pagina.get_by_label("Overeenkomst", exact=True).select_option(index=0)
    pagina.get_by_label("Een dag in de week").fill("2014-09-10")
    pagina.get_by_role("button", name="Week registreren").click()
    assert "Traceback" not in pagina.content() and "er ging iets mis" not in pagina.content()
    assert pagina.locator("h1").count() == 1


def test_formulier_zonder_csrf_wordt_geweigerd(pagina: Any, server: str) -> None:
    antwoord = pagina.request.post(
        f"{server}/aanmelden", form={"gebruikersnaam": "beoordelaar", "wachtwoord": WACHTWOORD["beoordelaar"]}
    )
    assert antwoord.status == 422 and "verlopen" in antwoord.text()


def test_beoordeling_invullen_voorbeeld_definitief_en_besluit(pagina: Any) -> None:
    """The assessor fills the foto, sees the live preview (HTMX), saves a draft, makes it final and issues the decision."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.locator("#resultaten tbody tr a").last.click()
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    assert pagina.get_by_role("heading", name="Beoordelingsprincipes").is_visible()
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("2014-03-10")
    pagina.get_by_label("Dominante grondslag").select_option("01")
    pagina.locator("#b_0301-3").check()
    pagina.locator("#zm0_per_week").fill("7")
    pagina.get_by_label("Handeling zoeken").fill("PV-1.1-2")  # picked from the searchable list
    with pagina.expect_response(lambda r: "/voorbeeld" in r.url):
        pagina.get_by_label("Handeling zoeken").press("Tab")
    pagina.wait_for_function("() => document.querySelector('#voorbeeld').innerText.includes('Persoonlijke verzorging')")
    assert "Toegekend" in pagina.locator("#voorbeeld").inner_text()
    # The decision is dated on the day it is recorded: today on the server's clock, 1 December 2014. A decision of
    # July to December 2014 with verzorging says whether Zir art. 1 lid 5 applies (else the final preview asks).
    pagina.get_by_label(
        "Besluit van juli tot en met december 2014: is het gericht op een van deze vormen van zorg?"
    ).select_option("geen")
    pagina.get_by_role("button", name="Concept opslaan").click()
    assert pagina.get_by_role("status").inner_text() == "Concept opgeslagen."
    assert pagina.locator("#b_0301-3").is_checked()  # the draft opens as it was left
    pagina.get_by_role("button", name="Definitief maken").click()
    assert ", definitief)" in pagina.get_by_role("heading", level=1).inner_text()
    assert "Persoonlijke verzorging" in pagina.locator("#voorbeeld").inner_text()  # the decision to be stored
    assert pagina.get_by_label("Andere besluitdatum (niet verplicht)").input_value() == ""
    pagina.get_by_label("Andere besluitdatum (niet verplicht)").fill("01-01-2014")  # before the peildatum
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    assert "mag niet vóór de peildatum (10 maart 2014) liggen" in pagina.locator("#besluitdatum-fout").inner_text()
    pagina.get_by_label("Andere besluitdatum (niet verplicht)").fill("")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.wait_for_url("**/clienten/*?besluit=*")
    dag = datum(vandaag())  # Awb 3:40: dated on the day it is recorded (the server's today), not the peildatum
    assert dag == "1 december 2014"  # the demo's today
    assert f"Het indicatiebesluit is vastgelegd met datum {dag}" in pagina.get_by_role("status").inner_text()
    assert pagina.get_by_role("link", name="besluitbrief (PDF)").count() >= 1
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Besluitbrief downloaden (PDF)").click()
    tekst = pdf_tekst(Path(download.value.path()))
    assert f"Datum {dag}" in tekst and "Datum van het onderzoek 10 maart 2014" in tekst
    assert "Bijlage: de berekening stap voor stap" in tekst and "docs/" not in tekst and "Beslistermijn" not in tekst


def test_verblijf_toont_profielvergelijking_met_grafiek(pagina: Any) -> None:
    """Verblijf (bijlage 8): the preview compares client and profiles per domain, as a chart and a table."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.locator("#resultaten tbody tr a").first.click()
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill("2014-06-02")
    pagina.get_by_label("Dominante grondslag").select_option("02")
    pagina.get_by_label("Beschermende woonomgeving").check()
    pagina.get_by_label("Permanent toezicht").check()
    pagina.locator("#etmalen_per_week").fill("7")
    for vraag in ("b_0101", "b_0102", "b_0301", "b_0302", "s_0101", "s_0102"):
        pagina.locator(f"#{vraag}-3").check()
    pagina.wait_for_function("() => document.querySelector('#voorbeeld svg[role=img]') !== null")
    tekst = pagina.locator("#voorbeeld").inner_text()
    assert "Zorgzwaartepakket" in tekst and "Cliënt en profiel per domein" in tekst
    assert pagina.locator("#voorbeeld table tbody tr").count() >= 5


def test_beoordeling_fout_bewaart_invoer(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.locator("#resultaten tbody tr a").first.click()
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    pagina.locator("#s_0101-2").check()
    pagina.get_by_role("button", name="Concept opslaan").click()  # an incomplete draft may be saved
    assert pagina.get_by_role("status").inner_text() == "Concept opgeslagen."
    pagina.get_by_role("button", name="Definitief maken").click()  # but not made final
    assert pagina.get_by_role("alert").is_visible()
    melding = pagina.get_by_role("alert").inner_text()
    assert "Peildatum: is verplicht maar ontbreekt" in melding and "invoer." not in melding  # named as on screen
    assert pagina.locator("#peildatum-fout").is_visible()  # and next to the field itself
    assert pagina.locator("#grondslag_dominant-fout").is_visible()
    assert pagina.locator("#s_0101-2").is_checked()


def _naar_zorg_van_eerste_zzp_client(pagina: Any) -> None:
    """The care page of the provider's first client in its list whose care is a zorgzwaartepakket (the demo also has
    clients with functies en klassen at home, whose page registers hours per function)."""
    aanmelden(pagina, "linde")
    links = [a.get_attribute("href") for a in pagina.locator("main table a").all()]
    for href in links:
        pagina.goto(href)
        pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
        if pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").count():
            return
    raise AssertionError("geen cliënt met een zorgzwaartepakket in de lijst van de zorgaanbieder")


def test_zorgplan_rapportage_en_geleverde_zorg(pagina: Any) -> None:
    """Provider: edit the zorgplan per life domain, register a week of care (chart), write a rapportage."""
    _naar_zorg_van_eerste_zzp_client(pagina)
    grafieken = pagina.locator("svg[role=img]")  # delivered vs indicated hours, one per function of the indication
    assert grafieken.count() >= 1
    for i in range(grafieken.count()):
        assert "geleverde uren per week tegenover" in (grafieken.nth(i).get_attribute("aria-label") or "")
    pagina.get_by_role("link", name="bekijken of bijwerken").first.click()
    pagina.get_by_label("Uren per week 1").fill("veel")
    pagina.get_by_role("button", name="Zorgplan opslaan").click()
    assert (
        pagina.locator("#plan0_uren-fout").is_visible()
        and pagina.get_by_label("Uren per week 1").input_value() == "veel"
    )
    pagina.get_by_label("Uren per week 1").fill("10")
    pagina.get_by_label("Doelen").first.fill("Veilig en vertrouwd wonen\nZelf de dag indelen")
    pagina.get_by_role("button", name="Zorgplan opslaan").click()
    assert pagina.get_by_role("status").inner_text() == "Zorgplan opgeslagen."
    assert "Zelf de dag indelen" in pagina.get_by_label("Doelen").first.input_value()
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Zorg voor").click()
    pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").fill("12,5")
    pagina.get_by_role("button", name="Week registreren").click()  # no week given
    assert (
        pagina.get_by_role("alert").is_visible()
        and pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").input_value() == "12,5"
    )
    pagina.get_by_label("Een dag in de week").fill("2014-12-01")  # the demo registered every earlier week
    pagina.get_by_role("button", name="Week registreren").click()
    assert pagina.get_by_role("status").inner_text() == "Week geregistreerd."
    assert "Zorgzwaartepakket 12,5" in pagina.locator("table").first.inner_text()
    pagina.get_by_label("Datum", exact=True).fill("2014-09-04")
    pagina.get_by_label("Rapportage").fill("Goed gesprek over dagbesteding.")
    pagina.get_by_role("button", name="Rapportage vastleggen").click()
    assert "Goed gesprek over dagbesteding." in pagina.locator("main").inner_text()
    assert axe_overtredingen(pagina) == []


def test_client_vastleggen_met_fouten_bij_het_veld(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.get_by_role("link", name="Nieuwe cliënt").click()
    pagina.get_by_label("Burgerservicenummer").fill("123456789")
    pagina.get_by_label("Achternaam").fill("Jansen")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    assert pagina.locator("#bsn-fout").is_visible() and pagina.locator("#geboortedatum-fout").is_visible()
    assert pagina.get_by_label("Achternaam").input_value() == "Jansen"
    pagina.get_by_label("Burgerservicenummer").fill("111222333")
    pagina.get_by_label("Geboortedatum").fill("1940-05-01")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    assert pagina.get_by_role("heading", level=1).inner_text().startswith("Jansen")


def test_aanbieder_legt_overeenkomst_vast(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    voor = pagina.get_by_text("Overeenkomst ", exact=False).count()
    pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()  # no ingangsdatum
    assert "Ingangsdatum: is verplicht maar ontbreekt" in pagina.get_by_role("alert").inner_text()
    pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    pagina.get_by_label("Ingangsdatum").fill("01-01-2000")  # before the indication holds: refused, named
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    assert "Ingangsdatum: ligt vóór het begin van het indicatiebesluit" in pagina.get_by_role("alert").inner_text()
    pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    pagina.get_by_label("Ingangsdatum").fill("2014-10-01")
    # the first demo client has care at home (functies en klassen): the form proposes only what that allows, and
    # says why; a tampered form that still sends 'verblijf' is refused by the service
    keuzeveld = pagina.get_by_label("Leveringsvorm")
    assert keuzeveld.locator("option").all_inner_texts() == ["modulair pakket thuis", "persoonsgebonden budget"]
    uitleg = pagina.locator("#leveringsvorm-uitleg").inner_text()
    assert "verblijf in een instelling, want verblijf vraagt een indicatie met verblijf" in uitleg
    keuzeveld.locator("option").first.evaluate("e => e.value = 'verblijf'")
    keuzeveld.select_option("verblijf")
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    assert "verblijf vraagt een indicatie met verblijf" in pagina.get_by_role("alert").inner_text()
    pagina.get_by_text("Overeenkomst vastleggen (op het geldende indicatiebesluit)").click()
    pagina.get_by_label("Ingangsdatum").fill("2014-10-01")
    pagina.get_by_label("Leveringsvorm").select_option("mpt")  # functies en klassen at home: a modulair pakket
    pagina.get_by_role("button", name="Overeenkomst vastleggen").click()
    status = pagina.get_by_role("status").inner_text()
    assert status.startswith("Overeenkomst vastgelegd.")
    assert "Let op: de cliënt heeft in dezelfde periode ook een overeenkomst" in status  # concurrent: a warning
    assert pagina.get_by_text("Overeenkomst ", exact=False).count() > voor


def test_zorgkantoor_controleert_declaratie(pagina: Any) -> None:
    """The zorgkantoor uploads a declaration on its home page and sees the total (Babel euros) and each line's trail."""
    voorbeeld = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden" / "declaratie_fictief.json"
    aanmelden(pagina, "zorgkantoor")
    pagina.get_by_role("button", name="Controleren").click()
    assert "kies een bestand" in pagina.get_by_role("alert").inner_text()
    pagina.goto("/start")
    pagina.get_by_label("Declaratiebestand (JSON)").set_input_files(str(voorbeeld))
    pagina.get_by_role("button", name="Controleren").click()
    tekst = pagina.locator("main").inner_text().replace("\xa0", " ")
    assert "€ 13.348,87" in tekst and "Fictieve tarieven" in tekst
    pagina.locator("details summary").first.click()
    assert "NZa" in pagina.locator("details").first.inner_text()
    # every line compared with the records; these lines carry no BSN, so each is flagged in plain words
    assert "geen BSN op deze regel" in pagina.locator("#controle + div").inner_text()
    # a file that is not text: a Dutch message, no internal error names
    pagina.goto("/start")
    pagina.get_by_label("Declaratiebestand (JSON)").set_input_files(
        files=[{"name": "declaratie.json", "mimeType": "application/json", "buffer": b"\xff\xfe\x00kapot"}]
    )
    pagina.get_by_role("button", name="Controleren").click()
    melding = pagina.get_by_role("alert").inner_text()
    assert "dit bestand kunnen we niet lezen" in melding and "Error" not in melding


def test_herindicatiesignaal_na_einde_indicatie(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    pagina.get_by_label("Een dag in de week").fill("2031-01-08")
    pagina.get_by_label("Uren zorgzwaartepakket (ZZP)").fill("10")
    pagina.get_by_role("button", name="Week registreren").click()
    assert pagina.get_by_role("alert").count() == 0
    assert "herindicatie" in pagina.locator("#herindicatie").inner_text()


def test_besluitbrief_downloaden_en_renderen(pagina: Any, tmp_path: Path) -> None:
    """The provider opens a client in care and downloads the decision letter; pdftoppm renders its first page."""
    import shutil
    import subprocess

    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="besluitbrief (PDF)").first.click()
    pdf = Path(download.value.path())
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "brief")], check=True
        )
        assert next(tmp_path.glob("brief-*.png")).stat().st_size > 5_000


def test_auditlog_voor_de_beheerder(pagina: Any) -> None:
    """NEN 7513: the beheerder sees who did what; a bad filter gets a Dutch message beside the field; CSV export."""
    aanmelden(pagina, "linde")
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "beheerder")
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Auditlog").click()
    pagina.get_by_label("Gebruikersnaam").fill("linde")
    pagina.get_by_role("button", name="Filteren").click()
    acties = pagina.locator("tbody tr td:nth-child(4)").all_inner_texts()
    assert "startpagina" in acties and "afmelden" in acties
    assert set(pagina.locator("tbody tr td:nth-child(2)").all_inner_texts()) == {"linde"}
    pagina.get_by_label("Van").fill("2014-01-01")
    pagina.get_by_label("Cliëntnummer").fill("abc")
    pagina.get_by_role("button", name="Filteren").click()
    assert pagina.locator("#filter-client_id-fout").is_visible()
    assert pagina.get_by_label("Cliëntnummer").input_value() == "abc"
    pagina.get_by_label("Cliëntnummer").fill("")
    pagina.get_by_role("button", name="Filteren").click()
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Exporteren als CSV").click()
    assert Path(download.value.path()).read_text(encoding="utf-8").splitlines()[0].startswith("id")
    aanmelden(pagina, "beoordelaar")
    assert pagina.goto("/audit").status == 403  # only the beheerder reads the audit log


def test_wat_is_mijn_aanspraak_zonder_aanmelden(pagina: Any) -> None:
    """Rza art. 4 lid 1 en 3: 30 hours a year; 10 used, a 45-minute session counts -> 19.25 left after it."""
    pagina.goto("/aanspraken")
    pagina.get_by_role("link", name="Doventolk").click()
    pagina.get_by_role("button", name="Bereken").click()
    assert pagina.locator("#veld-peildatum-fout").is_visible()  # the error stands next to the field
    pagina.get_by_label("Uren tolkhulp gebruikt dit jaar").fill("10")
    pagina.get_by_role("button", name="Bereken").click()
    assert pagina.get_by_label("Uren tolkhulp gebruikt dit jaar").input_value() == "10"  # nothing lost on an error
    pagina.get_by_label("Peildatum").fill("2014-05-01")
    pagina.get_by_label("Duur van de sessie in minuten").fill("45")
    pagina.get_by_role("button", name="Bereken").click()
    uitkomst = pagina.locator("section[aria-labelledby=uitkomst-kop]").inner_text()
    assert "19.25" in uitkomst and "art. 4" in uitkomst
    assert pagina.get_by_role("alert").count() == 0
    versie = pagina.locator("#versie-gebruikt")  # the version used, linked to its text
    assert "versie 2014-02-06" in versie.inner_text() and "6 februari 2014" in versie.inner_text()
    link = versie.get_by_role("link", name="versie 2014-02-06 op wetten.overheid.nl")
    assert link.get_attribute("href") == "https://wetten.overheid.nl/BWBR0014855/2014-02-06"


def test_aanspraak_kiest_de_versie_van_de_peildatum(pagina: Any) -> None:
    """Rza art. 6 lid 1: on 31-07-2011 (versie 2011-05-01) a child of 2 months gets onderdeel a, on 01-08-2011
    (versie 2011-08-01) onderdeel b; the list page names every version with a link; no ruleset before 2011."""
    pagina.goto("/aanspraken")
    versies = pagina.get_by_role("table", name="Versies van de Regeling zorgaanspraken AWBZ")
    for v in [r.versie for r in regelsets("aanspraken")]:
        assert versies.get_by_role("link", name=v).get_attribute("href") == f"{RZA_ADRES}/{v}"
    assert versies.get_by_role("link").count() == 8  # 2011-01-01 .. 2014-11-24
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Vaccinaties").click()
    for peildatum, versie, tekst in (("31-07-2011", "2011-05-01", "A"), ("01-08-2011", "2011-08-01", "B")):
        pagina.get_by_label("Peildatum").fill(peildatum)
        pagina.get_by_label("Geboortedatum").fill("15-05-2011")
        pagina.get_by_role("button", name="Bereken").click()
        uitkomst = pagina.locator("section[aria-labelledby=uitkomst-kop]")
        assert f"Art. 6 lid 1 onder {tekst.lower()}:" in uitkomst.inner_text()
        assert uitkomst.get_by_role("link", name=f"versie {versie} op wetten.overheid.nl").count() == 1
    pagina.get_by_label("Peildatum").fill("31-12-2010")
    pagina.get_by_role("button", name="Bereken").click()
    assert "geen regelset" in pagina.locator("#veld-peildatum-fout").inner_text()
    assert axe_overtredingen(pagina) == []


@pytest.mark.parametrize(
    ("gebruiker", "pad", "naam"),
    [
        (None, "/aanmelden", "aanmelden"),
        ("beoordelaar", "/start", "start-beoordelaar"),
        ("linde", "/start", "start-zorgaanbieder"),
        ("beoordelaar", "/clienten", "clienten"),
        (None, "/aanspraken/doventolk", "aanspraak"),
        ("beheerder", "/audit", "audit"),
        ("beoordelaar", "/clienten/1/beoordelingen/nieuw", "beoordeling"),
    ],
)
def test_toegankelijkheid_en_schermafdruk(pagina: Any, gebruiker: str | None, pad: str, naam: str) -> None:
    """axe-core (WCAG 2.1 A/AA): no serious or critical violations; a screenshot for docs/schermen."""
    if gebruiker:
        aanmelden(pagina, gebruiker)
    pagina.goto(pad)
    assert axe_overtredingen(pagina) == []
    assert schermafdruk(pagina, naam).stat().st_size > 0
