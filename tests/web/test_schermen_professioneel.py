"""The web app as a demanding Dutch professional uses it: each error at its field and in a focused summary that
links there (NL Design System form-field invalid pattern), one date style (Babel, '1 december 2014'), the regelsets
and their parameters on a page linked from Wat als, the KVB facts in the zorgplan form (Blz 2026 art. 3.1.3 lid 2),
the aanspraken in a client's words, and file fields with a Dutch control."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden
from zorgzwaarte.diensten.aanspraken import lijst_regels
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.domein.records import ZorgplanInvoer
from zorgzwaarte.rapporten.opmaak import datum, tijdstip
from zorgzwaarte.regels.regelset import regelsets
from zorgzwaarte.web.invoer import foutenlijst, per_veld
from zorgzwaarte.web.zorglevering import plan_rijen, plan_veld_id, zorgplan_naar_formulier, zorgplan_uit_formulier

SJABLONEN = Path(__file__).resolve().parents[2] / "src" / "zorgzwaarte" / "web" / "sjablonen"
NUMERIEKE_DATUM = re.compile(r"\b\d{2}-\d{2}-\d{4}\b")


def focus_op(pagina: Any, id_: str) -> None:
    """The focus lands on the element with this id (after the page's script has run)."""
    pagina.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=id_, timeout=5000)


# --- 1. errors at the field and in a summary that links there -------------------------------------------------


def test_foutenlijst_uit_een_dict_en_uit_een_lijst() -> None:
    algemeen, lijst = foutenlijst(
        {"formulier": "het formulier is verlopen", "bsn": "voldoet niet aan de elfproef"}, namen={"bsn": "BSN"}
    )
    assert algemeen == "het formulier is verlopen"
    assert lijst == [{"veld": "BSN", "melding": "voldoet niet aan de elfproef", "id": "bsn"}]
    _, lijst = foutenlijst({"van": "geen datum (JJJJ-MM-DD)"}, voorvoegsel="filter-")
    assert lijst == [{"veld": "Van", "melding": "geen datum (dd-mm-jjjj)", "id": "filter-van"}]
    _, lijst = foutenlijst([{"veld": "Ingangsdatum", "melding": "ontbreekt", "id": "ingangsdatum"}])
    assert lijst[0]["id"] == "ingangsdatum"
    assert per_veld([{"veld": "Variant", "melding": "leeg"}], {"Variant": "variant"}) == {"variant": "leeg"}


def test_elk_formulier_toont_fouten_met_dezelfde_bouwsteen() -> None:
    """No page writes its own error box: every form's summary is macros.html `foutblok` (one pattern)."""
    eigen = [
        p.relative_to(SJABLONEN).as_posix()
        for p in SJABLONEN.rglob("*.html")
        if "utrecht-alert--error" in p.read_text(encoding="utf-8")
    ]
    # not a form's errors: the error page's list of messages and a Wat als run that failed after it started
    assert sorted(eigen) == ["fout.html", "macros.html", "wat_als/voortgang.html"]
    for p in SJABLONEN.rglob("*.html"):
        tekst = p.read_text(encoding="utf-8")
        if 'type="file"' in tekst:
            assert p.name == "macros.html", f"{p.name}: een bestandsveld hoort via m.bestandveld"


def test_toewijzing_fout_bij_het_veld_en_in_het_overzicht(pagina: Any) -> None:
    aanmelden(pagina, "zorgkantoor")
    pagina.goto("/clienten")
    pagina.locator("main table a").first.click()
    pagina.get_by_label("Ingangsdatum").fill("31-02-2020")
    pagina.get_by_role("button", name="Toewijzen").click()
    overzicht = pagina.locator("#foutoverzicht")
    focus_op(pagina, "foutoverzicht")  # the summary has the focus
    assert overzicht.get_attribute("role") == "alert"
    for veld, melding in (("zorgaanbieder_id", "is verplicht"), ("ingangsdatum", "geen bestaande datum")):
        invoer = pagina.locator(f"#{veld}")
        assert invoer.get_attribute("aria-invalid") == "true"
        assert f"{veld}-fout" in (invoer.get_attribute("aria-describedby") or "").split()
        assert melding in pagina.locator(f"#{veld}-fout").inner_text()  # the message stands at the field
        assert overzicht.locator(f"a[href='#{veld}']").count() == 1  # and the summary links there
    assert pagina.get_by_label("Ingangsdatum").input_value() == "31-02-2020"
    overzicht.locator("a[href='#ingangsdatum']").click()
    focus_op(pagina, "ingangsdatum")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "toewijzing-fouten")


