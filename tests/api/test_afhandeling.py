"""The API's request handler (api/afhandeling.py): a route of the usual shape answers without FastAPI's per-request
walk of its dependencies, and every answer (status, headers, body; also every 401, 404 and 422) is the one FastAPI's
own handler gives. Compared answer for answer with the same app built with FastAPI's handler, on the same database.
Counted, never timed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastapi.routing
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

import zorgzwaarte.api.app as app_module
from tests.api.conftest import Api
from zorgzwaarte.api.afhandeling import SnelleRoute, _geschikt
from zorgzwaarte.api.eendraad import EenDraadRoute
from zorgzwaarte.api.wegwijzer import Wegwijzer

A = "/api/v1"
VOORBEELD = json.loads((Path(__file__).resolve().parents[2] / "examples" / "thuis_pv_vp.json").read_text())


def _zoals_fastapi(engine: Any, klok: Any, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    """The same app with FastAPI's own request handler in every API route (the route class before this one)."""
    with monkeypatch.context() as m:
        m.setattr(app_module, "SnelleRoute", EenDraadRoute)
        return app_module.maak_app(engine, klok)


def _api_routes(app: FastAPI) -> list[APIRoute]:
    wegwijzer = next(r for r in app.router.routes if isinstance(r, Wegwijzer))
    return [r for router in wegwijzer.routers for r in router.routes if isinstance(r, APIRoute)]


class Tweeling:
    """One request sent to both apps (the new handler and FastAPI's), with the same token."""

    def __init__(self, api: Api, fastapi_app: FastAPI, gebruiker: str = "beoordelaar") -> None:
        self.nieuw = api.als(gebruiker)
        self.oud = TestClient(fastapi_app)
        self.oud.headers.update(self.nieuw.headers)

    def vergelijk(self, methode: str, pad: str, **kwargs: Any) -> int:
        nieuw = self.nieuw.request(methode, pad, **kwargs)
        oud = self.oud.request(methode, pad, **kwargs)
        assert (nieuw.status_code, nieuw.content) == (oud.status_code, oud.content), (methode, pad, kwargs)
        assert nieuw.headers.multi_items() == oud.headers.multi_items(), (methode, pad)
        return nieuw.status_code


@pytest.fixture
def tweeling(api: Api, monkeypatch: pytest.MonkeyPatch) -> Iterator[Tweeling]:
    yield Tweeling(api, _zoals_fastapi(api.engine, api.klok, monkeypatch))


def test_openapi_document_onveranderd() -> None:
    """The OpenAPI document is byte for byte the one of the same app with FastAPI's own route class."""
    with pytest.MonkeyPatch.context() as m:
        oud = TestClient(_zoals_fastapi(create_engine("sqlite://"), None, m)).get("/openapi.json")
    nieuw = TestClient(app_module.maak_app(create_engine("sqlite://"))).get("/openapi.json")
    assert nieuw.status_code == oud.status_code == 200
    assert nieuw.content == oud.content


def test_de_routes_van_de_mix_nemen_de_korte_weg() -> None:
    """The routes of the load benchmark's mix (and the other plain API routes) have the usual shape; the form
    login and the GraphQL endpoints keep FastAPI's handler."""
    routes = {(r.path, m): r for r in _api_routes(app_module.maak_app(create_engine("sqlite://"))) for m in r.methods}
    for sleutel in [
        (f"{A}/clienten", "GET"),
        (f"{A}/clienten/{{client_id}}", "GET"),
        (f"{A}/clienten/{{client_id}}/tijdlijn", "GET"),
        (f"{A}/clienten/{{client_id}}/indicatiebesluiten", "GET"),
        (f"{A}/indiceer", "POST"),
        (f"{A}/beoordelingen/{{beoordeling_id}}/voorbeeld", "POST"),
        (f"{A}/mij", "GET"),
    ]:
        assert isinstance(routes[sleutel], SnelleRoute)
        assert _geschikt(routes[sleutel]), sleutel
    assert not _geschikt(routes[(f"{A}/auth/token", "POST")])  # a form body


MIX = [
    ("GET", "/clienten?pagina=1", None),
    ("GET", "/clienten?pagina=2&per_pagina=3", None),
    ("GET", "/clienten?zoek=a", None),
    ("GET", "/clienten/{cid}", None),
    ("GET", "/clienten/{cid}/tijdlijn", None),
    ("GET", "/clienten/{cid}/indicatiebesluiten", None),
    ("GET", "/mij", None),
    ("GET", "/organisaties", None),
    ("POST", "/indiceer", VOORBEELD),
]


