"""Settings of the network adapter, read from the environment when used (docs/iwlz.md, 'Instellingen')."""

from __future__ import annotations

import os
from dataclasses import dataclass

from zorgzwaarte.fouten import InvoerFout

# RFC0014 §4.1.2
SCOPE_INDICATIE_LEZEN = "registers/wlzindicatieregister/indicaties/indicatie:read"
SCOPE_NOTIFICATIE = {
    "UZOVI": "organisaties/zorgkantoor/notificaties/notificatie:create",
    "AGB": "organisaties/zorgaanbieder/notificaties/notificatie:create",
}


@dataclass(frozen=True)
class Instellingen:
    register_url: str | None  # the Indicatieregister to fetch from (consume)
    token_url: str | None  # OAuth2 token endpoint of the network (RFC0014)
    certificaat: tuple[str, str] | None  # mTLS (systeemcertificaat, sleutel)
    afzender: tuple[str, str] | None  # this system as sender of notifications: (IDType, ID), e.g. ("KVK", "...")
    claims_header: str | None  # trusted gateway header with the caller's claims; None = off
    pogingen: int  # attempts per network call before giving up for now
    wacht_seconden: float  # first pause between attempts (doubles each time)
    timeout_seconden: float


def lees() -> Instellingen:
    omgeving = os.environ
    cert, key = omgeving.get("ZORGZWAARTE_IWLZ_CERT"), omgeving.get("ZORGZWAARTE_IWLZ_KEY")
    afzender = omgeving.get("ZORGZWAARTE_IWLZ_AFZENDER")
    afz: tuple[str, str] | None = None
    if afzender:
        soort, _, code = afzender.partition(":")
        if soort not in ("AGB", "KVK", "OIN", "UZOVI") or not code:
            raise InvoerFout.een("ZORGZWAARTE_IWLZ_AFZENDER", "schrijf als SOORT:CODE, bijvoorbeeld KVK:12345678")
        afz = (soort, code)
    try:
        pogingen = int(omgeving.get("ZORGZWAARTE_IWLZ_POGINGEN", "3"))
        wacht = float(omgeving.get("ZORGZWAARTE_IWLZ_WACHT", "0.5"))
        timeout = float(omgeving.get("ZORGZWAARTE_IWLZ_TIMEOUT", "10"))
    except ValueError:
        raise InvoerFout.een(
            "ZORGZWAARTE_IWLZ_POGINGEN", "pogingen, wachttijd en timeout moeten getallen zijn"
        ) from None
    return Instellingen(
        register_url=omgeving.get("ZORGZWAARTE_REGISTER_URL") or None,
        token_url=omgeving.get("ZORGZWAARTE_IWLZ_TOKEN_URL") or None,
        certificaat=(cert, key) if cert and key else None,
        afzender=afz,
        claims_header=omgeving.get("ZORGZWAARTE_IWLZ_CLAIMS_HEADER") or None,
        pogingen=max(pogingen, 1),
        wacht_seconden=max(wacht, 0.0),
        timeout_seconden=timeout,
    )
