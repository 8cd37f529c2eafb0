"""A pooled PostgreSQL connection that died (the server restarted, or ended the connection) is replaced before
use when it lay unused for a while, so the first request after a restart does not fail; a connection in use a
moment ago is not checked (no round trip per request: opslag/database.py, `_controleer_na_rust`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, exc, text

from zorgzwaarte.opslag import database
from zorgzwaarte.opslag.database import maak_engine


@pytest.fixture
def twee_engines(postgres_url: str) -> Iterator[tuple[Engine, Engine]]:
    app, beheer = maak_engine(postgres_url), maak_engine(postgres_url)
    yield app, beheer
    app.dispose()
    beheer.dispose()


def _pid(engine: Engine) -> int:
    with engine.connect() as c:
        return int(c.scalar(text("SELECT pg_backend_pid()")))


def _beeindig(beheer: Engine, pid: int) -> None:
    """The server ends the connection, as a restart does for every connection."""
    with beheer.connect() as c:
        assert c.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}) is True
        c.commit()


def test_eerste_verzoek_na_herstart_slaagt(
    twee_engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, beheer = twee_engines
    monkeypatch.setattr(database, "PING_NA_S", 0.0)  # every connection back in the pool counts as unused a while
    oud = _pid(app)
    _beeindig(beheer, oud)
    assert _pid(app) != oud  # replaced before use: no error


def test_verbinding_van_zojuist_wordt_niet_gecontroleerd(
    twee_engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under load a connection comes back within PING_NA_S and is used without a round trip first; if it did die
    in that moment, that one statement fails and SQLAlchemy replaces the pool's connections (the next works)."""
    app, beheer = twee_engines
    monkeypatch.setattr(database, "PING_NA_S", 3600.0)
    oud = _pid(app)
    _beeindig(beheer, oud)
    with pytest.raises(exc.OperationalError), app.connect() as c:
        c.execute(text("SELECT 1"))
    assert _pid(app) != oud
