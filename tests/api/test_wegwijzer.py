"""The API's route index (api/wegwijzer.py): a request finds the route FastAPI's own walk would have found, the
OpenAPI document is the one FastAPI makes with the routers included the usual way, and the pages, the GraphQL
endpoints and the register routes still answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from starlette.routing import Match

from tests.api.conftest import Api
from zorgzwaarte.api.app import PREFIX, maak_app
from zorgzwaarte.api.wegwijzer import Wegwijzer


def _wegwijzer(app: FastAPI) -> Wegwijzer:
    gevonden = [r for r in app.router.routes if isinstance(r, Wegwijzer)]
    assert len(gevonden) == 1
    return gevonden[0]


def zoals_fastapi(app: FastAPI) -> FastAPI:
    """The same app as FastAPI builds it by itself: the index's routers included where the index stood, so every
    request walks the routes one by one (the way before the index)."""
    routes = app.router.routes
    plek = routes.index(_wegwijzer(app))
    wegwijzer, rest = routes[plek], routes[plek + 1 :]
    del routes[plek:]
    assert isinstance(wegwijzer, Wegwijzer)
    for router in wegwijzer.routers:
        app.include_router(router)
    routes.extend(rest)
    app.openapi_schema = None
    return app


def _scope(methode: str, pad: str) -> dict[str, Any]:
    return {"type": "http", "method": methode, "path": pad, "root_path": "", "query_string": b"", "headers": []}


def _lineair(routes: list[APIRoute], scope: dict[str, Any]) -> tuple[Match, APIRoute | None]:
    """Starlette's walk: the first full match, else the first partial one."""
    gedeeltelijk = None
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return match, route
        if match is Match.PARTIAL and gedeeltelijk is None:
            gedeeltelijk = route
    return (Match.PARTIAL, gedeeltelijk) if gedeeltelijk else (Match.NONE, None)


def test_openapi_document_gelijk_aan_dat_van_fastapi_zelf() -> None:
    """The document of the app with the index is byte for byte the one of the same app whose routers FastAPI
    includes itself (paths in the same order, every operation, every schema)."""
    nieuw = TestClient(maak_app(create_engine("sqlite://"))).get("/openapi.json")
    oud = TestClient(zoals_fastapi(maak_app(create_engine("sqlite://")))).get("/openapi.json")
    assert nieuw.status_code == oud.status_code == 200
    assert nieuw.content == oud.content
    schema = nieuw.json()
    assert len([p for p in schema["paths"] if p.startswith(PREFIX)]) > 40
    assert "/api/v1/iwlz/indicatieregister/graphql" in schema["paths"]
    assert "/api/v1/iwlz/indicatieregister/schema.graphql" in schema["paths"]


@pytest.fixture(scope="module")
def api_routes() -> list[APIRoute]:
    wegwijzer = _wegwijzer(maak_app(create_engine("sqlite://")))
    return [r for router in wegwijzer.routers for r in router.routes if isinstance(r, APIRoute)]


