"""Acceptance walk of issue 19 in the browser: the same adult with a psychische stoornis and permanent toezicht,
decided on a 2022 peildatum by the Wlz text of 2021 (art. 3.2.1 lid 1: access; GGZ-W by professioneel oordeel with
warnings) and on a 2016 peildatum by the text of 2015 (no access). Both letters are read as the client reads them."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.web.conftest import axe_overtredingen, klok_op, schermafdruk
from tests.web.test_intake import bsn
from tests.web.test_web import aanmelden, pdf_tekst


def _client(pagina: Any, volgnummer: int) -> str:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    pagina.get_by_role("link", name="Nieuwe cliënt").click()
    pagina.get_by_label("Burgerservicenummer").fill(bsn(volgnummer))
    pagina.get_by_label("Achternaam").fill("Bakker")
    pagina.get_by_label("Geboortedatum").fill("01-04-1980")
    pagina.get_by_role("button", name="Cliënt vastleggen").click()
    return str(pagina.url)


def _besluit(pagina: Any, client_url: str, peildatum: str, tmp_path: Path, naam: str) -> tuple[str, str]:
    """Record the decision from the web form; return the preview's text and the letter's text."""
    pagina.goto(client_url)
    pagina.get_by_role("link", name="Nieuwe beoordeling").click()
    pagina.get_by_label("Peildatum (dag van het onderzoek)").fill(peildatum)
    pagina.get_by_label("Dominante grondslag").select_option("03")
    pagina.get_by_label("Permanent toezicht", exact=True).check()
    pagina.get_by_label("Is de zorgbehoefte blijvend?").select_option("ja")
    pagina.get_by_label(
        "Meerderjarige die jeugdige is volgens de Jeugdwet (Wlz art. 3.2.1 lid 6, vanaf 2021)"
    ).select_option("nee")
    for vraag in ("s_0601-3", "s_0401-2", "b_0101-3", "b_0104-3"):
        pagina.locator(f"#{vraag}").check()
    pagina.get_by_role("button", name="Concept opslaan").click()
    pagina.get_by_role("button", name="Definitief maken").click()
    voorbeeld = str(pagina.locator("#voorbeeld").inner_text())
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, f"wlz-{naam}-besluit", hele_pagina=True)
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.wait_for_url("**/clienten/*?besluit=*")
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Besluitbrief downloaden (PDF)").click()
    pdf = Path(download.value.path())
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / naam)], check=True)
    assert next(tmp_path.glob(f"{naam}-*.png")).stat().st_size > 5_000
    return voorbeeld, pdf_tekst(pdf)


def test_psychische_stoornis_2022_en_2016(pagina: Any, tmp_path: Path) -> None:
    """Wlz (versie 2021-01-01) art. 3.2.1 lid 1 on 15-03-2022: toegekend, verblijf, no computed profile: GGZ-W by
    professioneel oordeel, the letter says why and names the version; Wlz (versie 2015-01-01) art. 3.2.1 lid 1 on
    01-06-2016: afgewezen, the letter names that version."""
    with klok_op(datetime(2022, 4, 1, 9, 0, tzinfo=UTC)):  # both decisions recorded after both peildata
        client_url = _client(pagina, 83)
        voorbeeld, brief = _besluit(pagina, client_url, "15-03-2022", tmp_path, "2022")
        assert "Toegekend" in voorbeeld
        assert "Wet langdurige zorg (versie 2021-01-01)" in brief and "art. 3.2.1" in brief
        assert "professioneel oordeel" in brief and "GGZ-W" in brief
        assert "Regeling langdurige zorg" in brief  # the warning that the newest profile texts are from 2015
        # the letter says it once, not again under 'Let op'; the assessor's technical remark is in the appendix
        hoofdtekst, _, bijlage = brief.partition("Opmerkingen van de beoordelaar bij de berekening")
        assert hoofdtekst.count("staan alleen in de iWlz-codelijst") == 1
        assert "professioneel oordeel" in bijlage
        voorbeeld, brief = _besluit(pagina, client_url, "01-06-2016", tmp_path, "2016")
        assert "Afgewezen" in voorbeeld
        assert "Wet langdurige zorg (versie 2015-01-01)" in brief and "art. 3.2.1" in brief
        assert "GGZ-W" not in brief
        # the reason is in the letter itself, not only in the appendix
        assert (
            "U heeft geen recht op de aangevraagde zorg, omdat: • een psychische stoornis geeft onder deze versie"
            in brief
        )
