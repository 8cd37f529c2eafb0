"""Use cases on zorgleveringsovereenkomsten: create against the indicatiebesluit, read, end."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.besluiten import geldend_besluit
from zorgzwaarte.diensten.records.gemeenschappelijk import (
    _nl,
    controleer_versie,
    lijst_van_client,
    record_van_aanbieder,
    uit_record,
)
from zorgzwaarte.diensten.toegang import eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import (
    LEVERINGSVORMEN,
    OvereenkomstNieuw,
    OvereenkomstWijziging,
)
from zorgzwaarte.domein.uitvoer import OvereenkomstAangemaakt, OvereenkomstUit
from zorgzwaarte.fouten import Fout, InvoerFout, Verboden
from zorgzwaarte.opslag.modellen import (
    Indicatiebesluit,
    Organisatie,
    Toewijzing,
    Zorgleveringsovereenkomst,
)
from zorgzwaarte.regels.leveringsvormen import Levering, combinatie_fouten, niet_bij_indicatie


def overeenkomst_uit(o: Zorgleveringsovereenkomst) -> OvereenkomstUit:
    return uit_record(OvereenkomstUit, o)


def _overeenkomsten_query(uow: Werkeenheid, client_id: int) -> list[Zorgleveringsovereenkomst]:
    actor = uow.ingelogd()
    q = select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.client_id == client_id)
    if actor.rol == "zorgaanbieder":
        q = q.where(Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id)
    return list(uow.sessie.scalars(q.order_by(Zorgleveringsovereenkomst.id.desc())))


def _overeenkomst(uow: Werkeenheid, overeenkomst_id: int) -> Zorgleveringsovereenkomst:
    return record_van_aanbieder(uow, Zorgleveringsovereenkomst, overeenkomst_id, "zorgleveringsovereenkomst")


def overeenkomst_aanmaken(
    uow: Werkeenheid, client_id: int, invoer: Ontvangen[OvereenkomstNieuw]
) -> OvereenkomstAangemaakt:
    actor = uow.ingelogd()
    poging = uow.log("overeenkomst.aanmaken", "zorgleveringsovereenkomst", None, client_id)
    eis(actor, "overeenkomst.schrijven")
    zichtbare_client(uow.sessie, actor, client_id)
    nieuw = aanvaard(OvereenkomstNieuw, invoer)
    if actor.rol == "zorgaanbieder":
        if nieuw.zorgaanbieder_id not in (None, actor.organisatie_id):
            raise Verboden("een zorgaanbieder legt alleen eigen overeenkomsten vast")
        aanbieder_id = actor.organisatie_id
    else:
        if nieuw.zorgaanbieder_id is None:
            raise InvoerFout.een("zorgaanbieder_id", "is verplicht voor een zorgkantoor")
        aanbieder_id = nieuw.zorgaanbieder_id
    toewijzing = None
    besluit_id = nieuw.indicatiebesluit_id
    if nieuw.toewijzing_id is not None:  # from the intake: the zorgkantoor's toewijzing (AW33) to this provider
        toewijzing = uow.sessie.get(Toewijzing, nieuw.toewijzing_id)
        if toewijzing is None or toewijzing.client_id != client_id or toewijzing.zorgaanbieder_id != aanbieder_id:
            raise InvoerFout.een("toewijzing_id", "deze toewijzing is niet aan uw organisatie voor deze cliënt")
        if toewijzing.overeenkomst_id is not None:
            raise InvoerFout.een("toewijzing_id", "voor deze toewijzing is al een overeenkomst vastgelegd")
        if besluit_id not in (None, toewijzing.indicatiebesluit_id):
            raise InvoerFout.een("indicatiebesluit_id", "hoort niet bij de toewijzing")
        besluit_id = toewijzing.indicatiebesluit_id
    ib = aanbieder_en_besluit(uow, client_id, aanbieder_id, besluit_id)
    controleer_overeenkomst_op_indicatie(nieuw.leveringsvorm, nieuw.ingangsdatum, nieuw.einddatum, ib)
    controleer_leveringsvormen(
        uow, client_id, Levering(nieuw.leveringsvorm, aanbieder_id, nieuw.ingangsdatum, nieuw.einddatum)
    )
    functies = [
        {"functie": f["functie"], "klasse": f["klasse"], "klasse_code": f["klasse_code"]}
        for f in ib.resultaat.get("functies", [])
    ]
    o = Zorgleveringsovereenkomst(
        client_id=client_id,
        zorgaanbieder_id=aanbieder_id,
        indicatiebesluit_id=ib.id,
        zzp_code=ib.zzp_code,
        functies=functies,
        leveringsvorm=nieuw.leveringsvorm,
        ingangsdatum=nieuw.ingangsdatum,
        einddatum=nieuw.einddatum,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(o)
    uow.sessie.flush()
    if toewijzing is not None:
        toewijzing.overeenkomst_id = o.id
    poging.object_id = o.id
    return OvereenkomstAangemaakt(
        **overeenkomst_uit(o).model_dump(), waarschuwingen=gelijktijdige_overeenkomsten(uow, o)
    )


def aanbieder_en_besluit(
    uow: Werkeenheid, client_id: int, aanbieder_id: int, indicatiebesluit_id: int | None
) -> Indicatiebesluit:
    """The provider must be a zorgaanbieder; the decision (given, or else the client's valid one) must be the
    client's and granted: the grounds for an overeenkomst and for a toewijzing alike."""
    aanbieder = uow.sessie.get(Organisatie, aanbieder_id)
    if aanbieder is None or aanbieder.soort != "zorgaanbieder":
        raise InvoerFout.een("zorgaanbieder_id", "is geen zorgaanbieder")
    if indicatiebesluit_id is not None:
        ib = uow.sessie.get(Indicatiebesluit, indicatiebesluit_id)
        if ib is None or ib.client_id != client_id:
            raise InvoerFout.een("indicatiebesluit_id", "hoort niet bij deze cliënt")
    else:
        ib = geldend_besluit(uow, client_id)
        if ib is None:
            raise InvoerFout.een("indicatiebesluit_id", "de cliënt heeft geen geldend indicatiebesluit")
    if ib.besluit != "toegekend":
        raise InvoerFout.een("indicatiebesluit_id", "het besluit is afgewezen; er is geen zorg om te leveren")
    return ib


def controleer_overeenkomst_op_indicatie(
    leveringsvorm: str, ingangsdatum: date, einddatum: date | None, ib: Indicatiebesluit
) -> None:
    """An overeenkomst delivers what the indication allows, while it holds (Wlz art. 3.3.1 lid 1 and 3.3.2 lid 1:
    the leveringsvormen of the care the indicatiebesluit gives a right to; which ones an indication allows is
    ``regels.leveringsvormen.niet_bij_indicatie``)."""
    fouten = []
    if ingangsdatum < ib.geldig_van:
        fouten.append(Fout("ingangsdatum", f"ligt vóór het begin van het indicatiebesluit ({_nl(ib.geldig_van)})"))
    if ib.geldig_tot and ingangsdatum > ib.geldig_tot:
        fouten.append(Fout("ingangsdatum", f"ligt na het einde van het indicatiebesluit ({_nl(ib.geldig_tot)})"))
    if einddatum and einddatum < ingangsdatum:
        fouten.append(Fout("einddatum", "ligt vóór de ingangsdatum"))
    reden = niet_bij_indicatie(leveringsvorm, ib.verblijf, ib.zzp_code)
    if reden:
        fouten.append(Fout("leveringsvorm", reden))
    if fouten:
        raise InvoerFout(fouten)


def leveringsvormen_bij_besluit(ib: Indicatiebesluit | None) -> dict[str, str | None] | None:
    """Per leveringsvorm (domein.records.LEVERINGSVORMEN) why this indicatiebesluit does not allow it (None: it
    does), for a form that proposes only what is allowed; None without a granted indicatiebesluit."""
    if ib is None or ib.besluit != "toegekend":
        return None
    return {lv: niet_bij_indicatie(lv, ib.verblijf, ib.zzp_code) for lv in LEVERINGSVORMEN}


def controleer_leveringsvormen(uow: Werkeenheid, client_id: int, nieuw: Levering, zonder_id: int | None = None) -> None:
    """The client's agreements together: the leveringsvormen the Wlz version in force allows side by side (Wlz art.
    3.3.1 lid 1, art. 3.3.2 lid 1 onder a; regels/leveringsvormen.py). All of the client's agreements count, also
    those with other providers (the refusal names no other provider)."""
    q = select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.client_id == client_id)
    if zonder_id is not None:
        q = q.where(Zorgleveringsovereenkomst.id != zonder_id)
    bestaande = [
        Levering(o.leveringsvorm, o.zorgaanbieder_id, o.ingangsdatum, o.einddatum) for o in uow.sessie.scalars(q)
    ]
    fouten = combinatie_fouten(nieuw, bestaande)
    if fouten:
        raise InvoerFout([Fout("leveringsvorm", f) for f in fouten])


