"""Database connection: the embedded SQLite file by default, PostgreSQL when ZORGZWAARTE_DATABASE_URL says so."""

from __future__ import annotations

import fcntl
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

MIGRATIES = Path(__file__).parent / "migraties"

# Requests one worker handles at once (`serveer --draden`, $ZORGZWAARTE_DRADEN); the pool keeps a connection for
# each of them (`pool_grootte`), so no request thread waits for a connection (docs/productie.md).
DRADEN_STANDAARD = 8
POOL_EXTRA = 2  # kept connections beyond one per thread: the group commit's thread, and a request's second session
POOL_OVERLOOP = 10  # connections opened beyond those when more are needed at once (closed again when returned)
BUSY_TIMEOUT_S = 5.0  # SQLite's own wait for its write lock, the fallback when the write turn below is not taken
SCHRIJFBEURT_ACHTERVOEGSEL = ".schrijfbeurt"  # the lock file next to the database file (in the data folder)
_SCHRIJVEND = ("INSERT", "UPDATE", "DELETE", "REPLACE")  # where Python's sqlite3 begins a transaction itself
_PG_BUITEN_TRANSACTIE = 0  # psycopg.pq.TransactionStatus.IDLE


class Schrijfbeurt:
    """The turn at SQLite's single write lock, shared by all connections of all processes on one database file.

    SQLite lets a writer that finds the lock taken sleep in its busy handler (1, 2, 5, 10 … 100 ms) and try again,
    so a lock freed after 2 ms keeps the next writer asleep for longer: under load the processors were idle while
    requests waited (docs/benchmarks.md). Here a write transaction first takes this turn: within the process a
    threading lock, across processes `fcntl.flock` on a file next to the database; a waiting thread sleeps in the
    kernel and is woken the moment the turn is free. The transaction then begins with `BEGIN IMMEDIATE`, so it
    holds SQLite's lock from its first statement, and the turn is given back when it commits or rolls back.

    SQLite's busy timeout stays the fallback: for a writer outside this program, and for a thread that already holds
    the turn through another connection (it must not wait for itself) or did not get it within the busy timeout.
    The lock file holds no data; the kernel frees a turn of a process that dies."""

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self._draad = threading.Lock()
        self._eigenaar: int | None = None
        self._fd: int | None = None
        self._pid = 0

    def _bestand(self) -> int:
        if self._fd is None or self._pid != os.getpid():  # a forked child opens its own (a shared one does not lock)
            self._fd = os.open(self.pad, os.O_RDWR | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def neem(self) -> bool:
        """Take the turn; False (go on without it, SQLite's busy handler decides) when this thread already has it or
        it did not come within the busy timeout."""
        if self._eigenaar == threading.get_ident() or not self._draad.acquire(timeout=BUSY_TIMEOUT_S):
            return False
        try:
            fcntl.flock(self._bestand(), fcntl.LOCK_EX)
        except BaseException:
            self._draad.release()
            raise
        self._eigenaar = threading.get_ident()
        return True

    def geef_terug(self) -> None:
        self._eigenaar = None
        try:
            if self._fd is not None and self._pid == os.getpid():
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._draad.release()

    def _na_fork(self) -> None:
        """In a forked child: a turn of its own (the parent's lock file and thread lock are not the child's)."""
        self._draad = threading.Lock()
        self._eigenaar = None
        if self._fd is not None:
            os.close(self._fd)  # closing the child's copy leaves the parent's flock alone; unlocking it would not
        self._fd = None


_BEURTEN: dict[Path, Schrijfbeurt] = {}
_BEURTEN_SLOT = threading.Lock()


def _na_fork() -> None:
    global _BEURTEN_SLOT
    _BEURTEN_SLOT = threading.Lock()
    for beurt in _BEURTEN.values():
        beurt._na_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_na_fork)


def schrijfbeurt(database: Path) -> Schrijfbeurt:
    """The write turn of a database file (one per file and process, shared by all its engines)."""
    pad = database.resolve().with_name(database.name + SCHRIJFBEURT_ACHTERVOEGSEL)
    with _BEURTEN_SLOT:
        return _BEURTEN.setdefault(pad, Schrijfbeurt(pad))


class MoetInDraad(Exception):
    """A write was about to begin in an event loop (`in_de_lus`) before the request's work had left anything
    behind: the caller runs that work again, from the start, in a worker thread."""


_LUS = threading.local()  # .opnieuw_mogelijk: set while this thread runs a request's work in its event loop
_log = logging.getLogger(__name__)


