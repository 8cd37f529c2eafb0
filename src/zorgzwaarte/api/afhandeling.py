"""The request handler of an API route, with FastAPI's per-request work done once where the route allows it.

FastAPI's handler (`fastapi.routing.get_request_handler`) walks the route's dependency graph on every request
(`solve_dependencies`): per dependency a cache key, checks whether it is a generator, a coroutine or a security
scheme, a recursive solve of its own (empty) parameters; for every route it builds a `Response` for dependencies
to set headers on, parses the `Cookie` header and wraps the headers and the query string in new objects to look
for parameters the route does not have, and parses the `Content-Type` with the e-mail package. Which of this a
route needs is known when the route is made. `SnelleRoute` (the route class of the API) looks at its route once
and, when the route has the usual shape (below), answers a request with only the steps that route needs, each one
by FastAPI's own function, so the values, the errors and the answer are FastAPI's:

- the login dependencies (async, taking only the request: `Aanmeldschema`, `OAuth2PasswordBearer`), awaited in
  the route's order; what they raise (401) is raised as FastAPI would, before any parameter is looked at;
- path and query parameters by FastAPI's `request_params_to_args`, only the kinds the route has;
- a JSON body (`JsonInvoer`) by FastAPI's `request_body_to_args`, from the JSON the guard (api/beveiliging.py)
  already parsed from these bytes (one parse per request instead of two; `json.loads` of the same UTF-8 bytes);
- the endpoint (api/eendraad.py: one hop to a worker thread) and its answer by FastAPI's `serialize_response`.

Anything else goes to FastAPI's own handler for that request, unchanged: a request with invalid parameters (so the
422 lists the errors exactly as FastAPI does), a body whose `Content-Type` is not exactly `application/json`, a
form, dependency overrides. A route of another shape (a dependency with parameters of its own, a header or cookie
parameter, a streamed answer) always uses FastAPI's handler. The OpenAPI document does not change: it is made from
the route's declaration, which is FastAPI's (tests/api/test_afhandeling.py compares both handlers answer for
answer).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping, Sequence
from copy import deepcopy
from inspect import iscoroutinefunction
from typing import Any

from fastapi._compat import ModelField
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_body_to_args, request_params_to_args
from fastapi.params import Form, Param
from fastapi.responses import Response
from fastapi.routing import serialize_response
from fastapi.utils import is_body_allowed_for_status_code
from starlette.requests import Request

from zorgzwaarte.api.beveiliging import GELEZEN_JSON
from zorgzwaarte.api.eendraad import EenDraadRoute

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
JSON = "application/json"
_ONGELDIG = object()  # a parameter FastAPI's handler must answer (missing, or not valid): its 422 is FastAPI's


class Parameters:
    """The path or query parameters of a route. A plain one (one name, a single value: an id, a page number, a
    search text) is read and validated the way FastAPI's `request_params_to_args` does it for such a parameter (its
    value by its alias, `ModelField.validate` with the same location, else its default), without re-deriving per
    request what kind of parameter it is; any other kind goes through `request_params_to_args` itself."""

    def __init__(self, velden: Sequence[ModelField]) -> None:
        self.velden = list(velden)
        self.eenvoudig = [self._eenvoudig(v) for v in self.velden]
        self.alle_eenvoudig = all(e is not None for e in self.eenvoudig)

    @staticmethod
    def _eenvoudig(veld: ModelField) -> tuple[str, tuple[str, str]] | None:
        info = veld.field_info
        if not isinstance(info, Param) or info.validation_alias is not None:
            return None
        soort = info.annotation
        if soort not in (int, str, bool, int | None, str | None, bool | None) or _param_model(veld):
            return None
        return veld.alias, (info.in_.value, veld.alias)

    def lees(self, bron: Mapping[str, Any]) -> dict[str, Any] | object:
        """{name: value} of every parameter, or _ONGELDIG when FastAPI's handler must answer (it reports the 422)."""
        if not self.alle_eenvoudig:
            gevonden, fouten = request_params_to_args(self.velden, bron)
            return _ONGELDIG if fouten else gevonden
        waarden: dict[str, Any] = {}
        for veld, eenvoudig in zip(self.velden, self.eenvoudig, strict=True):
            assert eenvoudig is not None
            alias, plek = eenvoudig
            waarde = bron.get(alias)
            if waarde is None:
                if veld.field_info.is_required() or veld.field_info.validate_default:
                    return _ONGELDIG
                waarden[veld.name] = deepcopy(veld.default)
                continue
            waarde, fouten = veld.validate(waarde, {}, loc=plek)
            if fouten:
                return _ONGELDIG
            waarden[veld.name] = waarde
        return waarden


def _param_model(veld: ModelField) -> bool:
    from fastapi.dependencies.utils import _get_param_model  # FastAPI's own test of a parameter model

    return _get_param_model(veld) is not None