def gelijktijdige_overeenkomsten(uow: Werkeenheid, o: Zorgleveringsovereenkomst) -> list[str]:
    """A warning (not a refusal) when the client has another agreement over the same period."""
    uit = []
    alle = select(Zorgleveringsovereenkomst).where(
        Zorgleveringsovereenkomst.client_id == o.client_id, Zorgleveringsovereenkomst.id != o.id
    )
    for ander in uow.sessie.scalars(alle):
        overlapt = (ander.einddatum is None or ander.einddatum >= o.ingangsdatum) and (
            o.einddatum is None or o.einddatum >= ander.ingangsdatum
        )
        if overlapt:
            org = uow.sessie.get(Organisatie, ander.zorgaanbieder_id)
            naam = org.naam if org and ander.zorgaanbieder_id == o.zorgaanbieder_id else "een andere zorgaanbieder"
            uit.append(
                f"Let op: de cliënt heeft in dezelfde periode ook een overeenkomst met {naam} "
                f"(vanaf {_nl(ander.ingangsdatum)}). Controleer of de zorg niet dubbel wordt geleverd."
            )
    return uit


def overeenkomsten_van_client(uow: Werkeenheid, client_id: int) -> list[OvereenkomstUit]:
    lijst_van_client(uow, client_id, "overeenkomst.lijst", "zorgleveringsovereenkomst", "overeenkomst.lezen")
    return [overeenkomst_uit(o) for o in _overeenkomsten_query(uow, client_id)]


