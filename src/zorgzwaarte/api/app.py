"""REST API (FastAPI). OpenAPI at /openapi.json and /docs. Every client-data route goes through one service call
inside a Werkeenheid, so every read and write is audited. The BSN never appears in a URL: search is a POST.

(No `from __future__ import annotations` here: FastAPI must see the real Annotated dependencies.)
"""

import contextlib
import gc
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import APIRouter, Body, Depends, FastAPI, Form, Query, Request
from fastapi import Path as FastApiPath
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import OAuth2PasswordBearer
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from zorgzwaarte.api.afhandeling import SnelleRoute
from zorgzwaarte.api.beveiliging import Beveiliging, TeGroot, beveiligingskoppen
from zorgzwaarte.api.documentatie import documentatie_routes
from zorgzwaarte.api.eendraad import Aanmelding, in_de_lus
from zorgzwaarte.api.gereedheid import gereedheid_route
from zorgzwaarte.api.openapi import (
    ALTIJD,
    ZONDER_DATABASE,
    JsonInvoer,
    fouten,
    installeer_openapi,
    invoer,
    link,
    met_links,
    ruwe_invoer,
    vul_aan,
)
from zorgzwaarte.api.register import maak_schema_router, voeg_register_routes_toe
from zorgzwaarte.api.wegwijzer import Wegwijzer
from zorgzwaarte.diensten import bekostiging as b
from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.aanmeldbeveiliging import blokkades, ontgrendel_gebruiker
from zorgzwaarte.diensten.aanspraken import aanspraak_invoermodel, bereken_aanspraak, lijst_regels
from zorgzwaarte.diensten.auth import aanmelden, afmelden
from zorgzwaarte.diensten.beheer import aanvulling_uit_database
from zorgzwaarte.diensten.bekostiging import ContractNieuw
from zorgzwaarte.diensten.brieven import besluitbrief
from zorgzwaarte.diensten.declaratie import DeclaratieInvoer, declareer
from zorgzwaarte.diensten.gereedheid import regelsets_laden
from zorgzwaarte.diensten.indicatie import Uitkomstgeheugen, bereken_indicatie
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.omgeving import veilige_cookies
from zorgzwaarte.diensten.opwarmen import opwarmen
from zorgzwaarte.diensten.pgb import PgbInvoer, bereken_pgb
from zorgzwaarte.diensten.tarieven import csv_tekst
from zorgzwaarte.diensten.toegang import ROLNAMEN, Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, nu_utc, vandaag_nl
from zorgzwaarte.domein.aanspraken import AanspraakInvoer
from zorgzwaarte.domein.beoordeling import Beoordeling as BeoordelingFoto
from zorgzwaarte.domein.grenzen import MAX_ID, MAX_PAGINA, MAX_PER_PAGINA, RecordId
from zorgzwaarte.domein.records import (
    BeoordelingConcept,
    BeoordelingWijziging,
    BesluitVastleggen,
    BsnZoekvraag,
    ClientNieuw,
    ClientWijziging,
    GebruikerNieuw,
    GeleverdeZorgInvoer,
    OvereenkomstNieuw,
    OvereenkomstWijziging,
    RapportageNieuw,
    ToewijzingNieuw,
    Versie,
    ZorgplanInvoer,
    ZorgplanWijziging,
)
from zorgzwaarte.domein.uitvoer import (
    AuditregelUit,
    BeoordelingUit,
    BesluitUit,
    ClientUit,
    GebruikerUit,
    GeleverdeZorgUit,
    Io31Inlezing,
    OrganisatieUit,
    OvereenkomstAangemaakt,
    OvereenkomstUit,
    Pagina,
    RapportageUit,
    TijdlijnItem,
    ToewijzingUit,
    ZorgplanUit,
)
from zorgzwaarte.domein.uitvoer_beheer import AanmeldblokkadeUit, GebruikerGewijzigd, RetourUitkomst
from zorgzwaarte.domein.uitvoer_geld import (
    ContractUit,
    DagtariefUit,
    DeclaratieUitkomst,
    PgbUitkomst,
    RealisatieUit,
    TarieftabelUit,
    TarieftabelVoorbeeld,
    TarievenInJaar,
)
from zorgzwaarte.domein.uitvoer_regels import AanspraakRegel, AanspraakUitkomst, IndicatieUitkomst
from zorgzwaarte.domein.validatie import fouten_uit_lijst
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout, NietAangemeld, NietGevonden, TeVaak, Verboden
from zorgzwaarte.iwlz import uitwisseling as iwlz
from zorgzwaarte.iwlz.uitwisseling import ExportIo31, Mutatie
from zorgzwaarte.opslag.database import draden_per_werkproces as database_draden
from zorgzwaarte.opslag.database import maak_engine, sessiefabriek
from zorgzwaarte.rapporten.brieven import besluitbrief_pdf
from zorgzwaarte.web import STATIC, html_foutpagina, installeer_web, wil_html

log = logging.getLogger("zorgzwaarte.api")
PREFIX = "/api/v1"
MAX_XML = 20_000_000
TOKEN_URL = f"{PREFIX}/auth/token"
oauth2 = OAuth2PasswordBearer(tokenUrl=TOKEN_URL, auto_error=False)
Id = RecordId
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
PaginaNr = Annotated[int, Query(ge=1, le=MAX_PAGINA)]
PerPagina = Annotated[int, Query(ge=1, le=MAX_PER_PAGINA)]
JsonBody = Annotated[Any, Body(description="JSON-object; zie de documentatie van het veld")]

T = TypeVar("T")
XML = "application/xml"
CSV = "text/csv"


def _bestand(media_type: str, beschrijving: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"description": beschrijving, "content": {media_type: {"schema": {"type": "string", "format": "binary"}}}}
    }


XML_ANTWOORD = _bestand(XML, "Het iWlz-bericht (XML, iWlz 2.2)")
PDF_ANTWOORD = _bestand("application/pdf", "Het document als PDF")
CSV_ANTWOORD = _bestand(CSV, "Het auditlog als CSV (puntkomma gescheiden)")

