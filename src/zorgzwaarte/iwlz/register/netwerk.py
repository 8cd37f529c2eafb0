"""HTTP to the iWlz network (httpx): an OAuth2 client-credentials token per RFC0014 (scope and audience, mTLS when
configured), fetching a WlzIndicatie with a query template, delivering a notification with `zendNotificatie`.
Temporary failures (no connection, timeout, HTTP 5xx/429) are retried with a doubling pause; refusals are not."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from zorgzwaarte.iwlz.register.instellingen import SCOPE_INDICATIE_LEZEN, SCOPE_NOTIFICATIE, Instellingen
from zorgzwaarte.iwlz.register.sjablonen import query_tekst, variabelen

ANTWOORD_TYPES = "application/graphql-response+json, application/json;q=0.9"

ZEND_NOTIFICATIE = """mutation zendNotificatie($notificatieInput: NotificatieInput!) {
  zendNotificatie(notificatieInput: $notificatieInput) {
    notificatieID
  }
}
"""


class NetwerkFout(Exception):
    """A network step failed; `tijdelijk` when trying again later may help. The message is for people."""

    def __init__(self, melding: str, tijdelijk: bool) -> None:
        super().__init__(melding)
        self.melding = melding
        self.tijdelijk = tijdelijk


class OnbekendeIndicatie(Exception):
    """The register answered, but has no WlzIndicatie with this id for this organisation."""


def _client(inst: Instellingen) -> httpx.Client:
    return httpx.Client(timeout=inst.timeout_seconden, cert=inst.certificaat, follow_redirects=False)


def _met_herhaling(inst: Instellingen, wat: str, doe: Callable[[], httpx.Response]) -> httpx.Response:
    reden = ""
    for poging in range(inst.pogingen):
        try:
            r = doe()
        except httpx.TransportError as exc:
            reden = "geen verbinding" if isinstance(exc, httpx.ConnectError) else f"{exc.__class__.__name__}"
        else:
            if r.status_code < 500 and r.status_code != 429:
                return r
            reden = f"HTTP {r.status_code}"
        if poging + 1 < inst.pogingen:
            time.sleep(inst.wacht_seconden * 2**poging)
    raise NetwerkFout(
        f"{wat} is niet bereikbaar ({reden}, {inst.pogingen} pogingen); probeer het later opnieuw", tijdelijk=True
    )


def _json(r: httpx.Response, wat: str) -> Any:
    try:
        return r.json()
    except ValueError:
        raise NetwerkFout(f"het antwoord van {wat} is geen JSON", tijdelijk=False) from None


def _foutmeldingen(body: Any) -> str:
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        return "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in body["errors"])[:300]
    return ""


def token(client: httpx.Client, inst: Instellingen, scope: str, audience: str) -> str:
    """RFC0014 §4.1.4: POST {grant_type: client_credentials, scope, audience} as JSON to the token endpoint."""
    if not inst.token_url:
        raise NetwerkFout("er is geen token-endpoint ingesteld (ZORGZWAARTE_IWLZ_TOKEN_URL)", tijdelijk=False)
    token_url = inst.token_url
    verzoek = {"grant_type": "client_credentials", "scope": scope, "audience": audience}
    r = _met_herhaling(inst, "de autorisatieserver", lambda: client.post(token_url, json=verzoek))
    if r.status_code != 200:
        tekst = r.text.strip()[:200]
        raise NetwerkFout(
            f"de autorisatieserver weigerde het token (HTTP {r.status_code}{': ' + tekst if tekst else ''})",
            tijdelijk=False,
        )
    body = _json(r, "de autorisatieserver")
    waarde = body.get("access_token") if isinstance(body, dict) else None
    if not isinstance(waarde, str) or not waarde:
        raise NetwerkFout("het antwoord van de autorisatieserver bevat geen access_token", tijdelijk=False)
    return waarde


def haal_wlzindicatie(inst: Instellingen, sjabloon: str, wlzindicatie_id: str, eigen_code: str) -> dict[str, Any]:
    """The raw WlzIndicatie from the configured register, asked with the template (QIR-0001/QIR-0002)."""
    if not inst.register_url:
        raise NetwerkFout("er is geen Indicatieregister ingesteld (ZORGZWAARTE_REGISTER_URL)", tijdelijk=False)
    url = inst.register_url
    verzoek = {
        "query": query_tekst(sjabloon),
        "variables": variabelen(sjabloon, wlzindicatie_id, eigen_code),
        "operationName": "WlzIndicatie",
    }
    with _client(inst) as client:
        bearer = token(client, inst, SCOPE_INDICATIE_LEZEN, url)
        r = _met_herhaling(
            inst,
            "het Indicatieregister",
            lambda: client.post(
                url, json=verzoek, headers={"Authorization": f"Bearer {bearer}", "Accept": ANTWOORD_TYPES}
            ),
        )
    body = _json(r, "het Indicatieregister")
    meldingen = _foutmeldingen(body)
    if r.status_code != 200 or meldingen:
        raise NetwerkFout(
            f"het Indicatieregister weigerde de vraag (HTTP {r.status_code}{': ' + meldingen if meldingen else ''})",
            tijdelijk=False,
        )
    lijst = (
        body.get("data", {}).get("wlzIndicatie")
        if isinstance(body, dict) and isinstance(body.get("data"), dict)
        else None
    )
    if not isinstance(lijst, list) or len(lijst) > 1:
        raise NetwerkFout(
            "het antwoord van het Indicatieregister heeft niet de vorm van het querysjabloon", tijdelijk=False
        )
    if not lijst:
        raise OnbekendeIndicatie(
            f"het Indicatieregister kent geen WlzIndicatie {wlzindicatie_id} die uw organisatie mag zien"
        )
    if not isinstance(lijst[0], dict):
        raise NetwerkFout(
            "het antwoord van het Indicatieregister heeft niet de vorm van het querysjabloon", tijdelijk=False
        )
    return lijst[0]


def zend_notificatie(inst: Instellingen, url: str | None, notificatie: dict[str, Any]) -> str:
    """Deliver one notification with the zendNotificatie mutation (iWlz-generiek v1.1); returns the receiver's
    notificatieID. `notificatie` holds the NotificatieInput fields."""
    if not url:
        raise NetwerkFout("de ontvanger heeft geen notificatie-endpoint (netwerkpunt) ingesteld", tijdelijk=True)
    if inst.afzender is None:
        raise NetwerkFout(
            "de afzender is niet ingesteld (ZORGZWAARTE_IWLZ_AFZENDER, bijvoorbeeld KVK:12345678)", tijdelijk=True
        )
    invoer = {**notificatie, "afzenderIDType": inst.afzender[0], "afzenderID": inst.afzender[1]}
    with _client(inst) as client:
        bearer = token(client, inst, SCOPE_NOTIFICATIE[invoer["ontvangerIDType"]], url)
        r = _met_herhaling(
            inst,
            "het netwerkpunt van de ontvanger",
            lambda: client.post(
                url,
                json={"query": ZEND_NOTIFICATIE, "variables": {"notificatieInput": invoer}},
                headers={"Authorization": f"Bearer {bearer}", "Accept": ANTWOORD_TYPES},
            ),
        )
    body = _json(r, "het netwerkpunt van de ontvanger")
    meldingen = _foutmeldingen(body)
    nid = None
    if isinstance(body, dict) and isinstance(body.get("data"), dict):
        nid = (body["data"].get("zendNotificatie") or {}).get("notificatieID")
    if r.status_code != 200 or meldingen or not isinstance(nid, str):
        raise NetwerkFout(
            f"het netwerkpunt nam de notificatie niet aan (HTTP {r.status_code}{': ' + meldingen if meldingen else ''})",
            tijdelijk=True,
        )
    return nid
