"""One trip to a worker thread per request.

FastAPI runs every sync dependency, the sync endpoint and the validation of its answer each in the thread pool:
three hops (each tens of microseconds, more under load while the event loop and the threads pass the GIL around)
for a request that does one service call. Here the login dependency is async and only takes the bearer token
from the request (no database); the token is checked in the thread that runs the route, just before the route's
own work, so a request is one hop:

- `Aanmelding`: the token of a request, checked once (`actor()`) when first needed;
- `EenDraadRoute`: the route class of the API routers. It runs a sync endpoint, with its `Aanmelding` arguments
  replaced by the signed-in `Actor`, in one `run_in_threadpool`; FastAPI then sees an async endpoint and
  validates the answer in the event loop (no hop). An async endpoint gets its actor in one hop of its own.

A kept answer of the read cache (diensten/leescache.py) goes out as the bytes kept with it: the route serialises
it once, as FastAPI would (its response model, `by_alias`, `exclude_unset`, ...), in the worker thread; every hit
after that is a `Response` with those bytes, which FastAPI sends as it is (no validation, no serialisation, and the
shared answer object never leaves the thread).

A short read on SQLite (a route marked `in_de_lus`: one record, one client's records, one page, one computation)
does not take even that hop: its work runs in the event loop itself. A hop costs more than such a read (the event
loop, the worker threads and the group commit's thread pass the GIL to one another several times per request;
measured in docs/benchmarks.md), and an SQLite read is a function call that waits on no network. Nothing in the
event loop may wait for the write turn or a commit, though: a write that begins there raises `MoetInDraad`
(opslag/database.py `werk_in_de_lus`) as long as the request has left nothing behind (no audit line queued), and
the request starts over in a worker thread. That is how a session's last use (written once a minute) and the
audit line of a refusal are written. On PostgreSQL every read waits on the network, so every route takes its hop.

A read's audit lines are committed by the group commit's own thread (diensten/werkeenheid.py); the request waits
for that commit in the event loop (an asyncio future), not in its worker thread, and its answer leaves after it.

The order of refusals stays: no token 401 (in the dependency, before anything is validated), a token that is
wrong or expired 401 also when the request is invalid as well (the API's 422 handler checks the token first,
`Aanmelding.van`), then 422, then what the service says (403, 404, 409).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime
from inspect import iscoroutinefunction
from typing import Any, TypeVar

from fastapi.concurrency import run_in_threadpool
from fastapi.datastructures import DefaultPlaceholder
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import TypeAdapter
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from zorgzwaarte.diensten.auth import actor_voor_token
from zorgzwaarte.diensten.leescache import Spoor, volg
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Groepscommit, draag_over, sluit_overdracht, uitgesteld, wacht_op_audit
from zorgzwaarte.opslag.database import MoetInDraad, werk_in_de_lus


class Aanmelding:
    """The bearer token of one request; `actor()` checks it (one query, in the calling thread) the first time."""

    __slots__ = ("_actor", "fabriek", "nu", "request", "token")

    def __init__(self, request: Request, token: str, fabriek: sessionmaker[Session], nu: Callable[[], datetime]):
        self.request, self.token, self.fabriek, self.nu = request, token, fabriek, nu
        self._actor: Actor | None = None
        request.state.aanmelding = self

    def actor(self, overdragen: bool = False) -> Actor:
        """The signed-in user (NietAangemeld when the token is unknown, revoked or expired). Blocking: call it in a
        worker thread. With `overdragen` the session of the check (token and data version read in one statement)
        is handed to the first unit of work of this thread (diensten/werkeenheid.py `draag_over`); the caller
        closes it with `sluit_overdracht()` after the route's work."""
        if self._actor is None:
            sessie = self.fabriek()
            try:
                self._actor = actor_voor_token(sessie, self.token, self.nu)
            except BaseException:
                sessie.close()
                raise
            if overdragen:
                draag_over(self.fabriek, sessie)
            else:
                sessie.close()
            self.request.state.actor = self._actor
        return self._actor

    @staticmethod
    def van(request: Request) -> Aanmelding | None:
        """The request's token when the route depends on the login (set by the login dependency), else None."""
        gevonden = getattr(request.state, "aanmelding", None)
        return gevonden if isinstance(gevonden, Aanmelding) else None


def _met_actor(argumenten: dict[str, Any], overdragen: bool = False) -> dict[str, Any]:
    for naam, waarde in argumenten.items():
        if isinstance(waarde, Aanmelding):
            argumenten[naam] = waarde.actor(overdragen)
    return argumenten


Vorm = Callable[[Any, Spoor], Any]  # (the endpoint's answer, what the read cache gave) -> what FastAPI gets


Audit = list[tuple[Groepscommit, Any]]  # audit lines queued by the route's reads, awaited before the answer leaves