# OpenAPI links: client -> beoordelingen -> indicatiebesluit -> overeenkomst -> zorgplan
CLIENT_LINKS = {
    "beoordelingen": link("beoordelingen", "de beoordelingen van deze cliënt", client_id="id"),
    "beoordelingNieuw": link("beoordeling_nieuw", "een nieuwe beoordeling voor deze cliënt", client_id="id"),
    "indicatiebesluiten": link("besluiten", "de indicatiebesluiten van deze cliënt", client_id="id"),
}
BEOORDELING_LINKS = {
    "indicatiebesluitVastleggen": link(
        "besluit_nieuw", "leg het indicatiebesluit van deze (definitieve) beoordeling vast", beoordeling_id="id"
    ),
    "voorbeeld": link("beoordeling_voorbeeld", "bereken het besluit zonder vast te leggen", beoordeling_id="id"),
    "client": link("client", "de cliënt", client_id="client_id"),
}
BESLUIT_LINKS = {
    "brief": link("besluit_brief", "de besluitbrief (PDF)", besluit_id="id"),
    "overeenkomstNieuw": link(
        "overeenkomst_nieuw", "een zorgleveringsovereenkomst op dit besluit", client_id="client_id"
    ),
    "overeenkomsten": link("overeenkomsten", "de overeenkomsten van de cliënt", client_id="client_id"),
}
OVEREENKOMST_LINKS = {
    "zorgplanNieuw": link("zorgplan_nieuw", "een zorgplan bij deze overeenkomst", overeenkomst_id="id"),
    "zorgplannen": link("zorgplannen", "de zorgplannen van de cliënt", client_id="client_id"),
    "indicatiebesluit": link(
        "besluit", "het indicatiebesluit achter de overeenkomst", besluit_id="indicatiebesluit_id"
    ),
}
ZORGPLAN_LINKS = {
    "zorgplan": link("zorgplan", "dit zorgplan", zorgplan_id="id"),
    "overeenkomst": link("overeenkomst", "de overeenkomst", overeenkomst_id="overeenkomst_id"),
}