@contextmanager
def werk_in_de_lus(opnieuw_mogelijk: Callable[[], bool]) -> Iterator[None]:
    """During the block this thread does a request's work in its event loop, where nothing may wait: no write
    turn (which can wait for another process's commit, up to the busy timeout) and no commit's fsync. A write that
    begins meanwhile raises `MoetInDraad` as long as `opnieuw_mogelijk()` says the work can start over elsewhere
    (nothing of it lasts yet); after that it goes on here, logged as a warning (correct, but the loop waits)."""
    vorige = getattr(_LUS, "opnieuw_mogelijk", None)
    _LUS.opnieuw_mogelijk = opnieuw_mogelijk
    try:
        yield
    finally:
        _LUS.opnieuw_mogelijk = vorige


def _schrijven_in_de_lus() -> None:
    opnieuw_mogelijk: Callable[[], bool] | None = getattr(_LUS, "opnieuw_mogelijk", None)
    if opnieuw_mogelijk is None:
        return
    if opnieuw_mogelijk():
        raise MoetInDraad
    _log.warning("een schrijvende opdracht in de gebeurtenislus van de server: dit verzoek hoort in een werkdraad")


class _SqliteVerbinding(sqlite3.Connection):
    """A sqlite3 connection that gives its write turn back as soon as its transaction ends."""

    beurt: Schrijfbeurt | None = None
    heeft_beurt = False

    def neem_beurt(self) -> None:
        if not self.heeft_beurt:
            _schrijven_in_de_lus()
        if self.beurt is not None and not self.heeft_beurt:
            self.heeft_beurt = self.beurt.neem()

    def _geef_terug(self) -> None:
        if self.heeft_beurt:
            self.heeft_beurt = False
            assert self.beurt is not None
            self.beurt.geef_terug()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._geef_terug()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._geef_terug()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._geef_terug()


def neem_schrijfbeurt(verbinding: Connection) -> None:
    """Take the write turn of this connection now, before its first write (SQLite; nothing on other databases).

    The group commit takes it before it collects the queue, so the lines that arrive while another process
    commits go into this commit. Given back when the transaction ends (commit, rollback or close)."""
    dbapi = verbinding.connection.dbapi_connection
    if isinstance(dbapi, _SqliteVerbinding) and not dbapi.in_transaction:
        dbapi.neem_beurt()


def database_url(maken: bool = True) -> str:
    """$ZORGZWAARTE_DATABASE_URL, else the SQLite file in the data folder (created unless `maken` is false)."""
    url = os.environ.get("ZORGZWAARTE_DATABASE_URL")
    if url:
        return url
    data = Path(os.environ.get("ZORGZWAARTE_DATA", "data"))
    if maken:
        data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data / 'zorgzwaarte.sqlite').resolve()}"


PING_NA_S = 1.0  # a pooled connection unused for this long is checked before it is used again


