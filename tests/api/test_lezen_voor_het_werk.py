"""What a request reads before its work: the token with its user and organisation and the data version, in one
statement on one connection, which the request's unit of work then continues (api/eendraad.py, diensten/auth.py,
opslag/gegevensversie.py). Counted, never timed; on SQLite and PostgreSQL.

Two apps on two engines of one database stand for two worker processes (or two hosts on one PostgreSQL): each has
its own pool and its own read cache. What one of them changes (a token signed out, a role, an account switched
off) is seen by the other on the very next request; expiry goes by the clock."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select, update

from tests.api.conftest import Api
from zorgzwaarte.api.app import maak_app
from zorgzwaarte.diensten import werkeenheid
from zorgzwaarte.diensten.leescache import leescache_van
from zorgzwaarte.opslag.database import maak_engine
from zorgzwaarte.opslag.modellen import Gebruiker, Token

A = "/api/v1"


@pytest.fixture
def tweede(api_beide: Api) -> Iterator[tuple[Api, TestClient, Engine]]:
    """The API (SQLite and PostgreSQL), a second app on a second engine of the same database, and a client of the
    second app with a token that the first app issued."""
    engine = maak_engine(api_beide.engine.url.render_as_string(hide_password=False))
    try:
        c = TestClient(maak_app(engine, api_beide.klok))
        c.headers["Authorization"] = api_beide.als("beoordelaar").headers["Authorization"]
        yield api_beide, c, engine
    finally:
        engine.dispose()


def _statements(engine: Engine) -> tuple[Counter[str], Any]:
    tel: Counter[str] = Counter()

    def statement(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        tel["statement"] += 1
        if " ".join(sql.split()).startswith("SELECT gegevensversie.versie FROM gegevensversie"):
            tel["alleen de gegevensversie"] += 1
        if "FROM token" in sql:
            tel["token"] += 1

    def uitgifte(*_: Any) -> None:
        # the request's own checkouts; the group commit's thread takes one per group (not per request)
        committer = threading.current_thread().name == werkeenheid.DRAADNAAM
        tel["verbinding groepscommit" if committer else "verbinding"] += 1

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "checkout", uitgifte)

    def weg() -> None:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "checkout", uitgifte)

    return tel, weg


def test_token_en_gegevensversie_in_een_statement_op_een_verbinding(api_beide: Api) -> None:
    """A read from the cache and a read that runs its service: the token check also reads the data version (no
    SELECT of the version on its own), and the unit of work runs on the token check's connection."""
    c = api_beide.als("beoordelaar")
    cid = api_beide.eerste_client("beoordelaar")["id"]
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    for leeg in (False, True):
        if leeg:
            leescache_van(api_beide.engine).leeg()
        tel, weg = _statements(api_beide.engine)
        try:
            assert c.get(f"{A}/clienten/{cid}").status_code == 200
        finally:
            weg()
        assert tel["token"] == 1 and tel["alleen de gegevensversie"] == 0, (leeg, tel)
        assert tel["verbinding"] == 1, (leeg, tel)


def test_afgemeld_in_het_ene_werkproces_geweigerd_in_het_andere(tweede: tuple[Api, TestClient, Engine]) -> None:
    api, c, _ = tweede
    cid = api.eerste_client("beoordelaar")["id"]
    for _ in range(2):  # the second from the second app's read cache
        assert c.get(f"{A}/clienten/{cid}").status_code == 200
    assert api.als("beoordelaar").post(f"{A}/auth/uitloggen").status_code == 204
    assert c.get(f"{A}/clienten/{cid}").status_code == 401
    assert c.get(f"{A}/mij").status_code == 401


def test_rol_en_actief_gewijzigd_in_het_ene_werkproces_gezien_in_het_andere(
    tweede: tuple[Api, TestClient, Engine],
) -> None:
    api, c, _ = tweede
    assert c.get(f"{A}/mij").json()["rol"] == "beoordelaar"
    with api.fabriek() as s, s.begin():
        s.execute(update(Gebruiker).where(Gebruiker.gebruikersnaam == "beoordelaar").values(rol="zorgkantoor"))
    assert c.get(f"{A}/mij").json()["rol"] == "zorgkantoor"
    with api.fabriek() as s, s.begin():
        s.execute(update(Gebruiker).where(Gebruiker.gebruikersnaam == "beoordelaar").values(actief=False))
    r = c.get(f"{A}/mij")
    assert r.status_code == 401 and "niet actief" in r.json()["fouten"][0]["melding"]


def test_verlopen_op_de_klok_ook_als_de_gegevens_niet_veranderden(tweede: tuple[Api, TestClient, Engine]) -> None:
    """Idle timeout and lifetime go by the clock: the same data version does not keep a session alive."""
    api, c, _ = tweede
    cid = api.eerste_client("beoordelaar")["id"]
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    api.klok.moment += timedelta(minutes=31)
    r = c.get(f"{A}/clienten/{cid}")
    assert r.status_code == 401 and "niets deed" in r.json()["fouten"][0]["melding"]


