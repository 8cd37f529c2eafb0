"""Tariffs on the web (docs/bekostiging.md, Laden per jaar): the table per year with its source and 'onbekend'; a
file first previewed (what changes, which years), errors with the line as an editor numbers it, then Laden."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import delete, func, select

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden
from zorgzwaarte.diensten import bekostiging
from zorgzwaarte.opslag.database import sessiefabriek
from zorgzwaarte.opslag.modellen import Tarieftabel

KOP = "prestatiecode;omschrijving;tarief;eenheid;ingangsdatum;einddatum;bron\n"
GOED = KOP + (
    "4VV;ZZP 4VV;160,00;dag;2017-01-01;2017-12-31;NZa tariefbeschikking 2017 (test)\n"
    "NHC;Normatieve huisvestingscomponent;22,00;dag;2017-01-01;2017-12-31;NZa tariefbeschikking 2017 (test)\n"
)
FOUT = KOP + "4VV;ZZP 4VV;0;dag;2017-01-01;2017-12-31;NZa\n\n5VV;ZZP 5VV;175,50;dag;2017-13-01;;NZa\n"


def _bestand(tmp_path: Path, naam: str, tekst: str) -> str:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return str(pad)


def _breedte(pagina: Any) -> int:
    return int(pagina.evaluate("document.documentElement.scrollWidth"))


def test_tarieven_per_jaar_voorbeeld_en_laden(pagina: Any, tmp_path: Path) -> None:
    aanmelden(pagina, "zorgkantoor")
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Tarieven").click()
    pagina.get_by_label("Jaar").select_option("2016")
    pagina.get_by_role("button", name="Tonen").click()
    tabel = pagina.get_by_role("table", name="Tarieven in 2016")
    expect(tabel.get_by_role("row", name="4VV")).to_contain_text("€ 150,00 per dag")
    expect(tabel.get_by_role("row", name="4VV")).to_contain_text("fictief (demo)")  # the source of each tariff
    assert axe_overtredingen(pagina) == []

    # a bad file: every error with its line as an editor numbers it (the empty line 3 counts), nothing loaded
    pagina.get_by_label("Tariefbestand (CSV)").set_input_files(_bestand(tmp_path, "fout.csv", FOUT))
    pagina.get_by_role("button", name="Voorbeeld bekijken").click()
    overzicht = pagina.locator("#foutoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Regel 2, kolom tarief: moet groter zijn dan 0")
    expect(overzicht).to_contain_text("Regel 4, kolom ingangsdatum")
    expect(pagina.get_by_label("Naam van de tabel")).to_have_value("fout")  # the file's name when none was typed
    expect(pagina.locator("#bestand-fout")).to_contain_text("2 fouten")
    assert axe_overtredingen(pagina) == []
    overzicht.get_by_role("link").first.click()
    expect(pagina.get_by_label("Tariefbestand (CSV)")).to_be_focused()

    # a good file: the preview says what will happen before it happens
    pagina.get_by_label("Naam van de tabel").fill("NZa-tarieven 2017 (test)")
    pagina.get_by_label("Tariefbestand (CSV)").set_input_files(_bestand(tmp_path, "goed.csv", GOED))
    pagina.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Voorbeeld: wat het laden doet")
    samenvatting = pagina.locator("#wat-er-gebeurt")
    expect(samenvatting).to_contain_text("dekt 2017")
    expect(samenvatting).to_contain_text("De andere jaren blijven zoals ze zijn")
    expect(samenvatting).to_contain_text("1 januari 2017 t/m 31 december 2017")
    expect(pagina.get_by_role("table", name="Per jaar").get_by_role("row", name="2017")).to_be_visible()
    expect(pagina.get_by_role("table", name="Per prestatie").get_by_role("row", name="4VV")).to_contain_text("€ 160,00")
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "tarieven-voorbeeld", hele_pagina=True)
    pagina.set_viewport_size({"width": 390, "height": 844})
    assert _breedte(pagina) <= 390
    pagina.set_viewport_size({"width": 1280, "height": 900})

    pagina.get_by_role("button", name="Laden").click()
    expect(pagina.get_by_role("status")).to_contain_text("Tabel 'NZa-tarieven 2017 (test)' geladen: 2017 vervangen")
    expect(pagina.get_by_label("Jaar")).to_have_value("2017")
    tabel = pagina.get_by_role("table", name="Tarieven in 2017")
    expect(tabel.get_by_role("row", name="4VV")).to_contain_text("€ 160,00 per dag")
    expect(tabel.get_by_role("row", name="4VV")).to_contain_text("NZa-tarieven 2017 (test)")
    # the demo's other prestaties have no tariff in 2017: onbekend, never 0
    expect(tabel.get_by_role("row", name="10VV")).to_contain_text("onbekend")
    expect(tabel).not_to_contain_text("€ 0,00")
    assert axe_overtredingen(pagina) == []
    pagina.set_viewport_size({"width": 390, "height": 844})
    assert _breedte(pagina) <= 390
    schermafdruk(pagina, "tarieven-telefoon", breedte=390, hoogte=844)

    # 2016 is as it was
    pagina.goto("/tarieven?jaar=2016")
    expect(pagina.get_by_role("table", name="Tarieven in 2016").get_by_role("row", name="4VV")).to_contain_text(
        "€ 150,00 per dag"
    )


def test_een_zorgaanbieder_ziet_de_tarieven_maar_laadt_niet(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    pagina.goto("/tarieven?jaar=2015")
    expect(pagina.get_by_role("table", name="Tarieven in 2015")).to_be_visible()
    expect(pagina.get_by_role("heading", name="Tarieven laden")).to_have_count(0)
    pagina.goto("/tarieven?jaar=abc")
    expect(pagina.locator("#foutoverzicht")).to_contain_text("'abc' is geen jaar")
    pagina.goto("/tarieven?jaar=2300")
    expect(pagina.locator("#foutoverzicht")).to_contain_text("kies een jaar van 2009 tot en met 2100")


def test_twee_eerste_ladingen_tegelijk_de_tweede_ziet_het_nieuwe_voorbeeld(
    pagina: Any, browser: Any, server: str, web_engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two administrators preview the very first table at the same moment (both read "no table yet") and both
    click Laden: the first is stored, the second is refused by the storage (uq_tarieftabel_eerste_lading, migration
    0016) and sees, in Dutch, that another load came first, with the preview made again; nothing of it stored."""
    fabriek = sessiefabriek(web_engine)
    with fabriek() as s:
        voor = int(s.scalar(select(func.max(Tarieftabel.id))) or 0)
    monkeypatch.setattr(bekostiging, "_huidige_tabel", lambda uow: None)  # as in a database without a table
    tweede = browser.new_context(base_url=server, locale="nl-NL").new_page()
    try:
        bestand = _bestand(tmp_path, "goed.csv", GOED)
        for p, wie in ((pagina, "zorgkantoor"), (tweede, "beheerder")):
            aanmelden(p, wie)
            p.goto("/tarieven")
            p.get_by_label("Naam van de tabel").fill(f"Eerste tabel ({wie})")
            p.get_by_label("Tariefbestand (CSV)").set_input_files(bestand)
            p.get_by_role("button", name="Voorbeeld bekijken").click()
            expect(p.get_by_role("heading", level=1)).to_have_text("Voorbeeld: wat het laden doet")
        pagina.get_by_role("button", name="Laden").click()
        expect(pagina.get_by_role("status")).to_contain_text("Tabel 'Eerste tabel (zorgkantoor)' geladen")
        tweede.get_by_role("button", name="Laden").click()
        overzicht = tweede.locator("#foutoverzicht")
        expect(overzicht).to_be_focused()
        expect(overzicht).to_contain_text("gewijzigd sinds het voorbeeld (een andere lading ging voor)")
        expect(tweede.get_by_role("heading", level=1)).to_have_text("Voorbeeld: wat het laden doet")
        assert axe_overtredingen(tweede) == []
        with fabriek() as s:
            nieuw = list(s.scalars(select(Tarieftabel).where(Tarieftabel.id > voor)))
        assert [(t.naam, t.vorige_id) for t in nieuw] == [("Eerste tabel (zorgkantoor)", None)]
    finally:
        tweede.context.close()
        with fabriek() as s, s.begin():  # the demo's tables as they were, for the other tests of this server
            s.execute(delete(Tarieftabel).where(Tarieftabel.id > voor))