def _aanmelding_zonder_meer(dependant: Dependant) -> bool:
    """A dependency FastAPI would only await with the request: async, no parameters or dependencies of its own."""
    return (
        dependant.call is not None
        and dependant.name is not None
        and (iscoroutinefunction(dependant.call) or iscoroutinefunction(type(dependant.call).__call__))
        and not dependant.dependencies
        and not (dependant.path_params or dependant.query_params or dependant.header_params)
        and not (dependant.cookie_params or dependant.body_params)
        and dependant.http_connection_param_name is None
        and dependant.websocket_param_name is None
        and dependant.background_tasks_param_name is None
        and dependant.response_param_name is None
        and dependant.security_scopes_param_name is None
    )


def _geschikt(route: SnelleRoute) -> bool:
    """The route has the usual shape of an API route (module docstring)."""
    d = route.dependant
    calls = [s.call for s in d.dependencies]
    return (
        iscoroutinefunction(d.call)
        and all(_aanmelding_zonder_meer(s) for s in d.dependencies)
        and len(set(map(id, calls))) == len(calls)  # each once: FastAPI's per-request cache has nothing to share
        and not (d.header_params or d.cookie_params)
        and d.http_connection_param_name is None
        and d.websocket_param_name is None
        and d.background_tasks_param_name is None
        and d.response_param_name is None
        and d.security_scopes_param_name is None
        and not route.is_json_stream
        and route.stream_item_field is None
        and not (route.body_field is not None and isinstance(route.body_field.field_info, Form))
    )


class SnelleRoute(EenDraadRoute):
    """An API route (api/eendraad.py: one thread hop) whose request handler does only the steps it needs."""

    def get_route_handler(self) -> Handler:
        volledig = super().get_route_handler()
        if not _geschikt(self):
            return volledig
        return _snelle_handler(self, volledig)


def _snelle_handler(route: SnelleRoute, volledig: Handler) -> Handler:
    """The handler of a route of the usual shape; `volledig` (FastAPI's) for any request it does not take."""
    dependant = route.dependant
    endpoint = dependant.call
    assert endpoint is not None
    aanmeldingen = [(s.name or "", s.call, s.request_param_name) for s in dependant.dependencies]
    pad = Parameters(dependant.path_params) if dependant.path_params else None
    vraag = Parameters(dependant.query_params) if dependant.query_params else None
    body_velden, inbedden = dependant.body_params, route._embed_body_fields
    request_naam = dependant.request_param_name
    overrides = route.dependency_overrides_provider
    status_code = route.status_code
    response_field = route.response_field
    response_class = route.response_class
    dump_json = response_field is not None and isinstance(response_class, DefaultPlaceholder)
    klasse: type[Response] = response_class.value if isinstance(response_class, DefaultPlaceholder) else response_class
    antwoord_args: dict[str, Any] = {"background": None}
    if status_code:
        antwoord_args["status_code"] = status_code

    async def handler(request: Request) -> Response:
        if overrides is not None and getattr(overrides, "dependency_overrides", None):
            return await volledig(request)
        body: Any = None
        if body_velden:
            body = await _json_body(request)
            if body is None:  # not the plain JSON case: FastAPI reads it (nothing has been done yet)
                return await volledig(request)
        waarden: dict[str, Any] = {}
        for naam, call, request_param in aanmeldingen:  # FastAPI solves the dependencies first, in this order
            assert call is not None
            waarden[naam] = await (call(**{request_param: request}) if request_param else call())
        for parameters, bron in ((pad, request.path_params), (vraag, request.query_params if vraag else None)):
            if parameters is not None:
                gevonden = parameters.lees(bron or {})
                if not isinstance(gevonden, dict):
                    return await volledig(request)
                waarden.update(gevonden)
        if body_velden:
            gevonden, fouten = await request_body_to_args(
                body_fields=body_velden,
                received_body=body,
                embed_body_fields=inbedden,
            )
            if fouten:
                return await volledig(request)
            waarden.update(gevonden)
        if request_naam:
            waarden[request_naam] = request
        uitkomst = await endpoint(**waarden)
        if isinstance(uitkomst, Response):
            return uitkomst
        inhoud = await serialize_response(
            field=response_field,
            response_content=uitkomst,
            include=route.response_model_include,
            exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias,
            exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none,
            is_coroutine=True,
            dump_json=dump_json,
        )
        antwoord = (
            Response(content=inhoud, media_type=JSON, **antwoord_args) if dump_json else klasse(inhoud, **antwoord_args)
        )
        if not is_body_allowed_for_status_code(antwoord.status_code):
            antwoord.body = b""
        return antwoord

    return handler


async def _json_body(request: Request) -> Any:
    """The JSON value of the body as FastAPI would read it (`json.loads` of the bytes), when the guard parsed these
    very bytes already (a body that is not empty) and the `Content-Type` is exactly `application/json`; None for any
    other case (FastAPI's handler reads it then)."""
    gelezen = request.scope.get(GELEZEN_JSON)
    if gelezen is None or request.headers.get("content-type") != JSON:
        return None
    inhoud = await request.body()
    bytes_, waarde = gelezen
    return waarde if inhoud and bytes_ == inhoud else None
