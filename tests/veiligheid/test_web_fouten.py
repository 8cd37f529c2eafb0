"""Issue 12, item 7: the web answers that were 500s: another organisation's zorgplan (404), a declaration upload
with a 5,000-digit number (422), and ZORGZWAARTE_IWLZ_XSD pointing to a missing folder (a Dutch error)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.api.conftest import WACHTWOORD, Api
from zorgzwaarte.iwlz.uitwisseling import exporteer_io31
from zorgzwaarte.opslag import modellen as m

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "io31_export.json"


def _web(api: Api, naam: str) -> tuple[TestClient, str]:
    c = TestClient(api.app, follow_redirects=False)
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/aanmelden").text)
    assert csrf
    r = c.post("/aanmelden", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD[naam], "csrf": csrf.group(1)})
    assert r.status_code == 303, r.text
    return c, c.cookies.get("zz_csrf") or ""


def test_zorgplan_van_een_andere_organisatie_bewaren_geeft_404(api: Api) -> None:
    with api.fabriek() as s:
        anker = s.scalars(select(m.Gebruiker.organisatie_id).where(m.Gebruiker.gebruikersnaam == "anker")).one()
        plan = s.scalars(
            select(m.Zorgplan)
            .join(m.Zorgleveringsovereenkomst, m.Zorgplan.overeenkomst_id == m.Zorgleveringsovereenkomst.id)
            .where(m.Zorgleveringsovereenkomst.zorgaanbieder_id == anker)
        ).first()
    assert plan is not None
    c, csrf = _web(api, "linde")
    r = c.post(f"/zorgplannen/{plan.id}", data={"csrf": csrf, "versie": "1"})
    assert r.status_code == 404, r.text[:500]
    assert "niet gevonden" in r.text


@pytest.mark.parametrize(
    "inhoud",
    [b'{"periode": ' + b"9" * 5000 + b"}", b'{"regels": [' + b"[" * 50_000 + b"]}", b'{"x": "\\u0000"}'],
    ids=["5000-cijfers", "te-diep", "nulteken"],
)
def test_declaratie_upload_met_onleesbare_inhoud_geeft_422(api: Api, inhoud: bytes) -> None:
    c, csrf = _web(api, "zorgkantoor")
    r = c.post("/declaraties", data={"csrf": csrf}, files={"bestand": ("declaratie.json", inhoud, "application/json")})
    assert r.status_code == 422, r.text[:500]


def test_ontbrekende_xsd_map_geeft_een_nederlandse_fout(
    api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    xml = exporteer_io31(json.loads(VOORBEELD.read_text(encoding="utf-8")), "5509", 1, None)
    monkeypatch.setenv("ZORGZWAARTE_IWLZ_XSD", str(tmp_path / "bestaat-niet"))
    r = api.als("zorgkantoor").post("/api/v1/iwlz/io31", content=xml, headers={"content-type": "application/xml"})
    assert r.status_code == 422, r.text
    fout = r.json()["fouten"][0]
    assert fout["veld"] == "ZORGZWAARTE_IWLZ_XSD" and "staat niet in de map" in fout["melding"]


@pytest.mark.parametrize(
    "pad",
    [
        "/clienten/9223372036854775808",
        "/clienten/2147483648/zorg",
        "/beoordelingen/99999999999999999999",
        "/zorgplannen/2147483648",
        "/besluiten/0/brief.pdf",
        "/clienten/1?besluit=2147483648",
        "/clienten/1/zorg?overeenkomst=-1",
    ],
)
def test_web_adres_met_te_groot_nummer_geeft_422_niet_500(api: Api, pad: str) -> None:
    """Web addresses are bounded like the API's (issue 12 item 2): a number outside the database's integer range is
    refused in Dutch before any query runs."""
    c, _ = _web(api, "beoordelaar")
    r = c.get(pad)
    assert r.status_code == 422, r.text[:300]
    assert r.json()["fouten"][0]["melding"]


def test_serverfout_draagt_ook_de_beveiligingskoppen(api: Api) -> None:
    """Issue 12 item 12: security headers on every response, also on a 500 (answered outside the middleware)."""

    def kapot() -> None:
        raise RuntimeError("proef")

    api.app.add_api_route("/proef-kapot", kapot)
    r = TestClient(api.app, raise_server_exceptions=False).get("/proef-kapot")
    assert r.status_code == 500
    assert r.json()["fouten"][0]["melding"].startswith("er ging iets mis aan onze kant")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_te_veel_zorgmomenten_geeft_422(api: Api) -> None:
    """Issue 12 item 5: the work of one request is bounded: at most MAX_ZORGMOMENTEN zorgmomenten (docs/api.md)."""
    from zorgzwaarte.domein.grenzen import MAX_ZORGMOMENTEN

    invoer = json.loads((VOORBEELD.parent / "thuis_pv_vp.json").read_text(encoding="utf-8"))
    moment = invoer["zorgmomenten"][0]
    invoer["zorgmomenten"] = [moment] * MAX_ZORGMOMENTEN
    assert api.als("beoordelaar").post("/api/v1/indiceer", json=invoer).status_code == 200
    invoer["zorgmomenten"] = [moment] * (MAX_ZORGMOMENTEN + 1)
    r = api.als("beoordelaar").post("/api/v1/indiceer", json=invoer)
    assert r.status_code == 422, r.text[:300]
    assert r.json()["fouten"] == [
        {"veld": "zorgmomenten", "melding": f"heeft te veel onderdelen: hoogstens {MAX_ZORGMOMENTEN}"}
    ]
