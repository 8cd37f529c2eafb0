"""The group commit of audit lines (diensten/werkeenheid.py), on SQLite and PostgreSQL: a unit of work that only
read commits its audit lines together with those of other reads finishing at the same time, and still returns
only once its own lines are committed (NEN 7513: no answer without its audit line); a unit that wrote commits its
change and its lines in one transaction as before."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, insert, select

from tests.conftest import Klok
from zorgzwaarte.diensten import werkeenheid
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, alleen_gelezen, groepscommit
from zorgzwaarte.opslag.database import schrijfbeurt, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Organisatie


def _audit(engine: Engine, actie: str) -> list[str | None]:
    with engine.connect() as c:
        return list(c.scalars(select(Auditregel.details).where(Auditregel.actie == actie)))


def _lees(fabriek: Any, klok: Klok, details: str) -> None:
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.scalar(select(func.count()).select_from(Organisatie))
        uow.log("test.lezen", details=details)


def _tot(voorwaarde: Any, seconden: float = 30) -> None:
    """Wait until `voorwaarde()` holds (fails the test, instead of hanging, when it never does)."""
    for _ in range(int(seconden * 100)):
        if voorwaarde():
            return
        threading.Event().wait(0.01)
    raise AssertionError("voorwaarde niet bereikt")


def _commits(engine: Engine) -> list[int]:
    teller = [0]

    def commit(_c: Any) -> None:
        teller[0] += 1

    event.listen(engine, "commit", commit)
    return teller


def test_lezingen_die_samen_wachten_gaan_in_een_commit(engine: Engine, klok: Klok) -> None:
    """Eight reads that queue while the writer's turn is taken are committed by one commit, each line once, and
    none of them returns before that commit."""
    fabriek = sessiefabriek(engine)
    groep = groepscommit(fabriek)
    teller = _commits(engine)
    klaar: list[str] = []

    def lezer(i: int) -> None:
        _lees(fabriek, klok, f"lezer {i}")
        klaar.append(f"lezer {i}")

    with groep._beurt:  # a commit under way: the reads queue behind it
        draden = [threading.Thread(target=lezer, args=(i,)) for i in range(8)]
        for d in draden:
            d.start()
        while len(groep._wachtrij) < 8:
            threading.Event().wait(0.01)
        assert klaar == [] and _audit(engine, "test.lezen") == []  # nobody answered before its line is in
    for d in draden:
        d.join(timeout=60)
    assert sorted(klaar) == sorted(f"lezer {i}" for i in range(8))
    assert sorted(d or "" for d in _audit(engine, "test.lezen")) == sorted(klaar)
    assert teller[0] == 1  # one commit for the eight reads


def test_veel_gelijktijdige_lezingen_elk_hun_regel(engine: Engine, klok: Klok) -> None:
    fabriek = sessiefabriek(engine)
    teller = _commits(engine)

    def lezer(i: int) -> None:
        for j in range(15):
            _lees(fabriek, klok, f"{i}-{j}")

    draden = [threading.Thread(target=lezer, args=(i,)) for i in range(6)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=120)
    regels = _audit(engine, "test.lezen")
    assert sorted(d or "" for d in regels) == sorted(f"{i}-{j}" for i in range(6) for j in range(15))
    assert 1 <= teller[0] <= 90


def test_mislukte_groepscommit_laat_elke_lezing_mislukken(engine: Engine, klok: Klok) -> None:
    """When the commit of a group fails, every read of the group fails (its answer is an error, never a 2xx
    without its line); the next read writes its line again."""
    fabriek = sessiefabriek(engine)
    groep = groepscommit(fabriek)
    fouten: list[BaseException] = []

    class Stuk(Exception):
        pass

    def weiger(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        if sql.lstrip().upper().startswith("INSERT INTO AUDITREGEL"):
            raise Stuk("schijf vol")

    def lezer(i: int) -> None:
        try:
            _lees(fabriek, klok, f"mislukt {i}")
        except Stuk as exc:
            fouten.append(exc)

    event.listen(engine, "before_cursor_execute", weiger)
    with groep._beurt:
        draden = [threading.Thread(target=lezer, args=(i,)) for i in range(4)]
        for d in draden:
            d.start()
        while len(groep._wachtrij) < 4:
            threading.Event().wait(0.01)
    for d in draden:
        d.join(timeout=60)
    event.remove(engine, "before_cursor_execute", weiger)
    assert len(fouten) == 4
    assert _audit(engine, "test.lezen") == []
    _lees(fabriek, klok, "daarna")
    assert _audit(engine, "test.lezen") == ["daarna"]


def test_een_schrijvende_eenheid_commit_zelf(engine: Engine, klok: Klok) -> None:
    """A unit that wrote is not a read: its change and its audit line are one transaction (a refused change
    leaves neither)."""
    fabriek = sessiefabriek(engine)
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.scalar(select(func.count()).select_from(Organisatie))
        assert alleen_gelezen(uow.sessie)
        uow.sessie.add(Organisatie(naam="Testzorg", soort="zorgaanbieder"))
        assert not alleen_gelezen(uow.sessie)
        uow.sessie.flush()
        assert not alleen_gelezen(uow.sessie)  # flushed: still a write
        uow.log("test.schrijven", "organisatie")
    assert _audit(engine, "test.schrijven") == [None]
    with pytest.raises(ValueError), Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.add(Organisatie(naam="Niet bewaard", soort="zorgaanbieder"))
        uow.log("test.schrijven", "organisatie", details="geweigerd")
        raise ValueError("geweigerd")
    with fabriek() as s:
        assert s.scalar(select(func.count()).where(Organisatie.naam == "Niet bewaard")) == 0
    assert _audit(engine, "test.schrijven") == [None, "geweigerd; ValueError"]  # the refusal, with its outcome


def test_wie_op_de_schrijfbeurt_wacht_neemt_de_hele_wachtrij_mee(sqlite_engine: Engine, klok: Klok) -> None:
    """SQLite: while another process holds the database's write turn, the unit whose turn it is waits for it before
    it takes the queue, so the reads that finish meanwhile go into the same commit (one commit for all eight, not
    one for the first and one for the rest)."""
    fabriek = sessiefabriek(sqlite_engine)
    groep = groepscommit(fabriek)
    teller = _commits(sqlite_engine)
    beurt = schrijfbeurt(Path(sqlite_engine.url.database or ""))
    klaar: list[str] = []

    def lezer(i: int) -> None:
        _lees(fabriek, klok, f"lezer {i}")
        klaar.append(f"lezer {i}")

    assert beurt.neem()  # the other process commits
    try:
        eerste = threading.Thread(target=lezer, args=(0,))
        eerste.start()
        _tot(groep._beurt.locked)  # the first read has the group's turn and waits for the database's
        draden = [threading.Thread(target=lezer, args=(i,)) for i in range(1, 8)]
        for d in draden:
            d.start()
        _tot(lambda: len(groep._wachtrij) == 8, seconden=3)  # the first read is still in the queue
        assert klaar == [] and _audit(sqlite_engine, "test.lezen") == []
    finally:
        beurt.geef_terug()
    for d in [eerste, *draden]:
        d.join(timeout=60)
    assert sorted(d or "" for d in _audit(sqlite_engine, "test.lezen")) == sorted(f"lezer {i}" for i in range(8))
    assert teller[0] == 1


def test_mislukt_de_schrijfbeurt_dan_faalt_alleen_die_lezing(
    sqlite_engine: Engine, klok: Klok, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit that fails before it took the queue (here: taking the write turn) fails alone and leaves no line;
    the reads queued behind it are committed by the next turn."""
    fabriek = sessiefabriek(sqlite_engine)

    class Stuk(Exception):
        pass

    def weiger(_verbinding: Any) -> None:
        monkeypatch.undo()  # only the first turn fails
        raise Stuk("slot kapot")

    monkeypatch.setattr(werkeenheid, "neem_schrijfbeurt", weiger)
    with pytest.raises(Stuk):
        _lees(fabriek, klok, "mislukt")
    assert groepscommit(fabriek)._wachtrij == []
    _lees(fabriek, klok, "daarna")
    assert _audit(sqlite_engine, "test.lezen") == ["daarna"]


