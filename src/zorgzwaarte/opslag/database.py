"""Database connection: the embedded SQLite file by default, PostgreSQL when ZORGZWAARTE_DATABASE_URL says so."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIES = Path(__file__).parent / "migraties"


def database_url(maken: bool = True) -> str:
    """$ZORGZWAARTE_DATABASE_URL, else the SQLite file in the data folder (created unless `maken` is false)."""
    url = os.environ.get("ZORGZWAARTE_DATABASE_URL")
    if url:
        return url
    data = Path(os.environ.get("ZORGZWAARTE_DATA", "data"))
    if maken:
        data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data / 'zorgzwaarte.sqlite').resolve()}"


def maak_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # pool_pre_ping: a connection that died (database restarted) is replaced before use, so the first request
    # after a restart does not fail.
    kwargs: dict[str, Any] = {"future": True, "pool_pre_ping": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL in WAL mode: every commit is synced to disk before it is acknowledged, so a power loss
            # loses no acknowledged write (NORMAL could lose the last commits). See docs/api.md.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.close()

    return engine


def sessiefabriek(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIES))
    cfg.attributes["engine"] = engine
    return cfg


def migreer(engine: Engine, doel: str = "head") -> None:
    """Apply the migrations up to `doel` (Alembic), on SQLite and PostgreSQL alike."""
    command.upgrade(alembic_config(engine), doel)


def huidige_revisie(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
