"""One unit of work: a database transaction plus the audit lines of what was done or attempted (NEN 7513).

On success the audit lines are committed with the change. When the action is refused or fails, the change is
rolled back and the audit lines are written in a transaction of their own with the outcome, so a refused read
is logged as surely as a permitted one. The BSN is never written to the audit log.

A unit that only read (most requests) has nothing to commit but its audit lines. Those go through a group commit
per database (`Groepscommit`): one committer thread per process writes and commits together the lines of all
reads that finished while the previous commit was under way, and every unit waits until its own lines are
committed (in its thread, or in the API in the event loop: `uitgesteld`), so no answer leaves before its audit line
is on disk. Under load this is one commit (one fsync, one turn at SQLite's single write
lock) for several requests instead of one each: the waits for the write lock were the slow tail of the API
(docs/benchmarks.md). The lines go in with one INSERT compiled once per dialect and the driver's executemany
(`_Invoeging`): no ORM work and no statement cache lookup per request.
"""

from __future__ import annotations

import _thread
import asyncio
import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Dialect, Engine, Table, event, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.domein.grenzen import MAX_ID
from zorgzwaarte.fouten import Conflict, InvoerFout, NietAangemeld, NietGevonden, TeVaak, Verboden
from zorgzwaarte.opslag.database import neem_schrijfbeurt
from zorgzwaarte.opslag.modellen import (
    Auditregel,
    Beoordeling,
    Client,
    GeleverdeZorg,
    Indicatiebesluit,
    Rapportage,
    Zorgleveringsovereenkomst,
    Zorgplan,
)

LOG = logging.getLogger(__name__)


def nu_utc() -> datetime:
    return datetime.now(UTC)


NL = ZoneInfo("Europe/Amsterdam")


def vandaag_nl(nu: datetime) -> date:
    """The calendar day in the Netherlands at moment `nu` (a naive moment is read as UTC)."""
    return (nu if nu.tzinfo else nu.replace(tzinfo=UTC)).astimezone(NL).date()


@dataclass
class Poging:
    actie: str
    objecttype: str | None = None
    object_id: int | None = None
    client_id: int | None = None
    details: str | None = None
    bron: tuple[str, int] | None = None  # the record named in the request when the object is yet to be made


# objecttype -> the table whose rows carry the client (so a refused attempt on a record still names its client)
_MET_CLIENT: dict[str, Any] = {
    "beoordeling": Beoordeling,
    "indicatiebesluit": Indicatiebesluit,
    "zorgleveringsovereenkomst": Zorgleveringsovereenkomst,
    "zorgplan": Zorgplan,
    "rapportage": Rapportage,
    "geleverde_zorg": GeleverdeZorg,
}


AUDITTABEL: Table = Auditregel.__table__  # type: ignore[assignment]
_KOLOMMEN = tuple(k.key for k in AUDITTABEL.columns if not k.primary_key)  # what a line of _regels holds


@dataclass(frozen=True)
class _Invoeging:
    """The INSERT of audit lines as the database driver takes it, compiled once per dialect: the SQL text, the order
    of its parameters (positional drivers such as sqlite3) or None (named, such as psycopg), and the conversion of
    each column whose type converts its value on the way in (SQLite: the moment as text), as SQLAlchemy would."""

    sql: str
    volgorde: tuple[str, ...] | None
    omzetters: tuple[tuple[str, Callable[[Any], Any]], ...]

    @classmethod
    def voor(cls, dialect: Dialect) -> _Invoeging:
        vertaald = AUDITTABEL.insert().compile(dialect=dialect, column_keys=list(_KOLOMMEN))
        volgorde = tuple(vertaald.positiontup or ()) if vertaald.positional else None
        omzetters = tuple(
            (k, f) for k in _KOLOMMEN if (f := AUDITTABEL.c[k].type.dialect_impl(dialect).bind_processor(dialect))
        )
        if set(volgorde or vertaald.binds) != set(_KOLOMMEN):  # the compiled statement names exactly the columns
            raise RuntimeError(f"onverwachte parameters in {vertaald}")
        return cls(str(vertaald), volgorde, omzetters)

    def schrijf(self, verbinding: Connection, regels: list[dict[str, Any]]) -> None:
        """All `regels` in one executemany, in the transaction of `verbinding` (events and error handling as any
        statement of the engine)."""
        if self.omzetters:
            regels = [{**r, **{k: f(r[k]) for k, f in self.omzetters}} for r in regels]
        if self.volgorde is None:
            verbinding.exec_driver_sql(self.sql, regels)
        else:
            verbinding.exec_driver_sql(self.sql, [tuple(r[k] for k in self.volgorde) for r in regels])


