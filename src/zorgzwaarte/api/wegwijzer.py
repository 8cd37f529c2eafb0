"""The route index of the API: a request under /api/v1 finds its route by the shape of its address.

FastAPI walks the routes of an app one by one, asking each whether the address fits (a regular expression per
route), and an included router is walked twice (once to match, once to handle): some 100 routes for a request to
the API. `Wegwijzer` is one Starlette route in the app's list in place of the API routers. It knows each API route
by the segments of its path (how many, and which are fixed words) and asks only the routes whose fixed words are
in the address, in their original order, so the answer is the one the walk would have given:

- the first route that fits address and method handles the request (`Match.FULL`);
- else the first that fits the address with another method (`Match.PARTIAL`: FastAPI answers 405 when no later
  route fits), else none (the app goes on to the web pages; 404 when nothing fits).

The routes are ordinary `APIRoute`s with their full path (routers made with `prefix=`): each handles its request
itself, as Starlette routes do. The OpenAPI document is made from the same routers included the usual way
(`include_router`, in the same order: `openapi_routes`), so it stays as FastAPI makes it
(tests/api/test_wegwijzer.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute
from starlette._utils import get_route_path  # the path as Starlette's routes match it (FastAPI imports it too)
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

GEKOZEN = "zorgzwaarte.route"  # the scope key with the route the index chose (read back in `handle`)

# (route, its fixed words as (segment number, word)); a route with a {x:path} parameter spans any number of segments
Kandidaat = tuple[APIRoute, tuple[tuple[int, str], ...]]


def _segmenten(pad: str) -> tuple[int | None, tuple[tuple[int, str], ...]]:
    """(number of segments or None for any number, the fixed words) of a route's path."""
    delen = pad.split("/")
    if any(":path}" in d for d in delen):
        return None, ()
    return len(delen), tuple((i, d) for i, d in enumerate(delen) if "{" not in d)


class Wegwijzer(BaseRoute):
    """One route standing for the routes of `routers` (all under `prefix`), found by the shape of the address."""

    def __init__(self, prefix: str, routers: Sequence[APIRouter]) -> None:
        self.prefix = prefix.rstrip("/") + "/"
        self.routers = list(routers)
        self._routes: list[APIRoute] = []
        for router in self.routers:
            for route in router.routes:
                if not isinstance(route, APIRoute) or not route.path.startswith(self.prefix):
                    raise TypeError(f"alleen API-routes onder {self.prefix} (met prefix= in hun router): {route!r}")
                self._routes.append(route)
        vormen = [(route, *_segmenten(route.path)) for route in self._routes]
        aantallen = {n for _, n, _ in vormen if n is not None}
        # per number of segments the routes that can have it, in their order; routes of any length in every list
        self._per_aantal: dict[int, list[Kandidaat]] = {
            a: [(r, woorden) for r, n, woorden in vormen if n in (a, None)] for a in aantallen
        }
        self._vrij: list[Kandidaat] = [(r, ()) for r, n, _ in vormen if n is None]
        self._documentatie = APIRouter()
        for router in self.routers:
            self._documentatie.include_router(router)

    @property
    def routes(self) -> list[BaseRoute]:
        """The routers as FastAPI includes them (for the OpenAPI document)."""
        return list(self._documentatie.routes)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http":
            return Match.NONE, {}
        pad = get_route_path(scope)
        if not pad.startswith(self.prefix):
            return Match.NONE, {}
        delen = pad.split("/")
        gedeeltelijk: Scope | None = None
        for route, woorden in self._per_aantal.get(len(delen), self._vrij):
            for i, woord in woorden:
                if delen[i] != woord:
                    break
            else:
                match, kind = route.matches(scope)
                if match is Match.FULL:
                    return Match.FULL, {**kind, GEKOZEN: route}
                if match is Match.PARTIAL and gedeeltelijk is None:
                    gedeeltelijk = {**kind, GEKOZEN: route}
        if gedeeltelijk is not None:
            return Match.PARTIAL, gedeeltelijk
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        route: APIRoute = scope[GEKOZEN]
        await route.handle(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        for route in self._routes:
            try:
                return route.url_path_for(name, **path_params)
            except NoMatchFound:
                pass
        raise NoMatchFound(name, path_params)


def openapi_routes(routes: Iterable[BaseRoute]) -> list[BaseRoute]:
    """The app's routes for its OpenAPI document: each `Wegwijzer` replaced by the routes it stands for."""
    return [r for route in routes for r in (route.routes if isinstance(route, Wegwijzer) else [route])]