class Organisatie(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int
    naam: str
    soort: str
    regio: str | None
    uzovi: str | None
    agb: str | None


class Mij(BaseModel):
    """Wie u bent: gebruiker, rol en organisatie (met haar UZOVI- of AGB-code)."""

    model_config = ConfigDict(extra="forbid")
    id: int
    gebruikersnaam: str
    naam: str
    rol: str
    rol_naam: str
    organisatie: Organisatie


class Token(BaseModel):
    model_config = ConfigDict(extra="forbid")
    access_token: str = Field(description="stuur mee als `Authorization: Bearer <token>`; 8 uur geldig")
    token_type: str = "bearer"
    gebruiker: Mij


class Gezondheid(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str


HTTP_MELDINGEN = {
    400: "het verzoek kon niet worden gelezen",
    404: "dit adres bestaat niet",
    405: "deze handeling is op dit adres niet mogelijk",
    406: "dit antwoordformaat kan niet worden geleverd",
    413: "het verzoek is te groot",
    415: "dit soort inhoud wordt hier niet aangenomen",
}


# FastAPI's own OpenTelemetry (spans, metrics, logs per request) is off: nothing here exports it, and its check
# ran on every request (docs/productie.md)
TELEMETRIE_UIT: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}

SERVERFOUT = "er ging iets mis aan onze kant; de beheerder is op de hoogte"
PAGINA_ONBEKEND = "deze pagina bestaat niet; misschien is het adres verkeerd overgenomen of is de pagina verplaatst"
ADRES_ONGELDIG = "het adres van deze pagina klopt niet: er staat een nummer of keuze in die niet kan bestaan"


def _verbindingsfout(exc: DBAPIError) -> bool:
    """The database cannot be reached or is busy (answered 503), as opposed to a fault in a query (500)."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    return bool(exc.connection_invalidated) or isinstance(exc, OperationalError | InterfaceError)


def _fouten(status: int, fouten: list[Fout], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"fouten": [f.als_dict() for f in fouten]}, headers=headers)


def maak_app(engine: Engine | None = None, nu: Callable[[], datetime] = nu_utc) -> FastAPI:
    engine = engine or maak_engine()
    fabriek = sessiefabriek(engine)
    app = FastAPI(
        title="zorgzwaarte",
        description="Zorgzwaartebekostiging voor de langdurige zorg (AWBZ en Wlz): cliënten, beoordelingen, "
        "indicatiebesluiten, zorgleveringsovereenkomsten, zorgplannen en de Regeling zorgaanspraken.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        telemetry=TELEMETRIE_UIT,
    )
    app.add_middleware(Beveiliging)
    documentatie_routes(app)
    app.state.engine, app.state.fabriek, app.state.nu = engine, fabriek, nu

    async def _antwoord(
        request: Request, status: int, fouten: list[Fout], headers: dict[str, str] | None = None
    ) -> Response:
        """JSON {fouten} for the API and other clients; a browser asking for a page gets the Dutch error page."""
        if wil_html(request):
            meldingen = [f.melding for f in fouten]
            return await run_in_threadpool(html_foutpagina, request, status, meldingen, headers)
        return _fouten(status, fouten, headers)

    @app.exception_handler(InvoerFout)
    async def _invoer(request: Request, exc: InvoerFout) -> Response:
        return await _antwoord(request, 422, exc.fouten)

    @app.exception_handler(RequestValidationError)
    async def _validatie(request: Request, exc: RequestValidationError) -> Response:
        fouten = []
        for f in fouten_uit_lijst(exc.errors()):
            veld = f.veld.removeprefix("body.").removeprefix("body").removeprefix("query.").removeprefix("path.")
            fouten.append(Fout(veld or "(invoer)", f.melding))
        aanmelding = Aanmelding.van(request)
        if aanmelding is not None:  # a logged-in user's refused request is audited like any other attempt
            try:  # an unknown or expired token is 401 first, also when the request is invalid as well
                await run_in_threadpool(_audit_ongeldig, fabriek, aanmelding, nu, request, fouten)
            except NietAangemeld as exc:
                return await _401(request, exc)
        if wil_html(request):  # a page address with a bad number or choice in it, as the browser sees it
            return await _antwoord(request, 422, [Fout("(adres)", ADRES_ONGELDIG)])
        return _fouten(422, fouten)

    @app.exception_handler(NietAangemeld)
    async def _401(request: Request, exc: NietAangemeld) -> Response:
        return await _antwoord(request, 401, [Fout("authorization", exc.melding)], {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(Verboden)
    async def _403(request: Request, exc: Verboden) -> Response:
        return await _antwoord(request, 403, [Fout("rol", exc.melding)])

    @app.exception_handler(NietGevonden)
    async def _404(request: Request, exc: NietGevonden) -> Response:
        return await _antwoord(request, 404, [Fout("id", exc.melding)])

    @app.exception_handler(TeVaak)
    async def _429(request: Request, exc: TeVaak) -> Response:
        return await _antwoord(
            request, 429, [Fout("(aanmelden)", exc.melding)], {"Retry-After": str(exc.wacht_seconden)}
        )

    @app.exception_handler(Conflict)
    async def _409(request: Request, exc: Conflict) -> Response:
        return await _antwoord(request, 409, [Fout("versie", exc.melding)])

    @app.exception_handler(TeGroot)
    async def _413(request: Request, exc: TeGroot) -> Response:
        return await _antwoord(request, 413, [Fout("(invoer)", exc.melding)])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        melding = HTTP_MELDINGEN.get(exc.status_code, "het verzoek kon niet worden verwerkt")
        if exc.status_code == 404 and wil_html(request):
            melding = PAGINA_ONBEKEND
        veld = "(adres)" if exc.status_code in (404, 405) else "(invoer)"
        return await _antwoord(request, exc.status_code, [Fout(veld, melding)])

    @app.exception_handler(DBAPIError)
    async def _503(request: Request, exc: DBAPIError) -> Response:
        if not _verbindingsfout(exc):
            log.exception("databasefout", exc_info=exc)
            return await _antwoord(request, 500, [Fout("(server)", SERVERFOUT)])
        log.warning("database niet bereikbaar: %s", exc.__class__.__name__)
        return await _antwoord(
            request,
            503,
            [Fout("(server)", "de database is even niet bereikbaar; probeer het over een minuut opnieuw")],
            {"Retry-After": "30"},
        )

    @app.exception_handler(Exception)
    async def _500(request: Request, exc: Exception) -> Response:
        # Starlette answers this one outside every middleware, so the guard's headers are set here too
        log.exception("onverwachte fout", exc_info=exc)
        return await _antwoord(
            request, 500, [Fout("(server)", SERVERFOUT)], beveiligingskoppen(request.url.path, veilige_cookies())
        )

    # the API's routes found by the shape of their address (api/wegwijzer.py), first in the list: an API request
    # is not compared with the pages; the schema router reads no database: no 503 (openapi.ZONDER_DATABASE)
    app.router.routes.insert(0, Wegwijzer(PREFIX, [maak_router(fabriek, nu), maak_schema_router(PREFIX)]))
    installeer_web(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/gezondheid", tags=["systeem"], responses=fouten(*ZONDER_DATABASE))
    def gezondheid() -> Gezondheid:
        """Leeft het proces (liveness): het werkproces antwoordt. Leest niets, ook de database niet, dus altijd 200
        zolang het proces verzoeken aanneemt. Of het verzoeken kan bedienen (database, migraties, regelsets) zegt
        `GET /gereed`."""
        return Gezondheid(status="ok")

    gereedheid_route(app, engine)

    installeer_openapi(app)

    return app


def maak_app_voor_werkproces() -> FastAPI:
    """The app of one `zorgzwaarte serveer` worker (uvicorn's factory): `maak_app`, the warm-up (rules, fingerprints,
    statements: built before the worker accepts connections), then everything made at the
    start (modules, routes, models, rule tables: some 200,000 objects) taken out of the garbage collector's rounds
    with `gc.freeze()`. They live as long as the process; without this every full collection walks them all, a
    pause of tens of milliseconds (more on a busy machine) for every request in the worker at that moment."""
    app = maak_app()
    duur = opwarmen(app.state.fabriek)  # before the worker serves: no user pays for it (diensten/opwarmen.py)
    log.info("werkproces opgewarmd in %.2f s", duur)
    regelsets_laden()  # /gereed's check of the regelsets (the files are read by now): it answers at once
    draden = draden_per_werkproces()

    async def _begrens_draden() -> None:  # anyio's limiter belongs to the event loop: set it once that runs
        anyio.to_thread.current_default_thread_limiter().total_tokens = draden

    app.router.on_startup.append(_begrens_draden)
    gc.collect()
    gc.freeze()
    return app


def draden_per_werkproces() -> int:
    """How many requests one worker handles at the same time: $ZORGZWAARTE_DRADEN (`serveer --draden`), else 8.

    A request runs in one worker thread (api/eendraad.py). anyio's default of 40 threads per process is more than
    the database pool has connections (one per thread, opslag/database.py `pool_grootte`), so under load threads
    waited for a connection, and Python's pool queue does not wake them in order: with 100 users on PostgreSQL the
    slowest 1% waited 400 ms while the median was 134 ms. With fewer threads the rest of the requests wait in
    anyio's limiter, which serves them first come first served (docs/benchmarks.md, docs/productie.md)."""
    return database_draden()


class Aanmeldschema(OAuth2PasswordBearer):
    """The login of an API route as one dependency (FastAPI solves one, not a chain of three): the bearer token of
    the OAuth2 password flow, in the OpenAPI the same `OAuth2PasswordBearer` scheme as `oauth2`. No token is 401 at
    once; the token itself is checked in the route's own worker thread, where the endpoint receives the `Actor`
    (api/eendraad.py: one thread hop per request)."""

    def __init__(self, fabriek: sessionmaker[Session], nu: Callable[[], datetime]) -> None:
        super().__init__(tokenUrl=TOKEN_URL, auto_error=False, scheme_name=oauth2.scheme_name)
        self.fabriek, self.nu = fabriek, nu

    async def __call__(self, request: Request) -> Aanmelding:  # type: ignore[override]
        token = await super().__call__(request)
        if not token:
            raise NietAangemeld("niet aangemeld; vraag een token aan via /api/v1/auth/token")
        return Aanmelding(request, token, self.fabriek, self.nu)


def maak_router(fabriek: sessionmaker[Session], nu: Callable[[], datetime]) -> APIRouter:
    router = APIRouter(
        prefix=PREFIX,
        responses=fouten(*ALTIJD),
        generate_unique_id_function=lambda route: route.name,
        route_class=SnelleRoute,
    )

    actor = Aanmeldschema(fabriek, nu)  # the route's service checks the role (403)
    iedere_rol = Aanmeldschema(fabriek, nu)  # any signed-in role may call the operation: its OpenAPI names no 403
    Wie = Annotated[Actor, Depends(actor)]
    IedereRol = Annotated[Actor, Depends(iedere_rol)]
    indicaties: Uitkomstgeheugen[IndicatieUitkomst] = Uitkomstgeheugen()  # POST /indiceer: pure, per input

    def uow(wie: Actor) -> Werkeenheid:
        return Werkeenheid(fabriek, wie, nu)

    def doe(wie: Actor, functie: Callable[..., T], *args: Any) -> T:
        with uow(wie) as w:
            return functie(w, *args)

    # --- aanmelden -------------------------------------------------------------------------------------------
    @router.post("/auth/token", tags=["aanmelden"], responses=fouten(401, 429))
    def token(
        request: Request,
        username: Annotated[str, Form(max_length=100)],
        password: Annotated[str, Form(max_length=10_000)],
    ) -> Token:
        """Aanmelden met gebruikersnaam en wachtwoord (OAuth2 password flow); geeft een bearer-token.
        Na herhaalde mislukte pogingen 429 met `Retry-After` (docs/api.md, Aanmelden)."""
        t, a = aanmelden(fabriek, username, password, nu, adres=request.client.host if request.client else None)
        return Token(access_token=t, token_type="bearer", gebruiker=_mij(a))

    @router.post("/auth/uitloggen", tags=["aanmelden"], status_code=204)
    def uitloggen(wie: IedereRol, t: Annotated[str | None, Depends(oauth2)], alle: bool = False) -> None:
        """Trek dit token in; met `alle=true` alle tokens van de gebruiker (ook op andere apparaten)."""
        assert t is not None
        afmelden(fabriek, t, wie, alle)

    @router.get("/mij", tags=["aanmelden"])
    @in_de_lus
    def mij(wie: IedereRol) -> Mij:
        return _mij(wie)

    # --- cliënten --------------------------------------------------------------------------------------------
    @router.get("/clienten", tags=["cliënten"])
    @in_de_lus
    def clienten(
        wie: Wie,
        zoek: Annotated[str | None, Query(max_length=200)] = None,
        pagina: PaginaNr = 1,
        per_pagina: PerPagina = 25,
    ) -> Pagina[ClientUit]:
        """Cliënten die u mag zien, gepagineerd; `zoek` filtert op naam of woonplaats."""
        return doe(wie, r.clienten_lijst, zoek, pagina, per_pagina)

    @router.post(
        "/clienten",
        tags=["cliënten"],
        status_code=201,
        responses={**fouten(409), **met_links(201, **CLIENT_LINKS)},
    )
    def client_nieuw(wie: Wie, invoer: JsonInvoer[ClientNieuw]) -> ClientUit:
        return doe(wie, r.client_aanmaken, invoer)

    @router.post(
        "/clienten/zoeken",
        tags=["cliënten"],
        responses={**fouten(404), **met_links(200, **CLIENT_LINKS)},
    )
    def client_zoeken(wie: Wie, invoer: JsonInvoer[BsnZoekvraag]) -> ClientUit:
        """Zoek een cliënt op BSN (in de body, nooit in de URL)."""
        return doe(wie, r.client_zoeken_bsn, invoer)

    @router.get("/clienten/{client_id}", tags=["cliënten"], responses=met_links(200, **CLIENT_LINKS))
    @in_de_lus
    def client(wie: Wie, client_id: Id) -> ClientUit:
        return doe(wie, r.client_lezen, client_id)

    @router.patch("/clienten/{client_id}", tags=["cliënten"], responses=fouten(409))
    def client_wijzig(wie: Wie, client_id: Id, invoer: JsonInvoer[ClientWijziging]) -> ClientUit:
        return doe(wie, r.client_wijzigen, client_id, invoer)

    @router.get("/clienten/{client_id}/tijdlijn", tags=["cliënten"])
    @in_de_lus
    def tijdlijn(wie: Wie, client_id: Id) -> list[TijdlijnItem]:
        return doe(wie, r.client_tijdlijn, client_id)

    # --- beoordelingen en besluiten ---------------------------------------------------------------------------
    @router.get("/clienten/{client_id}/beoordelingen", tags=["beoordelingen"])
    @in_de_lus
    def beoordelingen(wie: Wie, client_id: Id) -> list[BeoordelingUit]:
        return doe(wie, r.beoordelingen_van_client, client_id)

    @router.post(
        "/clienten/{client_id}/beoordelingen",
        tags=["beoordelingen"],
        status_code=201,
        responses=met_links(201, **BEOORDELING_LINKS),
    )
    def beoordeling_nieuw(wie: Wie, client_id: Id, invoer: JsonInvoer[BeoordelingConcept]) -> BeoordelingUit:
        """Nieuwe beoordeling (concept); mag onvolledig zijn."""
        return doe(wie, r.beoordeling_aanmaken, client_id, invoer)

    @router.get(
        "/beoordelingen/{beoordeling_id}", tags=["beoordelingen"], responses=met_links(200, **BEOORDELING_LINKS)
    )
    @in_de_lus
    def beoordeling(wie: Wie, beoordeling_id: Id) -> BeoordelingUit:
        return doe(wie, r.beoordeling_lezen, beoordeling_id)

    @router.put(
        "/beoordelingen/{beoordeling_id}",
        tags=["beoordelingen"],
        responses=fouten(409),
    )
    def beoordeling_wijzig(wie: Wie, beoordeling_id: Id, invoer: JsonInvoer[BeoordelingWijziging]) -> BeoordelingUit:
        return doe(wie, r.beoordeling_wijzigen, beoordeling_id, invoer)

    @router.post(
        "/beoordelingen/{beoordeling_id}/definitief",
        tags=["beoordelingen"],
        openapi_extra=invoer(Versie),
        responses={**fouten(409), **met_links(200, **BEOORDELING_LINKS)},
    )
    def beoordeling_def(wie: Wie, beoordeling_id: Id, data: JsonBody) -> BeoordelingUit:
        versie = _versie(data)
        return doe(wie, r.beoordeling_definitief, beoordeling_id, versie)

    @router.post(
        "/beoordelingen/{beoordeling_id}/correctie", tags=["beoordelingen"], status_code=201, responses=fouten(409)
    )
    def beoordeling_corr(wie: Wie, beoordeling_id: Id) -> BeoordelingUit:
        """Een correctie op een definitieve beoordeling: een nieuwe versie (concept)."""
        return doe(wie, r.beoordeling_correctie, beoordeling_id)

    @router.post("/beoordelingen/{beoordeling_id}/voorbeeld", tags=["beoordelingen"], response_model_exclude_unset=True)
    @in_de_lus
    def beoordeling_voorbeeld(wie: Wie, beoordeling_id: Id) -> IndicatieUitkomst:
        """Bereken het besluit bij de huidige beoordeling, zonder iets vast te leggen."""
        return doe(wie, r.beoordeling_voorbeeld, beoordeling_id)

    @router.post(
        "/beoordelingen/{beoordeling_id}/indicatiebesluit",
        tags=["indicatiebesluiten"],
        status_code=201,
        openapi_extra=invoer(BesluitVastleggen),
        responses={**fouten(409), **met_links(201, **BESLUIT_LINKS)},
    )
    def besluit_nieuw(wie: Wie, beoordeling_id: Id, data: JsonBody) -> BesluitUit:
        """Leg het indicatiebesluit vast; een eerder geldend besluit wordt vervangen (herindicatie)."""
        return doe(wie, r.besluit_vastleggen, beoordeling_id, _versie(data), ontvang(BesluitVastleggen, data))

    @router.get("/clienten/{client_id}/indicatiebesluiten", tags=["indicatiebesluiten"])
    @in_de_lus
    def besluiten(wie: Wie, client_id: Id) -> list[BesluitUit]:
        return doe(wie, r.besluiten_van_client, client_id)

    @router.get(
        "/indicatiebesluiten/{besluit_id}", tags=["indicatiebesluiten"], responses=met_links(200, **BESLUIT_LINKS)
    )
    @in_de_lus
    def besluit(wie: Wie, besluit_id: Id) -> BesluitUit:
        return doe(wie, r.besluit_lezen, besluit_id)

    @router.get(
        "/indicatiebesluiten/{besluit_id}/brief",
        tags=["indicatiebesluiten"],
        response_class=Response,
        responses=PDF_ANTWOORD,
    )
    def besluit_brief(wie: Wie, besluit_id: Id, request: Request) -> Response:
        """De besluitbrief als PDF: besluit, data, toelichting in gewone taal en de bezwaarclausule."""
        pdf = besluitbrief_pdf(doe(wie, besluitbrief, besluit_id, str(request.base_url)))
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"content-disposition": f'attachment; filename="indicatiebesluit-{besluit_id}.pdf"'},
        )

    @router.post("/indiceer", tags=["rekenen"], response_model_exclude_unset=True)
    @in_de_lus
    def indiceer(wie: IedereRol, invoer: JsonInvoer[BeoordelingFoto]) -> IndicatieUitkomst:
        """Bereken een indicatiebesluit uit een beoordeling zonder cliëntgegevens op te slaan."""
        aanvulling = aanvulling_uit_database(fabriek)
        return indicaties.geef(
            invoer,
            aanvulling,
            lambda: IndicatieUitkomst.model_validate(bereken_indicatie(invoer, aanvulling).als_dict()),
        )

    # --- Regeling zorgaanspraken -------------------------------------------------------------------------------
    @router.get("/aanspraken", tags=["aanspraken"], response_model_exclude_unset=True)
    @in_de_lus
    def aanspraken(wie: IedereRol) -> list[AanspraakRegel]:
        return lijst_regels()

    @router.post(
        "/aanspraken/{naam}",
        tags=["aanspraken"],
        openapi_extra=invoer(AanspraakInvoer, "de invoer van de gekozen regel: zie GET /aanspraken"),
        response_model_exclude_unset=True,
    )
    def aanspraak(wie: IedereRol, naam: str, data: JsonBody) -> AanspraakUitkomst:
        return bereken_aanspraak(naam, ontvang(aanspraak_invoermodel(naam), data))

    # --- overeenkomsten, zorgplannen, rapportages, geleverde zorg --------------------------------------------
    @router.get("/clienten/{client_id}/overeenkomsten", tags=["zorglevering"])
    @in_de_lus
    def overeenkomsten(wie: Wie, client_id: Id) -> list[OvereenkomstUit]:
        return doe(wie, r.overeenkomsten_van_client, client_id)

    @router.post(
        "/clienten/{client_id}/overeenkomsten",
        tags=["zorglevering"],
        status_code=201,
        responses=met_links(201, **OVEREENKOMST_LINKS),
    )
    def overeenkomst_nieuw(wie: Wie, client_id: Id, invoer: JsonInvoer[OvereenkomstNieuw]) -> OvereenkomstAangemaakt:
        return doe(wie, r.overeenkomst_aanmaken, client_id, invoer)

    @router.get(
        "/overeenkomsten/{overeenkomst_id}", tags=["zorglevering"], responses=met_links(200, **OVEREENKOMST_LINKS)
    )
    @in_de_lus
    def overeenkomst(wie: Wie, overeenkomst_id: Id) -> OvereenkomstUit:
        return doe(wie, r.overeenkomst_lezen, overeenkomst_id)

    @router.patch(
        "/overeenkomsten/{overeenkomst_id}",
        tags=["zorglevering"],
        responses=fouten(409),
    )
    def overeenkomst_wijzig(
        wie: Wie, overeenkomst_id: Id, invoer: JsonInvoer[OvereenkomstWijziging]
    ) -> OvereenkomstUit:
        return doe(wie, r.overeenkomst_wijzigen, overeenkomst_id, invoer)

    @router.get("/clienten/{client_id}/toewijzingen", tags=["zorglevering"])
    @in_de_lus
    def toewijzingen(wie: Wie, client_id: Id) -> list[ToewijzingUit]:
        """Toewijzingen (iWlz AW33) van de cliënt: het zorgkantoor ziet ze alle, een zorgaanbieder de eigen."""
        return doe(wie, r.toewijzingen_van_client, client_id)

    @router.post(
        "/clienten/{client_id}/toewijzingen",
        tags=["zorglevering"],
        status_code=201,
    )
    def toewijzing_nieuw(wie: Wie, client_id: Id, invoer: JsonInvoer[ToewijzingNieuw]) -> ToewijzingUit:
        """Zorgkantoor: wijs het indicatiebesluit toe aan een zorgaanbieder {zorgaanbieder_id, leveringsvorm,
        ingangsdatum, einddatum?, indicatiebesluit_id?}; de cliënt komt in de intake van die aanbieder."""
        return doe(wie, r.toewijzing_aanmaken, client_id, invoer)

    @router.get("/toewijzingen/{toewijzing_id}", tags=["zorglevering"])
    @in_de_lus
    def toewijzing(wie: Wie, toewijzing_id: Id) -> ToewijzingUit:
        return doe(wie, r.toewijzing_lezen, toewijzing_id)

    @router.post(
        "/overeenkomsten/{overeenkomst_id}/zorgplannen",
        tags=["zorglevering"],
        status_code=201,
        responses=met_links(201, **ZORGPLAN_LINKS),
    )
    def zorgplan_nieuw(wie: Wie, overeenkomst_id: Id, invoer: JsonInvoer[ZorgplanInvoer]) -> ZorgplanUit:
        return doe(wie, r.zorgplan_aanmaken, overeenkomst_id, invoer)

    @router.get("/clienten/{client_id}/zorgplannen", tags=["zorglevering"])
    @in_de_lus
    def zorgplannen(wie: Wie, client_id: Id) -> list[ZorgplanUit]:
        return doe(wie, r.zorgplannen_van_client, client_id)

    @router.get("/zorgplannen/{zorgplan_id}", tags=["zorglevering"])
    @in_de_lus
    def zorgplan(wie: Wie, zorgplan_id: Id) -> ZorgplanUit:
        return doe(wie, r.zorgplan_lezen, zorgplan_id)

    @router.put(
        "/zorgplannen/{zorgplan_id}",
        tags=["zorglevering"],
        responses=fouten(409),
    )
    def zorgplan_wijzig(wie: Wie, zorgplan_id: Id, invoer: JsonInvoer[ZorgplanWijziging]) -> ZorgplanUit:
        return doe(wie, r.zorgplan_wijzigen, zorgplan_id, invoer)

    @router.get("/clienten/{client_id}/rapportages", tags=["zorglevering"])
    @in_de_lus
    def rapportages(wie: Wie, client_id: Id) -> list[RapportageUit]:
        return doe(wie, r.rapportages_van_client, client_id)

    @router.post(
        "/clienten/{client_id}/rapportages",
        tags=["zorglevering"],
        status_code=201,
    )
    def rapportage_nieuw(wie: Wie, client_id: Id, invoer: JsonInvoer[RapportageNieuw]) -> RapportageUit:
        return doe(wie, r.rapportage_aanmaken, client_id, invoer)

    @router.get("/clienten/{client_id}/geleverde-zorg", tags=["zorglevering"])
    @in_de_lus
    def geleverd(wie: Wie, client_id: Id) -> list[GeleverdeZorgUit]:
        return doe(wie, r.geleverd_van_client, client_id)

    @router.post(
        "/clienten/{client_id}/geleverde-zorg",
        tags=["zorglevering"],
        status_code=201,
        responses=fouten(409),
    )
    def geleverd_nieuw(wie: Wie, client_id: Id, invoer: JsonInvoer[GeleverdeZorgInvoer]) -> GeleverdeZorgUit:
        return doe(wie, r.geleverd_registreren, client_id, invoer)

    # --- iWlz ---------------------------------------------------------------------------------------------------
    def xml_antwoord(xml: bytes, naam: str) -> Response:
        return Response(
            xml,
            media_type="application/xml; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{naam}.xml"'},
        )

    async def ruwe_body(request: Request) -> bytes:
        """The raw body (XML, CSV), read in the event loop so that the route itself, token check included, runs in
        one worker thread (api/eendraad.py) and never blocks the loop with database work or parsing."""
        return await request.body()

    RuweBody = Annotated[bytes, Depends(ruwe_body)]

    def xml_body(inhoud: bytes) -> bytes:
        if not inhoud.strip():
            raise InvoerFout.een("bestand", "het bericht is leeg")
        if len(inhoud) > MAX_XML:
            raise InvoerFout.een("bestand", f"het bericht is groter dan {MAX_XML // 1_000_000} MB")
        return inhoud

    @router.get("/indicatiebesluiten/{besluit_id}/io31", tags=["iWlz"], response_class=Response, responses=XML_ANTWOORD)
    def io31_download(wie: Wie, besluit_id: Id) -> Response:
        """IO31-bericht (iWlz 2.2) van een vastgelegd indicatiebesluit."""
        return xml_antwoord(doe(wie, iwlz.io31_van_besluit, besluit_id), f"io31-{besluit_id}")

    @router.post(
        "/iwlz/io31", tags=["iWlz"], status_code=201, openapi_extra=ruwe_invoer(XML, "een IO31-bericht (iWlz 2.2)")
    )
    def io31_upload(wie: Wie, inhoud: RuweBody) -> Io31Inlezing:
        """Lees een IO31-bericht (XML in de body) in: cliënt, scores en een extern indicatiebesluit; niets bij een fout."""
        return Io31Inlezing.model_validate(doe(wie, iwlz.importeer_io31, xml_body(inhoud)))

    @router.post(
        "/iwlz/io31/export",
        tags=["iWlz"],
        response_class=Response,
        responses=XML_ANTWOORD,
    )
    def io31_export(
        wie: IedereRol,
        invoer: JsonInvoer[ExportIo31],
        ontvanger: Annotated[str, Query(max_length=4)] = "5509",
        besluitnummer: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        dagtekening: date | None = None,
    ) -> Response:
        """Bereken het besluit bij een beoordeling en geef het IO31-bericht (niets wordt opgeslagen)."""
        return xml_antwoord(
            iwlz.exporteer_io31(invoer, ontvanger, besluitnummer, dagtekening, aanvulling_uit_database(fabriek)),
            "io31",
        )

    @router.get(
        "/overeenkomsten/{overeenkomst_id}/aw33", tags=["iWlz"], response_class=Response, responses=XML_ANTWOORD
    )
    def aw33(wie: Wie, overeenkomst_id: Id) -> Response:
        """AW33 (toewijzing zorgkantoor -> zorgaanbieder) van een overeenkomst."""
        return xml_antwoord(doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw33"), f"aw33-{overeenkomst_id}")

    @router.get("/toewijzingen/{toewijzing_id}/aw33", tags=["iWlz"], response_class=Response, responses=XML_ANTWOORD)
    def aw33_toewijzing(wie: Wie, toewijzing_id: Id) -> Response:
        """AW33 (toewijzing zorgkantoor -> zorgaanbieder) van een vastgelegde toewijzing."""
        return xml_antwoord(doe(wie, iwlz.bericht_van_toewijzing, toewijzing_id), f"aw33-toewijzing-{toewijzing_id}")

    @router.get(
        "/overeenkomsten/{overeenkomst_id}/aw35", tags=["iWlz"], response_class=Response, responses=XML_ANTWOORD
    )
    def aw35(wie: Wie, overeenkomst_id: Id) -> Response:
        """AW35 (melding aanvang zorg) van een overeenkomst."""
        return xml_antwoord(doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw35"), f"aw35-{overeenkomst_id}")

    @router.post(
        "/overeenkomsten/{overeenkomst_id}/aw39",
        tags=["iWlz"],
        response_class=Response,
        openapi_extra=invoer(Mutatie),
        responses=XML_ANTWOORD,
    )
    def aw39(wie: Wie, overeenkomst_id: Id, data: JsonBody) -> Response:
        """AW39 (mutatie of einde zorg): body {mutatiecode (LDT_MutatieCode), mutatiedatum}."""
        return xml_antwoord(
            doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw39", ontvang(Mutatie, data or {})),
            f"aw39-{overeenkomst_id}",
        )

    @router.post(
        "/iwlz/retour",
        tags=["iWlz"],
        openapi_extra=ruwe_invoer(XML, "een retourbericht: AW34, AW36 of AW310"),
        response_model_exclude_unset=True,
    )
    def retour(wie: Wie, inhoud: RuweBody) -> RetourUitkomst:
        """Lees een retourbericht (AW34, AW36, AW310) en toon de retourcodes in het Nederlands."""
        return doe(wie, iwlz.lees_retour, xml_body(inhoud))

    # --- bekostiging: tarieven, contracten, declareren ----------------------------------------------------------
    @router.post(
        "/tarieven/voorbeeld",
        tags=["bekostiging"],
        openapi_extra=ruwe_invoer(CSV, "de tarieftabel als CSV (docs/bekostiging.md)"),
        response_model_exclude_unset=True,
    )
    def tarieven_voorbeeld(wie: Wie, inhoud: RuweBody, naam: str) -> TarieftabelVoorbeeld:
        """Wat het laden van deze tabel zou doen, zonder iets op te slaan: per jaar de regels en wat ze doen (nieuw,
        gewijzigd, ongewijzigd, vervalt) tegenover de geldende tabel, en welke jaren worden vervangen."""
        return doe(wie, b.tarieftabel_voorbeeld, naam, csv_tekst(inhoud))

    @router.post(
        "/tarieven",
        tags=["bekostiging"],
        status_code=201,
        responses=fouten(409),
        openapi_extra=ruwe_invoer(CSV, "de tarieftabel als CSV (docs/bekostiging.md)"),
        response_model_exclude_unset=True,
    )
    def tarieven_laden(
        wie: Wie,
        inhoud: RuweBody,
        naam: str,
        basis: Annotated[
            int | None,
            Query(
                ge=0,
                le=MAX_ID,
                description="de id van de geldende tabel uit het voorbeeld (0: nog geen); is er intussen een andere "
                "geladen, dan 409",
            ),
        ] = None,
    ) -> TarieftabelUit:
        """Laad een tarieftabel (CSV in de body, docs/bekostiging.md), alles of niets: de jaren die het bestand dekt
        worden vervangen door zijn regels, de andere jaren houden hun tarieven."""
        return doe(wie, b.tarieftabel_laden, naam, csv_tekst(inhoud), basis)

    @router.get("/tarieven", tags=["bekostiging"], responses=fouten(404), response_model_exclude_unset=True)
    def tarieven(wie: IedereRol) -> TarieftabelUit:
        """De geldende tarieftabel met al haar regels (elk met bron; fictieve tarieven gemarkeerd)."""
        return doe(wie, b.tarieftabel_huidig)

    @router.get("/tarieven/jaar/{jaar}", tags=["bekostiging"], response_model_exclude_unset=True)
    def tarieven_jaar(wie: IedereRol, jaar: Annotated[int, FastApiPath(ge=2009, le=2100)]) -> TarievenInJaar:
        """De geldende tarieven in één jaar per prestatie, met bron; waar geen tarief is: tarief null (onbekend)."""
        return doe(wie, b.tarieven_per_jaar, jaar)

    @router.post(
        "/contracten",
        tags=["bekostiging"],
        status_code=201,
        responses=fouten(409),
        response_model_exclude_unset=True,
    )
    def contract_nieuw(wie: Wie, invoer: JsonInvoer[ContractNieuw]) -> ContractUit:
        """Leg een contract vast (zorgkantoor): {zorgaanbieder_id, jaar, kwaliteitsopslag_per_dag, afspraken}."""
        return doe(wie, b.contract_aanmaken, invoer)

    @router.get("/contracten/{contract_id}", tags=["bekostiging"], response_model_exclude_unset=True)
    @in_de_lus
    def contract(wie: Wie, contract_id: Id) -> ContractUit:
        return doe(wie, b.contract_lezen, contract_id)

    @router.get("/contracten/{contract_id}/dagtarief", tags=["bekostiging"], response_model_exclude_unset=True)
    @in_de_lus
    def contract_dagtarief(wie: Wie, contract_id: Id, dag: str) -> DagtariefUit:
        """Effectief dagtarief per afgesproken prestatie op een dag: zorgzwaarte + prestatie, met toelichting."""
        return doe(wie, b.contract_dagtarief, contract_id, dag)

    @router.post(
        "/contracten/{contract_id}/realisatie",
        tags=["bekostiging"],
        openapi_extra=invoer(DeclaratieUitkomst, "de uitkomst van POST /declareer"),
        response_model_exclude_unset=True,
    )
    def contract_realisatie(wie: Wie, contract_id: Id, data: JsonBody) -> RealisatieUit:
        """Realisatie tegenover de productieafspraak; body = uitkomst van /declareer."""
        return doe(wie, b.contract_realisatie, contract_id, data)

    @router.post("/pgb", tags=["bekostiging"], response_model_exclude_unset=True)
    @in_de_lus
    def pgb(wie: IedereRol, invoer: JsonInvoer[PgbInvoer]) -> PgbUitkomst:
        """Maximaal pgb bij verblijf: {zzp, van, tot, begeleiding_groep, vervoer, in_instelling,
        wooninitiatief (de feiten van een kleinschalig wooninitiatief), eerder_3lvg_met_pgb (Wlz, bij 3 LVG)}."""
        return bereken_pgb(invoer)

    @router.post("/declareer", tags=["bekostiging"], response_model_exclude_unset=True)
    def declareer_api(wie: IedereRol, invoer: JsonInvoer[DeclaratieInvoer]) -> DeclaratieUitkomst:
        """Declareer een periode (zelfde contract als `zorgzwaarte declareer`); er wordt niets opgeslagen."""
        return declareer(invoer)

    @router.post(
        "/declareer/pdf",
        tags=["bekostiging"],
        response_class=Response,
        responses=PDF_ANTWOORD,
    )
    def declareer_pdf(wie: IedereRol, invoer: JsonInvoer[DeclaratieInvoer]) -> Response:
        """Als /declareer, als PDF-overzicht met case-mix en toelichting per regel."""
        from zorgzwaarte.rapporten.pdf import declaratie_pdf

        uitkomst = declareer(invoer)
        return Response(
            declaratie_pdf(uitkomst, gemaakt_op=vandaag_nl(nu())),  # the day on the server's clock
            media_type="application/pdf",
            headers={"content-disposition": f'attachment; filename="declaratie-{uitkomst.periode.van}.pdf"'},
        )

    # --- beheer en audit ---------------------------------------------------------------------------------------
    @router.get("/organisaties", tags=["beheer"])
    @in_de_lus
    def organisaties(wie: IedereRol) -> list[OrganisatieUit]:
        return doe(wie, r.organisaties_lijst)

    @router.post("/gebruikers", tags=["beheer"], status_code=201, responses=fouten(409))
    def gebruiker_nieuw(wie: Wie, invoer: JsonInvoer[GebruikerNieuw]) -> GebruikerUit:
        return doe(wie, r.gebruiker_aanmaken, invoer)

    @router.post("/gebruikers/{gebruiker_id}/ontgrendelen", tags=["beheer"], response_model_exclude_unset=True)
    def gebruiker_ontgrendelen(wie: Wie, gebruiker_id: Id) -> GebruikerGewijzigd:
        """Hef de tijdelijke blokkade na te veel mislukte aanmeldpogingen op (beheerder)."""
        return doe(wie, ontgrendel_gebruiker, gebruiker_id)

    @router.get("/aanmeldblokkades", tags=["beheer"])
    def aanmeldblokkades(wie: Wie) -> list[AanmeldblokkadeUit]:
        """Accounts en adressen met mislukte aanmeldpogingen, en tot wanneer ze geblokkeerd zijn (beheerder)."""
        return doe(wie, blokkades)

    voeg_register_routes_toe(router, fabriek, nu, actor, oauth2)

    @router.get("/audit", tags=["beheer"])
    def audit(
        wie: Wie,
        client_id: IdFilter = None,
        gebruiker: Annotated[str | None, Query(max_length=100)] = None,
        actie: Annotated[str | None, Query(max_length=60)] = None,
        van: date | None = None,
        tot: date | None = None,
        pagina: PaginaNr = 1,
        per_pagina: PerPagina = 50,
    ) -> Pagina[AuditregelUit]:
        """Het auditlog (alleen beheerder), nieuwste eerst."""
        return doe(wie, r.audit_lijst, client_id, gebruiker, actie, van, tot, pagina, per_pagina)

    @router.get("/audit/export", tags=["beheer"], response_class=PlainTextResponse, responses=CSV_ANTWOORD)
    def audit_export(
        wie: Wie, client_id: IdFilter = None, van: date | None = None, tot: date | None = None
    ) -> PlainTextResponse:
        tekst = doe(wie, r.audit_export, client_id, van, tot)
        return PlainTextResponse(
            tekst,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="auditlog.csv"'},
        )

    vul_aan(router.routes, aanmelding=(oauth2, actor, iedere_rol), iedere_rol=iedere_rol)
    return router


def _audit_ongeldig(
    fabriek: sessionmaker[Session],
    aanmelding: Aanmelding,
    nu: Callable[[], datetime],
    request: Request,
    fouten: list[Fout],
) -> None:
    """One audit line for a request refused before it reached a service (e.g. an id beyond the database's range).
    The raw path goes into the details (cut short): such an id cannot be stored as a number. NietAangemeld (no
    line) when the token is not valid."""
    wie = aanmelding.actor()
    client_id = request.path_params.get("client_id")
    tekst = str(client_id or "")
    cid = int(tekst) if tekst.isdigit() and len(tekst) < 11 and 1 <= int(tekst) <= MAX_ID else None
    with contextlib.suppress(InvoerFout), Werkeenheid(fabriek, wie, nu) as uow:
        uow.log(
            "verzoek.ongeldig",
            "client" if cid else None,
            cid,
            cid,
            f"{request.method} {request.url.path[:200]}: " + "; ".join(f"{f.veld} {f.melding}" for f in fouten)[:300],
        )
        raise InvoerFout(fouten)


def _versie(data: Any) -> int:
    versie = data.get("versie") if isinstance(data, dict) else None
    if not isinstance(versie, int) or isinstance(versie, bool) or not 1 <= versie <= MAX_ID:
        raise InvoerFout.een("versie", "geef de versie van het record dat u hebt gelezen (geheel getal ≥ 1)")
    return int(data["versie"])


def _mij(a: Actor) -> Mij:
    return Mij(
        id=a.gebruiker_id,
        gebruikersnaam=a.gebruikersnaam,
        naam=a.naam,
        rol=a.rol,
        rol_naam=ROLNAMEN[a.rol],
        organisatie=Organisatie(
            id=a.organisatie_id,
            naam=a.organisatie_naam,
            soort=a.organisatie_soort,
            regio=a.regio,
            uzovi=a.uzovi,
            agb=a.agb,
        ),
    )