_INVOEGINGEN: dict[tuple[type[Dialect], str], _Invoeging] = {}


def schrijf_auditregels(verbinding: Connection, regels: list[dict[str, Any]]) -> None:
    """Audit lines (as `Werkeenheid._regels` makes them) in one statement, in the transaction of `verbinding`."""
    dialect = verbinding.dialect
    sleutel = (type(dialect), dialect.paramstyle)
    invoeging = _INVOEGINGEN.get(sleutel)
    if invoeging is None:
        invoeging = _INVOEGINGEN.setdefault(sleutel, _Invoeging.voor(dialect))
    invoeging.schrijf(verbinding, regels)


_GESCHREVEN = "zorgzwaarte.geschreven"  # Session.info: this session flushed or executed a statement that writes


@event.listens_for(Session, "after_flush")
def _na_flush(sessie: Session, _: UOWTransaction) -> None:
    sessie.info[_GESCHREVEN] = True


@event.listens_for(Session, "do_orm_execute")
def _bij_statement(staat: ORMExecuteState) -> None:
    if not staat.is_select:  # INSERT/UPDATE/DELETE, and any text statement (it might write)
        staat.session.info[_GESCHREVEN] = True


def alleen_gelezen(sessie: Session) -> bool:
    """Did this session only read? (Nothing pending, nothing flushed, no statement that writes.)

    Seen through the session's events: services write with `sessie.add`/`flush` or `sessie.execute` (as all do).
    A write that bypasses the session (`Session.bulk_*`, a raw connection) would not be seen and not be
    committed; do not write that way inside a Werkeenheid."""
    return not (sessie.new or sessie.dirty or sessie.deleted or sessie.info.get(_GESCHREVEN))


DRAADNAAM = "groepscommit"  # the committer thread of a group commit


class _Opdracht:
    """The audit lines of one unit in the queue of a group commit, and how its caller learns the outcome: `wekker`
    (a lock held until the commit, for a caller that waits in its thread) or `toekomst` (an asyncio future of the
    caller's event loop, resolved from the committer with `call_soon_threadsafe`)."""

    __slots__ = ("fout", "klaar", "regels", "toekomst", "wekker")

    def __init__(self, regels: list[dict[str, Any]], wachten: bool) -> None:
        self.regels = regels
        self.klaar = False
        self.fout: BaseException | None = None
        self.toekomst: asyncio.Future[None] | None = None
        self.wekker: _thread.LockType | None = None
        if wachten:
            self.wekker = _thread.allocate_lock()
            self.wekker.acquire()


