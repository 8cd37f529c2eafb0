"""Log in, log out and the home page per role.

(No `from __future__ import annotations` in route modules: FastAPI must see the real Annotated dependencies.)
"""

import contextlib

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from zorgzwaarte.diensten.auth import aanmelden, afmelden
from zorgzwaarte.diensten.omgeving import veilige_cookies
from zorgzwaarte.diensten.startpagina import startpagina
from zorgzwaarte.fouten import NietAangemeld, TeVaak
from zorgzwaarte.web.afhankelijkheden import (
    CSRF_MELDING,
    SESSIE,
    Form,
    Ingelogd,
    NietIngelogd,
    Open,
    nieuw_csrf,
)

router = APIRouter(include_in_schema=False)


@router.get("/")
def wortel(scherm: Open) -> Response:
    return scherm.naar("/start" if scherm.actor else "/aanmelden")


@router.get("/aanmelden")
def aanmelden_form(scherm: Open) -> Response:
    return scherm.toon("sessie/aanmelden.html", actor=None, fouten={}, gebruikersnaam="")


@router.post("/aanmelden")
def aanmelden_post(scherm: Open, form: Form) -> Response:
    gebruikersnaam = form.een("gebruikersnaam")
    wachtwoord = (form.waarden.get("wachtwoord") or [""])[0]
    fouten: dict[str, str] = {}
    if not form.csrf_ok:
        fouten["formulier"] = CSRF_MELDING
    if not gebruikersnaam:
        fouten["gebruikersnaam"] = "vul uw gebruikersnaam in"
    if not wachtwoord:
        fouten["wachtwoord"] = "vul uw wachtwoord in"
    status, wacht = 422, 0
    if not fouten:
        verzoek = scherm.request
        try:
            token, _ = aanmelden(
                scherm.fabriek, gebruikersnaam, wachtwoord, scherm.nu, verzoek.client.host if verzoek.client else None
            )
        except NietAangemeld as fout:
            fouten["formulier"] = fout.melding
        except TeVaak as fout:
            fouten["formulier"], status, wacht = fout.melding, 429, fout.wacht_seconden
        else:
            doorsturen = RedirectResponse("/start", status_code=303)
            doorsturen.set_cookie(SESSIE, token, httponly=True, samesite="lax", secure=veilige_cookies())
            nieuw_csrf(doorsturen)  # a token planted before login is worthless after it
            return doorsturen
    antwoord = scherm.toon(
        "sessie/aanmelden.html", status=status, actor=None, fouten=fouten, gebruikersnaam=gebruikersnaam
    )
    if wacht:
        antwoord.headers["Retry-After"] = str(wacht)
    return antwoord


@router.post("/afmelden")
def afmelden_post(scherm: Open, form: Form) -> Response:
    """Logging out needs a valid CSRF token (else 422, the session stays); it ends the session in the database."""
    if not form.csrf_ok:
        return scherm.toon("fout.html", status=422, melding=CSRF_MELDING)
    antwoord = scherm.naar("/aanmelden")
    token = scherm.request.cookies.get(SESSIE)
    if token and form.csrf_ok:
        if scherm.actor is not None:
            with contextlib.suppress(NietAangemeld, NietIngelogd):
                afmelden(scherm.fabriek, token, scherm.actor)
        antwoord.delete_cookie(SESSIE)
        nieuw_csrf(antwoord)
    return antwoord


@router.get("/start")
def start(scherm: Ingelogd) -> Response:
    return scherm.toon("sessie/start.html", s=scherm.doe(startpagina))
