"""Tariff tables, contracts and declarations through the API, on SQLite and PostgreSQL (issue 7)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from tests.api.conftest import Api
from zorgzwaarte.opslag.modellen import Contract, Tarieftabel

A = "/api/v1"
VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
KOP = "prestatiecode;omschrijving;tarief;eenheid;ingangsdatum;einddatum;bron\n"


def aantal(api: Api, model: type) -> int:
    with api.fabriek() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_tarieftabel_laden_alles_of_niets(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    voor = aantal(api_beide, Tarieftabel)
    fout = zk.post(
        f"{A}/tarieven", params={"naam": "Fout"}, content=KOP + "4VV;x;0;dag;2014-01-01;;b\n4VV;x;3;dag;2014-13-01;;b\n"
    )
    assert fout.status_code == 422
    # "regel N" is the line in the file as an editor shows it (the header is line 1)
    assert {f["veld"] for f in fout.json()["fouten"]} == {"regel 2.tarief", "regel 3.ingangsdatum"}
    assert aantal(api_beide, Tarieftabel) == voor  # nothing half-stored
    goed = zk.post(
        f"{A}/tarieven", params={"naam": "Eigen"}, content=KOP + "4VV;ZZP 4VV;200,00;dag;2014-01-01;;contract 2014\n"
    )
    assert goed.status_code == 201 and goed.json()["fictief"] is False
    huidig = api_beide.als("linde").get(f"{A}/tarieven").json()
    assert huidig["naam"] == "Eigen" and huidig["regels"][0]["tarief"] == "200.00"


def test_contract_dagtarief_en_realisatie(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    with api_beide.fabriek() as s:
        c = s.scalars(select(Contract).where(Contract.jaar == 2014)).one()
    r = api_beide.als("linde").get(f"{A}/contracten/{c.id}/dagtarief", params={"dag": "2014-03-01"})
    assert r.status_code == 200, r.text
    vv4 = next(t for t in r.json()["tarieven"] if t["prestatiecode"] == "4VV")
    # demo: 4VV fictief € 150,00 x 97% = 145.50; NHC 21.50 + NIC 2.95 + opslag 1.50 = 25.95
    assert (vv4["zorgzwaarte"], vv4["prestatie"], vv4["dagtarief"]) == ("145.50", "25.95", "171.45")
    assert vv4["fictief"] and r.json()["tarieftabel"]["naam"].endswith("(fictief)")
    assert zk.get(f"{A}/contracten/{c.id}/dagtarief", params={"dag": "1-3-2014"}).status_code == 422
    real = zk.post(f"{A}/contracten/{c.id}/realisatie", json={"regels": [{"prestatie": "4VV", "dagen": 365}]})
    assert real.status_code == 200
    assert next(x for x in real.json()["regels"] if x["prestatiecode"] == "4VV")["realisatie_percentage"] == "10.00"


def test_contract_aanmaken_validatie_en_dubbel(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    with api_beide.fabriek() as s:
        c = s.scalars(select(Contract).where(Contract.jaar == 2014)).one()
        aanbieder = c.zorgaanbieder_id
    voor = aantal(api_beide, Contract)
    slecht = zk.post(
        f"{A}/contracten",
        json={
            "zorgaanbieder_id": aanbieder,
            "jaar": 2015,
            "afspraken": [{"prestatiecode": "4VV", "percentage": 130, "productie_dagen": -1}],
        },
    )
    assert slecht.status_code == 422
    assert {f["veld"]: f["melding"] for f in slecht.json()["fouten"]} == {
        "afspraken.0.percentage": "mag hoogstens 100 zijn",
        "afspraken.0.productie_dagen": "moet minimaal 0 zijn",
    }
    dubbel = zk.post(
        f"{A}/contracten",
        json={
            "zorgaanbieder_id": aanbieder,
            "jaar": 2014,
            "afspraken": [{"prestatiecode": "4VV", "percentage": 97, "productie_dagen": 1}],
        },
    )
    assert dubbel.status_code == 409
    assert aantal(api_beide, Contract) == voor


def test_declareer_json_en_pdf(api_beide: Api) -> None:
    invoer = json.loads((VOORBEELDEN / "declaratie_fictief.json").read_text(encoding="utf-8"))
    linde = api_beide.als("linde")
    r = linde.post(f"{A}/declareer", json=invoer)
    assert r.status_code == 200 and r.json()["totaal"] == "13348.87"
    pdf = linde.post(f"{A}/declareer/pdf", json=invoer)
    assert (
        pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    )
    if shutil.which("pdftotext"):  # made on the day of the server's clock (1 December 2014), not the machine's today
        tekst = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout
        assert "Gemaakt op 1 december 2014" in " ".join(tekst.decode().split())
    fout = linde.post(f"{A}/declareer", json={**invoer, "periode": {"van": "2016-03-01", "tot": "2016-03-20"}})
    assert fout.status_code == 422 and fout.json()["fouten"][0]["veld"].startswith("periode")