class Groepscommit:
    """Audit lines of read-only units, committed in groups (one per database and process, shared by its threads).

    A unit puts its lines in the queue and does not write them itself: one committer thread per process takes the
    database's write turn, then the whole queue (the lines of every read that finished while the previous group was
    being committed, or while it waited for the turn), writes them in one statement on its own connection, commits,
    and wakes every unit of the group at once. A unit waits for its own group's commit either in its thread
    (`schrijf`) or, in the API, in the event loop (`plaats` in the worker thread, `na_commit` in the loop): the
    worker thread is free as soon as the answer is made, the answer leaves only after the commit. A failed commit
    (or a failure to get the write turn) fails every unit of that group; the next group starts afresh. The thread
    ends after `RUST_S` seconds without work and starts again with the next line.
    """

    RUST_S = 5.0

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._na_fork()

    def _na_fork(self) -> None:
        """A fresh queue, locks and no thread (also in a forked child: the parent's committer is not there)."""
        self._wachtrij: list[_Opdracht] = []
        self._wachtrij_slot = threading.Condition(threading.Lock())
        self._beurt = threading.Lock()  # held by the committer while it commits a group
        self._draad: threading.Thread | None = None

    def plaats(self, regels: list[dict[str, Any]], wachten: bool = False) -> _Opdracht:
        """Queue `regels` for the next group; the caller learns the outcome with `wacht` (`wachten`) or
        `na_commit`."""
        opdracht = _Opdracht(regels, wachten)
        with self._wachtrij_slot:
            self._wachtrij.append(opdracht)
            if self._draad is None:
                self._draad = threading.Thread(target=self._werk, name=DRAADNAAM, daemon=True)
                self._draad.start()
            else:
                self._wachtrij_slot.notify()
        return opdracht

    def schrijf(self, regels: list[dict[str, Any]]) -> None:
        """Queue `regels` and wait in this thread until their group is committed (raises the group's error)."""
        opdracht = self.plaats(regels, wachten=True)
        assert opdracht.wekker is not None
        opdracht.wekker.acquire()
        if opdracht.fout is not None:
            raise opdracht.fout

    def _werk(self) -> None:
        while True:
            with self._wachtrij_slot:
                while not self._wachtrij:
                    if not self._wachtrij_slot.wait(self.RUST_S) and not self._wachtrij:
                        self._draad = None  # the next line starts a new thread
                        return
            self._commit()

    def _neem_wachtrij(self) -> list[_Opdracht]:
        with self._wachtrij_slot:
            groep, self._wachtrij = self._wachtrij, []
        return groep

    def _commit(self) -> None:
        groep: list[_Opdracht] = []
        fout: BaseException | None = None
        with self._beurt:
            try:
                with self.engine.connect() as verbinding:
                    # SQLite: first the database's write turn (another process may be committing), then the
                    # queue, so the reads that finish during that wait go into this commit too
                    neem_schrijfbeurt(verbinding)
                    groep = self._neem_wachtrij()
                    if LOG.isEnabledFor(logging.DEBUG):
                        LOG.debug(
                            "groepscommit: %d eenheden, %d auditregels", len(groep), sum(len(o.regels) for o in groep)
                        )
                    schrijf_auditregels(verbinding, [r for o in groep for r in o.regels])
                    verbinding.commit()
            except BaseException as exc:  # every unit of the group gets the error (its answer is an error)
                fout = exc
                groep = groep or self._neem_wachtrij()
        self._meld(groep, fout)

    def _meld(self, groep: list[_Opdracht], fout: BaseException | None) -> None:
        """Mark the group done and wake its units at once: threads by their lock, event loops with one call each."""
        per_lus: dict[asyncio.AbstractEventLoop, list[asyncio.Future[None]]] = {}
        with self._wachtrij_slot:
            for o in groep:
                o.fout, o.klaar = fout, True
                if o.toekomst is not None:
                    per_lus.setdefault(o.toekomst.get_loop(), []).append(o.toekomst)
        for o in groep:
            if o.wekker is not None:
                o.wekker.release()
        for lus, toekomsten in per_lus.items():
            with contextlib.suppress(RuntimeError):  # a loop that closed meanwhile has no one left to tell
                lus.call_soon_threadsafe(_los_op, toekomsten)

    async def na_commit(self, opdracht: _Opdracht) -> None:
        """Wait in the running event loop until `opdracht`'s group is committed (raises the group's error)."""
        with self._wachtrij_slot:
            if not opdracht.klaar:
                opdracht.toekomst = asyncio.get_running_loop().create_future()
        if opdracht.toekomst is not None:
            await opdracht.toekomst
        if opdracht.fout is not None:
            raise opdracht.fout


def _los_op(toekomsten: list[asyncio.Future[None]]) -> None:
    for t in toekomsten:
        if not t.done():
            t.set_result(None)


_GROEPEN: weakref.WeakKeyDictionary[sessionmaker[Session], Groepscommit] = weakref.WeakKeyDictionary()
_GROEPEN_SLOT = threading.Lock()