@pytest.mark.parametrize(("methode", "pad", "body"), MIX)
def test_geldig_verzoek_zonder_fastapis_afhankelijkheden(
    api: Api, tweeling: Tweeling, monkeypatch: pytest.MonkeyPatch, methode: str, pad: str, body: Any
) -> None:
    """A valid request of the mix gets FastAPI's answer without FastAPI solving its dependencies (counted)."""
    cid = api.eerste_client("beoordelaar")["id"]
    pad = A + pad.format(cid=cid)
    assert tweeling.vergelijk(methode, pad, json=body) == 200
    echt, tel = fastapi.routing.solve_dependencies, []

    async def geteld(**kwargs: Any) -> Any:
        tel.append(1)
        return await echt(**kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", geteld)
    assert tweeling.nieuw.request(methode, pad, json=body).status_code == 200
    assert tel == []
    assert tweeling.oud.request(methode, pad, json=body).status_code == 200
    assert tel == [1]


def test_voorbeeld_en_brief_gelijk(api: Api, tweeling: Tweeling) -> None:
    cid = api.eerste_client("beoordelaar")["id"]
    for b in api.als("beoordelaar").get(f"{A}/clienten/{cid}/beoordelingen").json()[:3]:
        tweeling.vergelijk("POST", f"{A}/beoordelingen/{b['id']}/voorbeeld")
        tweeling.vergelijk("GET", f"{A}/beoordelingen/{b['id']}")


ONGELDIG = [
    ("GET", "/clienten/abc", {}),
    ("GET", "/clienten/0", {}),
    ("GET", "/clienten/99999999999999999999", {}),
    ("GET", "/clienten/999999", {}),  # not found: 404
    ("GET", "/clienten?pagina=0", {}),
    ("GET", "/clienten?pagina=x&per_pagina=-1", {}),
    ("GET", "/clienten?per_pagina=100000", {}),
    ("GET", "/clienten?pagina=", {}),
    ("GET", "/clienten?zoek=" + "x" * 201, {}),
    ("GET", "/clienten?pagina=1&pagina=abc", {}),  # repeated: the last one counts, as in FastAPI
    ("GET", "/clienten?onbekend=1", {}),
    ("GET", "/clienten/1/tijdlijn?x=y", {}),
    ("POST", "/indiceer", {"json": {}}),
    ("POST", "/indiceer", {"json": []}),
    ("POST", "/indiceer", {"json": None}),
    ("POST", "/indiceer", {"json": {"peildatum": "morgen"}}),
    ("POST", "/indiceer", {"json": {**VOORBEELD, "onbekend": 1}}),
    ("POST", "/indiceer", {"content": json.dumps(VOORBEELD), "headers": {"content-type": "text/plain"}}),
    ("POST", "/indiceer", {"content": json.dumps(VOORBEELD), "headers": {"content-type": "application/json; charset=utf-8"}}),
    ("POST", "/indiceer", {"content": json.dumps(VOORBEELD), "headers": {"content-type": "application/vnd.x+json"}}),
    ("POST", "/indiceer", {"content": b"", "headers": {"content-type": "application/json"}}),
    ("POST", "/indiceer", {"content": b"{", "headers": {"content-type": "application/json"}}),
    ("POST", "/beoordelingen/0/voorbeeld", {}),
    ("PUT", "/clienten/1/tijdlijn", {}),  # another method: 405
]  # fmt: skip


@pytest.mark.parametrize(("methode", "pad", "extra"), ONGELDIG)
def test_foutantwoorden_gelijk(tweeling: Tweeling, methode: str, pad: str, extra: dict[str, Any]) -> None:
    """Every refusal (401, 404, 405, 415, 422 with its list of fields and Dutch messages) is FastAPI's."""
    tweeling.vergelijk(methode, A + pad, **extra)


@pytest.mark.parametrize(("methode", "pad", "extra"), [*ONGELDIG[:4], ("GET", "/clienten?pagina=0", {}), *MIX[:1]])
def test_zonder_of_met_verkeerd_token_gelijk(
    api: Api, monkeypatch: pytest.MonkeyPatch, methode: str, pad: str, extra: Any
) -> None:
    """No token or a wrong one: 401 first, also when the request is invalid as well, as with FastAPI's handler."""
    oud = TestClient(_zoals_fastapi(api.engine, api.klok, monkeypatch))
    for koppen in ({}, {"Authorization": "Bearer verkeerd"}, {"Authorization": "Basic eA=="}):
        a = api.anoniem.request(methode, A + pad, headers=koppen)
        b = oud.request(methode, A + pad, headers=koppen)
        assert (a.status_code, a.content, a.headers.multi_items()) == (
            b.status_code,
            b.content,
            b.headers.multi_items(),
        )
        assert a.status_code == 401


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pagina=st.one_of(st.none(), st.text(max_size=4), st.integers(-2, 10**12).map(str)),
    per_pagina=st.one_of(st.none(), st.integers(-1, 300).map(str), st.sampled_from(["", "1.0", "1e2", " 5"])),
    zoek=st.one_of(st.none(), st.text(max_size=8)),
    client_id=st.one_of(st.integers(-1, 10**12).map(str), st.sampled_from(["1.0", "+1", "01", "1_0", "%20"])),
)
def test_parameters_gelijk_aan_fastapi(
    tweeling: Tweeling, pagina: str | None, per_pagina: str | None, zoek: str | None, client_id: str
) -> None:
    """Any page number, page size, search text and client id: the same answer as FastAPI's handler gives."""
    params = {k: v for k, v in {"pagina": pagina, "per_pagina": per_pagina, "zoek": zoek}.items() if v is not None}
    tweeling.vergelijk("GET", f"{A}/clienten", params=params)
    tweeling.vergelijk("GET", f"{A}/clienten/{client_id}/indicatiebesluiten")