def overeenkomst_lezen(uow: Werkeenheid, overeenkomst_id: int) -> OvereenkomstUit:
    poging = uow.log("overeenkomst.lezen", "zorgleveringsovereenkomst", overeenkomst_id)
    eis(uow.ingelogd(), "overeenkomst.lezen")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    return overeenkomst_uit(o)


def overeenkomst_wijzigen(
    uow: Werkeenheid, overeenkomst_id: int, invoer: Ontvangen[OvereenkomstWijziging]
) -> OvereenkomstUit:
    poging = uow.log("overeenkomst.wijzigen", "zorgleveringsovereenkomst", overeenkomst_id)
    eis(uow.ingelogd(), "overeenkomst.schrijven")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    wijziging = aanvaard(OvereenkomstWijziging, invoer)
    controleer_versie(wijziging.versie, o.versie)
    if wijziging.einddatum and wijziging.einddatum < o.ingangsdatum:
        raise InvoerFout.een("einddatum", "ligt vóór de ingangsdatum")
    controleer_leveringsvormen(
        uow, o.client_id, Levering(o.leveringsvorm, o.zorgaanbieder_id, o.ingangsdatum, wijziging.einddatum), o.id
    )
    o.einddatum = wijziging.einddatum
    uow.sessie.flush()
    return overeenkomst_uit(o)
