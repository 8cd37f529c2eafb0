"""The read cache: the answer of a read service kept per process, for as long as the data did not change.

Key: (service, its arguments, the actor — gebruiker_id, rol, organisatie_id, the organisation's regio and the rest
of the frozen `Actor` —, the Dutch calendar day of the unit's clock, the regelsets' content fingerprint for a
service that computes with the rules, the gegevensversie). The gegevensversie (opslag/gegevensversie.py) is raised
by database triggers on every write of every table except the audit log, also by another worker process, another
host or raw SQL; it is read first in the unit of work, so a cached answer is never older than its key. When a unit
reads another version than the cache holds, the cache of that database is emptied (LRU, at most `grootte()`
answers per database and process; `ZORGZWAARTE_LEESCACHE`, 0 switches it off).

What stays the same on a hit:
- the audit lines: the attempts (`Poging`) the service logged are kept with the answer and logged again on the
  unit of work, so every answer has its own line (NEN 7513), with the same content;
- refusals: only successful answers are kept; a refused, missing or invalid read raises again every time. Whom the
  service lets read what depends only on the actor and the data, both in the key, so one actor never gets the
  answer of another (not even of a colleague with the same role and organisation).

Not cached: a unit that wrote (or writes within the service): its own uncommitted changes would be kept under a
version that a rollback gives back to another write. The cached answer is shared by the units that hit it: callers
read it (serialise it, `model_dump`) and never change it.

Its serialised forms are kept with it (`Leesantwoord.vormen`): a caller that follows the call (`volg`) learns which
kept answer it got and makes its bytes once (`Spoor.vorm`, e.g. the API's JSON of a route); every later hit gets
those bytes, not the object to serialise again. They live and go with the answer (same key, same version).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import date
from functools import cache, wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.omgeving import positief_getal
from zorgzwaarte.diensten.werkeenheid import Poging, Werkeenheid, alleen_gelezen, vandaag_nl
from zorgzwaarte.opslag.gegevensversie import gegevensversie
from zorgzwaarte.regels.regelset import parameters, regelsets

P = ParamSpec("P")
T = TypeVar("T")


class Leesantwoord:
    """One kept answer: the service's answer, the audit attempts it logged, and its serialised forms by the key of
    whoever made them (see `Spoor.vorm`)."""

    __slots__ = ("antwoord", "pogingen", "vormen")

    def __init__(self, antwoord: Any, pogingen: tuple[Poging, ...]) -> None:
        self.antwoord, self.pogingen = antwoord, pogingen
        self.vormen: dict[Hashable, bytes] = {}


class Spoor:
    """What the read cache gave during one call (`volg`): the last kept answer a service returned, hit or stored."""

    __slots__ = ("laatste",)

    def __init__(self) -> None:
        self.laatste: Leesantwoord | None = None

    def vorm(self, uitkomst: Any, sleutel: Hashable, maak: Callable[[Any], bytes]) -> bytes | None:
        """The bytes `maak` makes of `uitkomst` when it is the kept answer itself (the same object), made once per
        `sleutel` and kept with the answer; None for any other object (not kept, or built from it)."""
        kept = self.laatste
        if kept is None or kept.antwoord is not uitkomst:
            return None
        vorm = kept.vormen.get(sleutel)
        if vorm is None:
            vorm = kept.vormen[sleutel] = maak(uitkomst)
        return vorm


_SPOOR: ContextVar[Spoor | None] = ContextVar("leescache_spoor", default=None)


def geleverd(antwoord: Leesantwoord) -> None:
    """Tell whoever follows this call (`volg`) that a service returns this kept answer."""
    spoor = _SPOOR.get()
    if spoor is not None:
        spoor.laatste = antwoord


@contextmanager
def volg() -> Iterator[Spoor]:
    """Follow the read cache during the block (in this thread): which kept answer the services returned."""
    spoor = Spoor()
    token = _SPOOR.set(spoor)
    try:
        yield spoor
    finally:
        _SPOOR.reset(token)


def grootte() -> int:
    """Answers kept per database and process: $ZORGZWAARTE_LEESCACHE (0 switches the cache off), else 1024."""
    if os.environ.get("ZORGZWAARTE_LEESCACHE", "").strip() == "0":
        return 0
    return positief_getal("ZORGZWAARTE_LEESCACHE", 1024)


class Leescache:
    """The answers of one database in this process, all of one gegevensversie."""

    def __init__(self, grootte: int) -> None:
        self.grootte = grootte
        self.versie: int | None = None
        self._antwoorden: OrderedDict[Hashable, Leesantwoord] = OrderedDict()
        self._slot = threading.Lock()
        self.treffers = self.missers = 0

    def _bij(self, versie: int) -> bool:
        """Move to `versie` (emptied when it differs); False for a unit that read an older version than a unit
        that already moved the cache on (it neither reads nor stores: its key is behind)."""
        if self.versie is None or versie > self.versie:
            self._antwoorden.clear()
            self.versie = versie
        elif versie < self.versie:
            return False
        return True

    def geef(self, versie: int, sleutel: Hashable) -> Leesantwoord | None:
        with self._slot:
            if not self._bij(versie):
                return None
            antwoord = self._antwoorden.get(sleutel)
            if antwoord is None:
                self.missers += 1
                return None
            self._antwoorden.move_to_end(sleutel)
            self.treffers += 1
            return antwoord

    def bewaar(self, versie: int, sleutel: Hashable, antwoord: Leesantwoord) -> None:
        with self._slot:
            if not self._bij(versie):
                return
            self._antwoorden[sleutel] = antwoord
            while len(self._antwoorden) > self.grootte:
                self._antwoorden.popitem(last=False)

    def leeg(self) -> None:
        """Forget every answer (the next read of each runs the service again)."""
        with self._slot:
            self._antwoorden.clear()

    def __len__(self) -> int:
        return len(self._antwoorden)


_CACHES: weakref.WeakKeyDictionary[Engine, Leescache] = weakref.WeakKeyDictionary()
_CACHES_SLOT = threading.Lock()


def leescache_van(bron: Engine | sessionmaker[Session]) -> Leescache:
    """The read cache of a database (its engine, or a session factory bound to it) in this process."""
    engine = bron if isinstance(bron, Engine) else bron.kw["bind"]
    c = _CACHES.get(engine)
    if c is None:
        with _CACHES_SLOT:
            c = _CACHES.setdefault(engine, Leescache(grootte()))
    return c


def regelsets_kenmerk(onderwerp: str = "indicatie") -> str:
    """Fingerprint of the content of the onderwerp's regelsets (those the indicatie reads, as its receipt says):
    each definition and every dated value (with its bron) of every parameter file they read. Fixed for the life of
    the process (the files are read once, by the regelsets themselves); computed by the worker's warm-up
    (diensten/opwarmen.py), before the first request."""
    return _regelsets_kenmerk(onderwerp)


@cache
def _regelsets_kenmerk(onderwerp: str) -> str:  # one entry per onderwerp, with or without the default argument
    h = hashlib.sha256()
    gelezen: set[str] = set()
    for r in regelsets(onderwerp):
        h.update(json.dumps(r.definitie, sort_keys=True, default=str).encode())
        for b in r.bestanden:
            if b not in gelezen:
                gelezen.add(b)
                h.update(f"{b}\n".encode())
                h.update("\n".join(f"{pad}={p!r}" for pad, p in sorted(parameters(b).items())).encode())
    return h.hexdigest()[:16]


def _geen_extra() -> Hashable:
    return None


def leescache(
    naam: str, extra: Callable[[], Hashable] = _geen_extra
) -> Callable[[Callable[Concatenate[Werkeenheid, P], T]], Callable[Concatenate[Werkeenheid, P], T]]:
    """Serve the read service `naam` from the read cache (see the module). `extra` adds to the key what else the
    answer depends on (`regelsets_kenmerk` for a service that computes with the rules). The service without the
    cache stays reachable as `.__wrapped__`."""

    def omhul(dienst: Callable[Concatenate[Werkeenheid, P], T]) -> Callable[Concatenate[Werkeenheid, P], T]:
        @wraps(dienst)
        def met_cache(uow: Werkeenheid, *args: P.args, **kwargs: P.kwargs) -> T:
            cache_ = leescache_van(uow.fabriek)
            if uow.actor is None or cache_.grootte == 0 or not alleen_gelezen(uow.sessie):
                return dienst(uow, *args, **kwargs)
            versie = gegevensversie(uow.sessie)  # first, before the data (opslag/gegevensversie.py)
            dag: date = vandaag_nl(uow.nu())
            sleutel = (naam, args, tuple(sorted(kwargs.items())), uow.actor, dag, extra())
            bekend = cache_.geef(versie, sleutel)
            if bekend is not None:
                uow.pogingen.extend(replace(p) for p in bekend.pogingen)
                geleverd(bekend)
                return bekend.antwoord  # type: ignore[no-any-return]
            eerder = len(uow.pogingen)
            antwoord = dienst(uow, *args, **kwargs)
            if alleen_gelezen(uow.sessie):
                nieuw = Leesantwoord(antwoord, tuple(replace(p) for p in uow.pogingen[eerder:]))
                cache_.bewaar(versie, sleutel, nieuw)
                geleverd(nieuw)
            return antwoord

        return met_cache  # type: ignore[return-value]  # functools.wraps's type hides the parameters

    return omhul
