"""The write turn on SQLite (opslag/database.py, Schrijfbeurt): every write transaction of every process on one
database file first takes a turn (a thread lock within the process, flock on a file next to the database across
processes) and begins with BEGIN IMMEDIATE; the turn is given back at commit and rollback. Writers that wait are
woken when the turn is free instead of sleeping in SQLite's busy handler; nothing is lost and nobody gets
"database is locked"."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag import database
from zorgzwaarte.opslag.database import SCHRIJFBEURT_ACHTERVOEGSEL, maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Organisatie

SCHRIJVERS, KEER = 3, 15


def _schrijf_veel(url: str, proces: int) -> None:
    """In a process of its own: threads that each commit writing units and read units (group commit) in turn."""
    engine = maak_engine(url)
    fabriek = sessiefabriek(engine)

    def draad(d: int) -> None:
        for i in range(KEER):
            with Werkeenheid(fabriek, None) as uow:
                uow.sessie.execute(insert(Organisatie).values(naam=f"p{proces}-d{d}-{i}", soort="zorgaanbieder"))
                uow.log("test.schrijven", details=f"p{proces}-d{d}-{i}")
            with Werkeenheid(fabriek, None) as uow:
                uow.sessie.scalar(select(func.count()).select_from(Organisatie))
                uow.log("test.lezen", details=f"p{proces}-d{d}-{i}")

    draden = [threading.Thread(target=draad, args=(d,)) for d in range(SCHRIJVERS)]
    for t in draden:
        t.start()
    for t in draden:
        t.join()
    engine.dispose()


def test_twee_processen_schrijven_tegelijk_en_alles_komt_aan(sqlite_engine: Engine) -> None:
    """Two processes with three threads each write and read at the same time on one SQLite file: every write and
    every audit line is there, and neither process failed (no 'database is locked')."""
    url = sqlite_engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    processen = [context.Process(target=_schrijf_veel, args=(url, p)) for p in range(2)]
    for p in processen:
        p.start()
    for p in processen:
        p.join(timeout=240)
    assert [p.exitcode for p in processen] == [0, 0]
    with sqlite_engine.connect() as c:
        namen = set(c.scalars(select(Organisatie.naam).where(Organisatie.naam.like("p%-d%"))))
        audit = list(c.execute(select(Auditregel.actie, Auditregel.details).where(Auditregel.actie.like("test.%"))))
    verwacht = {f"p{p}-d{d}-{i}" for p in range(2) for d in range(SCHRIJVERS) for i in range(KEER)}
    assert namen == verwacht
    assert sorted(audit) == sorted((a, n) for a in ("test.lezen", "test.schrijven") for n in verwacht)


def test_het_slotbestand_staat_naast_de_database(sqlite_engine: Engine) -> None:
    with Werkeenheid(sessiefabriek(sqlite_engine), None) as uow:
        uow.sessie.execute(insert(Organisatie).values(naam="Slot", soort="zorgaanbieder"))
    db = Path(str(sqlite_engine.url.database))
    assert (db.parent / (db.name + SCHRIJFBEURT_ACHTERVOEGSEL)).is_file()
    assert (db.parent / (db.name + SCHRIJFBEURT_ACHTERVOEGSEL)).read_bytes() == b""  # holds no data


def test_een_tweede_schrijver_wacht_op_de_beurt_en_slaagt(sqlite_engine: Engine) -> None:
    """While one transaction holds the turn (after its first write, before its commit), a write from another
    thread waits; once the first commits the second goes on, and both rows are there."""
    eerste_schreef, tweede_klaar = threading.Event(), threading.Event()
    verder = threading.Event()

    def eerste() -> None:
        with sqlite_engine.connect() as c:
            c.execute(insert(Organisatie).values(naam="Eerste", soort="zorgaanbieder"))
            eerste_schreef.set()
            verder.wait(60)
            c.commit()

    def tweede() -> None:
        eerste_schreef.wait(60)
        with sqlite_engine.connect() as c:
            c.execute(insert(Organisatie).values(naam="Tweede", soort="zorgaanbieder"))
            c.commit()
        tweede_klaar.set()

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for t in draden:
        t.start()
    assert eerste_schreef.wait(60)
    assert not tweede_klaar.wait(0.3)  # waits for the turn (would be the same without the turn: SQLite's lock)
    verder.set()
    for t in draden:
        t.join(60)
    assert tweede_klaar.is_set()
    with sqlite_engine.connect() as c:
        assert set(c.scalars(select(Organisatie.naam).where(Organisatie.naam.in_(["Eerste", "Tweede"])))) == {
            "Eerste",
            "Tweede",
        }


def _beurt_vrij_voor_ander_proces(slotbestand: Path) -> bool:
    """Can another process take the turn now? (flock without waiting, in a child process.)"""
    code = (
        "import fcntl, os, sys\n"
        f"fd = os.open({str(slotbestand)!r}, os.O_RDWR)\n"
        "try:\n"
        "    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "except BlockingIOError:\n"
        "    sys.exit(1)\n"
    )
    return subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_schrijftransactie_houdt_de_beurt_en_begint_immediate(sqlite_engine: Engine) -> None:
    """From its first write to its commit a transaction holds the turn (another process cannot flock the lock file)
    and SQLite's write lock (it began with BEGIN IMMEDIATE); a read-only connection takes neither."""
    db = Path(str(sqlite_engine.url.database))
    slotbestand = db.parent / (db.name + SCHRIJFBEURT_ACHTERVOEGSEL)
    with sqlite_engine.connect() as c:
        c.execute(select(func.count()).select_from(Organisatie))
        c.commit()
    assert not slotbestand.exists() or _beurt_vrij_voor_ander_proces(slotbestand)
    statements: list[str] = []
    with sqlite_engine.connect() as c:
        c.connection.dbapi_connection.set_trace_callback(statements.append)  # type: ignore[union-attr]
        c.execute(insert(Organisatie).values(naam="Vast", soort="zorgaanbieder"))
        assert not _beurt_vrij_voor_ander_proces(slotbestand)
        buiten = sqlite3.connect(str(db), timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            buiten.execute("BEGIN IMMEDIATE")
        buiten.close()
        c.commit()
        c.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
        assert _beurt_vrij_voor_ander_proces(slotbestand)
    assert statements[0] == "BEGIN IMMEDIATE" and statements[1].startswith("INSERT")


def test_dezelfde_draad_op_een_tweede_verbinding_hangt_niet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread that holds the turn and writes through a second connection does not wait for itself forever: it
    goes on without the turn and SQLite's busy timeout decides (an error after the timeout, as before)."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    engine = maak_engine(f"sqlite:///{tmp_path / 'nest.sqlite'}")
    migreer(engine)
    with engine.connect() as a:
        a.execute(insert(Organisatie).values(naam="A", soort="zorgaanbieder"))
        with engine.connect() as b, pytest.raises(Exception, match="locked"):
            b.execute(insert(Organisatie).values(naam="B", soort="zorgaanbieder"))
        a.commit()
    with engine.connect() as c:  # the turn was given back: the next write goes through
        c.execute(insert(Organisatie).values(naam="C", soort="zorgaanbieder"))
        c.commit()
        assert set(c.scalars(select(Organisatie.naam))) >= {"A", "C"}
    engine.dispose()


def test_een_afgeschoten_proces_houdt_de_beurt_niet_vast(sqlite_engine: Engine) -> None:
    """A process killed (SIGKILL) in the middle of a write transaction, holding the turn, does not block the
    others: the kernel frees its flock and SQLite its lock; the next write here succeeds."""
    url = sqlite_engine.url.render_as_string(hide_password=False)
    code = (
        "import sys, time\n"
        "from sqlalchemy import insert\n"
        "from zorgzwaarte.opslag.database import maak_engine\n"
        "from zorgzwaarte.opslag.modellen import Organisatie\n"
        f"e = maak_engine({url!r})\n"
        "c = e.connect()\n"
        "c.execute(insert(Organisatie).values(naam='Verloren', soort='zorgaanbieder'))\n"
        "print('bezig', flush=True)\n"
        "time.sleep(600)\n"
    )
    kind = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert kind.stdout is not None and kind.stdout.readline().strip() == "bezig"
    finally:
        os.kill(kind.pid, signal.SIGKILL)
        kind.wait(30)
    with sqlite_engine.connect() as c:
        c.execute(insert(Organisatie).values(naam="Daarna", soort="zorgaanbieder"))
        c.commit()
        namen = set(c.scalars(select(Organisatie.naam)))
    assert "Daarna" in namen and "Verloren" not in namen