SEGMENTEN = st.sampled_from(
    ["clienten", "beoordelingen", "indicatiebesluiten", "zoeken", "tijdlijn", "voorbeeld", "iwlz", "graphql", "1",
     "42", "x", "", "audit", "export", "auth", "token", "aw33", "io31", "indicatieregister", "schema.graphql"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    methode=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    delen=st.lists(SEGMENTEN, min_size=0, max_size=5),
    voorvoegsel=st.sampled_from([PREFIX, "/api", "", "/api/v2"]),
)
def test_index_kiest_de_route_van_de_lineaire_doorloop(
    api_routes: list[APIRoute], methode: str, delen: list[str], voorvoegsel: str
) -> None:
    """For any address (under the API or not) and method, the index gives the match and the route that walking the
    API's routes in order gives: the first full match, else the first with another method, else none."""
    wegwijzer = Wegwijzer(PREFIX, [_router_van(api_routes)])
    scope = _scope(methode, "/".join([voorvoegsel, *delen]) or "/")
    match, kind = wegwijzer.matches(scope)
    verwacht, route = _lineair(api_routes, scope)
    assert match is verwacht
    assert kind.get("zorgzwaarte.route") is route


def _router_van(routes: list[APIRoute]) -> APIRouter:
    router = APIRouter(prefix=PREFIX)
    router.routes.extend(routes)
    return router


def test_volgorde_telt_ook_binnen_de_index() -> None:
    """Two routes that fit the same address: the first one declared wins, as in FastAPI's walk; a {pad:path}
    parameter spans segments; another method is 405, an unknown address 404."""
    router = APIRouter(prefix="/api/v1")

    @router.get("/x/{a}")
    def eerst(a: str) -> dict[str, str]:
        return {"route": "eerst", "a": a}

    @router.get("/x/vast")
    def later() -> dict[str, str]:
        return {"route": "later"}

    @router.get("/bestand/{pad:path}")
    def bestand(pad: str) -> dict[str, str]:
        return {"pad": pad}

    app = FastAPI()
    app.router.routes.insert(0, Wegwijzer("/api/v1", [router]))
    c = TestClient(app)
    assert c.get("/api/v1/x/vast").json() == {"route": "eerst", "a": "vast"}
    assert c.get("/api/v1/bestand/a/b/c").json() == {"pad": "a/b/c"}
    assert c.post("/api/v1/x/vast").status_code == 405
    assert c.get("/api/v1/y").status_code == 404
    assert app.url_path_for("later") == "/api/v1/x/vast"


def test_index_neemt_alleen_routes_met_hun_volledige_pad() -> None:
    with pytest.raises(TypeError):
        Wegwijzer("/api/v1", [_zonder_prefix()])


def _zonder_prefix() -> APIRouter:
    router = APIRouter()

    @router.get("/x")
    def x() -> None:
        return None

    return router


VERZOEKEN: list[tuple[str, str, Any]] = [
    ("GET", "/api/v1/clienten", None),
    ("GET", "/api/v1/clienten?pagina=2&per_pagina=3", None),
    ("GET", "/api/v1/clienten/{cid}", None),
    ("GET", "/api/v1/clienten/{cid}/tijdlijn", None),
    ("GET", "/api/v1/clienten/{cid}/indicatiebesluiten", None),
    ("GET", "/api/v1/clienten/{cid}/beoordelingen", None),
    ("GET", "/api/v1/clienten/999999", None),
    ("GET", "/api/v1/clienten/abc", None),
    ("GET", "/api/v1/clienten/", None),
    ("DELETE", "/api/v1/clienten/{cid}", None),
    ("GET", "/api/v1/bestaat-niet", None),
    ("POST", "/api/v1/clienten/zoeken", {"bsn": "123456782"}),
    ("GET", "/api/v1/mij", None),
    ("GET", "/api/v1/aanspraken", None),
    ("GET", "/api/v1/iwlz/notificaties", None),
    ("GET", "/api/v1/iwlz/indicatieregister/schema.graphql", None),
    ("POST", "/api/v1/iwlz/indicatieregister/graphql", {"query": "{ __typename }"}),
    ("GET", "/api/v1/iwlz/indicatieregister/graphql", None),
    ("GET", "/gezondheid", None),
    ("GET", "/openapi.json", None),
    ("GET", "/docs", None),
    ("GET", "/static/thema.css", None),
    ("GET", "/bestaat-niet", None),
]


def test_zelfde_antwoorden_als_zonder_index(api: Api) -> None:
    """The same requests, as a signed-in user and anonymously, to the app with the index and to the same app
    walking its routes (FastAPI's own way): same status, same body, same headers."""
    oud_app = zoals_fastapi(maak_app(api.engine, api.klok))
    cid = api.eerste_client("beoordelaar")["id"]
    token = api.als("beoordelaar").headers["Authorization"]
    nieuw, oud = TestClient(api.app, follow_redirects=False), TestClient(oud_app, follow_redirects=False)
    for koppen in ({"Authorization": token}, {}):
        for methode, pad, body in VERZOEKEN:
            adres = pad.format(cid=cid)
            a = nieuw.request(methode, adres, json=body, headers=koppen)
            b = oud.request(methode, adres, json=body, headers=koppen)
            assert (a.status_code, a.content) == (b.status_code, b.content), (methode, adres)
            assert dict(a.headers) == dict(b.headers), (methode, adres)
    assert nieuw.get(f"/api/v1/clienten/{cid}", headers={"Authorization": token}).json()["id"] == cid


def test_webpaginas_antwoorden_nog(api: Api) -> None:
    c = TestClient(api.app)
    assert c.get("/aanmelden").status_code == 200
    assert "text/html" in c.get("/aanmelden").headers["content-type"]
    assert json.loads(c.get("/gezondheid").content) == {"status": "ok"}
