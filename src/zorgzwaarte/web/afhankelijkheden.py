"""What every web page shares: the Jinja environment, the current user, CSRF and reading a posted form.

The route modules under `web/routes/` take these as FastAPI dependencies:

- `Scherm` (`Ingelogd` / `Open`): the request, the signed-in actor (or none on a public page), `toon()` to render a
  template, `doe()` to run one service call inside a Werkeenheid (audit and rights as in the API);
- `Formulier`: the posted form as name -> all its values, with the CSRF check (double submit against `zz_csrf`).

A page that needs a login raises `NietIngelogd` (the browser goes to /aanmelden); a service refusal (not found,
not allowed, conflict) raised from `doe()` becomes `WebFout` and the error page, unless the route catches it to
show the message in its own form. No rule logic lives in a route: it reads the form, makes one page-service call
and renders.

(No `from __future__ import annotations` here: FastAPI must see the real Annotated dependencies.)
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.auth import actor_voor_token
from zorgzwaarte.diensten.omgeving import veilige_cookies
from zorgzwaarte.diensten.records.gemeenschappelijk import beoordeling_omschrijving
from zorgzwaarte.diensten.toegang import ROLNAMEN, Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.grenzen import MAX_ID, RecordId
from zorgzwaarte.fouten import DienstFout, InvoerFout, NietAangemeld, NietGevonden, Verboden
from zorgzwaarte.rapporten.opmaak import datum, euro, functienaam, getal, leesbaar, postcode, tijdstip, uitkomstwaarde
from zorgzwaarte.web.invoer import foutenlijst, invoerdatum, naar_iso, per_veld, schermmelding
from zorgzwaarte.web.zorglevering import leveringsvorm_keuzes, leveringsvorm_naam

# Record numbers in web addresses are bounded like the API's (a number beyond the database's integer range is
# refused with 422 before any query runs, never a 500).
WebId = RecordId
WebNummer = Annotated[int, Query(ge=0, le=MAX_ID)]

SESSIE = "zz_sessie"
CSRF = "zz_csrf"
CSRF_MELDING = "het formulier is verlopen; probeer het opnieuw"
STATIC = Path(__file__).parent / "static"
MENU = {
    "beoordelaar": [("Start", "/start"), ("Cliënten", "/clienten"), ("Aanspraken", "/aanspraken")],
    "zorgaanbieder": [("Start", "/start"), ("Cliënten", "/clienten"), ("Aanspraken", "/aanspraken")],
    "zorgkantoor": [
        ("Start", "/start"),
        ("Cliënten", "/clienten"),
        ("Wat als", "/wat-als"),
        ("Tarieven", "/tarieven"),
        ("Aanspraken", "/aanspraken"),
    ],
    "beheerder": [
        ("Start", "/start"),
        ("Auditlog", "/audit"),
        ("Gebruikers", "/beheer/gebruikers"),
        ("Wat als", "/wat-als"),
        ("Tarieven", "/tarieven"),
        ("Aanspraken", "/aanspraken"),
    ],
}

T = TypeVar("T")

# The heading (and <title>) of the error page per HTTP status; the message under it says what happened.
FOUTTITELS = {
    400: "Verzoek niet begrepen",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Pagina niet gevonden",
    405: "Niet mogelijk",
    406: "Niet mogelijk",
    409: "Niet gelukt",
    413: "Te groot",
    415: "Niet mogelijk",
    422: "Invoer niet in orde",
    429: "Even wachten",
    500: "Er ging iets mis",
    503: "Even niet bereikbaar",
}


def _omgeving() -> Environment:
    env = Environment(loader=PackageLoader("zorgzwaarte.web", "sjablonen"), autoescape=select_autoescape())
    env.filters.update(
        datum=datum,
        euro=euro,
        invoerdatum=invoerdatum,
        schermmelding=schermmelding,
        foutenlijst=foutenlijst,
        per_veld=per_veld,
        tijdstip=tijdstip,
        getal=getal,
        postcode=postcode,
        functienaam=functienaam,
        leveringsvorm=leveringsvorm_naam,
        leesbaar=leesbaar,
        uitkomstwaarde=uitkomstwaarde,
    )
    env.globals.update(
        ROLNAMEN=ROLNAMEN,
        MENU=MENU,
        leveringsvorm_keuzes=leveringsvorm_keuzes,
        beoordeling_omschrijving=beoordeling_omschrijving,
    )
    return env


SJABLONEN = _omgeving()


def nieuw_csrf(antwoord: Response) -> str:
    """Set a fresh CSRF cookie (at login and logout the token rotates); returns it."""
    csrf = secrets.token_urlsafe(32)
    antwoord.set_cookie(CSRF, csrf, httponly=True, samesite="strict", secure=veilige_cookies())
    return csrf


class NietIngelogd(Exception):
    """A page needs a login: the app's handler sends the browser to the login page."""


class WebFout(Exception):
    """A service refused (not found / not allowed / conflict): the app's handler shows the error page."""

    def __init__(self, scherm: "Scherm", fout: DienstFout) -> None:
        super().__init__(fout.melding)
        self.scherm, self.fout = scherm, fout


