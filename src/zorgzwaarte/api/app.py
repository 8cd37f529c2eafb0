"""REST API (FastAPI). OpenAPI at /openapi.json and /docs. Every client-data route goes through one service call
inside a Werkeenheid, so every read and write is audited. The BSN never appears in a URL: search is a POST.

(No `from __future__ import annotations` here: FastAPI must see the real Annotated dependencies.)
"""

import contextlib
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, Form, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import OAuth2PasswordBearer
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from zorgzwaarte.api.beveiliging import Beveiliging, TeGroot, beveiligingskoppen, hsts_aan
from zorgzwaarte.api.documentatie import documentatie_routes
from zorgzwaarte.api.register import maak_register_router
from zorgzwaarte.diensten import bekostiging as b
from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.aanmeldbeveiliging import blokkades, ontgrendel_gebruiker
from zorgzwaarte.diensten.aanspraken import bereken_aanspraak, lijst_regels
from zorgzwaarte.diensten.auth import aanmelden, actor_voor_token, afmelden
from zorgzwaarte.diensten.beheer import aanvulling_uit_database
from zorgzwaarte.diensten.brieven import besluitbrief
from zorgzwaarte.diensten.declaratie import declareer
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.pgb import bereken_pgb
from zorgzwaarte.diensten.toegang import ROLNAMEN, Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, nu_utc
from zorgzwaarte.domein.grenzen import MAX_ID, MAX_PAGINA, MAX_PER_PAGINA
from zorgzwaarte.domein.validatie import fouten_uit_lijst
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout, NietAangemeld, NietGevonden, TeVaak, Verboden
from zorgzwaarte.iwlz import uitwisseling as iwlz
from zorgzwaarte.opslag.database import maak_engine, sessiefabriek
from zorgzwaarte.rapporten.brieven import besluitbrief_pdf
from zorgzwaarte.web import STATIC, installeer_web

log = logging.getLogger("zorgzwaarte.api")
PREFIX = "/api/v1"
MAX_XML = 20_000_000
oauth2 = OAuth2PasswordBearer(tokenUrl=f"{PREFIX}/auth/token", auto_error=False)
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="intern nummer van het record")]
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
PaginaNr = Annotated[int, Query(ge=1, le=MAX_PAGINA)]
PerPagina = Annotated[int, Query(ge=1, le=MAX_PER_PAGINA)]
JsonBody = Annotated[Any, Body(description="JSON-object; zie de documentatie van het veld")]


