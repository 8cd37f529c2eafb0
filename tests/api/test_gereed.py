"""The two probes (docs/productie.md, "Gezondheid en gereedheid"): GET /gezondheid says only that the process
answers and reads nothing; GET /gereed says whether it can serve a request (the database answers, its migrations are
the newest this program carries, the regelsets load), on SQLite and PostgreSQL, in one round trip to the database."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, func, select, text

from tests.postgres import _vrije_poort, eigen_postgres_server
from zorgzwaarte.api.app import maak_app
from zorgzwaarte.diensten import gereedheid as g
from zorgzwaarte.opslag.database import MIGRATIES, maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel
from zorgzwaarte.regels.regelset import onderwerpen, regelsets

KOP = ScriptDirectory(str(MIGRATIES)).get_current_head()


def _statements(engine: Engine) -> list[str]:
    """The SQL statements the engine sends from now on (appended as they go)."""
    gezien: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, sql, *_: gezien.append(sql))
    return gezien


def _niet_gereed(client: TestClient) -> dict[str, str]:
    r = client.get("/gereed")
    assert r.status_code == 503, r.text
    assert r.headers["content-type"] == "application/json"
    fouten = r.json()["fouten"]
    assert "Traceback" not in r.text and all(f["melding"] for f in fouten)
    return {f["veld"]: f["melding"] for f in fouten}


@pytest.fixture
def engine_weg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database that does not answer: SQLite in a folder that does not exist, PostgreSQL on a closed port."""
    soort = getattr(request, "param", "sqlite")
    url = f"sqlite:///{tmp_path / 'bestaat-niet' / 'db.sqlite'}"
    if soort == "postgresql":
        url = f"postgresql://app@127.0.0.1:{_vrije_poort()}/zorgzwaarte"
    e = maak_engine(url)
    yield e
    e.dispose()


def test_gereed_op_een_database_op_de_nieuwste_migratie(engine: Engine) -> None:
    """200 with a short Dutch body: the migration and the number of regelsets; no login, no client data, no audit
    line, one statement."""
    client = TestClient(maak_app(engine))
    with sessiefabriek(engine)() as s:
        audit_voor = s.scalar(select(func.count()).select_from(Auditregel))
    client.get("/gereed")  # the regelsets are loaded once per process
    gezien = _statements(engine)
    r = client.get("/gereed")
    assert r.status_code == 200, r.text
    assert r.json() == {
        "status": "gereed",
        "migratie": KOP,
        "regelsets": sum(len(regelsets(o)) for o in onderwerpen()),
    }
    assert gezien == ["SELECT version_num FROM alembic_version"]
    with sessiefabriek(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Auditregel)) == audit_voor


@pytest.mark.parametrize("engine_weg", ["sqlite", "postgresql"], indirect=True)
def test_gereed_als_de_database_niet_antwoordt(engine_weg: Engine) -> None:
    """503 naming the database, in Dutch, never a traceback; /gezondheid still 200 (the process lives)."""
    client = TestClient(maak_app(engine_weg))
    assert _niet_gereed(client) == {"database": "de database antwoordt niet"}
    assert client.get("/gezondheid").json() == {"status": "ok"}


def test_gereed_op_een_database_zonder_migraties(tmp_path: Path) -> None:
    e = maak_engine(f"sqlite:///{tmp_path / 'leeg.sqlite'}")
    meldingen = _niet_gereed(TestClient(maak_app(e)))
    assert list(meldingen) == ["migraties"]
    assert "geen migratiestand" in meldingen["migraties"] and "zorgzwaarte db migreer" in meldingen["migraties"]
    e.dispose()


def test_gereed_met_een_migratie_achter(engine: Engine) -> None:
    """The database one migration behind this program (a revision pending): 503 naming both revisions and the
    command; after `migreer` the same process is ready at once."""
    vorige = ScriptDirectory(str(MIGRATIES)).get_revision(KOP).down_revision
    assert isinstance(vorige, str)
    with engine.begin() as c:  # the newest migration not yet applied, as in a database of the previous version
        c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": vorige})
    client = TestClient(maak_app(engine))
    meldingen = _niet_gereed(client)
    assert meldingen == {
        "migraties": f"de database staat op migratie {vorige}; dit programma verwacht {KOP}: draai `zorgzwaarte db "
        "migreer` (of start `zorgzwaarte serveer`, dat eerst migreert)"
    }
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": KOP})
    assert client.get("/gereed").status_code == 200


