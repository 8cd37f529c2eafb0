"""REST and GraphQL routes of the iWlz-netwerkmodel (docs/iwlz.md): the Indicatieregister (serve), the outbox
status for the beheerder (notify), ending a Wlz decision.

(No `from __future__ import annotations` here: FastAPI must see the real Annotated dependencies.)
"""

import contextlib
import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Body, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.api.openapi import ZONDER_DATABASE, fouten
from zorgzwaarte.diensten import register as reg
from zorgzwaarte.diensten.auth import actor_voor_token
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.grenzen import RecordId
from zorgzwaarte.domein.uitvoer import BesluitUit
from zorgzwaarte.domein.uitvoer_beheer import NotificatieStatus
from zorgzwaarte.fouten import DienstFout, InvoerFout, NietAangemeld, Verboden
from zorgzwaarte.iwlz.register import bedienen, instellingen
from zorgzwaarte.iwlz.register.schema import sdl
from zorgzwaarte.iwlz.register.sjablonen import Verzoek
from zorgzwaarte.iwlz.register.vertaling import wlzindicatie
from zorgzwaarte.iwlz.register.werk import verwerk_inbox

# record numbers in the address bounded like every other route (422, never a database overflow)
Id = RecordId


class GraphQLVerzoek(BaseModel):
    """A GraphQL request (GraphQL over HTTP): the query as text, its variables, optionally the operation's name."""

    model_config = ConfigDict(extra="allow")
    query: str = Field(description="QIR-0001 of QIR-0002")
    variables: dict[str, Any] | None = None
    operationName: str | None = None


class GraphQLFout(BaseModel):
    message: str
    extensions: dict[str, Any] | None = None


class GraphQLAntwoord(BaseModel):
    data: dict[str, Any] | None = None
    errors: list[GraphQLFout] | None = None


class Vervallen(BaseModel):
    vervaldatum: str = Field(description="JJJJ-MM-DD: de dag waarop de Wlz-indicatie vervalt")
    versie: int = Field(description="de versie van het besluit zoals u het las")


GRAPHQL_ANTWOORDEN: dict[int | str, dict[str, Any]] = {
    code: {
        "model": GraphQLAntwoord,
        "content": {bedienen.GRAPHQL_ANTWOORD: {"schema": {"$ref": "#/components/schemas/GraphQLAntwoord"}}},
        "description": omschrijving,
    }
    for code, omschrijving in (
        (200, "Antwoord met data (een lege lijst als de indicatie niet bestaat of niet voor u is)"),
        (400, "Verzoek onleesbaar of past niet op het schema"),
        (401, "Niet aangemeld"),
        (403, "Geen querysjabloon of niet uw eigen UZOVI-/AGB-code"),
    )
}


GRAPHQL_ROUTE: dict[str, Any] = {
    "tags": ["iWlz-netwerkmodel"],
    "response_model": None,
    "responses": GRAPHQL_ANTWOORDEN,
    "openapi_extra": {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": GraphQLVerzoek.model_json_schema()}},
        }
    },
}