def test_zorgmoment_fout_link_zet_de_focus_in_het_zorgmoment(pagina: Any) -> None:
    """The assessment form: the summary links each message to its field; a link to a group (a zorgmoment) puts the
    focus in its first field."""
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.locator("main table a").first.click()
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    pagina.get_by_role("button", name="Zorgmoment toevoegen").click()
    pagina.get_by_label("Keer per week", exact=True).first.fill("abc")
    pagina.get_by_role("button", name="Concept opslaan").click()
    pagina.get_by_role("button", name="Definitief maken").click()
    focus_op(pagina, "foutoverzicht")
    overzicht = pagina.locator("#foutoverzicht")
    assert overzicht.locator("a[href='#peildatum']").count() == 1
    assert pagina.locator("#peildatum").get_attribute("aria-invalid") == "true"
    overzicht.locator("a[href='#zm0']", has_text="Zorgmoment 1: keer per week").click()
    focus_op(pagina, "zm0_omschrijving")
    overzicht.locator("a[href='#peildatum']").click()
    focus_op(pagina, "peildatum")


def test_aanmelden_overzicht_linkt_naar_het_veld(pagina: Any) -> None:
    pagina.goto("/aanmelden")
    pagina.get_by_role("button", name="Aanmelden").click()
    overzicht = pagina.locator("#foutoverzicht")
    assert overzicht.locator("a[href='#gebruikersnaam']").count() == 1
    assert overzicht.locator("a[href='#wachtwoord']").count() == 1
    assert pagina.locator("#wachtwoord").get_attribute("aria-invalid") == "true"
    assert axe_overtredingen(pagina) == []


# --- 2. one date style ------------------------------------------------------------------------------------------


def test_datum_en_tijdstip_in_een_stijl() -> None:
    assert datum("2014-12-01") == "1 december 2014"
    assert tijdstip("2026-11-29T20:15:03") == "29 november 2026 21:15:03 CET"


def test_tijdlijn_een_datumstijl(pagina: Any) -> None:
    """The client timeline said '1 december 2014' next to 'vanaf 22-09-2014': now one style."""
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    tijdlijn = pagina.locator(".zz-tijdlijn").inner_text()
    assert "Zorgleveringsovereenkomst" in tijdlijn
    assert not NUMERIEKE_DATUM.search(tijdlijn), tijdlijn
    assert re.search(r"vanaf \d{1,2} [a-z]+ \d{4}", tijdlijn), tijdlijn


def test_geen_numerieke_datums_in_diensten_en_sjablonen() -> None:
    """Services and screens build dates for people only through diensten.datums (Babel); dd-mm-jjjj is what a date
    field takes, never what a text shows."""
    bron = Path(__file__).resolve().parents[2] / "src" / "zorgzwaarte"
    for map_ in ("diensten", "web", "rapporten"):
        for p in (bron / map_).rglob("*.py"):
            assert 'strftime("%d-%m-%Y' not in p.read_text(encoding="utf-8"), p
            assert "strftime('%d-%m-%Y" not in p.read_text(encoding="utf-8"), p


# --- 3. regelsets and their parameters -------------------------------------------------------------------------


def test_regelsets_pagina_vanuit_wat_als(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    start = pagina.locator("main")
    assert start.get_by_role("link", name="Wat als").count() >= 1  # the beheerder's start page names Wat als
    pagina.goto("/wat-als")
    pagina.get_by_role("link", name="Regelsets en parameters").click()
    pagina.wait_for_url("**/regelsets")
    tekst = pagina.locator("main").inner_text()
    for rs in regelsets("indicatie"):
        assert rs.kenmerk in tekst and rs.naam in tekst
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "regelsets")
    eerste = regelsets("indicatie")[0]
    pagina.get_by_role("link", name=f"{eerste.naam} (versie {eerste.versie})", exact=True).click()
    totaal = len(eerste.parameterlijst())
    assert f"{totaal} van de {totaal} parameters" in pagina.locator("#parameters").inner_text()
    pagina.get_by_label("Zoeken").fill("klassen.PV")
    pagina.get_by_role("button", name="Filteren").click()
    rijen = pagina.locator("#parameters tbody tr")
    assert 1 <= rijen.count() < totaal
    assert all("klassen.PV" in t for t in rijen.locator("code[id^=pad-]").all_inner_texts())
    eerste_rij = rijen.first
    assert "bijlage 4" in eerste_rij.inner_text()  # the structured bron: regeling, artikel, versie, link
    assert eerste_rij.locator("a[href^='https://wetten.overheid.nl/']").count() >= 1
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "regelset-parameters")


