"""The API's contract in its OpenAPI: the `fouten` model for every error status, the request models of the routes
(a body is read with `ontvang` and refused by the service itself, inside its audited unit of work, with the same
Dutch messages as the web and the CLI), the media types of raw bodies and the links between the main resources.

(No `from __future__ import annotations` here: FastAPI reads these models at run time.)
"""

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar

from fastapi import Body, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from zorgzwaarte.api.wegwijzer import openapi_routes
from zorgzwaarte.diensten.invoer import Ontvangen, ontvang

REF = "#/components/schemas/{model}"


class Fout(BaseModel):
    model_config = ConfigDict(extra="forbid")
    veld: str = Field(description="het veld zoals de gebruiker het ziet, bijvoorbeeld `bsn` of `invoer.peildatum`")
    melding: str = Field(description="wat er mis is, in het Nederlands")


class Fouten(BaseModel):
    """Elke fout van de API: één of meer meldingen, elk bij het veld waar zij over gaat."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"example": {"fouten": [{"veld": "bsn", "melding": "is verplicht"}]}}
    )
    fouten: list[Fout]


FOUTSTATUSSEN: dict[int, str] = {
    401: "Niet aangemeld of het token is verlopen (header `WWW-Authenticate: Bearer`)",
    403: "Uw rol mag deze handeling niet doen",
    404: "Niet gevonden, of niet zichtbaar voor uw organisatie (het bestaan lekt niet)",
    409: "Conflict: een ander wijzigde het record eerst (stuur de gelezen `versie`), of de toestand staat het niet toe",
    413: "Het verzoek is te groot",
    422: "Ongeldige invoer: elke fout met haar veld; er is niets opgeslagen",
    429: "Te veel verzoeken; probeer het na `Retry-After` seconden opnieuw",
    503: "De database is even niet bereikbaar; probeer het na `Retry-After` seconden opnieuw",
}
ALTIJD = (422, 503)  # any operation: invalid input (also a NUL in the address), the database away
ZONDER_DATABASE = (422,)  # an operation that reads no database (the public GraphQL schema, /gezondheid): no 503
WIJZIGT = (409,)  # an operation that writes a record with a version or a unique key


def fouten(*statussen: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` of a route: each status with the fouten model and its meaning in Dutch."""
    return {s: {"model": Fouten, "description": FOUTSTATUSSEN[s]} for s in statussen}


_MODELLEN: dict[str, type[BaseModel]] = {}


def invoer(model: type[BaseModel], beschrijving: str | None = None) -> dict[str, Any]:
    """`openapi_extra=` of a route whose JSON body the service validates against `model`."""
    _MODELLEN[model.__name__] = model
    body: dict[str, Any] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}},
    }
    if beschrijving:
        body["description"] = beschrijving
    return {"requestBody": body}


if TYPE_CHECKING:
    M = TypeVar("M", bound=BaseModel)
    JsonInvoer: TypeAlias = Ontvangen[M]
else:

    class JsonInvoer:
        """`invoer: JsonInvoer[Model]` in a route: the JSON body read with `ontvang(Model, ...)` (the model, or its
        refusal for the service to raise after its own checks; never a FastAPI validation error), documented as
        `requestBody` with `Model` among the components."""

        def __class_getitem__(cls, model: type[BaseModel]) -> Any:
            _MODELLEN[model.__name__] = model
            schema = {"$ref": REF.format(model=model.__name__)}
            return Annotated[Any, Body(json_schema_extra=schema), AfterValidator(partial(ontvang, model))]


def ruwe_invoer(media_type: str, beschrijving: str) -> dict[str, Any]:
    """`openapi_extra=` of a route that reads its body as it is (an XML message, a CSV table)."""
    schema = {"type": "string", "format": "binary" if "xml" in media_type else "string"}
    return {"requestBody": {"required": True, "description": beschrijving, "content": {media_type: {"schema": schema}}}}


def link(operatie: str, beschrijving: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link: the next operation, its parameters taken from this response's body."""
    return {
        "operationId": operatie,
        "description": beschrijving,
        "parameters": {naam: f"$response.body#/{veld}" for naam, veld in parameters.items()},
    }


def met_links(status: int, **links: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {status: {"links": links}}


def _aanroepen(dependant: Dependant) -> Iterator[Any]:
    """Every callable a route depends on, its sub-dependencies included."""
    for d in dependant.dependencies:
        yield d.call
        yield from _aanroepen(d)


def statussen(route: APIRoute, aanmelding: tuple[Any, ...], iedere_rol: Any) -> list[int]:
    """The error statuses a route's declaration implies (besides 422 and 503, which any operation can give):
    401 when it depends on the login (one of `aanmelding`, the bearer schemes); 403 when it also checks the role,
    i.e. not when it depends on `iedere_rol` (any signed-in role may call it); 404 for a record id in the path
    (`..._id`); 413 for a body. 409 (a version or unique key) and 429 (throttled sign-in) a route declares itself."""
    aanroepen = set(_aanroepen(route.dependant))
    uit = []
    if any(a in aanroepen for a in aanmelding):
        uit.append(401)
        if iedere_rol not in aanroepen:
            uit.append(403)
    if any(p.name.endswith("_id") for p in route.dependant.path_params):
        uit.append(404)
    if route.body_field is not None or "requestBody" in (route.openapi_extra or {}):
        uit.append(413)
    return uit


def vul_aan(routes: list[Any], aanmelding: tuple[Any, ...], iedere_rol: Any) -> None:
    """Per route, the statuses its declaration implies (`statussen`)."""
    for route in routes:
        onder = getattr(route, "original_router", None)  # an included router (FastAPI includes lazily)
        if onder is not None:
            vul_aan(onder.routes, aanmelding, iedere_rol)
        if not isinstance(route, APIRoute):
            continue
        for s, antwoord in fouten(*statussen(route, aanmelding, iedere_rol)).items():
            route.responses.setdefault(s, antwoord)


def installeer_openapi(app: FastAPI) -> None:
    """/openapi.json with the request models that routes declare through `invoer` among the components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=openapi_routes(app.routes),
            separate_input_output_schemas=False,
        )
        if _MODELLEN:
            _, extra = models_json_schema([(m, "validation") for m in _MODELLEN.values()], ref_template=REF)
            componenten = schema.setdefault("components", {}).setdefault("schemas", {})
            for naam, definitie in extra.get("$defs", {}).items():
                componenten.setdefault(naam, definitie)
        fout_ref = {"$ref": REF.format(model="Fouten")}
        for pad in schema.get("paths", {}).values():
            for operatie in pad.values():
                for antwoord in operatie.get("responses", {}).values():
                    inhoud = antwoord.get("content") or {}
                    if any(v.get("schema") == fout_ref for v in inhoud.values()):  # errors are JSON on every route
                        antwoord["content"] = {"application/json": {"schema": fout_ref}}
                for inhoud in operatie.get("requestBody", {}).get("content", {}).values():
                    s = inhoud.get("schema", {})
                    if "$ref" in s:  # the declared model, not the raw parameter's title beside it
                        inhoud["schema"] = {"$ref": s["$ref"]}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
