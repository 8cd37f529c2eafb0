"""Web routes: log in/out, home per role, client search (HTMX) and client page with timeline.

Sessions: the login token lives in an HttpOnly, SameSite=Lax cookie (Secure when ZORGZWAARTE_VEILIGE_COOKIES=1,
i.e. behind HTTPS). CSRF: every form carries a token that must equal the `zz_csrf` cookie (double submit).
Every page goes through the same services as the API, so rights and audit are the same.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import Field
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import UploadFile as StarletteUpload

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.aanspraken import bereken_aanspraak, lijst_regels
from zorgzwaarte.diensten.auth import aanmelden, actor_voor_token, afmelden
from zorgzwaarte.diensten.brieven import besluitbrief
from zorgzwaarte.diensten.declaratie import declareer
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.startpagina import startpagina
from zorgzwaarte.diensten.toegang import ROLNAMEN, Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.beoordeling import BEOORDELINGSPRINCIPES, BRON_PRINCIPES
from zorgzwaarte.domein.records import AfwezigheidReden, Invoer
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import DienstFout, Fout, InvoerFout, NietAangemeld, NietGevonden, Verboden
from zorgzwaarte.rapporten.opmaak import datum, euro
from zorgzwaarte.rapporten.pdf import casemix, declaratie_pdf
from zorgzwaarte.regels.zorgplan import herindicatie_signaal
from zorgzwaarte.web.beoordeling import formulier_context, fouten_per_veld, invoer_naar_formulier, vergelijking
from zorgzwaarte.web.beoordeling import formulier_naar_invoer as beoordeling_uit_formulier
from zorgzwaarte.web.zorglevering import (
    DOMEINEN,
    FUNCTIES,
    PLAN_RIJEN,
    geleverd_uit_formulier,
    plan_fouten_per_veld,
    uren_grafiek,
    voorinvulling,
    zorgplan_naar_formulier,
    zorgplan_uit_formulier,
)

SESSIE = "zz_sessie"
CSRF = "zz_csrf"
CSRF_MELDING = "het formulier is verlopen; probeer het opnieuw"
AFWEZIGHEID_REDENEN = get_args(AfwezigheidReden)
STATIC = Path(__file__).parent / "static"
MENU = {
    "beoordelaar": [("Start", "/start"), ("Cliënten", "/clienten"), ("Aanspraken", "/aanspraken")],
    "zorgaanbieder": [("Start", "/start"), ("Cliënten", "/clienten"), ("Aanspraken", "/aanspraken")],
    "zorgkantoor": [("Start", "/start"), ("Cliënten", "/clienten"), ("Aanspraken", "/aanspraken")],
    "beheerder": [("Start", "/start"), ("Auditlog", "/audit"), ("Aanspraken", "/aanspraken")],
}


def _omgeving() -> Environment:
    env = Environment(loader=PackageLoader("zorgzwaarte.web", "sjablonen"), autoescape=select_autoescape())
    env.filters.update(datum=datum, euro=euro)
    env.globals.update(ROLNAMEN=ROLNAMEN, MENU=MENU)
    return env


class NietIngelogd(Exception):
    """Raised by `wie` inside a page handler: the app's handler sends the browser to the login page."""


async def naar_aanmelden_handler(_: Request, __: Exception) -> Response:
    return RedirectResponse("/aanmelden", status_code=303)


async def formulier(request: Request) -> dict[str, list[str]]:
    """The posted form as name -> all its values (text), the shape every form conversion reads."""
    form = await request.form()
    return {k: [str(v) for v in form.getlist(k)] for k in form}


