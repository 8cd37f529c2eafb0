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

The order of refusals stays: no token 401 (in the dependency, before anything is validated), a token that is
wrong or expired 401 also when the request is invalid as well (the API's 422 handler checks the token first,
`Aanmelding.van`), then 422, then what the service says (403, 404, 409).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from inspect import iscoroutinefunction
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from zorgzwaarte.diensten.auth import actor_voor_token
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import draag_over, sluit_overdracht


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


def _roep(functie: Callable[..., Any], argumenten: dict[str, Any]) -> Any:
    """A sync route in this worker thread: the token check's session is continued by the route's first unit of
    work (one connection, one statement for token and data version), and closed here if none took it."""
    try:
        return functie(**_met_actor(argumenten, overdragen=True))
    finally:
        sluit_overdracht()


def in_een_draad(functie: Callable[..., Any]) -> Callable[..., Any]:
    """`functie` as an async endpoint with the same signature (FastAPI reads the wrapped one) that does its work,
    the token check included, in one worker thread."""
    if iscoroutinefunction(functie):

        @functools.wraps(functie)
        async def asynchroon(**argumenten: Any) -> Any:
            if any(isinstance(w, Aanmelding) for w in argumenten.values()):
                argumenten = await run_in_threadpool(_met_actor, argumenten)
            return await functie(**argumenten)

        return asynchroon

    @functools.wraps(functie)
    async def synchroon(**argumenten: Any) -> Any:
        return await run_in_threadpool(_roep, functie, argumenten)

    return synchroon


class EenDraadRoute(APIRoute):
    """An API route whose work, token check included, takes one hop to the thread pool (module docstring)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, in_een_draad(endpoint), **kwargs)