def _groepen_na_fork() -> None:
    global _GROEPEN_SLOT
    _GROEPEN_SLOT = threading.Lock()
    for groep in list(_GROEPEN.values()):
        groep._na_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_groepen_na_fork)


def groepscommit(fabriek: sessionmaker[Session]) -> Groepscommit:
    """The group commit of the database behind `fabriek` (one per session factory, so per app and process)."""
    groep = _GROEPEN.get(fabriek)
    if groep is None:
        with _GROEPEN_SLOT:
            groep = _GROEPEN.setdefault(fabriek, Groepscommit(fabriek.kw["bind"]))
    return groep


_UITSTEL = threading.local()  # .opdrachten: the queued audit lines of this thread's request, awaited elsewhere


@contextmanager
def uitgesteld() -> Iterator[list[tuple[Groepscommit, _Opdracht]]]:
    """During the block the read-only units of this thread queue their audit lines without waiting for the commit;
    the list holds them, and whoever sends the answer awaits each (`wacht_op_audit`) before it leaves. For the API
    (api/eendraad.py): the worker thread is free at once, the request waits in the event loop."""
    vorige = getattr(_UITSTEL, "opdrachten", None)
    opdrachten: list[tuple[Groepscommit, _Opdracht]] = []
    _UITSTEL.opdrachten = opdrachten
    try:
        yield opdrachten
    finally:
        _UITSTEL.opdrachten = vorige


async def wacht_op_audit(opdrachten: list[tuple[Groepscommit, _Opdracht]]) -> None:
    """Wait in the event loop until the audit lines queued under `uitgesteld` are committed (raises a group's
    error: the answer is then an error, never a 2xx without its line)."""
    for groep, opdracht in opdrachten:
        await groep.na_commit(opdracht)


_OVERDRACHT = threading.local()  # .sessie: (factory, session) opened before the request's work, in this thread


def draag_over(fabriek: sessionmaker[Session], sessie: Session) -> None:
    """Hand `sessie` (the token check's, diensten/auth.py) to the next unit of work of `fabriek` in this thread: it
    continues on the same connection and with the data version already read (one pool checkout and no second
    SELECT per request). Whoever calls this calls `sluit_overdracht()` when the request's work is done."""
    sluit_overdracht()
    _OVERDRACHT.sessie = (fabriek, sessie)


def sluit_overdracht() -> None:
    """Close a handed-over session that no unit of work took (a route without one, or one that failed before)."""
    overgedragen = getattr(_OVERDRACHT, "sessie", None)
    _OVERDRACHT.sessie = None
    if overgedragen is not None:
        overgedragen[1].close()


def overgedragen(fabriek: sessionmaker[Session]) -> Session | None:
    """The token check's session handed to this thread for `fabriek` (`draag_over`), left for the unit of work: a
    read before it (the ZZP supplement of /indiceer, diensten/beheer.py) uses its connection and data version."""
    overgedragen_: tuple[sessionmaker[Session], Session] | None = getattr(_OVERDRACHT, "sessie", None)
    return overgedragen_[1] if overgedragen_ is not None and overgedragen_[0] is fabriek else None


def _neem_over(fabriek: sessionmaker[Session]) -> Session | None:
    overgedragen: tuple[sessionmaker[Session], Session] | None = getattr(_OVERDRACHT, "sessie", None)
    if overgedragen is None or overgedragen[0] is not fabriek:
        return None
    _OVERDRACHT.sessie = None
    return overgedragen[1]


UITKOMST = {
    Verboden: "geweigerd",
    NietAangemeld: "geweigerd",
    TeVaak: "geweigerd",
    NietGevonden: "niet_gevonden",
    Conflict: "conflict",
    InvoerFout: "ongeldig",
}


