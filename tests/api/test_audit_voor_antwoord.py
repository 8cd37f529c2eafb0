"""The API's reads wait for their audit line's group commit in the event loop (api/eendraad.py, diensten/
werkeenheid.py `uitgesteld`), on SQLite and PostgreSQL: no 2xx leaves before its line is committed, the worker
thread is free meanwhile (another request is answered while the first waits), and a failed commit makes every read
of that group an error answer without a line (NEN 7513)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.api.conftest import Api
from zorgzwaarte.diensten.werkeenheid import groepscommit

A = "/api/v1"


def _wacht_tot(voorwaarde: Any, seconden: float = 30) -> None:
    for _ in range(int(seconden * 100)):
        if voorwaarde():
            return
        threading.Event().wait(0.01)
    raise AssertionError("voorwaarde niet bereikt")


def test_antwoord_pas_na_de_commit_van_zijn_auditregel(api_beide: Api) -> None:
    """While the group commit is held, a read is not answered and its line is not in the log; each waits in the
    event loop (an asyncio future), not in a worker thread, and another request is answered meanwhile. After the
    commit each read answers 200 with its own line."""
    api = api_beide
    c = api.als("beoordelaar")
    cid = api.eerste_client("beoordelaar")["id"]
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    groep = groepscommit(api.app.state.fabriek)
    voor = api.audit_aantal()
    with ThreadPoolExecutor(4) as pool:
        with groep._beurt:  # a commit under way: the reads queue behind it
            lezingen = [pool.submit(c.get, f"{A}/clienten/{cid}") for _ in range(3)]
            _wacht_tot(lambda: len(groep._wachtrij) == 3)
            _wacht_tot(lambda: all(o.toekomst is not None for o in groep._wachtrij))  # waiting in the event loop
            assert c.get(f"{A}/mij").status_code == 200
            assert not any(f.done() for f in lezingen)
            assert api.audit_aantal() == voor
        assert [f.result(timeout=60).status_code for f in lezingen] == [200, 200, 200]
    regels = api.audit_sinds(voor)
    assert [(r.actie, r.client_id) for r in regels] == [("client.lezen", cid)] * 3


def test_mislukte_commit_geen_2xx(api_beide: Api) -> None:
    """A failed commit of the audit lines: each read of that group gets an error answer (no 2xx, no line); the next
    read is answered again with its line."""
    api = api_beide
    c = TestClient(api.app, raise_server_exceptions=False, headers=api.als("beoordelaar").headers)
    cid = api.eerste_client("beoordelaar")["id"]
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    groep = groepscommit(api.app.state.fabriek)
    voor = api.audit_aantal()

    def weiger(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        if sql.lstrip().upper().startswith("INSERT INTO AUDITREGEL"):
            raise RuntimeError("schijf vol")

    event.listen(api.engine, "before_cursor_execute", weiger)
    try:
        with ThreadPoolExecutor(3) as pool:
            with groep._beurt:
                lezingen = [pool.submit(c.get, f"{A}/clienten/{cid}") for _ in range(3)]
                _wacht_tot(lambda: len(groep._wachtrij) == 3)
            antwoorden = [f.result(timeout=60) for f in lezingen]
    finally:
        event.remove(api.engine, "before_cursor_execute", weiger)
    assert [r.status_code for r in antwoorden] == [500, 500, 500]
    assert all(r.json()["fouten"][0]["veld"] == "(server)" for r in antwoorden)
    assert api.audit_aantal() == voor
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    assert [r.actie for r in api.audit_sinds(voor)] == ["client.lezen"]