def test_regelset_pad_kopieren(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, locale="nl-NL", permissions=["clipboard-read", "clipboard-write"])
    pagina = context.new_page()
    try:
        aanmelden(pagina, "zorgkantoor")
        eerste = regelsets("indicatie")[0]
        pagina.goto(f"/regelsets/indicatie/{eerste.versie}?zoek=klassen.PV.banden")
        pad = pagina.locator("#parameters code[id^=pad-]").first.inner_text()
        pagina.locator("#parameters").get_by_role("button", name="Kopiëren").first.click()
        assert pad == "indicatie_awbz_2014.yaml:klassen.PV.banden"
        # the copy is asynchronous (navigator.clipboard.writeText): wait for it instead of reading at once
        pagina.wait_for_function("p => navigator.clipboard.readText().then(t => t === p)", arg=pad, timeout=5000)
    finally:
        context.close()


def test_regelsets_niet_voor_de_zorgaanbieder(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    antwoord = pagina.goto("/regelsets")
    assert antwoord is not None and antwoord.status == 403
    antwoord = pagina.goto("/regelsets/indicatie/bestaat-niet")
    assert antwoord is not None and antwoord.status == 403


def test_onbekende_regelset_geeft_404(pagina: Any) -> None:
    aanmelden(pagina, "beheerder")
    antwoord = pagina.goto("/regelsets/indicatie/bestaat-niet")
    assert antwoord is not None and antwoord.status == 404
    assert "geen regelset" in pagina.locator("main").inner_text()


# --- 4. KVB facts in the zorgplan form --------------------------------------------------------------------------


def test_kvb_velden_van_formulier_naar_dienst_en_terug() -> None:
    """Blz 2026 art. 3.1.3 lid 2: the zelf geregelde zorglocatie and the zeer complexe zorgbehoefte as the API takes
    them (true/false; empty: not given)."""
    f = {
        "vastgesteld_op": ["2026-03-01"],
        "plan0_functie": ["KVB"],
        "plan0_uren": ["0"],
        "plan0_etmalen": ["20"],
        "plan0_eigen": ["ja"],
        "plan0_complex": ["nee"],
        "plan1_functie": ["PV"],
        "plan1_uren": ["3"],
    }
    data = zorgplan_uit_formulier(f)
    plan = ontvang(ZorgplanInvoer, data)
    assert plan.gepland[0].eigen_zorglocatie is True and plan.gepland[0].zeer_complexe_zorgbehoefte is False
    assert plan.gepland[1].eigen_zorglocatie is None and plan.gepland[1].zeer_complexe_zorgbehoefte is None
    # a message about the first planned row stands at the row the user filled in (empty rows are not sent)
    assert plan_rijen(f) == [0, 1]
    assert plan_veld_id("gepland.0.zeer_complexe_zorgbehoefte", plan_rijen({"plan3_eigen": ["ja"]})) == "plan3_complex"
    terug = zorgplan_naar_formulier(plan.model_dump(mode="json"))
    assert terug["plan0_eigen"] == ["ja"] and terug["plan0_complex"] == ["nee"] and terug["plan1_eigen"] == [""]


def test_kvb_zelf_geregelde_zorglocatie_zonder_opgave_geweigerd_bij_het_veld(pagina: Any) -> None:
    """A zelf geregelde zorglocatie without saying whether the client has a zeer complexe zorgbehoefte is refused,
    as in the API, with the message at the field the user chose."""
    aanmelden(pagina, "linde")
    pagina.locator("main table a").first.click()
    pagina.get_by_role("link", name="Zorgplan, rapportage en geleverde zorg").click()
    link = pagina.get_by_role("link", name=re.compile("Zorgplan opstellen|bekijken of bijwerken")).first
    link.click()
    assert "Besluit langdurige zorg art. 3.1.3" in pagina.locator("#kvb-uitleg").inner_text()
    pagina.get_by_label("Vastgesteld op").fill("01-03-2026")
    pagina.get_by_label("Eerste evaluatie").fill("01-09-2026")
    pagina.get_by_label("Functie 4", exact=True).select_option("KVB")
    pagina.get_by_label("Uren per week 4").fill("0")
    pagina.get_by_label("Zorglocatie voor het logeren 4 (alleen bij KVB)").select_option("ja")
    pagina.get_by_role("button", name="Zorgplan opslaan").click()
    fout = pagina.locator("#plan3_eigen-fout, #plan3_complex-fout")
    assert fout.count() == 1, pagina.locator("#foutoverzicht").inner_text()
    assert pagina.locator("#foutoverzicht a[href^='#plan3_']").count() >= 1
    assert pagina.get_by_label("Zorglocatie voor het logeren 4 (alleen bij KVB)").input_value() == "ja"
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "zorgplan-kvb")


# --- 5. aanspraken in a client's words --------------------------------------------------------------------------