def test_regels_van_de_groep_zoals_het_orm_ze_schrijft(engine: Engine, klok: Klok) -> None:
    """The group writes with the driver's executemany (a statement compiled once per dialect): every column reads
    back as the ORM wrote it before, the moment included, on SQLite and PostgreSQL."""
    fabriek = sessiefabriek(engine)
    klok.moment = datetime(2015, 3, 31, 23, 59, 58, 123456, tzinfo=UTC)
    with Werkeenheid(fabriek, None, klok) as uow:
        uow.sessie.scalar(select(func.count()).select_from(Organisatie))
        uow.log("test.lezen", "client", 7, 7, details="met 'aanhalingstekens'; en ; tekens")
        uow.log("test.lezen", None, None, None)
    with fabriek() as s:
        s.execute(insert(Auditregel).values(tijdstip=klok.moment, actie="test.orm", uitkomst="toegestaan"))
        s.commit()
        regels = {a.actie + str(a.object_id): a for a in s.scalars(select(Auditregel))}
    a, b, orm = regels["test.lezen7"], regels["test.lezenNone"], regels["test.ormNone"]
    assert (a.objecttype, a.object_id, a.client_id, a.uitkomst, a.details) == (
        "client",
        7,
        7,
        "toegestaan",
        "met 'aanhalingstekens'; en ; tekens",
    )
    assert (b.objecttype, b.client_id, b.details, b.gebruiker_id) == (None, None, None, None)
    assert a.tijdstip == b.tijdstip == orm.tijdstip
    assert a.tijdstip.replace(tzinfo=None) == klok.moment.replace(tzinfo=None)


def test_na_fork_een_eigen_committer(sqlite_engine: Engine, klok: Klok) -> None:
    """A forked child (the parent's committer thread is not there) commits its reads' lines with a committer of its
    own instead of waiting forever for the parent's."""
    import os
    import signal

    fabriek = sessiefabriek(sqlite_engine)
    _lees(fabriek, klok, "ouder")  # the parent's committer runs
    pid = os.fork()
    if pid == 0:  # the child: its own connections, then a read
        code = 1
        try:
            signal.alarm(60)
            sqlite_engine.dispose(close=False)
            _lees(fabriek, klok, "kind")
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert sorted(d or "" for d in _audit(sqlite_engine, "test.lezen")) == ["kind", "ouder"]