def test_gereed_met_een_echte_oudere_database(tmp_path: Path) -> None:
    """A database really migrated only up to the previous revision (its tables as they were), then brought up."""
    vorige = ScriptDirectory(str(MIGRATIES)).get_revision(KOP).down_revision
    assert isinstance(vorige, str)
    e = maak_engine(f"sqlite:///{tmp_path / 'oud.sqlite'}")
    migreer(e, vorige)
    client = TestClient(maak_app(e))
    assert f"staat op migratie {vorige}" in _niet_gereed(client)["migraties"]
    migreer(e)
    assert client.get("/gereed").json()["migratie"] == KOP
    e.dispose()


def test_gereed_met_een_migratie_die_het_programma_niet_kent(sqlite_engine: Engine) -> None:
    """A newer version of the program migrated the database: this one is not ready (it may not know the tables)."""
    with sqlite_engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    meldingen = _niet_gereed(TestClient(maak_app(sqlite_engine)))
    assert "migratie 9999, die deze versie van het programma niet kent" in meldingen["migraties"]
    assert f"dit programma verwacht {KOP}" in meldingen["migraties"]


@pytest.fixture
def kapotte_regelset(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """One regelset whose parameter file is missing (as in a broken installation); the process's load forgotten."""
    from dataclasses import replace

    echte = regelsets("indicatie")
    kapot = replace(echte[0], bestanden=("bestaat_niet.yaml",))
    monkeypatch.setattr(g, "regelsets", lambda o: [kapot, *echte[1:]] if o == "indicatie" else regelsets(o))
    g.regelsets_laden.cache_clear()
    yield f"de regelset {kapot.naam} (versie {kapot.versie}) kon niet worden geladen; zie het log"
    g.regelsets_laden.cache_clear()


def test_gereed_als_een_regelset_niet_laadt(sqlite_engine: Engine, kapotte_regelset: str) -> None:
    assert _niet_gereed(TestClient(maak_app(sqlite_engine))) == {"regelsets": kapotte_regelset}


def test_gereed_noemt_elke_reden(engine_weg: Engine, kapotte_regelset: str) -> None:
    assert _niet_gereed(TestClient(maak_app(engine_weg))) == {
        "database": "de database antwoordt niet",
        "regelsets": kapotte_regelset,
    }


def test_gezondheid_leest_niets_en_documenteert_geen_503(engine_weg: Engine) -> None:
    """The liveness probe (and the benchmark's control): 200 without touching the database, so its OpenAPI names
    no 503; /gereed documents its 503 with the fouten model."""
    client = TestClient(maak_app(engine_weg))
    verbindingen: list[Any] = []
    event.listen(engine_weg.pool, "checkout", lambda *a: verbindingen.append(a))
    assert client.get("/gezondheid").json() == {"status": "ok"}
    assert verbindingen == []
    paden = client.get("/openapi.json").json()["paths"]
    gezondheid = paden["/gezondheid"]["get"]
    assert set(gezondheid["responses"]) == {"200", "422"}
    assert "leest niets" in gezondheid["description"].lower() and "/gereed" in gezondheid["description"]
    gereed = paden["/gereed"]["get"]
    assert set(gereed["responses"]) == {"200", "422", "503"}
    assert gereed["responses"]["503"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Fouten"
    }
    assert gereed["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Gereedheid"
    }


def test_gereed_een_rondgang_en_herstel_na_een_herstart_van_postgresql() -> None:
    """PostgreSQL: one round trip per check (no BEGIN/ROLLBACK, no ping of a rested connection: traced with libpq),
    the connection goes back to the pool as it was (not in autocommit); the server stopped: 503; started again: the
    same process is ready at once (the dead pooled connection is replaced)."""
    if os.environ.get("ZORGZWAARTE_TEST_PG_URL"):
        pytest.skip("stopt en start een eigen PostgreSQL-server")
    with eigen_postgres_server() as pg:
        e = maak_engine(pg.url)
        migreer(e)
        client = TestClient(maak_app(e))
        assert client.get("/gereed").status_code == 200
        with tempfile.NamedTemporaryFile(suffix=".spoor") as spoor:
            with e.connect() as c:  # the pool's one connection, traced from now on
                assert e.pool.checkedin() == 0
                c.connection.dbapi_connection.pgconn.trace(spoor.fileno())
            time.sleep(1.1)  # rested longer than the pool's check-after-rest (opslag.database.PING_NA_S)
            assert client.get("/gereed").status_code == 200
            with e.connect() as c:
                ruw = c.connection.dbapi_connection
                assert ruw is not None and ruw.autocommit is False
                ruw.pgconn.untrace()
            verzonden = [r.split("\t")[3] for r in Path(spoor.name).read_text().splitlines() if "\tF\t" in r]
        assert verzonden == ["Query"], verzonden
        pg.stop()
        assert _niet_gereed(client) == {"database": "de database antwoordt niet"}
        pg.start()
        assert client.get("/gereed").status_code == 200
        e.dispose()
