"""Guards in front of every route (API and web), as one ASGI middleware:

- security headers on every response (Content-Security-Policy without inline script, no framing, nosniff,
  Referrer-Policy, HSTS when secure cookies are on);
- body size limits enforced while reading: a JSON or form body is read up to its limit (1 MB by default,
  `ZORGZWAARTE_MAX_JSON_BYTES`), any other body (XML, CSV, uploads) up to 20 MB (`ZORGZWAARTE_MAX_BESTAND_BYTES`);
  beyond that 413 with a Dutch message, before the rest is in memory;
- text that no database stores and no client can show is refused with 422 before any route runs: a NUL
  character or a lone surrogate (half of a UTF-16 pair) anywhere in the address, the query, a JSON or form body;
- unparsable JSON (also nested too deep, or a number with thousands of digits) answers 422 in the project's
  Dutch `{"fouten": [...]}` shape.

Limits and headers are described in docs/api.md.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import Headers

from zorgzwaarte.diensten.omgeving import positief_getal, veilige_cookies
from zorgzwaarte.domein.validatie import ONGELDIG_TEKEN, OnleesbareJson, lees_json, onleesbaar
from zorgzwaarte.fouten import InvoerFout

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_JSON = 1_000_000
MAX_BESTAND = 20_000_000
JSON_SOORTEN = ("application/json",)
FORMULIER = "application/x-www-form-urlencoded"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc set styles from their scripts (no inline script is needed, only inline style).
CSP_DOCUMENTATIE = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
DOCUMENTATIE_PADEN = ("/docs", "/redoc")
# the scope key with (the bytes, their JSON value) of a JSON body this guard parsed, so the route's handler does not
# parse the same bytes again (api/afhandeling.py); `json.loads` of the same UTF-8 bytes, as FastAPI reads a body
GELEZEN_JSON = "zorgzwaarte.json"


class TeGroot(Exception):
    """The body is larger than allowed (HTTP 413); raised while reading, before the rest is received."""

    def __init__(self, limiet: int) -> None:
        super().__init__(limiet)
        self.limiet = limiet

    @property
    def melding(self) -> str:
        return f"het verzoek is te groot: hoogstens {leesbaar(self.limiet)} is toegestaan"


def leesbaar(aantal: int) -> str:
    return f"{aantal / 1_000_000:g} MB" if aantal >= 1_000_000 else f"{aantal / 1000:g} kB"


def beveiligingskoppen(pad: str, hsts: bool) -> dict[str, str]:
    koppen = {
        "Content-Security-Policy": CSP_DOCUMENTATIE if pad in DOCUMENTATIE_PADEN else CSP,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    if hsts:
        koppen["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return koppen


def _gecodeerd(koppen: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in koppen.items()]


def _json_antwoord(
    status: int, veld: str, melding: str, koppen: dict[str, str] | None = None
) -> tuple[int, bytes, dict[str, str]]:
    inhoud = json.dumps({"fouten": [{"veld": veld, "melding": melding}]}, ensure_ascii=False).encode("utf-8")
    return status, inhoud, {"content-type": "application/json", **(koppen or {})}


class Beveiliging:
    """ASGI middleware: headers, size limits and text checks (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_json: int | None = None, max_bestand: int | None = None) -> None:
        self.app = app
        self.max_json = max_json or positief_getal("ZORGZWAARTE_MAX_JSON_BYTES", MAX_JSON)
        self.max_bestand = max_bestand or positief_getal("ZORGZWAARTE_MAX_BESTAND_BYTES", MAX_BESTAND)
        self.hsts = veilige_cookies()  # HSTS only behind HTTPS
        # encoded once: these headers go on every response (ASGI header names are lower case bytes)
        self._koppen = _gecodeerd(beveiligingskoppen("", self.hsts))
        self._documentatie = _gecodeerd(beveiligingskoppen(DOCUMENTATIE_PADEN[0], self.hsts))
        self._namen = frozenset(k for k, _ in self._koppen)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        koppen = self._documentatie if scope.get("path", "") in DOCUMENTATIE_PADEN else self._koppen

        async def send_met_koppen(message: Message) -> None:
            if message["type"] == "http.response.start":  # each header unless the route set it itself
                h = message.get("headers") or ()
                if any(k.lower() in self._namen for k, _ in h):
                    gezet = {k.lower() for k, _ in h}
                    message["headers"] = [*h, *(kop for kop in koppen if kop[0] not in gezet)]
                else:  # the usual answer (content-type and -length only): all of them, one new list
                    message["headers"] = [*h, *koppen]
            await send(message)

        weigering = self._controleer_adres(scope)
        if weigering is None:
            request_koppen = Headers(scope=scope)
            soort = request_koppen.get("content-type", "").split(";")[0].strip().lower()
            leest_zelf = soort in JSON_SOORTEN or soort.endswith("+json") or soort == FORMULIER
            limiet = self.max_json if leest_zelf else self.max_bestand
            lengte = request_koppen.get("content-length", "")
            if lengte.isdigit() and int(lengte) > limiet:
                weigering = _json_antwoord(413, "(invoer)", TeGroot(limiet).melding)
            elif leest_zelf and scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
                try:
                    inhoud = await _lees(receive, limiet)
                except TeGroot as exc:
                    weigering = _json_antwoord(413, "(invoer)", exc.melding)
                else:
                    weigering, waarde = _controleer_inhoud(inhoud, soort)
                    if waarde is not None:
                        scope[GELEZEN_JSON] = (inhoud, waarde)
                    receive = _opnieuw(inhoud, receive)
            else:
                receive = _begrensd(receive, limiet)
        if weigering is not None:
            status, inhoud, extra = weigering
            await send_met_koppen(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(k.encode(), v.encode()) for k, v in extra.items()]
                    + [(b"content-length", str(len(inhoud)).encode())],
                }
            )
            await send_met_koppen({"type": "http.response.body", "body": inhoud})
            return
        await self.app(scope, receive, send_met_koppen)

    @staticmethod
    def _controleer_adres(scope: Scope) -> tuple[int, bytes, dict[str, str]] | None:
        if onleesbaar(scope.get("path", "")):
            return _json_antwoord(422, "(adres)", ONGELDIG_TEKEN)
        query = scope.get("query_string", b"")
        return _controleer_paren(query.decode("latin-1"), "(adres)", "de zoekvraag in het adres") if query else None


