"""Use cases on delivered care per week (geleverde zorg), with corrections."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import _nl, lijst_van_client, uit_record
from zorgzwaarte.diensten.records.overeenkomsten import _overeenkomst, _overeenkomsten_query
from zorgzwaarte.diensten.records.zorgplannen import _signalen
from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import (
    GeleverdeZorgInvoer,
)
from zorgzwaarte.domein.uitvoer import GeleverdeZorgUit, Signaal
from zorgzwaarte.fouten import Conflict, InvoerFout
from zorgzwaarte.opslag.modellen import (
    GeleverdeZorg,
)


def geleverd_uit(g: GeleverdeZorg, signalen: list[dict[str, str]] | None = None) -> GeleverdeZorgUit:
    return uit_record(GeleverdeZorgUit, g, signalen=[Signaal(**s) for s in signalen or []])


def geleverd_registreren(uow: Werkeenheid, client_id: int, data: Ontvangen[GeleverdeZorgInvoer]) -> GeleverdeZorgUit:
    poging = uow.log("geleverd.registreren", "geleverde_zorg", None, client_id)
    eis(uow.ingelogd(), "geleverd.schrijven")
    invoer = aanvaard(GeleverdeZorgInvoer, data)
    o = _overeenkomst(uow, invoer.overeenkomst_id)
    if o.client_id != client_id:
        raise InvoerFout.een("overeenkomst_id", "hoort niet bij deze cliënt")
    zondag = invoer.week + timedelta(days=6)
    if zondag < o.ingangsdatum:
        raise InvoerFout.een("week", f"ligt vóór de ingangsdatum van de overeenkomst ({_nl(o.ingangsdatum)})")
    if o.einddatum and invoer.week > o.einddatum:
        raise InvoerFout.een("week", f"ligt na de einddatum van de overeenkomst ({_nl(o.einddatum)})")
    bestaand = uow.sessie.scalars(
        select(GeleverdeZorg).where(GeleverdeZorg.overeenkomst_id == o.id, GeleverdeZorg.week == invoer.week)
    ).first()
    if bestaand is not None and invoer.vervangen:  # a correction of that week: audited as such
        poging.actie = "geleverd.corrigeren"
        bestaand.uren = [u.model_dump() for u in invoer.uren]
        bestaand.afwezigheid = [a.model_dump(mode="json") for a in invoer.afwezigheid]
        bestaand.vastgelegd_op = uow.nu()
        uow.sessie.flush()
        poging.object_id = bestaand.id
        return geleverd_uit(bestaand, _signalen(uow, o, bestaand.uren))
    if bestaand is not None:
        raise Conflict(
            f"voor de week van {_nl(invoer.week)} is al zorg geregistreerd; "
            "kies 'dit is een correctie' om de uren van die week te vervangen"
        )
    g = GeleverdeZorg(
        client_id=client_id,
        overeenkomst_id=o.id,
        week=invoer.week,
        uren=[u.model_dump() for u in invoer.uren],
        afwezigheid=[a.model_dump(mode="json") for a in invoer.afwezigheid],
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(g)
    uow.sessie.flush()
    poging.object_id = g.id
    return geleverd_uit(g, _signalen(uow, o, g.uren))


def geleverd_van_client(uow: Werkeenheid, client_id: int) -> list[GeleverdeZorgUit]:
    lijst_van_client(uow, client_id, "geleverd.lijst", "geleverde_zorg", "geleverd.lezen")
    uit = []
    for o in _overeenkomsten_query(uow, client_id):
        for g in uow.sessie.scalars(
            select(GeleverdeZorg).where(GeleverdeZorg.overeenkomst_id == o.id).order_by(GeleverdeZorg.week)
        ):
            uit.append(geleverd_uit(g, _signalen(uow, o, g.uren)))
    return uit
