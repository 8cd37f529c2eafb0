"""The "Wat is mijn aanspraak?" form as a client uses it: every field explains itself and names its article, the
rolstoel's later wijzigingen (Rza art. 3 lid 3) can be entered row by row, and an outcome the article leaves empty
on purpose says so in words instead of "onbekend"."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.web.conftest import axe_overtredingen, schermafdruk
from zorgzwaarte.diensten.aanspraken import lijst_regels
from zorgzwaarte.web.routes.aanspraken import aanspraak_uit_formulier, rij_actie

ARTIKEL = re.compile(r"\bart\. \d+[a-z]?\b")


def test_elk_veld_heeft_een_hulptekst_met_artikel() -> None:
    """Every input field of every rule (and every field of a row) has a short help text naming its article."""
    for regel in lijst_regels():
        for v in regel.invoer:
            assert v.omschrijving and ARTIKEL.search(v.omschrijving), (regel.naam, v.veld, v.omschrijving)
            assert "_" not in v.omschrijving, (regel.naam, v.veld)
            for k in v.kolommen:
                assert k.omschrijving and ARTIKEL.search(k.omschrijving), (regel.naam, v.veld, k.veld)


def test_peildatum_noemt_het_artikel_van_de_regel() -> None:
    for regel in lijst_regels():
        peildatum = next(v for v in regel.invoer if v.veld == "peildatum")
        wlz = f"; vanaf 2015 {regel.wlz_artikel}" if regel.wlz_artikel else ""  # meerzorg: Rlz art. 2.2
        assert peildatum.omschrijving and peildatum.omschrijving.endswith(f"({regel.artikel}{wlz})")


def test_hulpteksten_op_het_scherm(pagina: Any) -> None:
    pagina.goto("/aanspraken/doventolk")
    uitleg = pagina.locator("#veld-dovenonderwijs-uitleg").inner_text()
    assert "art. 7 lid 3 onder a" in uitleg
    assert "veld-dovenonderwijs-uitleg" in (
        pagina.locator("#veld-dovenonderwijs").get_attribute("aria-describedby") or ""
    )
    assert axe_overtredingen(pagina) == []


def _overname(velden: dict[str, list[str]]) -> dict[str, Any]:
    regel = next(r for r in lijst_regels() if r.naam == "rolstoel_overname")
    return aanspraak_uit_formulier(regel.invoer, velden)


def test_wijzigingen_uit_het_formulier_lege_rijen_tellen_niet() -> None:
    data = _overname(
        {
            "wijzigingen-rijen": ["3"],
            "wijzigingen-1-prijs": ["1.234,50"],
            "wijzigingen-1-datum": ["01-02-2012"],
            "wijzigingen-3-prijs": ["80"],
            "wijzigingen-3-datum": [""],
        }
    )
    assert data["wijzigingen"] == [{"prijs": "1234.50", "datum": "01-02-2012"}, {"prijs": "80"}]


def test_rij_verwijderen_schuift_de_latere_rijen_op() -> None:
    regel = next(r for r in lijst_regels() if r.naam == "rolstoel_overname")
    waarden = {
        "wijzigingen-rijen": ["3"],
        **{f"wijzigingen-{i}-prijs": [str(i * 100)] for i in (1, 2, 3)},
    }
    nieuw, melding, _ = rij_actie(regel.invoer, waarden, "verwijderen:wijzigingen:2")
    assert nieuw["wijzigingen-rijen"] == ["2"] and melding == "Wijziging 2 is verwijderd."
    assert [nieuw[f"wijzigingen-{i}-prijs"] for i in (1, 2)] == [["100"], ["300"]]
    assert "wijzigingen-3-prijs" not in nieuw
    nieuw, _, focus = rij_actie(regel.invoer, nieuw, "toevoegen:wijzigingen")
    assert nieuw["wijzigingen-rijen"] == ["3"] and focus == "veld-wijzigingen-3-prijs"


def _vul_overname(pagina: Any) -> None:
    pagina.goto("/aanspraken/rolstoel_overname")
    pagina.get_by_label("Peildatum").fill("01-06-2013")
    pagina.get_by_label("Aanschafprijs van de rolstoel").fill("3000")
    pagina.get_by_label("Elektrische rolstoel").select_option("nee")
    pagina.get_by_label("Datum van ingebruikname").fill("01-06-2011")
    pagina.get_by_label("Laatste dag van het verblijf").fill("31-05-2013")


def test_wijzigingen_invoeren_toevoegen_en_verwijderen(pagina: Any) -> None:
    """Rza art. 3 lid 3: the price includes later wijzigingen; on the web they are rows the user adds or removes."""
    _vul_overname(pagina)
    pagina.get_by_label("Prijs van wijziging 1").fill("500")
    pagina.get_by_label("Datum van wijziging 1").fill("01-06-2012")
    pagina.get_by_role("button", name="Nog een wijziging toevoegen").click()
    # the new row has the focus (autofocus is applied when the new page renders: wait for it, do not sample)
    expect(pagina.locator("#veld-wijzigingen-2-prijs")).to_be_focused()
    assert pagina.get_by_label("Prijs van wijziging 1").input_value() == "500"  # nothing typed is lost
    pagina.get_by_label("Prijs van wijziging 2").fill("twee")
    pagina.get_by_label("Datum van wijziging 2").fill("01-01-2013")
    pagina.get_by_role("button", name="Nog een wijziging toevoegen").click()
    pagina.get_by_label("Prijs van wijziging 3").fill("70")
    pagina.get_by_label("Datum van wijziging 3").fill("01-02-2013")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Bereken", exact=True).last.click()
    # the same validation as the API, the message at the row's field and in the summary
    overzicht = pagina.locator("#foutoverzicht")
    assert "Prijs van wijziging 2" in overzicht.inner_text()
    assert overzicht.locator("a[href='#veld-wijzigingen-2-prijs']").count() == 1
    assert pagina.locator("#veld-wijzigingen-2-prijs").get_attribute("aria-invalid") == "true"
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Wijziging 2 verwijderen").click()
    expect(pagina.locator("[role=status]")).to_contain_text("Wijziging 2 is verwijderd.")
    expect(pagina.get_by_label("Prijs van wijziging 2")).to_have_value("70")  # row 3 moved up
    assert pagina.get_by_label("Prijs van wijziging 3").count() == 0
    pagina.get_by_role("button", name="Bereken", exact=True).last.click()
    uitkomst = pagina.locator("#uitkomst-kop + dl").inner_text()
    specificatie = pagina.locator("#uitkomst-kop + dl").locator("li").all_inner_texts()
    assert len(specificatie) == 3, specificatie  # the wheelchair and both wijzigingen, each depreciated
    assert "Overnameprijs" in uitkomst
    # amounts and dates in the one Dutch style, in the outcome and in the explanation (not "3000.00", "2011-06-01")
    toelichting = pagina.locator("#uitkomst-kop ~ ol").inner_text()
    assert re.search(r"prijs: €\s3\.000,00; vanaf: 1 juni 2011", specificatie[0]), specificatie
    assert re.search(r"€\s3\.000,00 vanaf 1 juni 2011", toelichting), toelichting
    # (a version of the regeling keeps its name: "versie 2013-01-01")
    assert not re.search(r"\d\.\d\d\b|\d{2}-\d{2}-\d{4}|(?<!versie )\d{4}-\d{2}-\d{2}", uitkomst + toelichting)
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "aanspraak-rolstoel-overname", hele_pagina=True)


def test_enter_in_een_veld_berekent(pagina: Any) -> None:
    """With row buttons on the form, Enter in a field still computes (it does not remove a row)."""
    _vul_overname(pagina)
    pagina.get_by_label("Prijs van wijziging 1").fill("500")
    pagina.get_by_label("Datum van wijziging 1").fill("01-06-2012")
    pagina.get_by_label("Laatste dag van het verblijf").press("Enter")
    pagina.wait_for_selector("#uitkomst-kop")
    assert pagina.get_by_label("Prijs van wijziging 1").input_value() == "500"


def test_nieuwe_rolstoel_zegt_dat_er_geen_grens_is(pagina: Any) -> None:
    """Rza art. 10 lid 1: a new wheelchair always needs consent; lid 2's amounts are only for aanpassing and herstel.
    The empty grens is 'no limit' in words, never "onbekend" (that is for a figure the source has only as an image)."""
    pagina.goto("/aanspraken/rolstoel_toestemming")
    pagina.get_by_label("Peildatum").fill("01-06-2012")
    pagina.get_by_label("Waarvoor vraagt u toestemming?").select_option("nieuw")
    pagina.get_by_label("Kosten").fill("4000")
    pagina.get_by_label("Elektrische rolstoel").select_option("ja")
    pagina.get_by_role("button", name="Bereken").click()
    uitkomst = pagina.locator("#uitkomst-kop + dl").inner_text()
    assert "onbekend" not in uitkomst
    assert "geen grens" in uitkomst and "art. 10 lid 1" in uitkomst
    assert axe_overtredingen(pagina) == []


def test_meerzorg_onder_de_wlz(pagina: Any) -> None:
    """Regeling langdurige zorg art. 2.2: with a peildatum from 2015 the form follows the Wlz text of that day. Lid 1
    onder c (a listed form of care) holds for every profile; the judgement of lid 1 aanhef is the zorgkantoor's, and
    the answer says so. A fact left out (the ZZP on 31 December 2014, the hours of lid 2) stays unknown."""
    pagina.goto("/aanspraken/meerzorg")
    expect(pagina.locator("#wlz")).to_contain_text("Regeling langdurige zorg art. 2.2")
    pagina.get_by_label("Peildatum").fill("01-03-2016")
    pagina.get_by_label("Zorgzwaartepakket", exact=True).fill("4 VV")
    pagina.get_by_label("non-invasieve beademing").check()
    pagina.get_by_role("button", name="Bereken").click()
    uitkomst = pagina.locator("#uitkomst-kop + dl")
    expect(uitkomst).to_contain_text("onder c")
    expect(pagina.locator("#uitkomst-kop ~ ul")).to_contain_text("beoordeelt de Wlz-uitvoerder of het zorgkantoor")
    expect(pagina.locator("#versie-gebruikt")).to_contain_text("Regeling langdurige zorg")
    expect(pagina.locator("#versie-gebruikt a")).to_have_attribute(
        "href", "https://wetten.overheid.nl/BWBR0036014/2015-07-27"
    )
    toelichting = pagina.locator("#uitkomst-kop ~ ol")
    expect(toelichting).to_contain_text("art. 2.2 lid 1 onder c")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "aanspraak-meerzorg-wlz", hele_pagina=True)
    schermafdruk(pagina, "aanspraak-meerzorg-wlz-telefoon", breedte=360, hoogte=800, hele_pagina=True)
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    # onder a without the hours of lid 2: unknown, never yes (and no error)
    pagina.get_by_label("non-invasieve beademing").uncheck()
    pagina.get_by_label("Zorgzwaartepakket", exact=True).fill("5 VG")
    pagina.get_by_label("Zorgzwaartepakket op 31 december 2014").fill("geen")
    pagina.get_by_role("button", name="Bereken").click()
    expect(pagina.locator("#uitkomst-kop ~ ul")).to_contain_text("Vul beide aantallen uren in")
    expect(pagina.locator("#uitkomst-kop + dl dd").first).to_have_text("onbekend")
    # a ZZP on 31 December 2014 that does not exist: the message at its field
    pagina.get_by_label("Zorgzwaartepakket op 31 december 2014").fill("11 VV")
    pagina.get_by_role("button", name="Bereken").click()
    expect(pagina.locator("#foutoverzicht")).to_contain_text("Zorgzwaartepakket op 31 december 2014")
    expect(pagina.locator("#veld-zzp_op_31_december_2014")).to_have_attribute("aria-invalid", "true")
    assert axe_overtredingen(pagina) == []
