"""A short read on SQLite runs in the event loop itself (api/eendraad.py `in_de_lus`, issue 15): no hop to a worker
thread, while nothing in the loop waits for the write turn or a commit. A write that would begin there sends the
request to a worker thread from the start (opslag/database.py `werk_in_de_lus`). Counted, never timed."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

import zorgzwaarte.api.eendraad
from tests.api.conftest import Api
from zorgzwaarte.api.eendraad import _IN_DE_LUS
from zorgzwaarte.api.wegwijzer import Wegwijzer
from zorgzwaarte.diensten import records
from zorgzwaarte.diensten.auth import BIJWERKEN_NA
from zorgzwaarte.opslag import modellen as m
from zorgzwaarte.opslag.database import MoetInDraad, werk_in_de_lus

A = "/api/v1"
VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"
WAARSCHUWING = "schrijvende opdracht in de gebeurtenislus"


@pytest.fixture
def sprongen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Every hop of a route to the thread pool."""
    tel: Counter[str] = Counter()
    echt = zorgzwaarte.api.eendraad.run_in_threadpool

    async def geteld(func_: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        tel["sprong"] += 1
        return await echt(func_, *args, **kwargs)

    monkeypatch.setattr(zorgzwaarte.api.eendraad, "run_in_threadpool", geteld)
    yield tel


def _in_de_lus() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_korte_lezing_zonder_sprong_in_de_gebeurtenislus(
    api: Api, sprongen: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token check and the service of a route marked `in_de_lus` run in the event loop: no hop, and the answer
    is the same as through a worker thread (the audit line is still written before it leaves)."""
    gezien: list[bool] = []
    echt = records.client_lezen

    def client_lezen(*args: Any, **kwargs: Any) -> Any:
        gezien.append(_in_de_lus())
        return echt(*args, **kwargs)

    monkeypatch.setattr(records, "client_lezen", client_lezen)
    c = api.als("beoordelaar")
    cid = api.eerste_client("beoordelaar")["id"]
    voor = api.audit_aantal()
    sprongen.clear()
    r = c.get(f"{A}/clienten/{cid}")
    assert r.status_code == 200, r.text
    assert r.json()["id"] == cid
    assert sprongen["sprong"] == 0
    assert gezien == [True]
    assert [(a.uitkomst, a.client_id) for a in api.audit_sinds(voor)] == [("toegestaan", cid)]


def test_niet_gemarkeerde_route_neemt_een_sprong(api: Api, sprongen: Counter[str]) -> None:
    """A route without the mark (here the audit search, whose work is not bounded) still takes its one hop."""
    c = api.als("beheerder")
    sprongen.clear()
    r = c.get(f"{A}/audit")
    assert r.status_code == 200, r.text
    assert sprongen["sprong"] == 1


def _in_een_werkdraad(
    c: TestClient, url: str, status: int, sprongen: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """GET `url`: answered with `status` after one hop (it started in the loop, had to write, started over in a
    worker thread), and no write waited in the loop."""
    sprongen.clear()
    with caplog.at_level(logging.WARNING):
        r = c.get(url)
    assert r.status_code == status, r.text
    assert sprongen["sprong"] == 1
    assert WAARSCHUWING not in caplog.text


def test_laatste_gebruik_schrijven_gaat_naar_een_werkdraad(
    api: Api, sprongen: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A session's last use is written once a minute (diensten/auth.py): that write must not wait in the event loop,
    so the request starts over in a worker thread, answers as usual and writes the moment."""
    c = api.als("beoordelaar")
    api.klok.moment += BIJWERKEN_NA + timedelta(seconds=1)
    _in_een_werkdraad(c, f"{A}/mij", 200, sprongen, caplog)
    with Session(api.engine) as s:
        laatst = s.scalar(
            select(func.max(m.Token.laatst_gebruikt_op))
            .join(m.Gebruiker)
            .where(m.Gebruiker.gebruikersnaam == "beoordelaar")
        )
    assert laatst is not None and laatst.replace(tzinfo=None) == api.klok.moment.replace(tzinfo=None)
    sprongen.clear()
    assert c.get(f"{A}/mij").status_code == 200  # written: the next request stays in the loop
    assert sprongen["sprong"] == 0


def test_weigering_schrijft_haar_auditregel_in_een_werkdraad(
    api: Api, sprongen: Counter[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A refused read writes its audit line itself (diensten/werkeenheid.py): from a worker thread, so a 404 on a
    short read is one hop and its line is there."""
    c = api.als("beoordelaar")
    voor = api.audit_aantal()
    _in_een_werkdraad(c, f"{A}/clienten/999999", 404, sprongen, caplog)
    assert [a.uitkomst for a in api.audit_sinds(voor)] == ["niet_gevonden"]


def _ids(api: Api) -> dict[str, int]:
    """An existing id of each kind in the demo data (a made-up one where the demo has none: the route then
    answers 404, which writes a refusal line, also a write)."""
    soorten = {
        "client_id": m.Client,
        "beoordeling_id": m.Beoordeling,
        "besluit_id": m.Indicatiebesluit,
        "overeenkomst_id": m.Zorgleveringsovereenkomst,
        "toewijzing_id": m.Toewijzing,
        "zorgplan_id": m.Zorgplan,
        "contract_id": m.Contract,
    }
    with Session(api.engine) as s:
        return {naam: int(s.scalar(select(func.min(model.id))) or 999_999) for naam, model in soorten.items()}


BODIES = {
    "/api/v1/indiceer": json.loads((VOORBEELDEN / "thuis_pv_vp.json").read_text(encoding="utf-8")),
    "/api/v1/pgb": {},
}
QUERY = {"/api/v1/contracten/{contract_id}/dagtarief": {"dag": "2014-12-01"}}


@pytest.mark.parametrize("gebruiker", ["beoordelaar", "linde", "zorgkantoor", "beheerder"])
def test_elke_gemarkeerde_route_schrijft_niet_in_de_lus(
    api: Api, gebruiker: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Every route marked `in_de_lus`, as every role (allowed, refused or not found): never a 500, and never a
    write that waits in the event loop after the request queued an audit line (the warning of
    `werk_in_de_lus`)."""
    alle = [r for w in api.app.routes if isinstance(w, Wegwijzer) for router in w.routers for r in router.routes]
    routes = [r for r in alle if isinstance(r, APIRoute) and getattr(r.endpoint, _IN_DE_LUS, False)]
    assert len(routes) >= 10, [r.path for r in routes]
    ids = _ids(api)
    c = api.als(gebruiker)
    with caplog.at_level(logging.WARNING):
        for route in routes:
            pad = re.sub(r"\{(\w+)\}", lambda g: str(ids[g.group(1)]), route.path)
            for methode in route.methods or ():
                r = c.request(methode, pad, json=BODIES.get(route.path), params=QUERY.get(route.path))
                assert r.status_code < 500, (methode, pad, r.text)
    assert WAARSCHUWING not in caplog.text


def test_gemarkeerde_route_op_postgresql_neemt_een_sprong(api_beide: Api, sprongen: Counter[str]) -> None:
    """On PostgreSQL every read waits on the network: a marked route takes its hop there (on SQLite none)."""
    c = api_beide.als("beoordelaar")
    cid = api_beide.eerste_client("beoordelaar")["id"]
    sprongen.clear()
    assert c.get(f"{A}/clienten/{cid}").status_code == 200
    assert sprongen["sprong"] == (0 if api_beide.engine.dialect.name == "sqlite" else 1)


@pytest.fixture
def leeg(sqlite_engine: Engine) -> Engine:
    return sqlite_engine


def test_schrijven_in_de_lus_moet_naar_een_draad_zolang_niets_bleef(leeg: Engine) -> None:
    """`werk_in_de_lus`: a write that begins while the work can start over raises MoetInDraad before it takes the
    write turn or changes anything; reads are not affected."""
    with werk_in_de_lus(lambda: True), leeg.connect() as verbinding:
        assert verbinding.execute(text("SELECT count(*) FROM organisatie")).scalar() == 0
        with pytest.raises(MoetInDraad):
            verbinding.execute(text("INSERT INTO gegevensversie (id, versie) VALUES (2, 1)"))
    with leeg.connect() as verbinding:
        assert verbinding.execute(text("SELECT count(*) FROM gegevensversie WHERE id = 2")).scalar() == 0


def test_schrijven_in_de_lus_gaat_door_met_waarschuwing_als_er_al_iets_bleef(
    leeg: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """Once the work left something behind it cannot start over: the write goes on (correct, the loop waits) and is
    logged as a warning, which the route test above looks for."""
    with caplog.at_level(logging.WARNING), werk_in_de_lus(lambda: False), leeg.begin() as verbinding:
        verbinding.execute(text("INSERT INTO gegevensversie (id, versie) VALUES (2, 1)"))
    assert WAARSCHUWING in caplog.text
    with leeg.connect() as verbinding:
        assert verbinding.execute(text("SELECT count(*) FROM gegevensversie WHERE id = 2")).scalar() == 1


def test_buiten_de_lus_geen_signaal(leeg: Engine, caplog: pytest.LogCaptureFixture) -> None:
    """Outside `werk_in_de_lus` (a worker thread, the CLI, the batch) a write is just a write."""
    with caplog.at_level(logging.WARNING), leeg.begin() as verbinding:
        verbinding.execute(text("INSERT INTO gegevensversie (id, versie) VALUES (2, 1)"))
    assert WAARSCHUWING not in caplog.text