def antwoord(a: bedienen.Antwoord, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(a.inhoud, status_code=a.status, media_type=a.media_type, headers=headers)


def niet_aangemeld(exc: NietAangemeld) -> JSONResponse:
    a = bedienen.fout(401, f"Niet aangemeld: {exc.melding}.", bedienen.GRAPHQL_ANTWOORD)
    return antwoord(a, {"WWW-Authenticate": "Bearer"})


async def json_body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except ValueError:
        return None


def maak_schema_router(prefix: str) -> APIRouter:
    """The Indicatieregister's public schema: text from the code, without login or database. Of the statuses every
    operation can give (`ALTIJD`) it documents only those it can: 422 (a NUL in the address), never 503."""
    router = APIRouter(
        prefix=prefix, responses=fouten(*ZONDER_DATABASE), generate_unique_id_function=lambda route: route.name
    )

    @router.get("/iwlz/indicatieregister/schema.graphql", tags=["iWlz-netwerkmodel"], response_class=PlainTextResponse)
    def indicatieregister_schema() -> PlainTextResponse:
        """Het GraphQL-schema (SDL) van het Indicatieregister van dit systeem."""
        return PlainTextResponse(sdl(), media_type="text/plain; charset=utf-8")

    return router


def voeg_register_routes_toe(
    router: APIRouter,
    fabriek: sessionmaker[Session],
    nu: Callable[[], datetime],
    actor: Callable[..., Any],
    token: Any,
) -> None:
    """Add the routes to the API's `router` (its prefix, route class and statuses). `actor` is the API's login
    dependency; the routes check its token in their own worker thread (EenDraadRoute)."""
    Wie = Annotated[Actor, Depends(actor)]

    def doe(wie: Actor | None, functie: Callable[..., Any], *args: Any) -> Any:
        with Werkeenheid(fabriek, wie, nu) as w:
            return functie(w, *args)

    def deelnemer(request: Request, bearer: str | None) -> Actor:
        """The caller: from a trusted gateway header when configured (off by default), else from the app's login."""
        header = instellingen.lees().claims_header
        waarde = request.headers.get(header) if header else None
        if waarde is not None:
            try:
                claims = json.loads(waarde)
            except ValueError:
                claims = None
            org = doe(None, reg.organisatie_van_claims, claims) if isinstance(claims, dict) else None
            if org is None or org.soort not in ("zorgkantoor", "zorgaanbieder"):
                raise NietAangemeld(
                    "de claims van de gateway noemen geen bekend zorgkantoor (uzovi) of zorgaanbieder (agb)"
                )
            code = org.uzovi if org.soort == "zorgkantoor" else org.agb_code
            return Actor(
                0,
                f"netwerk:{code}",
                f"{org.naam} (via gateway)",
                org.soort,
                org.id,
                org.naam,
                org.soort,
                org.regio,
                org.uzovi,
                org.agb_code,
            )
        if not bearer:
            raise NietAangemeld("niet aangemeld; vraag een token aan via /api/v1/auth/token")
        with fabriek() as s:
            return actor_voor_token(s, bearer, nu)

    @router.post("/iwlz/indicatieregister/graphql", **GRAPHQL_ROUTE)
    async def indicatieregister(request: Request, bearer: Annotated[str | None, Depends(token)]) -> JSONResponse:
        """Het Indicatieregister van dit systeem (GraphQL, schema als Indicatieregister 2 v1.6.5). Alleen de
        querysjablonen QIR-0001 (zorgkantoor, met de eigen UZOVI-code) en QIR-0002 (zorgaanbieder, met de eigen
        AGB-code). Antwoord als `application/graphql-response+json` met statuscodes volgens RFC0040. Alleen
        Wlz-indicaties: een AWBZ-indicatie met functies en klassen is geen WlzIndicatie en staat er niet in."""
        try:
            wie = deelnemer(request, bearer)
        except NietAangemeld as exc:
            return niet_aangemeld(exc)
        body = await json_body(request)

        def raadpleeg(v: Verzoek) -> list[dict[str, Any]]:
            try:
                gevonden = doe(wie, reg.wlzindicatie_raadplegen, v.wlzindicatie_id, v.sjabloon, v.filterwaarde)
            except Verboden as exc:
                raise bedienen.Weigering(exc.melding) from None
            return [wlzindicatie(g) for g in gevonden]

        def weiger(reden: str) -> None:
            with contextlib.suppress(DienstFout):
                doe(wie, reg.raadpleging_geweigerd, reden)

        return antwoord(bedienen.verwerk(body, request.headers.get("accept"), raadpleeg, weiger))

    @router.post("/iwlz/netwerkpunt/graphql", **GRAPHQL_ROUTE)
    async def netwerkpunt(
        request: Request, bearer: Annotated[str | None, Depends(token)], taken: BackgroundTasks
    ) -> JSONResponse:
        """Netwerkpunt van uw organisatie: neemt `zendNotificatie` aan (iWlz-generiek v1.1) voor uw eigen UZOVI- of
        AGB-code, bewaart hem één keer en haalt daarna (buiten dit verzoek) de aangekondigde WlzIndicatie op uit het
        ingestelde Indicatieregister. Lukt dat niet, dan probeert `zorgzwaarte iwlz register verwerk` het later."""
        try:
            if not bearer:
                raise NietAangemeld("niet aangemeld; vraag een token aan via /api/v1/auth/token")
            with fabriek() as s:
                wie = actor_voor_token(s, bearer, nu)
        except NietAangemeld as exc:
            return niet_aangemeld(exc)
        body = await json_body(request)

        def ontvanger(invoer: dict[str, Any]) -> dict[str, Any]:
            try:
                rij, nieuw = doe(wie, reg.notificatie_ontvangen, invoer)
            except (Verboden, InvoerFout) as exc:
                raise bedienen.Weigering(str(exc)) from None
            if nieuw:
                taken.add_task(verwerk_inbox, fabriek, nu, wie, rij.id)
            return {**invoer, "notificatieID": rij.notificatie_id}

        return antwoord(bedienen.ontvang(body, request.headers.get("accept"), ontvanger))

    @router.post("/indicatiebesluiten/{besluit_id}/vervallen", tags=["indicatiebesluiten"], responses=fouten(409))
    def besluit_vervallen(wie: Wie, besluit_id: Id, data: Annotated[Vervallen, Body()]) -> BesluitUit:
        """Laat een Wlz-indicatie vervallen (vervaldatum, Indicatieregister 2); het zorgkantoor krijgt een notificatie."""
        return doe(wie, reg.besluit_laten_vervallen, besluit_id, data.model_dump())  # type: ignore[no-any-return]

    @router.get("/iwlz/notificaties", tags=["iWlz-netwerkmodel"])
    def notificaties(
        wie: Wie, status: Literal["wachtend", "bezorgd", "mislukt"] | None = None
    ) -> list[NotificatieStatus]:
        """Verzonden en wachtende notificaties (zendNotificatie) met hun bezorgstatus (beheerder)."""
        return doe(wie, reg.notificaties_lijst, status)  # type: ignore[no-any-return]

    @router.post("/iwlz/notificaties/{notificatie_id}/opnieuw", tags=["iWlz-netwerkmodel"], responses=fouten(409))
    def notificatie_opnieuw(wie: Wie, notificatie_id: Id) -> NotificatieStatus:
        """Bied een mislukte notificatie opnieuw aan (beheerder)."""
        return doe(wie, reg.notificatie_opnieuw, notificatie_id)  # type: ignore[no-any-return]
