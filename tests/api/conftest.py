from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from tests.conftest import Klok
from tests.sjablonen import Sjablonen, demo
from zorgzwaarte.api.app import maak_app
from zorgzwaarte.demo.gegevens import DEMO_GEBRUIKERS, vul_demo
from zorgzwaarte.opslag.database import sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel

WACHTWOORD = {g[0]: g[4] for g in DEMO_GEBRUIKERS}


class Api:
    """A TestClient per role, plus helpers to read the audit log directly."""

    def __init__(self, engine: Engine, klok: Klok) -> None:
        self.engine = engine
        self.klok = klok
        self.fabriek = sessiefabriek(engine)
        # the demo as on the clock's day (a copy of the demo template is filled already: then this does nothing)
        vul_demo(self.fabriek, aantal_clienten=10, vandaag=klok.moment.date())
        self.app = maak_app(engine, klok)
        self.anoniem = TestClient(self.app)
        self._clients: dict[str, TestClient] = {}

    def als(self, gebruiker: str) -> TestClient:
        if gebruiker not in self._clients:
            c = TestClient(self.app)
            r = c.post("/api/v1/auth/token", data={"username": gebruiker, "password": WACHTWOORD[gebruiker]})
            assert r.status_code == 200, r.text
            c.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
            self._clients[gebruiker] = c
        return self._clients[gebruiker]

    def audit_aantal(self) -> int:
        with self.fabriek() as s:
            return int(s.scalar(select(func.count()).select_from(Auditregel)) or 0)

    def audit_sinds(self, n: int) -> list[Auditregel]:
        with self.fabriek() as s:
            return list(s.scalars(select(Auditregel).order_by(Auditregel.id).offset(n)))

    def eerste_client(self, gebruiker: str, **filters: Any) -> dict[str, Any]:
        items = self.als(gebruiker).get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]
        return items[0]


@pytest.fixture
def api(tmp_path: Path, sjablonen: Sjablonen, klok: Klok) -> Iterator[Api]:
    """The API on a SQLite database of the test's own with the demo as on the clock's day (a copy of the template
    that `vul_demo` made once this session; `Api` finds it filled)."""
    e = sjablonen.sqlite(tmp_path / "test.sqlite", *demo(10, klok.moment.date()))
    yield Api(e, klok)
    e.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def api_beide(request: pytest.FixtureRequest, tmp_path: Path, sjablonen: Sjablonen, klok: Klok) -> Iterator[Api]:
    """The API on SQLite and on PostgreSQL (each a copy of the demo's template, as `api`)."""
    if request.param == "sqlite":
        e = sjablonen.sqlite(tmp_path / "test.sqlite", *demo(10, klok.moment.date()))
    else:
        e = sjablonen.postgres(request.getfixturevalue("postgres_url"), *demo(10, klok.moment.date()))
    yield Api(e, klok)
    e.dispose()