def _roep(
    functie: Callable[..., Any], argumenten: dict[str, Any], vorm: Vorm | None, lus: bool = False
) -> tuple[Any, Audit]:
    """A sync route in this worker thread: the token check's session is continued by the route's first unit of
    work (one connection, one statement for token and data version), and closed here if none took it. `vorm`
    turns the route's answer into what FastAPI gets (a kept answer of the read cache: its bytes). A read's audit
    lines are queued for the group commit without waiting for it (`uitgesteld`): the caller awaits them in the
    event loop, so the thread is free for the next request while the commit's fsync runs. With `lus` this is the
    event loop's thread: a write raises `MoetInDraad` while no audit line is queued yet (`werk_in_de_lus`)."""
    try:
        with uitgesteld() as audit, werk_in_de_lus(lambda: not audit) if lus else nullcontext():
            argumenten = _met_actor(argumenten, overdragen=True)
            if vorm is None:
                return functie(**argumenten), audit
            with volg() as spoor:
                uitkomst = functie(**argumenten)
            return vorm(uitkomst, spoor), audit
    finally:
        sluit_overdracht()


_IN_DE_LUS = "_zorgzwaarte_in_de_lus"
F = TypeVar("F", bound=Callable[..., Any])


def in_de_lus(functie: F) -> F:
    """Mark a sync endpoint as a short read: on SQLite its work runs in the event loop itself, not in a worker
    thread (module docstring). Only for work that is bounded (one record, one client's records, one page, one
    computation): the event loop serves nothing else meanwhile."""
    setattr(functie, _IN_DE_LUS, True)
    return functie


def _ingebed(argumenten: dict[str, Any]) -> bool:
    """Does this request's database live in this process (SQLite: a read is a function call, no network wait)?"""
    for waarde in argumenten.values():
        if isinstance(waarde, Aanmelding):
            bind = waarde.fabriek.kw.get("bind")
            return isinstance(bind, Engine) and bind.dialect.name == "sqlite"
    return False


def in_een_draad(functie: Callable[..., Any], vorm: Vorm | None = None) -> Callable[..., Any]:
    """`functie` as an async endpoint with the same signature (FastAPI reads the wrapped one) that does its work,
    the token check included, in one worker thread; `vorm` turns its answer into what FastAPI gets."""
    if iscoroutinefunction(functie):

        @functools.wraps(functie)
        async def asynchroon(**argumenten: Any) -> Any:
            if any(isinstance(w, Aanmelding) for w in argumenten.values()):
                argumenten = await run_in_threadpool(_met_actor, argumenten)
            return await functie(**argumenten)

        return asynchroon

    lus = getattr(functie, _IN_DE_LUS, False)

    @functools.wraps(functie)
    async def synchroon(**argumenten: Any) -> Any:
        if lus and _ingebed(argumenten):
            try:
                uitkomst, audit = _roep(functie, dict(argumenten), vorm, lus=True)
            except MoetInDraad:  # it would write first (a session's last use, a refusal's audit line)
                uitkomst, audit = await run_in_threadpool(_roep, functie, argumenten, vorm)
        else:
            uitkomst, audit = await run_in_threadpool(_roep, functie, argumenten, vorm)
        if audit:
            await wacht_op_audit(audit)  # the answer leaves only once its audit lines are committed
        return uitkomst

    return synchroon


class EenDraadRoute(APIRoute):
    """An API route whose work, token check included, takes one hop to the thread pool (module docstring)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        self._json: TypeAdapter[Any] | None = None
        self._vormsleutel = object()  # this route's bytes among a kept answer's forms (a route is not hashable)
        super().__init__(path, in_een_draad(endpoint, self._als_bewaard), **kwargs)

    def _als_bewaard(self, uitkomst: Any, spoor: Spoor) -> Any:
        """A kept answer of the read cache as a ready JSON `Response` (its bytes made once); any other answer as it
        is, for FastAPI to validate and serialise."""
        if self.response_model is None or not isinstance(self.response_class, DefaultPlaceholder):
            return uitkomst
        inhoud = spoor.vorm(uitkomst, self._vormsleutel, self.json)
        if inhoud is None:
            return uitkomst
        return Response(inhoud, status_code=self.status_code or 200, media_type="application/json")

    def json(self, uitkomst: Any) -> bytes:
        """The answer as FastAPI serialises it for this route: validated against the response model (from
        attributes), then dumped to JSON with the route's include/exclude/alias settings."""
        if self._json is None:
            self._json = TypeAdapter(self.response_model)
        waarde = self._json.validate_python(uitkomst, from_attributes=True)
        return self._json.dump_json(
            waarde,
            include=self.response_model_include,
            exclude=self.response_model_exclude,
            by_alias=self.response_model_by_alias,
            exclude_unset=self.response_model_exclude_unset,
            exclude_defaults=self.response_model_exclude_defaults,
            exclude_none=self.response_model_exclude_none,
        )
