"""Toewijzing (iWlz AW33): the zorgkantoor assigns a client's indicatiebesluit to a provider with a leveringsvorm and
a start date; the provider finds the client in its intake and records the overeenkomst from it (issue 14 item 10)."""

from __future__ import annotations

from sqlalchemy import select

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import lijst_van_client, record_van_aanbieder, uit_record
from zorgzwaarte.diensten.records.overeenkomsten import (
    aanbieder_en_besluit,
    controleer_leveringsvormen,
    controleer_overeenkomst_op_indicatie,
)
from zorgzwaarte.diensten.toegang import eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import ToewijzingNieuw
from zorgzwaarte.domein.uitvoer import ToewijzingUit
from zorgzwaarte.opslag.modellen import Toewijzing
from zorgzwaarte.regels.leveringsvormen import Levering


def toewijzing_uit(t: Toewijzing) -> ToewijzingUit:
    return uit_record(ToewijzingUit, t)


def toewijzing_aanmaken(uow: Werkeenheid, client_id: int, invoer: Ontvangen[ToewijzingNieuw]) -> ToewijzingUit:
    """The zorgkantoor assigns the client's (valid) decision to a provider. The same checks as an overeenkomst: the
    indication allows the leveringsvorm and the dates, and the Wlz version in force allows it beside the client's
    other agreements (Wlz art. 3.3.1 lid 1)."""
    actor = uow.ingelogd()
    poging = uow.log("toewijzing.aanmaken", "toewijzing", None, client_id)
    eis(actor, "toewijzing.schrijven")
    zichtbare_client(uow.sessie, actor, client_id)
    nieuw = aanvaard(ToewijzingNieuw, invoer)
    ib = aanbieder_en_besluit(uow, client_id, nieuw.zorgaanbieder_id, nieuw.indicatiebesluit_id)
    controleer_overeenkomst_op_indicatie(nieuw.leveringsvorm, nieuw.ingangsdatum, nieuw.einddatum, ib)
    controleer_leveringsvormen(
        uow, client_id, Levering(nieuw.leveringsvorm, nieuw.zorgaanbieder_id, nieuw.ingangsdatum, nieuw.einddatum)
    )
    assert actor.organisatie_id is not None
    t = Toewijzing(
        client_id=client_id,
        indicatiebesluit_id=ib.id,
        zorgaanbieder_id=nieuw.zorgaanbieder_id,
        zorgkantoor_id=actor.organisatie_id,
        leveringsvorm=nieuw.leveringsvorm,
        ingangsdatum=nieuw.ingangsdatum,
        einddatum=nieuw.einddatum,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(t)
    uow.sessie.flush()
    poging.object_id = t.id
    return toewijzing_uit(t)


def _toewijzing(uow: Werkeenheid, toewijzing_id: int) -> Toewijzing:
    """A toewijzing the actor may see: the provider its own, the zorgkantoor those of clients in its regio."""
    return record_van_aanbieder(uow, Toewijzing, toewijzing_id, "toewijzing")


def toewijzing_lezen(uow: Werkeenheid, toewijzing_id: int) -> ToewijzingUit:
    poging = uow.log("toewijzing.lezen", "toewijzing", toewijzing_id)
    eis(uow.ingelogd(), "toewijzing.lezen")
    t = _toewijzing(uow, toewijzing_id)
    poging.client_id = t.client_id
    return toewijzing_uit(t)


def toewijzingen_van_client(uow: Werkeenheid, client_id: int) -> list[ToewijzingUit]:
    actor = lijst_van_client(uow, client_id, "toewijzing.lijst", "toewijzing", "toewijzing.lezen")
    q = select(Toewijzing).where(Toewijzing.client_id == client_id)
    if actor.rol == "zorgaanbieder":
        q = q.where(Toewijzing.zorgaanbieder_id == actor.organisatie_id)
    return [toewijzing_uit(t) for t in uow.sessie.scalars(q.order_by(Toewijzing.id.desc()))]