class Werkeenheid:
    def __init__(
        self, fabriek: sessionmaker[Session], actor: Actor | None, nu: Callable[[], datetime] = nu_utc
    ) -> None:
        self.fabriek = fabriek
        self.actor = actor
        self.nu = nu
        self.pogingen: list[Poging] = []
        self.sessie: Session

    def ingelogd(self) -> Actor:
        """The actor of a unit of work that requires one (every service call after the login check)."""
        assert self.actor is not None
        return self.actor

    def __enter__(self) -> Werkeenheid:
        self.sessie = _neem_over(self.fabriek) or self.fabriek()  # the first unit continues the token check's
        return self

    def log(
        self,
        actie: str,
        objecttype: str | None = None,
        object_id: int | None = None,
        client_id: int | None = None,
        details: str | None = None,
        bron: tuple[str, int] | None = None,
    ) -> Poging:
        """Record an action on (client) data; call before doing it, update object_id/client_id once known.
        A line without client_id gets the client of its object (or of `bron`) when the lines are written."""
        p = Poging(actie, objecttype, object_id, client_id, details, bron)
        self.pogingen.append(p)
        return p

    def _vul_clienten(self, sessie: Session) -> None:
        for p in self.pogingen:
            if p.client_id is not None:
                continue
            for soort, nummer in ((p.objecttype, p.object_id), p.bron or (None, None)):
                if soort is None or nummer is None or not 1 <= nummer <= MAX_ID:
                    continue
                if soort == "client":
                    p.client_id = sessie.scalar(select(Client.id).where(Client.id == nummer))
                elif soort in _MET_CLIENT:
                    tabel = _MET_CLIENT[soort]
                    p.client_id = sessie.scalar(select(tabel.client_id).where(tabel.id == nummer))
                if p.client_id is not None:
                    break

    def _regels(self, uitkomst: str, melding: str | None = None, sessie: Session | None = None) -> list[dict[str, Any]]:
        self._vul_clienten(sessie or self.sessie)
        a = self.actor
        tijd = self.nu()
        wie = {
            "tijdstip": tijd,
            "gebruiker_id": a.gebruiker_id if a else None,
            "gebruikersnaam": a.gebruikersnaam if a else None,
            "organisatie_id": a.organisatie_id if a else None,
            "rol": a.rol if a else None,
            "uitkomst": uitkomst,
        }
        return [
            {
                **wie,
                "actie": p.actie,
                "objecttype": p.objecttype,
                "object_id": p.object_id,
                "client_id": p.client_id,
                "details": "; ".join(x for x in (p.details, melding) if x) or None,
            }
            for p in self.pogingen
        ]

    def _schrijf(self, sessie: Session, uitkomst: str, melding: str | None = None) -> None:
        """All audit lines of this unit in one statement (executemany), in the transaction of `sessie`."""
        if self.pogingen:
            schrijf_auditregels(sessie.connection(), self._regels(uitkomst, melding, sessie))

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if fout is None:
                try:
                    if alleen_gelezen(self.sessie):
                        if self.pogingen:
                            groep = groepscommit(self.fabriek)
                            regels = self._regels("toegestaan")
                            self.sessie.close()  # its connection back to the pool before the wait
                            uitstel: list[tuple[Groepscommit, _Opdracht]] | None = getattr(_UITSTEL, "opdrachten", None)
                            if uitstel is None:
                                groep.schrijf(regels)
                            else:
                                uitstel.append((groep, groep.plaats(regels)))
                        return
                    self.sessie.flush()  # the service's own changes first: a concurrent change shows up here
                    self._schrijf(self.sessie, "toegestaan")
                    self.sessie.commit()
                except StaleDataError:
                    self.sessie.rollback()
                    self._schrijf_los("conflict", "gelijktijdige wijziging")
                    raise Conflict("het record is intussen door iemand anders gewijzigd; laad het opnieuw") from None
                return
            self.sessie.rollback()
            if isinstance(fout, StaleDataError):
                self._schrijf_los("conflict", "gelijktijdige wijziging")
                raise Conflict("het record is intussen door iemand anders gewijzigd; laad het opnieuw") from None
            uitkomst = next((u for t, u in UITKOMST.items() if isinstance(fout, t)), "fout")
            self._schrijf_los(uitkomst, fout.__class__.__name__ if uitkomst == "fout" else None)
        finally:
            self.sessie.close()

    def _schrijf_los(self, uitkomst: str, melding: str | None) -> None:
        if not self.pogingen:
            return
        with self.fabriek() as s:
            self._schrijf(s, uitkomst, melding)
            s.commit()