def _controleer_paren(tekst: str, veld: str, wat: str) -> tuple[int, bytes, dict[str, str]] | None:
    """Name=value pairs (query string or posted form): valid UTF-8 (percent-encoded) and no NUL or half character."""
    try:
        paren = parse_qsl(tekst, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return _json_antwoord(422, veld, f"{wat} is geen geldige UTF-8-tekst")
    for naam, waarde in paren:
        if onleesbaar(naam) or onleesbaar(waarde):
            return _json_antwoord(422, veld if onleesbaar(naam) else naam, ONGELDIG_TEKEN)
    return None


def _controleer_inhoud(inhoud: bytes, soort: str) -> tuple[tuple[int, bytes, dict[str, str]] | None, Any]:
    """(the refusal or None, the JSON value of a JSON body that passed, else None)."""
    if not inhoud:
        return None, None
    if soort == FORMULIER:
        try:
            tekst = inhoud.decode("utf-8")
        except UnicodeDecodeError:
            return _json_antwoord(422, "formulier", "het formulier is geen geldige UTF-8-tekst"), None
        return _controleer_paren(tekst, "formulier", "het formulier"), None
    try:
        waarde = lees_json(inhoud)
    except InvoerFout as fout:  # unreadable JSON: 400 (as GraphQL clients expect); readable but bad text: 422
        status = 400 if isinstance(fout, OnleesbareJson) else 422
        return _json_antwoord(status, fout.fouten[0].veld, fout.fouten[0].melding), None
    return None, waarde


async def _lees(receive: Receive, limiet: int) -> bytes:
    delen: list[bytes] = []
    totaal = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        stuk = message.get("body", b"")
        totaal += len(stuk)
        if totaal > limiet:
            raise TeGroot(limiet)
        delen.append(stuk)
        if not message.get("more_body", False):
            break
    return b"".join(delen)


def _opnieuw(inhoud: bytes, receive: Receive) -> Receive:
    verzonden = False

    async def opnieuw() -> Message:
        nonlocal verzonden
        if not verzonden:
            verzonden = True
            return {"type": "http.request", "body": inhoud, "more_body": False}
        return await receive()

    return opnieuw


def _begrensd(receive: Receive, limiet: int) -> Receive:
    totaal = 0

    async def begrensd() -> Message:
        nonlocal totaal
        message = await receive()
        if message["type"] == "http.request":
            totaal += len(message.get("body", b""))
            if totaal > limiet:
                raise TeGroot(limiet)
        return message

    return begrensd
