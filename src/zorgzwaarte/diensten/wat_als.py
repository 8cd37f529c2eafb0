"""Wat als for the web page: the current decisions of the zorgkantoor's region, and one changed client opened.

The population is the assessment behind each client's geldend indicatiebesluit (docs/wat-als.md). Opening a
changed client is audited like every read of client data; the summary over the region is audited once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.records import _met_client, _volledige_invoer, client_uit, geldend_besluit
from zorgzwaarte.diensten.toegang import eis, zichtbare_client, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import InvoerFout, NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import Beoordeling, Client, Indicatiebesluit
from zorgzwaarte.regels.regelset import Regelset


def wat_als_toegang(uow: Werkeenheid) -> bool:
    """The page is for the zorgkantoor and the beheerder; True when the user may run over the region."""
    eis(uow.ingelogd(), "wat_als")
    return uow.ingelogd().rol == "zorgkantoor"


def regio_populatie(uow: Werkeenheid) -> list[tuple[int, dict[str, Any]]]:
    """(client id, assessment) behind every geldend indicatiebesluit of the region that has one."""
    actor = uow.ingelogd()
    poging = uow.log("wat_als.regio", "client")
    eis(actor, "wat_als")
    if actor.rol != "zorgkantoor":
        raise Verboden("alleen een zorgkantoor rekent over de besluiten van zijn regio; kies 'eigen bestand'")
    rijen = uow.sessie.execute(
        zichtbare_clienten(actor, select(Client))
        .join(Indicatiebesluit, Indicatiebesluit.client_id == Client.id)
        .join(Beoordeling, Beoordeling.id == Indicatiebesluit.beoordeling_id)
        .where(Indicatiebesluit.status == "geldig")
        .order_by(Client.id, Indicatiebesluit.id)
        .add_columns(Beoordeling)
    ).all()
    per_client: dict[int, dict[str, Any]] = {}
    for client, beoordeling in rijen:
        per_client[client.id] = _met_client(_volledige_invoer(beoordeling), client)  # the newest wins
    poging.details = f"{len(per_client)} geldende besluiten doorgerekend (alleen totalen getoond)"
    return list(per_client.items())


def client_wat_als(uow: Werkeenheid, client_id: int, variant: Regelset) -> dict[str, Any]:
    """One client's decision under the basis and under the variant, each with its trail and receipt (audited)."""
    actor = uow.ingelogd()
    uow.log("wat_als.client", "client", client_id, client_id, details=f"variant {variant.kenmerk}")
    eis(actor, "wat_als")
    client = zichtbare_client(uow.sessie, actor, client_id)
    besluit = geldend_besluit(uow, client_id)
    beoordeling = uow.sessie.get(Beoordeling, besluit.beoordeling_id) if besluit and besluit.beoordeling_id else None
    if beoordeling is None:
        raise NietGevonden("deze cliënt heeft geen geldend besluit met een beoordeling")
    invoer = _met_client(_volledige_invoer(beoordeling), client)
    try:
        aanvulling = huidige_aanvulling(uow.sessie)
        basis = bereken_indicatie(invoer, aanvulling).als_dict()
        met_variant = bereken_indicatie(invoer, aanvulling, variant=variant).als_dict()
    except InvoerFout as fout:
        raise NietGevonden(f"deze beoordeling kan niet opnieuw worden berekend: {fout}") from None
    return {"client": client_uit(client).model_dump(), "basis": basis, "variant": met_variant}