@dataclass
class Scherm:
    """One request to a page: who asks, and how to render and call services for them."""

    request: Request
    actor: Actor | None
    fabriek: sessionmaker[Session]
    nu: Callable[[], datetime]

    @property
    def wie(self) -> Actor:
        if self.actor is None:
            raise NietIngelogd
        return self.actor

    def toon(self, sjabloon: str, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = self.request.cookies.get(CSRF) or secrets.token_urlsafe(32)
        context.setdefault("actor", self.actor)
        html = SJABLONEN.get_template(sjabloon).render(request=self.request, csrf=csrf, **context)
        antwoord = HTMLResponse(html, status_code=status)
        if self.request.cookies.get(CSRF) != csrf:
            antwoord.set_cookie(CSRF, csrf, httponly=True, samesite="strict", secure=veilige_cookies())
        antwoord.headers["Cache-Control"] = "no-store"
        return antwoord

    def doe(self, functie: Callable[..., T], *args: Any) -> T:
        """One service call in one unit of work; a refusal other than invalid input becomes the error page."""
        try:
            with Werkeenheid(self.fabriek, self.wie, self.nu) as w:
                return functie(w, *args)
        except InvoerFout:
            raise
        except NietAangemeld:
            raise NietIngelogd from None
        except DienstFout as fout:
            raise WebFout(self, fout) from None

    def foutpagina(self, fout: DienstFout) -> HTMLResponse:
        status = 404 if isinstance(fout, NietGevonden) else 403 if isinstance(fout, Verboden) else 409
        return self.toon("fout.html", status=status, melding=fout.melding, titel=FOUTTITELS[status])

    def naar(self, pad: str) -> RedirectResponse:
        return RedirectResponse(pad, status_code=303)


def _actor_uit_cookie(request: Request) -> Actor | None:
    token = request.cookies.get(SESSIE)
    if not token:
        return None
    try:
        with request.app.state.fabriek() as s:
            actor: Actor = actor_voor_token(s, token, request.app.state.nu)
            return actor
    except NietAangemeld:
        return None


def scherm_open(request: Request) -> Scherm:
    """A page anyone may see; `actor` is the signed-in user or None."""
    return Scherm(request, _actor_uit_cookie(request), request.app.state.fabriek, request.app.state.nu)


def scherm_ingelogd(request: Request) -> Scherm:
    """A page for signed-in users only."""
    scherm = scherm_open(request)
    if scherm.actor is None:
        raise NietIngelogd
    return scherm


@dataclass
class Formulier:
    """A posted form: name -> all its values (text), and whether its CSRF token matches the cookie."""

    waarden: dict[str, list[str]]
    csrf_ok: bool
    bestanden: dict[str, Any]

    def een(self, naam: str, standaard: str = "") -> str:
        return (self.waarden.get(naam) or [standaard])[0].strip()

    def alle(self, naam: str) -> list[str]:
        return self.waarden.get(naam, [])

    def eis_csrf(self) -> None:
        """A form whose token does not match its cookie is refused as invalid input (Dutch message)."""
        if not self.csrf_ok:
            raise InvoerFout.een("formulier", CSRF_MELDING)


def csrf_klopt(request: Request, waarde: str | None) -> bool:
    cookie = request.cookies.get(CSRF)
    return bool(cookie and waarde and secrets.compare_digest(cookie, waarde))


async def lees_formulier(request: Request) -> Formulier:
    form = await request.form()
    waarden: dict[str, list[str]] = {}
    bestanden: dict[str, Any] = {}
    for k in form:
        for v in form.getlist(k):
            if isinstance(v, str):
                waarden.setdefault(k, []).append(naar_iso(v))  # dd-mm-jjjj as typed -> ISO for the services
            else:
                bestanden[k] = v
    return Formulier(waarden, csrf_klopt(request, (waarden.get("csrf") or [""])[0]), bestanden)


Ingelogd = Annotated[Scherm, Depends(scherm_ingelogd)]
Open = Annotated[Scherm, Depends(scherm_open)]
Form = Annotated[Formulier, Depends(lees_formulier)]


def wil_html(request: Request) -> bool:
    """A browser asking for a page (not the API): its errors are shown as a page in the site's layout."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def html_foutpagina(
    request: Request, status: int, meldingen: list[str], koppen: dict[str, str] | None = None
) -> HTMLResponse:
    """The error page for a web request the pages did not handle themselves (unknown address, a bad number in the
    address, a refusal, a server fault). On a server fault the database is not asked who is signed in."""
    actor = None
    if status < 500:
        try:
            actor = _actor_uit_cookie(request)
        except Exception:  # the page about an error must not fail itself
            actor = None
    html = SJABLONEN.get_template("fout.html").render(
        request=request,
        csrf=request.cookies.get(CSRF, ""),
        actor=actor,
        titel=FOUTTITELS.get(status, "Niet gelukt"),
        meldingen=meldingen,
    )
    antwoord = HTMLResponse(html, status_code=status, headers=koppen)
    antwoord.headers["Cache-Control"] = "no-store"
    return antwoord


async def naar_aanmelden_handler(_: Request, __: Exception) -> Response:
    return RedirectResponse("/aanmelden", status_code=303)


async def webfout_handler(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, WebFout)
    return exc.scherm.foutpagina(exc.fout)
