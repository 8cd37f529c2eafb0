"""Use cases on rapportages (care notes) of the provider's own organisation."""

from __future__ import annotations

from sqlalchemy import select

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import lijst_van_client, uit_record
from zorgzwaarte.diensten.records.overeenkomsten import _overeenkomsten_query
from zorgzwaarte.diensten.toegang import eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import (
    RapportageNieuw,
)
from zorgzwaarte.domein.uitvoer import RapportageUit
from zorgzwaarte.fouten import Verboden
from zorgzwaarte.opslag.modellen import (
    Rapportage,
)


def rapportage_uit(r: Rapportage) -> RapportageUit:
    return uit_record(RapportageUit, r)


def rapportage_aanmaken(uow: Werkeenheid, client_id: int, invoer: Ontvangen[RapportageNieuw]) -> RapportageUit:
    actor = uow.ingelogd()
    poging = uow.log("rapportage.aanmaken", "rapportage", None, client_id)
    eis(actor, "rapportage.schrijven")
    zichtbare_client(uow.sessie, actor, client_id)
    if not _overeenkomsten_query(uow, client_id):
        raise Verboden("rapporteren kan alleen bij een cliënt met een overeenkomst met uw organisatie")
    nieuw = aanvaard(RapportageNieuw, invoer)
    r = Rapportage(
        client_id=client_id,
        auteur_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        datum=nieuw.datum,
        domein=nieuw.domein,
        tekst=nieuw.tekst,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(r)
    uow.sessie.flush()
    poging.object_id = r.id
    return rapportage_uit(r)


def rapportages_van_client(uow: Werkeenheid, client_id: int) -> list[RapportageUit]:
    actor = lijst_van_client(uow, client_id, "rapportage.lijst", "rapportage", "rapportage.lezen")
    rijen = uow.sessie.scalars(
        select(Rapportage)
        .where(Rapportage.client_id == client_id, Rapportage.organisatie_id == actor.organisatie_id)
        .order_by(Rapportage.datum.desc(), Rapportage.id.desc())
    )
    return [rapportage_uit(r) for r in rijen]
