"""The 'Wat als' page (issue 16 §4) in a real browser: zorgkantoor over its region, beheerder with an upload;
progress while it computes, then shifts, chart, money, a changed client opened (audited), CSV and PDF of the stored
result; axe on every screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.batch.populatie import genereer
from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden, pdf_tekst
from zorgzwaarte.batch.indicatie import als_tabel


def populatie(map_: Path) -> tuple[Path, Path, Path]:
    invoer = genereer(80, seed=3)
    for b in invoer[:10]:
        b.update(peildatum="2014-05-01", grondslagen=["01"], etmalen_per_week=0, stoornisscores={})
        b["beperkingscores"] = {"0301": 2}
        b["zorgmomenten"] = [{"per_week": 7, "handelingen": ["PV-1.1-1"], "twee_zorgverleners": False}] * 3
    tabel, momenten = als_tabel(invoer)
    tabel.write_csv(map_ / "beoordelingen.csv")
    momenten.write_csv(map_ / "zorgmomenten.csv")
    (map_ / "tarieven.csv").write_text("prestatie,bedrag_per_maand\nPV2,200\nPV3,300\n", encoding="utf-8")
    return map_ / "beoordelingen.csv", map_ / "zorgmomenten.csv", map_ / "tarieven.csv"


def test_beheerder_rekent_een_eigen_populatie_door(pagina: Any, tmp_path: Path) -> None:
    beoordelingen, momenten, tarieven = populatie(tmp_path)
    aanmelden(pagina, "beheerder")
    pagina.locator("main").get_by_role("link", name="Wat als").click()  # the start page names and links it
    assert axe_overtredingen(pagina) == []
    # the example in the text field is the one the list shows as chosen
    gekozen = pagina.get_by_label("Voorbeeld").evaluate("s => s.options[s.selectedIndex].value")
    assert gekozen and gekozen == pagina.get_by_label("Variant (YAML", exact=False).input_value()
    # no population chosen: a Dutch message naming the field, no 500
    pagina.get_by_role("button", name="Doorrekenen").click()
    assert "Beoordelingen" in pagina.get_by_role("alert").inner_text()
    pagina.get_by_label("Voorbeeld").select_option(label="wat_als_pv_klasse3.yaml")
    pagina.get_by_label("Beoordelingen (CSV of Parquet)").set_input_files(str(beoordelingen))
    pagina.get_by_label("Zorgmomenten (CSV of Parquet, niet verplicht)").set_input_files(str(momenten))
    pagina.get_by_label("Tarieven (niet verplicht)").set_input_files(str(tarieven))
    # the page answers at once with the run's progress, then asks the server until the result is there; the first
    # question is held here so the progress can be looked at
    vastgehouden: list[Any] = []

    def houd_vast(verzoek: Any) -> None:
        vastgehouden.append(verzoek)

    pagina.route("**/wat-als/runs/*", houd_vast)
    pagina.get_by_role("button", name="Doorrekenen").click()
    pagina.locator("progress#voortgang").wait_for()
    # nothing counted yet: a true sentence, never "0 van de 0"
    status = pagina.get_by_role("status").first.inner_text()
    assert status == "Berekening wordt gestart… (80 beoordelingen, elk met de basis en de variant)", status
    assert axe_overtredingen(pagina) == []
    pagina.set_viewport_size({"width": 1280, "height": 500})
    pagina.locator("#wat-als-run").evaluate("e => e.scrollIntoView({block: 'end'})")
    schermafdruk(pagina, "wat-als-voortgang", hoogte=500)
    for _ in range(50):  # the page asks for the status by itself
        if vastgehouden:
            break
        pagina.wait_for_timeout(100)
    assert vastgehouden
    for verzoek in vastgehouden:
        verzoek.continue_()
    pagina.unroute("**/wat-als/runs/*")
    pagina.get_by_role("heading", name="Uitkomst", exact=True).wait_for()
    assert pagina.locator("progress#voortgang").count() == 0
    tekst = pagina.locator("main").inner_text().replace("\xa0", " ")
    assert "krijgen met de variant een andere uitkomst" in tekst
    assert "PV-klasse" in tekst and "Verschil" in tekst and "€" in tekst
    assert pagina.locator("svg[role=img]").count() >= 1
    assert axe_overtredingen(pagina) == []
    schermafdruk(pagina, "wat-als-uitkomst", hele_pagina=True)
    # a wrong variant: the field inside the file is named
    pagina.get_by_label("Variant (YAML", exact=False).fill(
        "basis: AWBZ 2014\nwijzigingen:\n  - {parameter: klassen.PV.bandje, waarde: 3}\n"
    )
    pagina.get_by_label("Beoordelingen (CSV of Parquet)").set_input_files(str(beoordelingen))
    pagina.get_by_role("button", name="Doorrekenen").click()
    assert "wijzigingen[1].parameter" in pagina.get_by_role("alert").inner_text()


def test_zorgkantoor_regio_client_openen_csv_en_pdf(pagina: Any, tmp_path: Path) -> None:
    aanmelden(pagina, "zorgkantoor")
    pagina.goto("/wat-als")
    # what if verblijf needed more than 7 etmalen a week (Bza art. 9 lid 2 says 3): every AWBZ stay changes
    pagina.get_by_label("Variant (YAML", exact=False).fill(
        "basis: AWBZ 2014\nwijzigingen:\n  - {parameter: verblijf.min_etmalen_exclusief, waarde: 7}\n"
    )
    pagina.get_by_label("De geldende besluiten in mijn regio").check()
    pagina.get_by_role("button", name="Doorrekenen").click()
    pagina.get_by_role("heading", name="Uitkomst", exact=True).wait_for()
    tekst = pagina.locator("main").inner_text()
    assert "van de" in tekst and "beoordelingen krijgen met de variant" in tekst
    assert axe_overtredingen(pagina) == []
    with pagina.expect_download() as csv_download:
        pagina.get_by_role("link", name="CSV downloaden").click()
    csv_pad = tmp_path / "wat_als.csv"
    csv_download.value.save_as(csv_pad)
    assert csv_pad.read_text(encoding="utf-8").startswith("id,fout,besluit_basis,besluit_variant")
    with pagina.expect_download() as pdf_download:
        pagina.get_by_role("link", name="PDF downloaden").click()
    pdf_pad = tmp_path / "wat_als.pdf"
    pdf_download.value.save_as(pdf_pad)
    assert "Wat als de regels veranderen?" in pdf_tekst(pdf_pad)
    openen = pagina.get_by_role("button", name="Openen")
    assert openen.count() >= 1
    openen.first.click()
    inhoud = pagina.locator("main").inner_text()
    assert "Met de variant" in inhoud and "AWBZ 2014 (variant)" in inhoud
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Afmelden").click()
    aanmelden(pagina, "beheerder")
    pagina.goto("/audit")
    assert "wat_als.client" in pagina.locator("main").inner_text()


def test_andere_rol_mag_niet(pagina: Any) -> None:
    aanmelden(pagina, "linde")
    antwoord = pagina.goto("/wat-als")
    assert antwoord.status == 403


@pytest.mark.parametrize(
    ("meta", "zin", "waarde"),
    [
        ({"gedaan": 0, "totaal": 0}, "Berekening wordt gestart…", None),
        (
            {"gedaan": 0, "totaal": 80},
            "Berekening wordt gestart… (80 beoordelingen, elk met de basis en de variant)",
            None,
        ),
        ({"gedaan": 40, "totaal": 80}, "40 van de 80 beoordelingen doorgerekend (basis en variant)", "40"),
    ],
)
def test_voortgang_zegt_wat_waar_is(meta: dict[str, int], zin: str, waarde: str | None) -> None:
    """The progress of a run before anything is counted says it is starting (no "0 van de 0") with a bar without a
    value; once blocks are done it counts them."""
    from lxml import html

    from zorgzwaarte.web.afhankelijkheden import SJABLONEN

    doc = html.fromstring(
        SJABLONEN.get_template("wat_als/voortgang.html").render(run_id="x", meta={"status": "bezig", **meta})
    )
    (status,) = doc.xpath("//*[@role='status']")
    assert status.text_content().strip() == zin and "0 van de 0" not in status.text_content()
    (balk,) = doc.xpath("//progress[@id='voortgang']")
    assert balk.get("value") == waarde
