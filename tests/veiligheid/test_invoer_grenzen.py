"""Issue 12, items 1, 3, 4, 5, 6: bad text, unparsable JSON, body limits and a database outage never give a 500
or a half write; every refusal is Dutch in the `{"fouten": [...]}` shape."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from tests.api.conftest import Api
from zorgzwaarte.opslag.modellen import Beoordeling


def _beoordelingen(api: Api) -> int:
    with api.fabriek() as s:
        return int(s.scalar(select(func.count()).select_from(Beoordeling)) or 0)


def _ruwe_json(client, methode: str, pad: str, tekst: str):  # type: ignore[no-untyped-def]
    return client.request(methode, pad, content=tekst.encode("utf-8"), headers={"content-type": "application/json"})


def test_losse_surrogaat_geeft_422_en_schrijft_niets(api_beide: Api) -> None:
    """Item 1: a lone surrogate in an assessment is refused before anything is stored; the list stays readable."""
    api = api_beide
    b = api.als("beoordelaar")
    cid = api.eerste_client("beoordelaar")["id"]
    voor = _beoordelingen(api)
    r = _ruwe_json(b, "POST", f"/api/v1/clienten/{cid}/beoordelingen", '{"invoer": {"x": "\\udfff"}}')
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["veld"] == "invoer.x"
    assert "teken" in r.json()["fouten"][0]["melding"]
    assert _beoordelingen(api) == voor
    assert b.get(f"/api/v1/clienten/{cid}/beoordelingen").status_code == 200


@pytest.mark.parametrize("tekst", ['{"geslachtsnaam": "a\\u0000b"}', '{"a\\u0000": 1}'])
def test_nulteken_in_json_geeft_422(api_beide: Api, tekst: str) -> None:
    """Item 3: a NUL character anywhere in JSON text (PostgreSQL cannot store it) is refused with 422."""
    r = _ruwe_json(api_beide.als("beoordelaar"), "POST", "/api/v1/clienten", tekst)
    assert r.status_code == 422, r.text
    assert "fouten" in r.json()


def test_nulteken_in_zoekvraag_en_formulier_geeft_422(api_beide: Api) -> None:
    """Item 3: NUL in a query parameter or a form field (the login form) is refused with 422."""
    r = api_beide.als("beoordelaar").get("/api/v1/clienten", params={"zoek": "a\x00"})
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["veld"] == "zoek"
    r = api_beide.anoniem.post("/api/v1/auth/token", data={"username": "beoordelaar\x00", "password": "x"})
    assert r.status_code == 422, r.text


@pytest.mark.parametrize(
    "tekst",
    ["{", '{"a": }', "[" * 100_000, '{"n": ' + "9" * 5000 + "}", "\xff\xfe"],
    ids=["open", "leeg", "diep", "cijfers", "geen-utf8"],
)
def test_onleesbare_json_geeft_nederlandse_fouten(api: Api, tekst: str) -> None:
    """Item 4: unparsable JSON answers the Dutch `{"fouten": [...]}`, never `{"detail": ...}`."""
    r = api.als("beoordelaar").post(
        "/api/v1/clienten", content=tekst.encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert "detail" not in r.json()
    assert r.json()["fouten"][0]["melding"]


def test_onbekend_adres_en_methode_in_het_nederlands(api: Api) -> None:
    """Item 4: also the framework's own errors (404 unknown address, 405 wrong method) are Dutch."""
    r = api.als("beoordelaar").get("/api/v1/bestaat-niet")
    assert r.status_code == 404 and r.json()["fouten"][0]["melding"] == "dit adres bestaat niet"
    r = api.als("beoordelaar").delete("/api/v1/clienten")
    assert r.status_code == 405 and "fouten" in r.json()


def test_json_groter_dan_de_grens_geeft_413_voordat_alles_gelezen_is(api: Api) -> None:
    """Item 5: a JSON body over 1 MB is refused with 413 and a Dutch message, also without Content-Length."""
    groot = json.dumps({"geslachtsnaam": "x" * 1_100_000})
    r = _ruwe_json(api.als("beoordelaar"), "POST", "/api/v1/clienten", groot)
    assert r.status_code == 413, r.text
    assert "te groot" in r.json()["fouten"][0]["melding"]

    gelezen: list[int] = []

    def stukken():  # type: ignore[no-untyped-def]
        for _ in range(50):  # 50 x 100 kB, streamed (chunked): the server stops after about 1 MB
            gelezen.append(1)
            yield b" " * 100_000

    r = api.als("beoordelaar").post("/api/v1/clienten", content=stukken(), headers={"content-type": "application/json"})
    assert r.status_code == 413, r.text


def test_json_grens_is_instelbaar(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 5: ZORGZWAARTE_MAX_JSON_BYTES sets the JSON limit."""
    from fastapi.testclient import TestClient

    from zorgzwaarte.api.app import maak_app

    monkeypatch.setenv("ZORGZWAARTE_MAX_JSON_BYTES", "1000")
    c = TestClient(maak_app(api.engine, api.klok))
    r = c.post("/api/v1/indiceer", content=b"[" + b"1," * 600 + b"1]", headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "1 kB" in r.json()["fouten"][0]["melding"]


def test_xml_groter_dan_20_mb_geeft_413(api: Api) -> None:
    """Item 5: an XML body over 20 MB is refused with 413 while reading (the stream is cut off)."""

    def stukken():  # type: ignore[no-untyped-def]
        for _ in range(25):
            yield b"<a>" + b" " * 999_990 + b"</a>"

    r = api.als("zorgkantoor").post("/api/v1/iwlz/io31", content=stukken(), headers={"content-type": "application/xml"})
    assert r.status_code == 413, r.text
    assert "20 MB" in r.json()["fouten"][0]["melding"]


def test_database_onbereikbaar_geeft_503(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 6: while the database cannot be reached, a request gets 503 with a Dutch message and Retry-After."""
    from sqlalchemy.exc import OperationalError

    c = api.als("beoordelaar")

    def kapot(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(api.engine.pool, "connect", kapot)
    r = c.get("/api/v1/clienten")
    assert r.status_code == 503, r.text
    assert r.headers["retry-after"]
    assert "database" in r.json()["fouten"][0]["melding"]


def test_sqlite_wal_en_synchronous_full(api: Api) -> None:
    """Item 6: SQLite runs in WAL mode with synchronous=FULL (2): no acknowledged write lost on power loss."""
    with api.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