HTTP_MELDINGEN = {
    400: "het verzoek kon niet worden gelezen",
    404: "dit adres bestaat niet",
    405: "deze handeling is op dit adres niet mogelijk",
    406: "dit antwoordformaat kan niet worden geleverd",
    413: "het verzoek is te groot",
    415: "dit soort inhoud wordt hier niet aangenomen",
}


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
    )
    app.add_middleware(Beveiliging)
    documentatie_routes(app)
    app.state.engine, app.state.fabriek, app.state.nu = engine, fabriek, nu

    @app.exception_handler(InvoerFout)
    async def _invoer(_: Request, exc: InvoerFout) -> JSONResponse:
        return _fouten(422, exc.fouten)

    @app.exception_handler(RequestValidationError)
    async def _validatie(request: Request, exc: RequestValidationError) -> JSONResponse:
        fouten = []
        for f in fouten_uit_lijst(exc.errors()):
            veld = f.veld.removeprefix("body.").removeprefix("body").removeprefix("query.").removeprefix("path.")
            fouten.append(Fout(veld or "(invoer)", f.melding))
        wie = getattr(request.state, "actor", None)
        if isinstance(wie, Actor):  # a logged-in user's refused request is audited like any other attempt
            await run_in_threadpool(_audit_ongeldig, fabriek, wie, nu, request, fouten)
        return _fouten(422, fouten)

    @app.exception_handler(NietAangemeld)
    async def _401(_: Request, exc: NietAangemeld) -> JSONResponse:
        return _fouten(401, [Fout("authorization", exc.melding)], {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(Verboden)
    async def _403(_: Request, exc: Verboden) -> JSONResponse:
        return _fouten(403, [Fout("rol", exc.melding)])

    @app.exception_handler(NietGevonden)
    async def _404(_: Request, exc: NietGevonden) -> JSONResponse:
        return _fouten(404, [Fout("id", exc.melding)])

    @app.exception_handler(TeVaak)
    async def _429(_: Request, exc: TeVaak) -> JSONResponse:
        return _fouten(429, [Fout("(aanmelden)", exc.melding)], {"Retry-After": str(exc.wacht_seconden)})

    @app.exception_handler(Conflict)
    async def _409(_: Request, exc: Conflict) -> JSONResponse:
        return _fouten(409, [Fout("versie", exc.melding)])

    @app.exception_handler(TeGroot)
    async def _413(_: Request, exc: TeGroot) -> JSONResponse:
        return _fouten(413, [Fout("(invoer)", exc.melding)])

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        melding = HTTP_MELDINGEN.get(exc.status_code, "het verzoek kon niet worden verwerkt")
        return _fouten(exc.status_code, [Fout("(adres)" if exc.status_code in (404, 405) else "(invoer)", melding)])

    @app.exception_handler(DBAPIError)
    async def _503(request: Request, exc: DBAPIError) -> JSONResponse:
        if not _verbindingsfout(exc):
            log.exception("databasefout", exc_info=exc)
            return _fouten(500, [Fout("(server)", "er ging iets mis aan onze kant; de beheerder is op de hoogte")])
        log.warning("database niet bereikbaar: %s", exc.__class__.__name__)
        return _fouten(
            503,
            [Fout("(server)", "de database is even niet bereikbaar; probeer het over een minuut opnieuw")],
            {"Retry-After": "30"},
        )

    @app.exception_handler(Exception)
    async def _500(request: Request, exc: Exception) -> JSONResponse:
        # Starlette answers this one outside every middleware, so the guard's headers are set here too
        log.exception("onverwachte fout", exc_info=exc)
        return _fouten(
            500,
            [Fout("(server)", "er ging iets mis aan onze kant; de beheerder is op de hoogte")],
            beveiligingskoppen(request.url.path, hsts_aan()),
        )

    app.include_router(maak_router(fabriek, nu), prefix=PREFIX)
    installeer_web(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/gezondheid", tags=["systeem"])
    def gezondheid() -> dict[str, str]:
        return {"status": "ok"}

    return app


def maak_router(fabriek: sessionmaker[Session], nu: Callable[[], datetime]) -> APIRouter:
    router = APIRouter()

    def actor(request: Request, token: Annotated[str | None, Depends(oauth2)]) -> Actor:
        if not token:
            raise NietAangemeld("niet aangemeld; vraag een token aan via /api/v1/auth/token")
        with fabriek() as s:
            a = actor_voor_token(s, token, nu)
        request.state.actor = a
        return a

    Wie = Annotated[Actor, Depends(actor)]

    def uow(wie: Actor) -> Werkeenheid:
        return Werkeenheid(fabriek, wie, nu)

    def doe(wie: Actor, functie: Callable[..., Any], *args: Any) -> Any:
        with uow(wie) as w:
            return functie(w, *args)

    # --- aanmelden -------------------------------------------------------------------------------------------
    @router.post("/auth/token", tags=["aanmelden"])
    def token(
        request: Request,
        username: Annotated[str, Form(max_length=100)],
        password: Annotated[str, Form(max_length=10_000)],
    ) -> dict[str, Any]:
        """Aanmelden met gebruikersnaam en wachtwoord (OAuth2 password flow); geeft een bearer-token.
        Na herhaalde mislukte pogingen 429 met `Retry-After` (docs/api.md, Aanmelden)."""
        t, a = aanmelden(fabriek, username, password, nu, adres=request.client.host if request.client else None)
        return {"access_token": t, "token_type": "bearer", "gebruiker": _mij(a)}

    @router.post("/auth/uitloggen", tags=["aanmelden"], status_code=204)
    def uitloggen(wie: Wie, t: Annotated[str | None, Depends(oauth2)], alle: bool = False) -> None:
        """Trek dit token in; met `alle=true` alle tokens van de gebruiker (ook op andere apparaten)."""
        assert t is not None
        afmelden(fabriek, t, wie, alle)

    @router.get("/mij", tags=["aanmelden"])
    def mij(wie: Wie) -> dict[str, Any]:
        return _mij(wie)

    # --- cliënten --------------------------------------------------------------------------------------------
    @router.get("/clienten", tags=["cliënten"])
    def clienten(
        wie: Wie,
        zoek: Annotated[str | None, Query(max_length=200)] = None,
        pagina: PaginaNr = 1,
        per_pagina: PerPagina = 25,
    ) -> dict[str, Any]:
        """Cliënten die u mag zien, gepagineerd; `zoek` filtert op naam of woonplaats."""
        return doe(wie, r.clienten_lijst, zoek, pagina, per_pagina)  # type: ignore[no-any-return]

    @router.post("/clienten", tags=["cliënten"], status_code=201)
    def client_nieuw(wie: Wie, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.client_aanmaken, data)  # type: ignore[no-any-return]

    @router.post("/clienten/zoeken", tags=["cliënten"])
    def client_zoeken(wie: Wie, data: JsonBody) -> dict[str, Any]:
        """Zoek een cliënt op BSN (in de body, nooit in de URL)."""
        return doe(wie, r.client_zoeken_bsn, data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}", tags=["cliënten"])
    def client(wie: Wie, client_id: Id) -> dict[str, Any]:
        return doe(wie, r.client_lezen, client_id)  # type: ignore[no-any-return]

    @router.patch("/clienten/{client_id}", tags=["cliënten"])
    def client_wijzig(wie: Wie, client_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.client_wijzigen, client_id, data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}/tijdlijn", tags=["cliënten"])
    def tijdlijn(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.client_tijdlijn, client_id)  # type: ignore[no-any-return]

    # --- beoordelingen en besluiten ---------------------------------------------------------------------------
    @router.get("/clienten/{client_id}/beoordelingen", tags=["beoordelingen"])
    def beoordelingen(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.beoordelingen_van_client, client_id)  # type: ignore[no-any-return]

    @router.post("/clienten/{client_id}/beoordelingen", tags=["beoordelingen"], status_code=201)
    def beoordeling_nieuw(wie: Wie, client_id: Id, data: JsonBody) -> dict[str, Any]:
        """Nieuwe beoordeling (concept); mag onvolledig zijn."""
        return doe(wie, r.beoordeling_aanmaken, client_id, data)  # type: ignore[no-any-return]

    @router.get("/beoordelingen/{beoordeling_id}", tags=["beoordelingen"])
    def beoordeling(wie: Wie, beoordeling_id: Id) -> dict[str, Any]:
        return doe(wie, r.beoordeling_lezen, beoordeling_id)  # type: ignore[no-any-return]

    @router.put("/beoordelingen/{beoordeling_id}", tags=["beoordelingen"])
    def beoordeling_wijzig(wie: Wie, beoordeling_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.beoordeling_wijzigen, beoordeling_id, data)  # type: ignore[no-any-return]

    @router.post("/beoordelingen/{beoordeling_id}/definitief", tags=["beoordelingen"])
    def beoordeling_def(wie: Wie, beoordeling_id: Id, data: JsonBody) -> dict[str, Any]:
        versie = _versie(data)
        return doe(wie, r.beoordeling_definitief, beoordeling_id, versie)  # type: ignore[no-any-return]

    @router.post("/beoordelingen/{beoordeling_id}/correctie", tags=["beoordelingen"], status_code=201)
    def beoordeling_corr(wie: Wie, beoordeling_id: Id) -> dict[str, Any]:
        """Een correctie op een definitieve beoordeling: een nieuwe versie (concept)."""
        return doe(wie, r.beoordeling_correctie, beoordeling_id)  # type: ignore[no-any-return]

    @router.post("/beoordelingen/{beoordeling_id}/voorbeeld", tags=["beoordelingen"])
    def beoordeling_voorbeeld(wie: Wie, beoordeling_id: Id) -> dict[str, Any]:
        """Bereken het besluit bij de huidige beoordeling, zonder iets vast te leggen."""
        return doe(wie, r.beoordeling_voorbeeld, beoordeling_id)  # type: ignore[no-any-return]

    @router.post("/beoordelingen/{beoordeling_id}/indicatiebesluit", tags=["indicatiebesluiten"], status_code=201)
    def besluit_nieuw(wie: Wie, beoordeling_id: Id, data: JsonBody) -> dict[str, Any]:
        """Leg het indicatiebesluit vast; een eerder geldend besluit wordt vervangen (herindicatie)."""
        return doe(wie, r.besluit_vastleggen, beoordeling_id, _versie(data), data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}/indicatiebesluiten", tags=["indicatiebesluiten"])
    def besluiten(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.besluiten_van_client, client_id)  # type: ignore[no-any-return]

    @router.get("/indicatiebesluiten/{besluit_id}", tags=["indicatiebesluiten"])
    def besluit(wie: Wie, besluit_id: Id) -> dict[str, Any]:
        return doe(wie, r.besluit_lezen, besluit_id)  # type: ignore[no-any-return]

    @router.get("/indicatiebesluiten/{besluit_id}/brief", tags=["indicatiebesluiten"], response_class=Response)
    def besluit_brief(wie: Wie, besluit_id: Id, request: Request) -> Response:
        """De besluitbrief als PDF: besluit, data, toelichting in gewone taal en de bezwaarclausule."""
        pdf = besluitbrief_pdf(doe(wie, besluitbrief, besluit_id, str(request.base_url)))
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"content-disposition": f'attachment; filename="indicatiebesluit-{besluit_id}.pdf"'},
        )

    @router.post("/indiceer", tags=["rekenen"])
    def indiceer(wie: Wie, data: JsonBody) -> dict[str, Any]:
        """Bereken een indicatiebesluit uit een beoordeling zonder cliëntgegevens op te slaan."""
        return bereken_indicatie(data, aanvulling_uit_database(fabriek)).als_dict()

    # --- Regeling zorgaanspraken -------------------------------------------------------------------------------
    @router.get("/aanspraken", tags=["aanspraken"])
    def aanspraken(wie: Wie) -> list[dict[str, Any]]:
        return lijst_regels()

    @router.post("/aanspraken/{naam}", tags=["aanspraken"])
    def aanspraak(wie: Wie, naam: str, data: JsonBody) -> dict[str, Any]:
        return bereken_aanspraak(naam, data)

    # --- overeenkomsten, zorgplannen, rapportages, geleverde zorg --------------------------------------------
    @router.get("/clienten/{client_id}/overeenkomsten", tags=["zorglevering"])
    def overeenkomsten(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.overeenkomsten_van_client, client_id)  # type: ignore[no-any-return]

    @router.post("/clienten/{client_id}/overeenkomsten", tags=["zorglevering"], status_code=201)
    def overeenkomst_nieuw(wie: Wie, client_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.overeenkomst_aanmaken, client_id, data)  # type: ignore[no-any-return]

    @router.get("/overeenkomsten/{overeenkomst_id}", tags=["zorglevering"])
    def overeenkomst(wie: Wie, overeenkomst_id: Id) -> dict[str, Any]:
        return doe(wie, r.overeenkomst_lezen, overeenkomst_id)  # type: ignore[no-any-return]

    @router.patch("/overeenkomsten/{overeenkomst_id}", tags=["zorglevering"])
    def overeenkomst_wijzig(wie: Wie, overeenkomst_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.overeenkomst_wijzigen, overeenkomst_id, data)  # type: ignore[no-any-return]

    @router.post("/overeenkomsten/{overeenkomst_id}/zorgplannen", tags=["zorglevering"], status_code=201)
    def zorgplan_nieuw(wie: Wie, overeenkomst_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.zorgplan_aanmaken, overeenkomst_id, data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}/zorgplannen", tags=["zorglevering"])
    def zorgplannen(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.zorgplannen_van_client, client_id)  # type: ignore[no-any-return]

    @router.get("/zorgplannen/{zorgplan_id}", tags=["zorglevering"])
    def zorgplan(wie: Wie, zorgplan_id: Id) -> dict[str, Any]:
        return doe(wie, r.zorgplan_lezen, zorgplan_id)  # type: ignore[no-any-return]

    @router.put("/zorgplannen/{zorgplan_id}", tags=["zorglevering"])
    def zorgplan_wijzig(wie: Wie, zorgplan_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.zorgplan_wijzigen, zorgplan_id, data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}/rapportages", tags=["zorglevering"])
    def rapportages(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.rapportages_van_client, client_id)  # type: ignore[no-any-return]

    @router.post("/clienten/{client_id}/rapportages", tags=["zorglevering"], status_code=201)
    def rapportage_nieuw(wie: Wie, client_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.rapportage_aanmaken, client_id, data)  # type: ignore[no-any-return]

    @router.get("/clienten/{client_id}/geleverde-zorg", tags=["zorglevering"])
    def geleverd(wie: Wie, client_id: Id) -> list[dict[str, Any]]:
        return doe(wie, r.geleverd_van_client, client_id)  # type: ignore[no-any-return]

    @router.post("/clienten/{client_id}/geleverde-zorg", tags=["zorglevering"], status_code=201)
    def geleverd_nieuw(wie: Wie, client_id: Id, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.geleverd_registreren, client_id, data)  # type: ignore[no-any-return]

    # --- iWlz ---------------------------------------------------------------------------------------------------
    def xml_antwoord(xml: bytes, naam: str) -> Response:
        return Response(
            xml,
            media_type="application/xml; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{naam}.xml"'},
        )

    async def xml_body(request: Request) -> bytes:
        inhoud = await request.body()
        if not inhoud.strip():
            raise InvoerFout.een("bestand", "het bericht is leeg")
        if len(inhoud) > MAX_XML:
            raise InvoerFout.een("bestand", f"het bericht is groter dan {MAX_XML // 1_000_000} MB")
        return inhoud

    @router.get("/indicatiebesluiten/{besluit_id}/io31", tags=["iWlz"], response_class=Response)
    def io31_download(wie: Wie, besluit_id: Id) -> Response:
        """IO31-bericht (iWlz 2.2) van een vastgelegd indicatiebesluit."""
        return xml_antwoord(doe(wie, iwlz.io31_van_besluit, besluit_id), f"io31-{besluit_id}")

    @router.post("/iwlz/io31", tags=["iWlz"], status_code=201)
    async def io31_upload(wie: Wie, request: Request) -> dict[str, Any]:
        """Lees een IO31-bericht (XML in de body) in: cliënt, scores en een extern indicatiebesluit; niets bij een fout."""
        return doe(wie, iwlz.importeer_io31, await xml_body(request))  # type: ignore[no-any-return]

    @router.post("/iwlz/io31/export", tags=["iWlz"], response_class=Response)
    def io31_export(
        wie: Wie,
        data: JsonBody,
        ontvanger: Annotated[str, Query(max_length=4)] = "5509",
        besluitnummer: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        dagtekening: date | None = None,
    ) -> Response:
        """Bereken het besluit bij een beoordeling en geef het IO31-bericht (niets wordt opgeslagen)."""
        return xml_antwoord(
            iwlz.exporteer_io31(data, ontvanger, besluitnummer, dagtekening, aanvulling_uit_database(fabriek)), "io31"
        )

    @router.get("/overeenkomsten/{overeenkomst_id}/aw33", tags=["iWlz"], response_class=Response)
    def aw33(wie: Wie, overeenkomst_id: Id) -> Response:
        """AW33 (toewijzing zorgkantoor -> zorgaanbieder) van een overeenkomst."""
        return xml_antwoord(doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw33"), f"aw33-{overeenkomst_id}")

    @router.get("/overeenkomsten/{overeenkomst_id}/aw35", tags=["iWlz"], response_class=Response)
    def aw35(wie: Wie, overeenkomst_id: Id) -> Response:
        """AW35 (melding aanvang zorg) van een overeenkomst."""
        return xml_antwoord(doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw35"), f"aw35-{overeenkomst_id}")

    @router.post("/overeenkomsten/{overeenkomst_id}/aw39", tags=["iWlz"], response_class=Response)
    def aw39(wie: Wie, overeenkomst_id: Id, data: JsonBody) -> Response:
        """AW39 (mutatie of einde zorg): body {mutatiecode (LDT_MutatieCode), mutatiedatum}."""
        return xml_antwoord(
            doe(wie, iwlz.bericht_van_overeenkomst, overeenkomst_id, "aw39", data), f"aw39-{overeenkomst_id}"
        )

    @router.post("/iwlz/retour", tags=["iWlz"])
    async def retour(wie: Wie, request: Request) -> dict[str, Any]:
        """Lees een retourbericht (AW34, AW36, AW310) en toon de retourcodes in het Nederlands."""
        return doe(wie, iwlz.lees_retour, await xml_body(request))  # type: ignore[no-any-return]

    # --- bekostiging: tarieven, contracten, declareren ----------------------------------------------------------
    @router.post("/tarieven", tags=["bekostiging"], status_code=201)
    async def tarieven_laden(wie: Wie, request: Request, naam: str) -> dict[str, Any]:
        """Laad een tarieftabel (CSV in de body, docs/bekostiging.md); de laatst geladen tabel geldt. Alles of niets."""
        inhoud = await request.body()
        if len(inhoud) > MAX_XML:
            raise InvoerFout.een("bestand", f"de tabel is groter dan {MAX_XML // 1_000_000} MB")
        try:
            tekst = inhoud.decode("utf-8")
        except UnicodeDecodeError:
            raise InvoerFout.een("bestand", "de tabel is geen UTF-8-tekst") from None
        return doe(wie, b.tarieftabel_laden, naam, tekst)  # type: ignore[no-any-return]

    @router.get("/tarieven", tags=["bekostiging"])
    def tarieven(wie: Wie) -> dict[str, Any]:
        """De geldende tarieftabel met al haar regels (elk met bron; fictieve tarieven gemarkeerd)."""
        return doe(wie, b.tarieftabel_huidig)  # type: ignore[no-any-return]

    @router.post("/contracten", tags=["bekostiging"], status_code=201)
    def contract_nieuw(wie: Wie, data: JsonBody) -> dict[str, Any]:
        """Leg een contract vast (zorgkantoor): {zorgaanbieder_id, jaar, kwaliteitsopslag_per_dag, afspraken}."""
        return doe(wie, b.contract_aanmaken, data)  # type: ignore[no-any-return]

    @router.get("/contracten/{contract_id}", tags=["bekostiging"])
    def contract(wie: Wie, contract_id: Id) -> dict[str, Any]:
        return doe(wie, b.contract_lezen, contract_id)  # type: ignore[no-any-return]

    @router.get("/contracten/{contract_id}/dagtarief", tags=["bekostiging"])
    def contract_dagtarief(wie: Wie, contract_id: Id, dag: str) -> dict[str, Any]:
        """Effectief dagtarief per afgesproken prestatie op een dag: zorgzwaarte + prestatie, met toelichting."""
        return doe(wie, b.contract_dagtarief, contract_id, dag)  # type: ignore[no-any-return]

    @router.post("/contracten/{contract_id}/realisatie", tags=["bekostiging"])
    def contract_realisatie(wie: Wie, contract_id: Id, data: JsonBody) -> dict[str, Any]:
        """Realisatie tegenover de productieafspraak; body = uitkomst van /declareer."""
        return doe(wie, b.contract_realisatie, contract_id, data)  # type: ignore[no-any-return]

    @router.post("/pgb", tags=["bekostiging"])
    def pgb(wie: Wie, data: JsonBody) -> dict[str, Any]:
        """Maximaal pgb bij verblijf: {zzp, van, tot, begeleiding_groep, vervoer, in_instelling,
        kleinschalig_wooninitiatief, eerder_3lvg_met_pgb (Wlz, bij 3 LVG)}."""
        return bereken_pgb(data)

    @router.post("/declareer", tags=["bekostiging"])
    def declareer_api(wie: Wie, data: JsonBody) -> dict[str, Any]:
        """Declareer een periode (zelfde contract als `zorgzwaarte declareer`); er wordt niets opgeslagen."""
        return declareer(data)

    @router.post("/declareer/pdf", tags=["bekostiging"], response_class=Response)
    def declareer_pdf(wie: Wie, data: JsonBody) -> Response:
        """Als /declareer, als PDF-overzicht met case-mix en toelichting per regel."""
        from zorgzwaarte.rapporten.pdf import declaratie_pdf

        uitkomst = declareer(data)
        return Response(
            declaratie_pdf(uitkomst),
            media_type="application/pdf",
            headers={"content-disposition": f'attachment; filename="declaratie-{uitkomst["periode"]["van"]}.pdf"'},
        )

    # --- beheer en audit ---------------------------------------------------------------------------------------
    @router.get("/organisaties", tags=["beheer"])
    def organisaties(wie: Wie) -> list[dict[str, Any]]:
        return doe(wie, r.organisaties_lijst)  # type: ignore[no-any-return]

    @router.post("/gebruikers", tags=["beheer"], status_code=201)
    def gebruiker_nieuw(wie: Wie, data: JsonBody) -> dict[str, Any]:
        return doe(wie, r.gebruiker_aanmaken, data)  # type: ignore[no-any-return]

    @router.post("/gebruikers/{gebruiker_id}/ontgrendelen", tags=["beheer"])
    def gebruiker_ontgrendelen(wie: Wie, gebruiker_id: Id) -> dict[str, Any]:
        """Hef de tijdelijke blokkade na te veel mislukte aanmeldpogingen op (beheerder)."""
        return doe(wie, ontgrendel_gebruiker, gebruiker_id)  # type: ignore[no-any-return]

    @router.get("/aanmeldblokkades", tags=["beheer"])
    def aanmeldblokkades(wie: Wie) -> list[dict[str, Any]]:
        """Accounts en adressen met mislukte aanmeldpogingen, en tot wanneer ze geblokkeerd zijn (beheerder)."""
        return doe(wie, blokkades)  # type: ignore[no-any-return]

    router.include_router(maak_register_router(fabriek, nu, actor, oauth2))

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
    ) -> dict[str, Any]:
        """Het auditlog (alleen beheerder), nieuwste eerst."""
        return doe(wie, r.audit_lijst, client_id, gebruiker, actie, van, tot, pagina, per_pagina)  # type: ignore[no-any-return]

    @router.get("/audit/export", tags=["beheer"], response_class=PlainTextResponse)
    def audit_export(
        wie: Wie, client_id: IdFilter = None, van: date | None = None, tot: date | None = None
    ) -> PlainTextResponse:
        tekst = doe(wie, r.audit_export, client_id, van, tot)
        return PlainTextResponse(
            tekst,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="auditlog.csv"'},
        )

    return router


def _audit_ongeldig(
    fabriek: sessionmaker[Session], wie: Actor, nu: Callable[[], datetime], request: Request, fouten: list[Fout]
) -> None:
    """One audit line for a request refused before it reached a service (e.g. an id beyond the database's range).
    The raw path goes into the details (cut short): such an id cannot be stored as a number."""
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


def _mij(a: Actor) -> dict[str, Any]:
    return {
        "id": a.gebruiker_id,
        "gebruikersnaam": a.gebruikersnaam,
        "naam": a.naam,
        "rol": a.rol,
        "rol_naam": ROLNAMEN[a.rol],
        "organisatie": {
            "id": a.organisatie_id,
            "naam": a.organisatie_naam,
            "soort": a.organisatie_soort,
            "regio": a.regio,
            "uzovi": a.uzovi,
            "agb": a.agb,
        },
    }
