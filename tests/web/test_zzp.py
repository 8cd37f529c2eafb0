"""Public pages explaining every zorgzwaartepakket (issue 18), in Chromium: overview, search, a profile page,
a comparison, the links from the client page, the decision letter and the aanspraken page; axe on every page,
a phone width of 390 px without sideways scrolling, and print CSS."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden

TELEFOON = {"width": 390, "height": 844}


def _geen_zijwaarts_scrollen(page: Any) -> None:
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= TELEFOON["width"], f"pagina is {breedte}px breed op een telefoon"


def test_overzicht_per_sector_met_zoeken(pagina: Any) -> None:
    pagina.goto("/zzp")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Zorgzwaartepakketten en zorgprofielen uitgelegd"
    for kop in (
        "Verpleging en verzorging (VV)",
        "Licht verstandelijk gehandicapten (LVG en SGLVG)",
        "Geestelijke gezondheidszorg, beschermd wonen (GGZ-C)",
    ):
        assert pagina.get_by_role("heading", name=kop).count() == 1
    rij = pagina.locator("tr", has=pagina.get_by_role("link", name="5 VV", exact=True))
    assert "VV Beschermd wonen met intensieve dementiezorg" in rij.inner_text()
    assert "18 uur per week (indicatief)" in rij.inner_text()  # demo: the background page's figure, loaded as data
    assert axe_overtredingen(pagina) == []
    assert schermafdruk(pagina, "zzp-overzicht").stat().st_size > 0
    pagina.get_by_label("Zoek een pakket op code of woord").fill("palliatief")
    pagina.get_by_role("button", name="Zoeken").click()
    pagina.wait_for_url("**/zzp?q=palliatief")
    gevonden = pagina.locator(".zz-gevonden")
    assert 'Gevonden voor "palliatief": 1' in gevonden.inner_text()
    gevonden.get_by_role("link").click()
    pagina.wait_for_url("**/zzp/10VV")
    assert "10 VV" in pagina.get_by_role("heading", level=1).inner_text()


def test_profielpagina_uren_meerzorg_pgb_wlz_en_wijzigingen(pagina: Any) -> None:
    pagina.goto("/zzp/7LG")
    tekst = pagina.locator("main").inner_text()
    assert "23 tot 28,5 uur per week (indicatief, volgens Inovum" in tekst
    assert "geen wettelijke norm" in tekst
    assert "kwart meer zorg" in tekst  # Rza art. 1a lid 2 onder a noemt LG-7
    assert "persoonsgebonden budget" in tekst
    assert "LG Wonen met zeer intensieve begeleiding en zeer intensieve verzorging" in tekst
    assert "Niveau 3 van 3" in tekst
    assert pagina.get_by_role("link", name=re.compile("Regeling langdurige zorg, bijlage A")).count() == 1
    assert axe_overtredingen(pagina) == []
    assert schermafdruk(pagina, "zzp-profiel").stat().st_size > 0
    pagina.goto("/zzp/9bVV")
    assert "18 tot 22 uur per week" in pagina.locator("#kop-uren + p").inner_text()
    assert "Dit aantal staat in de regeling" in pagina.locator("main").inner_text()
    pagina.goto("/zzp/1VV")
    assert "overgangsrecht" in pagina.locator("main").inner_text()
    assert axe_overtredingen(pagina) == []
    pagina.goto("/zzp/ZZP%205%20VV")
    pagina.wait_for_url("**/zzp/5VV")
    antwoord = pagina.goto("/zzp/bestaatniet")
    assert antwoord.status == 404
    assert "Pakket niet gevonden" in pagina.get_by_role("heading", level=1).inner_text()
    assert axe_overtredingen(pagina) == []


def test_vergelijken_per_domein(pagina: Any) -> None:
    pagina.goto("/zzp/4VV")
    pagina.get_by_label("Vergelijk 4 VV met").select_option("5VV")
    pagina.get_by_role("button", name="Vergelijken").click()
    pagina.wait_for_url("**/zzp/vergelijk?a=4VV&b=5VV")
    tabel = pagina.locator("table.zz-vergelijk")
    rij = tabel.locator("tr", has=pagina.get_by_role("rowheader", name="Denken, onthouden en weten waar u bent"))
    assert "Niveau 3 van 3" in rij.inner_text() and "Bij 5 VV is meer hulp nodig." in rij.inner_text()
    assert "In de regeling" not in tabel.inner_text()
    assert axe_overtredingen(pagina) == []
    assert schermafdruk(pagina, "zzp-vergelijk").stat().st_size > 0
    antwoord = pagina.goto("/zzp/vergelijk?a=5VV&b=onzin")
    assert antwoord.status == 422
    assert "Tweede pakket: 'onzin' is geen zorgzwaartepakket" in pagina.locator("#veld-b-fout").inner_text()
    assert axe_overtredingen(pagina) == []


@pytest.mark.parametrize("pad", ["/zzp", "/zzp/5VV", "/zzp/vergelijk?a=4VV&b=5VV"])
def test_werkt_op_een_telefoon_en_is_afdrukbaar(browser: Any, server: str, pad: str) -> None:
    context = browser.new_context(base_url=server, locale="nl-NL", viewport=TELEFOON)
    page = context.new_page()
    try:
        page.goto(pad)
        _geen_zijwaarts_scrollen(page)
        assert axe_overtredingen(page) == []
        if pad == "/zzp/5VV":
            assert schermafdruk(page, "zzp-telefoon", TELEFOON["width"], TELEFOON["height"]).stat().st_size > 0
        page.emulate_media(media="print")
        assert page.locator(".zz-kop").is_hidden()
        assert page.locator("main h1").is_visible()
        assert len(page.pdf()) > 5_000
    finally:
        context.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")
def test_client_pagina_en_besluitbrief_linken_naar_het_toegekende_profiel(pagina: Any, tmp_path: Path) -> None:
    """The provider's client page links to the granted profile; the letter names the page and it opens."""
    aanmelden(pagina, "linde")
    pagina.goto("/clienten")
    links = [a.get_attribute("href") for a in pagina.locator("main table a").all()]
    for href in links:
        pagina.goto(href)
        uitleg = pagina.get_by_role("link", name=re.compile(r"^wat betekent "))
        if uitleg.count():
            break
    else:
        pytest.fail("geen cliënt met een zorgzwaartepakket in de demo")
    code = uitleg.first.inner_text().removeprefix("wat betekent ").removesuffix("?")
    item = pagina.locator("li", has=uitleg.first)
    with pagina.expect_download() as download:
        item.get_by_role("link", name="besluitbrief (PDF)").click()
    pdf = tmp_path / "brief.pdf"
    Path(download.value.path()).replace(pdf)
    tekst = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    adres = re.search(r"http://[\w.:]+/zzp/\w+", tekst.replace("\n", ""))
    assert adres, tekst
    assert adres.group(0).endswith(f"/zzp/{code}")
    pagina.goto(adres.group(0))
    assert pagina.url.endswith(f"/zzp/{code}")
    assert pagina.get_by_role("heading", level=1).inner_text().startswith("Zorgzwaartepakket ")
    pagina.go_back()
    pagina.get_by_role("link", name=f"wat betekent {code}?").first.click()
    pagina.wait_for_url(f"**/zzp/{code}")


def test_aanspraak_meerzorg_linkt_naar_de_genoemde_profielen(pagina: Any) -> None:
    pagina.goto("/aanspraken/meerzorg")
    pagina.get_by_role("link", name="5LG", exact=True).click()
    pagina.wait_for_url("**/zzp/5LG")
    assert "5 LG" in pagina.get_by_role("heading", level=1).inner_text()