def maak_web_router(fabriek: sessionmaker[Session], nu: Callable[[], datetime]) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    env = _omgeving()
    veilig = os.environ.get("ZORGZWAARTE_VEILIGE_COOKIES") == "1"

    def pagina(request: Request, sjabloon: str, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = request.cookies.get(CSRF) or secrets.token_urlsafe(32)
        html = env.get_template(sjabloon).render(request=request, csrf=csrf, **context)
        antwoord = HTMLResponse(html, status_code=status)
        if request.cookies.get(CSRF) != csrf:
            antwoord.set_cookie(CSRF, csrf, httponly=True, samesite="strict", secure=veilig)
        antwoord.headers["Cache-Control"] = "no-store"
        return antwoord

    def wie(request: Request) -> Actor:
        token = request.cookies.get(SESSIE)
        if not token:
            raise NietIngelogd
        try:
            with fabriek() as s:
                return actor_voor_token(s, token, nu)
        except NietAangemeld:
            raise NietIngelogd from None

    def eis_csrf(request: Request, waarden: dict[str, list[str]]) -> None:
        """A form whose token does not match its cookie is refused as invalid input (422, Dutch message)."""
        if not csrf_klopt(request, (waarden.get("csrf") or [""])[0]):
            raise InvoerFout.een("formulier", CSRF_MELDING)

    def csrf_klopt(request: Request, waarde: str | None) -> bool:
        cookie = request.cookies.get(CSRF)
        return bool(cookie and waarde and secrets.compare_digest(cookie, waarde))

    def doe(actor: Actor, functie: Callable[..., Any], *args: Any) -> Any:
        with Werkeenheid(fabriek, actor, nu) as w:
            return functie(w, *args)

    def naar_aanmelden() -> RedirectResponse:
        return RedirectResponse("/aanmelden", status_code=303)

    def foutpagina(request: Request, actor: Actor | None, fout: DienstFout) -> HTMLResponse:
        status = 404 if isinstance(fout, NietGevonden) else 403 if isinstance(fout, Verboden) else 409
        return pagina(request, "fout.html", status=status, actor=actor, melding=fout.melding)

    @router.get("/")
    def wortel(request: Request) -> Response:
        try:
            wie(request)
        except NietIngelogd:
            return naar_aanmelden()
        return RedirectResponse("/start", status_code=303)

    @router.get("/aanmelden")
    def aanmelden_form(request: Request) -> Response:
        return pagina(request, "aanmelden.html", actor=None, fouten={}, gebruikersnaam="")

    @router.post("/aanmelden")
    async def aanmelden_post(request: Request) -> Response:
        form = await request.form()
        gebruikersnaam = str(form.get("gebruikersnaam", "")).strip()
        wachtwoord = str(form.get("wachtwoord", ""))
        fouten: dict[str, str] = {}
        if not csrf_klopt(request, str(form.get("csrf", ""))):
            fouten["formulier"] = CSRF_MELDING
        if not gebruikersnaam:
            fouten["gebruikersnaam"] = "vul uw gebruikersnaam in"
        if not wachtwoord:
            fouten["wachtwoord"] = "vul uw wachtwoord in"
        if not fouten:
            try:
                token, _ = aanmelden(fabriek, gebruikersnaam, wachtwoord, nu)
            except NietAangemeld as fout:
                fouten["formulier"] = fout.melding
            else:
                antwoord = RedirectResponse("/start", status_code=303)
                antwoord.set_cookie(SESSIE, token, httponly=True, samesite="lax", secure=veilig)
                return antwoord
        return pagina(request, "aanmelden.html", status=422, actor=None, fouten=fouten, gebruikersnaam=gebruikersnaam)

    @router.post("/afmelden")
    async def afmelden_post(request: Request) -> Response:
        form = await request.form()
        antwoord = naar_aanmelden()
        token = request.cookies.get(SESSIE)
        if token and csrf_klopt(request, str(form.get("csrf", ""))):
            with contextlib.suppress(NietIngelogd):
                afmelden(fabriek, token, wie(request))
            antwoord.delete_cookie(SESSIE)
        return antwoord

    @router.get("/start")
    def start(request: Request) -> Response:
        actor = wie(request)
        return pagina(request, "start.html", actor=actor, s=doe(actor, startpagina))

    @router.get("/clienten")
    def clienten(request: Request, zoek: str = "", pagina_nr: int = 1) -> Response:
        actor = wie(request)
        try:
            lijst = doe(actor, r.clienten_lijst, zoek.strip() or None, max(1, pagina_nr), 25)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        sjabloon = "clienten_resultaten.html" if request.headers.get("HX-Request") else "clienten.html"
        return pagina(request, sjabloon, actor=actor, lijst=lijst, zoek=zoek)

    CLIENT_VELDEN = (
        ("bsn", "Burgerservicenummer", "text"),
        ("geslachtsnaam", "Achternaam", "text"),
        ("voorvoegsel", "Tussenvoegsel (niet verplicht)", "text"),
        ("voorletters", "Voorletters (niet verplicht)", "text"),
        ("geboortedatum", "Geboortedatum", "date"),
        ("straat", "Straat (niet verplicht)", "text"),
        ("huisnummer", "Huisnummer (niet verplicht)", "text"),
        ("postcode", "Postcode (niet verplicht)", "text"),
        ("woonplaats", "Woonplaats (niet verplicht)", "text"),
        ("regio", "Zorgkantoorregio (niet verplicht)", "text"),
    )

    @router.get("/clienten/nieuw")
    def client_nieuw(request: Request) -> Response:
        actor = wie(request)
        return pagina(request, "client_nieuw.html", actor=actor, velden=CLIENT_VELDEN, w={}, fouten={})

    @router.post("/clienten/nieuw")
    async def client_nieuw_post(request: Request) -> Response:
        actor = wie(request)
        form = await request.form()
        waarden = {k: str(v).strip() for k, v in form.items()}
        fouten: dict[str, str] = {}
        if not csrf_klopt(request, waarden.get("csrf")):
            fouten["formulier"] = CSRF_MELDING
        else:
            data = {k: v for k, v in waarden.items() if k not in ("csrf",) and v}
            try:
                c = doe(actor, r.client_aanmaken, data)
                return RedirectResponse(f"/clienten/{c['id']}", status_code=303)
            except InvoerFout as fout:
                fouten = {f.veld.split(".")[0]: f.melding for f in fout.fouten}
            except DienstFout as fout:
                fouten["formulier"] = fout.melding
        return pagina(
            request, "client_nieuw.html", status=422, actor=actor, velden=CLIENT_VELDEN, w=waarden, fouten=fouten
        )

    @router.post("/clienten/{client_id}/overeenkomsten")
    async def overeenkomst_nieuw(request: Request, client_id: int) -> Response:
        """The provider records a zorgleveringsovereenkomst on the client's valid indicatiebesluit."""
        actor = wie(request)
        form = await request.form()
        waarden = {k: str(v).strip() for k, v in form.items()}
        try:
            if not csrf_klopt(request, waarden.get("csrf")):
                raise InvoerFout.een("formulier", CSRF_MELDING)
            data = {k: waarden[k] for k in ("leveringsvorm", "ingangsdatum", "einddatum") if waarden.get(k)}
            doe(actor, r.overeenkomst_aanmaken, client_id, data)
        except InvoerFout as fout:
            try:
                return zorg_pagina(
                    request, actor, client_id, fout.fouten, {k: [v] for k, v in waarden.items()}, status=422
                )
            except DienstFout as f2:
                return foutpagina(request, actor, f2)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return RedirectResponse(f"/clienten/{client_id}/zorg?melding=Overeenkomst vastgelegd.", status_code=303)

    @router.get("/clienten/{client_id}")
    def client(request: Request, client_id: int) -> Response:
        actor = wie(request)
        try:
            c = doe(actor, r.client_lezen, client_id)
            tijdlijn = doe(actor, r.client_tijdlijn, client_id)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return pagina(request, "client.html", actor=actor, c=c, tijdlijn=tijdlijn)

    # --- beoordeling: formulier, live voorbeeld, definitief, besluit --------------------------------------------
    def beoordeling_pagina(
        request: Request,
        actor: Actor,
        c: dict[str, Any],
        b: dict[str, Any] | None,
        waarden: dict[str, list[str]],
        fouten: list[Fout],
        melding: str | None = None,
        status: int = 200,
    ) -> HTMLResponse:
        u = None
        if b and b["status"] != "concept":  # final: the decision as it will be stored, computed from the stored foto
            try:
                u = doe(actor, r.beoordeling_voorbeeld, b["id"])
            except InvoerFout as fout:
                fouten = [*fouten, *fout.fouten]
        return pagina(
            request,
            "beoordeling.html",
            status=status,
            actor=actor,
            c=c,
            b=b,
            w=waarden,
            fouten=fouten,
            melding=melding,
            principes=BEOORDELINGSPRINCIPES,
            principes_bron=BRON_PRINCIPES,
            u=u,
            vgl=vergelijking(u) if u else None,
            fv=fouten_per_veld(fouten),
            **formulier_context(),
        )

    @router.get("/clienten/{client_id}/beoordelingen/nieuw")
    def beoordeling_nieuw(request: Request, client_id: int) -> Response:
        actor = wie(request)
        try:
            c = doe(actor, r.client_lezen, client_id)
            if actor.rol != "beoordelaar":
                raise Verboden("alleen een beoordelaar legt een beoordeling vast")
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return beoordeling_pagina(request, actor, c, None, {}, [])

    @router.post("/clienten/{client_id}/beoordelingen")
    async def beoordeling_aanmaken(request: Request, client_id: int) -> Response:
        actor = wie(request)
        waarden = await formulier(request)
        invoer, meta = beoordeling_uit_formulier(waarden)
        try:
            c = doe(actor, r.client_lezen, client_id)
            eis_csrf(request, waarden)
            b = doe(actor, r.beoordeling_aanmaken, client_id, {"invoer": invoer, **meta})
        except InvoerFout as fout:
            return beoordeling_pagina(request, actor, c, None, waarden, fout.fouten, status=422)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return RedirectResponse(f"/beoordelingen/{b['id']}?opgeslagen=1", status_code=303)

    @router.get("/beoordelingen/{beoordeling_id}")
    def beoordeling_tonen(request: Request, beoordeling_id: int, opgeslagen: int = 0) -> Response:
        actor = wie(request)
        try:
            b = doe(actor, r.beoordeling_lezen, beoordeling_id)
            c = doe(actor, r.client_lezen, b["client_id"])
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        waarden = invoer_naar_formulier(b["invoer"], b)
        return beoordeling_pagina(request, actor, c, b, waarden, [], "Concept opgeslagen." if opgeslagen else None)

    @router.post("/beoordelingen/{beoordeling_id}")
    async def beoordeling_actie(request: Request, beoordeling_id: int) -> Response:
        actor = wie(request)
        waarden = await formulier(request)
        actie = waarden.get("actie", ["opslaan"])[0]
        tekst = waarden.get("versie", ["0"])[0]
        versie = int(tekst) if tekst.isdigit() else 0  # 0: the service answers with a Dutch message on `versie`
        try:
            b = doe(actor, r.beoordeling_lezen, beoordeling_id)
            c = doe(actor, r.client_lezen, b["client_id"])
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        try:
            eis_csrf(request, waarden)
            if actie == "besluit":
                besluit = doe(actor, r.besluit_vastleggen, beoordeling_id, versie)
                return RedirectResponse(f"/clienten/{besluit['client_id']}?besluit={besluit['id']}", status_code=303)
            invoer, meta = beoordeling_uit_formulier(waarden)
            b = doe(actor, r.beoordeling_wijzigen, beoordeling_id, {"invoer": invoer, **meta, "versie": versie})
            if actie == "definitief":
                b = doe(actor, r.beoordeling_definitief, beoordeling_id, b["versie"])
                return RedirectResponse(f"/beoordelingen/{beoordeling_id}", status_code=303)
        except InvoerFout as fout:
            return beoordeling_pagina(request, actor, c, b, waarden, fout.fouten, status=422)
        except DienstFout as fout:
            return beoordeling_pagina(request, actor, c, b, waarden, [Fout("formulier", fout.melding)], status=409)
        return RedirectResponse(f"/beoordelingen/{beoordeling_id}?opgeslagen=1", status_code=303)

    @router.post("/clienten/{client_id}/voorbeeld")
    async def voorbeeld(request: Request, client_id: int) -> Response:
        """HTMX: the decision as it would be computed from the values on screen (nothing is stored)."""
        actor = wie(request)
        form = await request.form()
        invoer, meta = beoordeling_uit_formulier({k: [str(v) for v in form.getlist(k)] for k in form})
        try:
            c = doe(actor, r.client_lezen, client_id)
            uitkomst = bereken_indicatie(
                {**invoer, **{k: v for k, v in meta.items() if v}, "client": {"geboortedatum": c["geboortedatum"]}}
            )
            u = uitkomst.als_dict()
            return pagina(request, "voorbeeld.html", actor=actor, u=u, vgl=vergelijking(u), fouten=[])
        except InvoerFout as fout:
            return pagina(request, "voorbeeld.html", actor=actor, u=None, fouten=fout.fouten)
        except DienstFout as fout:
            return pagina(request, "voorbeeld.html", actor=actor, u=None, fouten=[Fout("formulier", fout.melding)])

    # --- zorglevering (zorgaanbieder): zorgplan, rapportage, geleverde zorg -------------------------------------
    def zorg_pagina(
        request: Request,
        actor: Actor,
        client_id: int,
        fouten: list[Fout] | None = None,
        waarden: dict[str, list[str]] | None = None,
        melding: str | None = None,
        status: int = 200,
    ) -> HTMLResponse:
        c = doe(actor, r.client_lezen, client_id)
        overeenkomsten = doe(actor, r.overeenkomsten_van_client, client_id)
        plannen = doe(actor, r.zorgplannen_van_client, client_id)
        rapportages = doe(actor, r.rapportages_van_client, client_id)
        weken = doe(actor, r.geleverd_van_client, client_id)
        geindiceerd = None
        herindicatie = None
        eigen = [o for o in overeenkomsten if o["zorgaanbieder_id"] == actor.organisatie_id]
        if eigen and eigen[-1]["indicatiebesluit_id"]:
            besluit = doe(actor, r.besluit_lezen, eigen[-1]["indicatiebesluit_id"])
            herindicatie = herindicatie_signaal(
                [wk["signalen"] for wk in weken], besluit["geldig_tot"], weken[-1]["week"] if weken else None
            )
            minuten = [f.get("minuten_per_week") for f in (besluit["resultaat"].get("functies") or [])]
            geindiceerd = round(sum(m for m in minuten if m) / 60, 1) if any(minuten) else None
        return pagina(
            request,
            "zorg.html",
            status=status,
            actor=actor,
            c=c,
            overeenkomsten=eigen,
            plannen=plannen,
            rapportages=rapportages,
            weken=weken,
            grafiek=uren_grafiek(weken, geindiceerd),
            geindiceerd=geindiceerd,
            fouten=fouten or [],
            w=waarden or {},
            melding=melding,
            herindicatie=herindicatie,
            functies=FUNCTIES,
            redenen=AFWEZIGHEID_REDENEN,
        )

    @router.get("/clienten/{client_id}/zorg")
    def zorg(request: Request, client_id: int, melding: str = "") -> Response:
        actor = wie(request)
        try:
            return zorg_pagina(request, actor, client_id, melding=melding or None)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)

    @router.post("/clienten/{client_id}/zorg")
    async def zorg_post(request: Request, client_id: int) -> Response:
        """One form handler for the two forms on the page: a rapportage or a week of delivered care."""
        actor = wie(request)
        waarden = await formulier(request)
        soort = waarden.get("soort", [""])[0]
        try:
            eis_csrf(request, waarden)
            if soort == "rapportage":
                doe(
                    actor,
                    r.rapportage_aanmaken,
                    client_id,
                    {
                        "datum": waarden.get("datum", [""])[0],
                        "domein": waarden.get("domein", [""])[0] or None,
                        "tekst": waarden.get("tekst", [""])[0],
                    },
                )
                melding = "Rapportage vastgelegd."
            else:
                tekst = waarden.get("overeenkomst_id", ["0"])[0]
                overeenkomst = int(tekst) if tekst.isdigit() else 0  # 0: the service says it does not exist
                doe(actor, r.geleverd_registreren, client_id, geleverd_uit_formulier(waarden, overeenkomst))
                melding = "Week geregistreerd."
        except InvoerFout as fout:
            try:
                return zorg_pagina(request, actor, client_id, fout.fouten, waarden, status=422)
            except DienstFout as f2:
                return foutpagina(request, actor, f2)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return RedirectResponse(f"/clienten/{client_id}/zorg?melding={melding}", status_code=303)

    def plan_pagina(
        request: Request,
        actor: Actor,
        o: dict[str, Any],
        z: dict[str, Any] | None,
        waarden: dict[str, list[str]],
        fouten: list[Fout],
        status: int = 200,
        melding: str | None = None,
    ) -> HTMLResponse:
        c = doe(actor, r.client_lezen, o["client_id"])
        return pagina(
            request,
            "zorgplan.html",
            status=status,
            actor=actor,
            c=c,
            o=o,
            z=z,
            w=waarden,
            fouten=fouten,
            domeinen=DOMEINEN,
            functies=FUNCTIES,
            rijen=PLAN_RIJEN,
            melding=melding,
            fv=plan_fouten_per_veld(fouten),
        )

    @router.get("/overeenkomsten/{overeenkomst_id}/zorgplan")
    def zorgplan_nieuw(request: Request, overeenkomst_id: int) -> Response:
        actor = wie(request)
        try:
            o = doe(actor, r.overeenkomst_lezen, overeenkomst_id)
            besluit = doe(actor, r.besluit_lezen, o["indicatiebesluit_id"]) if o["indicatiebesluit_id"] else None
            return plan_pagina(request, actor, o, None, voorinvulling(besluit), [])
        except DienstFout as fout:
            return foutpagina(request, actor, fout)

    @router.post("/overeenkomsten/{overeenkomst_id}/zorgplan")
    async def zorgplan_aanmaken(request: Request, overeenkomst_id: int) -> Response:
        actor = wie(request)
        waarden = await formulier(request)
        try:
            o = doe(actor, r.overeenkomst_lezen, overeenkomst_id)
            eis_csrf(request, waarden)
            z = doe(actor, r.zorgplan_aanmaken, overeenkomst_id, zorgplan_uit_formulier(waarden))
        except InvoerFout as fout:
            return plan_pagina(request, actor, o, None, waarden, fout.fouten, status=422)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return RedirectResponse(f"/zorgplannen/{z['id']}?opgeslagen=1", status_code=303)

    @router.get("/zorgplannen/{zorgplan_id}")
    def zorgplan_tonen(request: Request, zorgplan_id: int, opgeslagen: int = 0) -> Response:
        actor = wie(request)
        try:
            z = doe(actor, r.zorgplan_lezen, zorgplan_id)
            o = doe(actor, r.overeenkomst_lezen, z["overeenkomst_id"])
            melding = "Zorgplan opgeslagen." if opgeslagen else None
            return plan_pagina(request, actor, o, z, zorgplan_naar_formulier(z), [], melding=melding)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)

    @router.post("/zorgplannen/{zorgplan_id}")
    async def zorgplan_bewaren(request: Request, zorgplan_id: int) -> Response:
        actor = wie(request)
        waarden = await formulier(request)
        try:
            z = doe(actor, r.zorgplan_lezen, zorgplan_id)
            o = doe(actor, r.overeenkomst_lezen, z["overeenkomst_id"])
            eis_csrf(request, waarden)
            doe(actor, r.zorgplan_wijzigen, zorgplan_id, zorgplan_uit_formulier(waarden))
        except InvoerFout as fout:
            return plan_pagina(request, actor, o, z, waarden, fout.fouten, status=422)
        except DienstFout as fout:
            return plan_pagina(request, actor, o, z, waarden, [Fout("formulier", fout.melding)], status=409)
        return RedirectResponse(f"/zorgplannen/{zorgplan_id}?opgeslagen=1", status_code=303)

    @router.get("/besluiten/{besluit_id}/brief.pdf")
    def besluit_brief(request: Request, besluit_id: int) -> Response:
        """The decision letter as a PDF, for whoever may read the decision."""
        actor = wie(request)
        try:
            pdf, _ = doe(actor, besluitbrief, besluit_id)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"content-disposition": f'attachment; filename="indicatiebesluit-{besluit_id}.pdf"'},
        )

    @router.post("/declaraties")
    async def declaratie_controleren(request: Request) -> Response:
        """Zorgkantoor or provider: upload a declaration (the JSON of `zorgzwaarte declareer`) and see every line
        explained, the total in euros, and the case-mix; `pdf=1` returns the PDF summary instead."""
        actor = wie(request)
        form = await request.form()
        fouten: list[Fout] = []
        uitkomst = None
        if not csrf_klopt(request, str(form.get("csrf", ""))):
            fouten = [Fout("formulier", CSRF_MELDING)]
        else:
            bestand = form.get("bestand")
            try:
                inhoud = await bestand.read() if isinstance(bestand, StarletteUpload) else b""
                if not inhoud:
                    raise InvoerFout.een("bestand", "kies een bestand (JSON, zoals 'zorgzwaarte declareer' het leest)")
                try:
                    data = json.loads(inhoud.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise InvoerFout.een("bestand", f"geen geldige JSON ({exc.__class__.__name__})") from None
                uitkomst = declareer(data)
            except InvoerFout as fout:
                fouten = fout.fouten
        if uitkomst and form.get("pdf") == "1":
            return Response(
                declaratie_pdf(uitkomst),
                media_type="application/pdf",
                headers={"content-disposition": 'attachment; filename="declaratie.pdf"'},
            )
        return pagina(
            request,
            "declaratie.html",
            status=422 if fouten else 200,
            actor=actor,
            d=uitkomst,
            fouten=fouten,
            mix=casemix(uitkomst["regels"]) if uitkomst else [],
        )

    @router.get("/audit")
    def audit(
        request: Request,
        gebruiker: str = "",
        actie: str = "",
        client_id: str = "",
        van: str = "",
        tot: str = "",
        pagina_nr: int = 1,
    ) -> Response:
        """The audit log for the beheerder: filters, newest first, 50 a page, and the CSV export with the same filters."""
        actor = wie(request)
        filters = {"gebruiker": gebruiker, "actie": actie, "client_id": client_id, "van": van, "tot": tot}
        fouten: dict[str, str] = {}
        try:
            f = valideer(AuditFilter, {k: v for k, v in filters.items() if v.strip()})
        except InvoerFout as fout:
            fouten = {x.veld: x.melding for x in fout.fouten}
            f = AuditFilter()
        try:
            lijst = doe(actor, r.audit_lijst, f.client_id, f.gebruiker, f.actie, f.van, f.tot, max(1, pagina_nr), 50)
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        query = urlencode({k: v for k, v in filters.items() if v})
        return pagina(
            request,
            "audit.html",
            status=422 if fouten else 200,
            actor=actor,
            lijst=lijst,
            filters=filters,
            fouten=fouten,
            query=query,
        )

    @router.get("/audit/export")
    def audit_export(request: Request, client_id: str = "", van: str = "", tot: str = "") -> Response:
        actor = wie(request)
        filters = {"client_id": client_id, "van": van, "tot": tot}
        try:
            f = valideer(AuditFilter, {k: v for k, v in filters.items() if v.strip()})
            tekst = doe(actor, r.audit_export, f.client_id, f.van, f.tot)
        except InvoerFout as fout:
            return pagina(
                request,
                "fout.html",
                status=422,
                actor=actor,
                melding="; ".join(f"{x.veld}: {x.melding}" for x in fout.fouten),
            )
        except DienstFout as fout:
            return foutpagina(request, actor, fout)
        return Response(
            tekst,
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="audit.csv"'},
        )

    # --- Regeling zorgaanspraken: public, no personal data -------------------------------------------------------
    def wie_misschien(request: Request) -> Actor | None:
        try:
            return wie(request)
        except NietIngelogd:
            return None

    @router.get("/aanspraken")
    def aanspraken(request: Request) -> Response:
        return pagina(request, "aanspraken.html", actor=wie_misschien(request), regels=lijst_regels())

    def _regel(naam: str) -> dict[str, Any] | None:
        return next((x for x in lijst_regels() if x["naam"] == naam), None)

    @router.get("/aanspraken/{naam}")
    def aanspraak_form(request: Request, naam: str) -> Response:
        regel = _regel(naam)
        actor = wie_misschien(request)
        if regel is None:
            return pagina(request, "fout.html", status=404, actor=actor, melding=f"'{naam}' is geen regel")
        return pagina(request, "aanspraak.html", actor=actor, regel=regel, waarden={}, fouten={}, uitkomst=None)

    @router.post("/aanspraken/{naam}")
    async def aanspraak_post(request: Request, naam: str) -> Response:
        regel = _regel(naam)
        actor = wie_misschien(request)
        if regel is None:
            return pagina(request, "fout.html", status=404, actor=actor, melding=f"'{naam}' is geen regel")
        waarden = await formulier(request)
        fouten: dict[str, str] = {}
        if not csrf_klopt(request, waarden.get("csrf", [""])[0]):
            fouten["formulier"] = CSRF_MELDING
        uitkomst = None
        if not fouten:
            try:
                uitkomst = bereken_aanspraak(naam, aanspraak_uit_formulier(regel["invoer"], waarden))
            except InvoerFout as fout:
                fouten = {f.veld.split(".")[0]: f.melding for f in fout.fouten}
        status = 422 if fouten else 200
        return pagina(
            request,
            "aanspraak.html",
            status=status,
            actor=actor,
            regel=regel,
            waarden=waarden,
            fouten=fouten,
            uitkomst=uitkomst,
        )

    return router


class AuditFilter(Invoer):
    gebruiker: str | None = None
    actie: str | None = None
    client_id: int | None = Field(default=None, ge=1)
    van: date | None = None
    tot: date | None = None


def aanspraak_uit_formulier(velden: list[dict[str, Any]], waarden: dict[str, list[str]]) -> dict[str, Any]:
    """Form values (all text) to the rule's JSON input: empty = not given, '3,5' = 3.5, ja/nee = true/false."""
    uit: dict[str, Any] = {}
    for v in velden:
        lijst = [w.strip() for w in waarden.get(v["veld"], []) if w.strip()]
        if v["soort"] == "meerkeuze":
            if v["keuzes"]:
                uit[v["veld"]] = lijst
            elif lijst:
                uit[v["veld"]] = [x.strip() for x in lijst[0].split(",") if x.strip()]
            continue
        if not lijst:
            continue
        w = lijst[0]
        if v["soort"] == "ja_nee":
            uit[v["veld"]] = {"ja": True, "nee": False}.get(w, w)
        elif v["soort"] in ("getal", "geheel_getal"):
            uit[v["veld"]] = w.replace(".", "").replace(",", ".") if "," in w else w
        else:
            uit[v["veld"]] = w
    return uit
