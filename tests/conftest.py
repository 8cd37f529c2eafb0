from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).parent


def laad_gevallen(pad: Path) -> list[dict[str, Any]]:
    gevallen = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert isinstance(gevallen, list) and gevallen, f"{pad} bevat geen gevallen"
    return gevallen


def als_json(waarde: Any) -> Any:
    """YAML reads dates as date objects; the JSON contract has ISO strings."""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {str(k): als_json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [als_json(v) for v in waarde]
    return waarde


# --- storage and API fixtures ---------------------------------------------------------------------------------

import os  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402

from tests.sjablonen import Sjablonen  # noqa: E402


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


def _leeg_postgres(url: str) -> Engine:
    from zorgzwaarte.opslag.database import maak_engine

    engine = maak_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(scope="session")
def sjablonen(tmp_path_factory: pytest.TempPathFactory) -> Sjablonen:
    """The session's template databases (tests/sjablonen.py): migrated once, copied per test."""
    return Sjablonen(tmp_path_factory.mktemp("sjablonen"))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path, sjablonen: Sjablonen) -> Iterator[Engine]:
    """An empty, migrated database on each engine (storage tests run against both): a copy of the migrated
    template."""
    if request.param == "sqlite":
        e = sjablonen.sqlite(tmp_path / "test.sqlite")
    else:
        e = sjablonen.postgres(request.getfixturevalue("postgres_url"))
    yield e
    e.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path, sjablonen: Sjablonen) -> Iterator[Engine]:
    """An empty, migrated SQLite database of the test's own (a copy of the migrated template)."""
    e = sjablonen.sqlite(tmp_path / "test.sqlite")
    yield e
    e.dispose()


class Klok:
    """A settable clock for the services (tokens expire, audit lines get times)."""

    def __init__(self, moment: datetime | None = None) -> None:
        self.moment = moment or datetime(2014, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment


class LopendeKlok(Klok):
    """A test clock that runs: it starts at `moment` (the tests' day, 1 December 2014, unless given) and moves on with
    real time, for a server a browser uses for minutes (sessions, waits after failed logins and audit times move on
    as they would). Setting `moment` sets the clock to that moment, from which it runs on."""

    _vanaf: float

    def __setattr__(self, naam: str, waarde: object) -> None:
        if naam == "moment":
            super().__setattr__("_vanaf", time.monotonic())
        super().__setattr__(naam, waarde)

    def __call__(self) -> datetime:
        return self.moment + timedelta(seconds=time.monotonic() - self._vanaf)


@pytest.fixture
def klok() -> Klok:
    return Klok()


os.environ.setdefault("ZORGZWAARTE_DATA", tempfile.mkdtemp(prefix="zz-data-"))
# the what-if page's runs (web/wat_als_runs.py) in a folder of this test process's own, not the machine's shared
# temp folder, where another test process (a pytest-xdist worker, another checkout's run) tidies up runs
os.environ.setdefault("ZORGZWAARTE_WAT_ALS_MAP", tempfile.mkdtemp(prefix="zz-wat-als-"))