def test_laatst_gebruikt_eens_per_minuut_en_de_lezing_blijft_een_lezing(
    tweede: tuple[Api, TestClient, Engine],
) -> None:
    """The last use is written at most once a minute (by whichever worker serves the request); the read after it
    is still served from the read cache (the write is the token check's own, committed before the work) and keeps
    its audit line."""
    api, c, engine = tweede
    cid = api.eerste_client("beoordelaar")["id"]
    token = c.headers["Authorization"].removeprefix("Bearer ")

    def laatst() -> Any:
        from zorgzwaarte.diensten.auth import _token_hash

        with api.fabriek() as s:
            return s.scalar(select(Token.laatst_gebruikt_op).where(Token.token_hash == _token_hash(token)))

    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    eerst = laatst()
    api.klok.moment += timedelta(seconds=30)
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    assert laatst() == eerst
    api.klok.moment += timedelta(seconds=31)
    cache = leescache_van(engine)
    treffers, audit = cache.treffers, api.audit_aantal()
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    assert laatst() != eerst
    assert cache.treffers == treffers + 1
    assert api.audit_aantal() == audit + 1
    api.klok.moment += timedelta(minutes=29)  # 29 minutes after the last use written: still valid
    assert c.get(f"{A}/mij").status_code == 200


def test_onbekend_token_laat_geen_verbinding_achter(api: Api) -> None:
    """A refused token closes its session: the pool gets every connection back."""
    c = TestClient(api.app)
    c.headers["Authorization"] = "Bearer onzin"
    for _ in range(3):
        assert c.get(f"{A}/clienten").status_code == 401
    assert api.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    goed = api.als("beoordelaar")
    assert goed.get(f"{A}/mij").status_code == 200 and goed.get(f"{A}/clienten").status_code == 200
    assert api.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def _rondgangen(engine: Engine) -> tuple[Counter[str], Any]:
    """Round trips to PostgreSQL as psycopg makes them: every statement, a BEGIN before a statement on a connection
    outside a transaction and not in autocommit, a COMMIT or ROLLBACK of a transaction that is open (psycopg sends
    nothing for one that is not: after reads in autocommit)."""
    tel: Counter[str] = Counter()

    def statement(_c: Any, cursor: Any, sql: str, *_: Any) -> None:
        verbinding = cursor.connection
        if verbinding.info.transaction_status == 0 and not verbinding.autocommit:
            tel["BEGIN"] += 1
        tel[sql.split(None, 1)[0].upper()] += 1

    def einde(soort: str) -> Any:
        def tel_einde(conn: Any) -> None:
            if conn.connection.dbapi_connection.info.transaction_status != 0:
                tel[soort] += 1

        return tel_einde

    def terug(dbapi: Any, *_: Any) -> None:
        if dbapi.info.transaction_status != 0:
            tel["ROLLBACK"] += 1  # the pool's reset when the connection comes back

    luisteraars = [
        (engine, "before_cursor_execute", statement),
        (engine, "commit", einde("COMMIT")),
        (engine, "rollback", einde("ROLLBACK")),
        (engine.pool, "reset", terug),
    ]
    for doel, naam, functie in luisteraars:
        event.listen(doel, naam, functie)

    def weg() -> None:
        for doel, naam, functie in luisteraars:
            event.remove(doel, naam, functie)

    return tel, weg


def test_postgresql_een_lezing_begint_geen_transactie(api_beide: Api) -> None:
    """PostgreSQL: a read outside a transaction is sent without BEGIN (opslag/database.py): the token check is one
    round trip, an indication too (the ZZP supplement is kept under the data version read with the token), a read from the cache its statement, then BEGIN, the
    audit line and COMMIT. Before: a BEGIN and a ROLLBACK around every session that only read."""
    if api_beide.engine.dialect.name != "postgresql":
        pytest.skip("alleen PostgreSQL: Pythons sqlite3 begint al pas vóór het eerste schrijvende statement")
    import json
    from pathlib import Path

    c = api_beide.als("beoordelaar")
    cid = api_beide.eerste_client("beoordelaar")["id"]
    invoer = json.loads((Path(__file__).resolve().parents[2] / "examples" / "thuis_pv_vp.json").read_text())
    verzoeken = {
        "mij": ("GET", f"{A}/mij", None),
        "client": ("GET", f"{A}/clienten/{cid}", None),
        "indiceer": ("POST", f"{A}/indiceer", invoer),
    }
    telling = {}
    for soort, (methode, pad, body) in verzoeken.items():
        assert c.request(methode, pad, json=body).status_code == 200  # warm: the read cache, the computation
        tel, weg = _rondgangen(api_beide.engine)
        try:
            assert c.request(methode, pad, json=body).status_code == 200
        finally:
            weg()
        telling[soort] = dict(tel)
    assert telling["mij"] == {"SELECT": 1}, telling
    assert telling["indiceer"] == {"SELECT": 1}, telling
    assert telling["client"] == {"SELECT": 1, "BEGIN": 1, "INSERT": 1, "COMMIT": 1}, telling