def _controleer_na_rust(engine: Engine) -> None:
    """A connection that died (the database server restarted) is replaced before use, so the first request after a
    restart does not fail, without a round trip for every checkout.

    SQLAlchemy's `pool_pre_ping` sends `SELECT 1` at every checkout: under load a round trip to the server (and
    work for it) for every request, on connections that were in use a moment ago. Here only a connection that lay
    unused in the pool for at least PING_NA_S is pinged; a restart takes longer than that, so every connection
    from before it is pinged, found dead and replaced (the pool tries again with a new connection). If a statement
    still meets a dead connection, SQLAlchemy invalidates every connection of the pool from before that moment."""

    @event.listens_for(engine, "checkin")
    def _terug(dbapi_connection: Any, record: Any) -> None:
        if dbapi_connection is not None:
            record.info[_TERUG] = (id(dbapi_connection), time.monotonic())

    @event.listens_for(engine, "checkout")
    def _controleer(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if getattr(_ZONDER_CONTROLE, "aan", False):
            return  # the caller's own statement finds a dead connection (zonder_rustcontrole)
        terug = record.info.get(_TERUG)
        if terug is None or terug[0] != id(dbapi_connection) or time.monotonic() - terug[1] < PING_NA_S:
            return  # new (just connected) or in use a moment ago
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_connection.rollback()
        except Exception as fout:
            raise exc.DisconnectionError("verbinding met de database verbroken") from fout


_TERUG = "zorgzwaarte.terug_in_pool"
_ZONDER_CONTROLE = threading.local()


@contextmanager
def zonder_rustcontrole() -> Iterator[None]:
    """Connections checked out in this thread meanwhile are not pinged after rest: for a caller whose one statement
    is itself the check and who tries once more on a dead connection (the readiness check, one round trip)."""
    _ZONDER_CONTROLE.aan = True
    try:
        yield
    finally:
        _ZONDER_CONTROLE.aan = False


# A statement that may write or lock: it runs in a transaction (BEGIN before it). Everything but a plain SELECT:
# INSERT/UPDATE/DELETE, DDL, LOCK, SAVEPOINT, WITH (a CTE may write), SELECT ... FOR UPDATE/SHARE or INTO, and the
# functions whose effect lasts for the transaction.
_GEEN_GEWONE_LEZING = re.compile(
    r"\bFOR\s+(UPDATE|SHARE|NO\s+KEY|KEY)\b|\bINTO\b|pg_advisory|set_config", re.IGNORECASE
)


def alleen_lezen(statement: str) -> bool:
    """Is this SQL a plain SELECT (reads, takes no lock that lasts, changes nothing)?"""
    return statement.lstrip()[:6].upper() == "SELECT" and _GEEN_GEWONE_LEZING.search(statement) is None


def _begin_voor_schrijven(engine: Engine) -> None:
    """PostgreSQL: a read outside a transaction is sent without BEGIN, as Python's sqlite3 does on SQLite.

    psycopg (like every DB-API driver) begins a transaction before a connection's first statement, and it ends with
    COMMIT or ROLLBACK: a request that only reads paid three round trips (BEGIN, SELECT, ROLLBACK) where one does,
    each also costing the server processor time (under load on the same cores). Here a connection outside a
    transaction is in psycopg's autocommit mode for a plain SELECT, and leaves it before any other statement (see
    `alleen_lezen`), so that statement and everything after it up to the COMMIT or ROLLBACK is one transaction as
    before. In READ COMMITTED (PostgreSQL's default, used everywhere here) a SELECT sees the same inside or outside
    a transaction: what was committed when it starts. A server-side cursor (needs a transaction) also begins one.
    Counted per request kind in `tests/api/test_lezen_voor_het_werk.py`."""

    @event.listens_for(engine, "before_cursor_execute")
    def _autocommit_alleen_voor_lezen(_c: Any, cursor: Any, statement: str, *_: Any) -> None:
        verbinding = cursor.connection
        if verbinding.info.transaction_status != _PG_BUITEN_TRANSACTIE:
            return  # within a transaction: the statement stays in it
        lezen = alleen_lezen(statement) and getattr(cursor, "name", None) is None
        if verbinding.autocommit != lezen:
            verbinding.autocommit = lezen  # no round trip: psycopg sends BEGIN itself before the next statement


def draden_per_werkproces() -> int:
    """How many requests one worker handles at the same time: $ZORGZWAARTE_DRADEN (`serveer --draden`), else 8."""
    waarde = os.environ.get("ZORGZWAARTE_DRADEN", "")
    return int(waarde) if waarde.isdigit() and int(waarde) > 0 else DRADEN_STANDAARD


def pool_grootte() -> int:
    """Connections an engine keeps open: one per request thread (`draden_per_werkproces`) plus `POOL_EXTRA`.

    SQLAlchemy's default keeps 5 and closes every connection beyond those when it is returned: with 8 threads a
    busy worker opened and closed SQLite connections (and set their PRAGMAs) while serving. On PostgreSQL each kept
    connection is a server process: workers x hosts x this must stay below `max_connections` (docs/productie.md)."""
    return draden_per_werkproces() + POOL_EXTRA


def maak_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    kwargs: dict[str, Any] = {"future": True}
    if url.startswith("sqlite"):
        # IMMEDIATE: the transaction that Python's sqlite3 begins before a write takes SQLite's write lock at once
        # (a deferred one could find its snapshot outdated when it upgrades); the connection class gives the write
        # turn back at commit and rollback (Schrijfbeurt).
        kwargs["connect_args"] = {
            "check_same_thread": False,
            "isolation_level": "IMMEDIATE",
            "factory": _SqliteVerbinding,
        }
    if ":memory:" not in url and "mode=memory" not in url and url not in ("sqlite://", "sqlite+pysqlite://"):
        kwargs["pool_size"], kwargs["max_overflow"] = pool_grootte(), POOL_OVERLOOP  # a file or a server: QueuePool
    engine = create_engine(url, **kwargs)
    if engine.dialect.name != "sqlite":
        _controleer_na_rust(engine)
    if engine.dialect.driver == "psycopg":
        _begin_voor_schrijven(engine)
    if engine.dialect.name == "sqlite":
        bestand = engine.url.database
        beurt = schrijfbeurt(Path(bestand)) if bestand and bestand != ":memory:" and "mode=memory" not in url else None

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL in WAL mode: every commit is synced to disk before it is acknowledged, so a power loss
            # loses no acknowledged write (NORMAL could lose the last commits). See docs/api.md.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            cur.close()
            if isinstance(dbapi_connection, _SqliteVerbinding):
                dbapi_connection.beurt = beurt

        @event.listens_for(engine, "before_cursor_execute")
        def _schrijfbeurt(_c: Any, cursor: Any, statement: str, *_: Any) -> None:
            verbinding = cursor.connection
            if (
                isinstance(verbinding, _SqliteVerbinding)
                and not verbinding.in_transaction
                and statement.lstrip()[:7].upper().startswith(_SCHRIJVEND)
            ):
                verbinding.neem_beurt()

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