def test_aanspraken_keuzes_en_uitkomsten_in_woorden() -> None:
    for regel in lijst_regels():
        assert "_" not in regel.titel
        for v in regel.invoer:
            assert v.titel != "Soort", (regel.naam, v.veld)
            for k in v.keuzes:
                assert "_" not in v.keuze_teksten[k], (regel.naam, v.veld, k)
        for k in regel.uitvoer:
            assert "_" not in regel.uitvoer_titels[k], (regel.naam, k)


@pytest.mark.parametrize(
    ("regel", "label", "keuze"),
    [
        ("rolstoel_toestemming", "Waarvoor vraagt u toestemming?", "aanpassing van de rolstoel"),
        ("buitenland", "Met of zonder opname in een instelling?", "zorg zonder opname (extramurale zorg)"),
    ],
)
def test_aanspraak_soort_in_woorden(pagina: Any, regel: str, label: str, keuze: str) -> None:
    """Rza art. 10 and art. 6a/6b: the field that was called 'Soort' says what it asks."""
    pagina.goto(f"/aanspraken/{regel}")
    labels = pagina.locator("main label, main legend").all_inner_texts()
    assert "Soort" not in labels and label in labels, labels
    assert keuze in pagina.get_by_label(label).locator("option").all_inner_texts()
    assert axe_overtredingen(pagina) == []


def test_aanspraak_rolstoel_uitkomst_in_woorden(pagina: Any) -> None:
    pagina.goto("/aanspraken")
    pagina.get_by_role("link", name="Toestemming vooraf voor een rolstoel, aanpassing of herstel").click()
    pagina.get_by_label("Peildatum").fill("01-06-2012")
    pagina.get_by_label("Waarvoor vraagt u toestemming?").select_option("herstel")
    pagina.get_by_label("Kosten").fill("400")
    pagina.get_by_label("Elektrische rolstoel").select_option("ja")
    pagina.get_by_role("button", name="Bereken").click()
    uitkomst = pagina.locator("#uitkomst-kop + dl").inner_text()
    assert "Toestemming vooraf nodig" in uitkomst and re.search(r"€\s1\.000,00", uitkomst) and "_" not in uitkomst
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "aanspraak-rolstoel")


def test_aanspraak_fout_bij_het_veld_met_link(pagina: Any) -> None:
    pagina.goto("/aanspraken/rolstoel_toestemming")
    pagina.get_by_role("button", name="Bereken").click()
    overzicht = pagina.locator("#foutoverzicht")
    assert overzicht.locator("a[href='#veld-peildatum']").count() == 1
    assert pagina.locator("#veld-peildatum").get_attribute("aria-invalid") == "true"
    assert axe_overtredingen(pagina) == []


# --- 6. file fields with a Dutch control ------------------------------------------------------------------------


def test_bestandsveld_nederlands_en_toegankelijk(pagina: Any, tmp_path: Path) -> None:
    aanmelden(pagina, "zorgkantoor")
    pagina.goto("/wat-als")
    veld = pagina.get_by_label("Of een variantbestand (YAML)")
    assert veld.get_attribute("type") == "file"  # the native input keeps label, keyboard and screen reader
    knop = pagina.locator(".zz-bestand__knop").first
    assert knop.inner_text() == "Bestand kiezen" and knop.is_visible()
    assert pagina.locator("#variant_bestand-naam").inner_text() == "Geen bestand gekozen"
    bestand = tmp_path / "mijn-variant.yaml"
    bestand.write_text("basis: AWBZ 2014\n", encoding="utf-8")
    veld.set_input_files(str(bestand))
    assert pagina.locator("#variant_bestand-naam").inner_text() == "Gekozen: mijn-variant.yaml"
    assert "variant_bestand-naam" in (veld.get_attribute("aria-describedby") or "")
    # keyboard: the field before it, then Tab, lands on the file input and shows the focus on the button
    pagina.get_by_label("Variant (YAML: basis, wijzigingen, toelichting)").focus()
    pagina.keyboard.press("Tab")
    focus_op(pagina, "variant_bestand")
    assert knop.evaluate("k => getComputedStyle(k).outlineStyle") == "solid"
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "bestandsveld")


def test_declaratie_fout_bij_het_bestandsveld(pagina: Any) -> None:
    aanmelden(pagina, "zorgkantoor")
    pagina.get_by_role("button", name="Controleren").click()
    assert pagina.locator("#foutoverzicht a[href='#bestand']").count() == 1
    assert "kies een bestand" in pagina.locator("#bestand-fout").inner_text()
    assert pagina.locator("#bestand").get_attribute("aria-invalid") == "true"
    assert axe_overtredingen(pagina) == []
