"""PDF summary per declaration period (issue 7): Dutch euros and dates, case-mix chart, realisation, fictief mark."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import fouten, zorgzwaarte
from zorgzwaarte.rapporten.opmaak import Staaf, datum, euro, procent, staafgrafiek

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"


def test_nederlandse_bedragen_en_datums() -> None:
    assert euro("13348.87") == "€\xa013.348,87"  # Babel keeps the amount with its sign (no-break space)
    assert euro(None) == "onbekend"
    assert datum(date(2016, 3, 1)) == "1 maart 2016"
    assert procent(Decimal("1.9")) == "1,90%"


def test_grafiek_heeft_tekstalternatief_en_ontsnapt_invoer() -> None:
    svg = staafgrafiek("Omzet <per> prestatie", [Staaf("Z<1>", 10.0, "€ 10,00"), Staaf("Z2", 0.0, "€ 0,00")])
    assert "<title>Omzet &lt;per&gt; prestatie</title>" in svg and "Z&lt;1&gt;" in svg and 'role="img"' in svg


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")
def test_declareer_schrijft_pdf_met_casemix_en_realisatie(tmp_path: Path) -> None:
    pdf = tmp_path / "overzicht.pdf"
    p = zorgzwaarte(
        "declareer",
        str(VOORBEELDEN / "declaratie_fictief.json"),
        "--pdf",
        str(pdf),
        "--contract",
        str(VOORBEELDEN / "contract_fictief.json"),
    )
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tekst = tekst.replace("\xa0", " ")

    def bedrag(x: str) -> str:
        return euro(x).replace("\xa0", " ")

    assert bedrag(uit["totaal"]) in tekst  # € 13.348,87
    assert "1 maart 2016 t/m 31 maart 2016" in tekst
    assert "fictieve tarieven" in tekst
    assert "Omzet per prestatie" in tekst and "Realisatie tegenover productieafspraak 2016" in tekst
    for regel in uit["regels"]:
        assert bedrag(regel["bedrag"]) in tekst
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p-*.png"))
    assert png.stat().st_size > 5_000  # a rendered page, not an empty one


def test_pdf_niet_te_schrijven_is_een_invoerfout(tmp_path: Path) -> None:
    f = fouten(
        zorgzwaarte(
            "declareer", str(VOORBEELDEN / "declaratie_fictief.json"), "--pdf", str(tmp_path / "bestaat-niet" / "x.pdf")
        )
    )
    assert "pdf" in f


def test_declareer_schrijft_csv(tmp_path: Path) -> None:
    import csv

    uit_csv = tmp_path / "regels.csv"
    p = zorgzwaarte("declareer", str(VOORBEELDEN / "declaratie_fictief.json"), "--csv", str(uit_csv))
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    rijen = list(csv.DictReader(uit_csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r["bedrag"] for r in rijen[:-1]] == [r["bedrag"] for r in uit["regels"]]
    assert rijen[-1]["client"] == "totaal" and rijen[-1]["bedrag"] == uit["totaal"]
    assert all("NZa" in r["toelichting"] or "fictief" in r["toelichting"] for r in rijen[:-1])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")
def test_besluitbrief_pdf(tmp_path: Path, sqlite_engine: Any, klok: Any) -> None:
    """The decision letter: client data, what is granted with Dutch dates, the trail, the bezwaar clause (Awb 6:7)."""
    from tests.api.conftest import Api

    api = Api(sqlite_engine, klok)
    b = api.als("beoordelaar")
    besluit = next(
        x
        for c in b.get("/api/v1/clienten", params={"per_pagina": 50}).json()["items"]
        for x in b.get(f"/api/v1/clienten/{c['id']}/indicatiebesluiten").json()
        if x["besluit"] == "toegekend"
    )
    r = b.get(f"/api/v1/indicatiebesluiten/{besluit['id']}/brief")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    (tmp_path / "brief.pdf").write_bytes(r.content)
    tekst = subprocess.run(
        ["pdftotext", str(tmp_path / "brief.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    client = b.get(f"/api/v1/clienten/{besluit['client_id']}").json()
    assert client["naam"] in tekst and client["bsn"] in tekst
    assert datum(besluit["geldig_van"]) in tekst and "Waar u recht op heeft" in tekst
    assert "zes weken" in tekst and "Algemene wet bestuursrecht art. 6:7" in tekst
    assert besluit["resultaat"]["toelichting"][0]["regel"] in tekst
    assert besluit["zzp_code"] is None or besluit["zzp_code"] in tekst
