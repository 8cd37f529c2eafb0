"""Indicatieregister use cases (iWlz-netwerkmodel), free of network code: what a query may see, the outbox of
notifications and its delivery bookkeeping, the inbox of received notifications. The GraphQL and HTTP work lives
in the adapter `zorgzwaarte.iwlz.register`; see docs/iwlz.md."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zorgzwaarte.diensten.datums import voluit
from zorgzwaarte.diensten.records import besluit_uit, client_uit, wlzindicatie_velden
from zorgzwaarte.diensten.toegang import Actor, eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import iso
from zorgzwaarte.domein.uitvoer import BesluitUit
from zorgzwaarte.domein.uitvoer_beheer import InboxItem, NotificatieStatus, NotificatieTeBezorgen
from zorgzwaarte.fouten import Conflict, InvoerFout, NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Gebruiker,
    Indicatiebesluit,
    NotificatieIn,
    NotificatieUit,
    Organisatie,
    Zorgleveringsovereenkomst,
)

# event types of the Indicatieregister (RFC0008 §3.2.1, iWlz-verplicht)
EVENT_NIEUW = "NIEUWE_INDICATIE_ZORGKANTOOR"
EVENT_VERVALLEN = "VERVALLEN_INDICATIE_ZORGKANTOOR"
EVENTS = (EVENT_NIEUW, EVENT_VERVALLEN)
SUBJECT = "WlzIndicatie"
MAX_POGINGEN = 8  # then 'mislukt': the beheerder sees it and can offer it again
BACKOFF_START = timedelta(minutes=1)  # 1, 2, 4, ... minutes, at most one day


def wacht_na(pogingen: int) -> timedelta:
    """Exponential backoff after the n-th failed attempt."""
    wacht: timedelta = BACKOFF_START * (2 ** max(pogingen - 1, 0))
    return min(wacht, timedelta(days=1))


def _poging_boeken(rij: NotificatieUit | NotificatieIn, nu: datetime, fout: str | None, klaar: str) -> None:
    """One attempt more; on failure the next one after the backoff, and after MAX_POGINGEN 'mislukt'."""
    rij.pogingen += 1
    if fout is None:
        rij.status, rij.laatste_fout, rij.volgende_poging_op = klaar, None, None
        return
    rij.laatste_fout = fout
    if rij.pogingen >= MAX_POGINGEN:
        rij.status, rij.volgende_poging_op = "mislukt", None
    else:
        rij.volgende_poging_op = nu + wacht_na(rij.pogingen)


# --- serve: who may see which WlzIndicatie --------------------------------------------------------------------


def verantwoordelijk_zorgkantoor(uow: Werkeenheid, c: Client) -> Organisatie | None:
    """The zorgkantoor of the client's region (the register's initieelVerantwoordelijkZorgkantoor)."""
    if not c.regio:
        return None
    return uow.sessie.scalars(
        select(Organisatie)
        .where(Organisatie.soort == "zorgkantoor", Organisatie.regio == c.regio, Organisatie.iwlz_code.is_not(None))
        .order_by(Organisatie.id)
    ).first()


def wlzindicatie_raadplegen(
    uow: Werkeenheid, wlzindicatie_id: str, sjabloon: str, filterwaarde: str
) -> list[dict[str, Any]]:
    """The WlzIndicatie (0 or 1) a query template returns for this caller, as plain records for the adapter.

    QIR-0001: the caller is a zorgkantoor and filters on its own UZOVI code, which must be the decision's
    initieel verantwoordelijk zorgkantoor. QIR-0002: the caller is a provider filtering on its own AGB code, with a
    zorgleveringsovereenkomst for the client. Anything not visible gives an empty list: existence never leaks."""
    actor = uow.ingelogd()
    poging = uow.log("register.raadplegen", "indicatiebesluit", details=f"{sjabloon} wlzindicatieID {wlzindicatie_id}")
    eigen = uow.sessie.get(Organisatie, actor.organisatie_id)
    if sjabloon == "QIR-0001":
        if actor.rol != "zorgkantoor" or eigen is None or eigen.uzovi != filterwaarde:
            raise Verboden("met QIR-0001 raadpleegt een zorgkantoor alleen met zijn eigen UZOVI-code")
    elif sjabloon == "QIR-0002":
        if actor.rol != "zorgaanbieder" or eigen is None or eigen.agb_code != filterwaarde:
            raise Verboden("met QIR-0002 raadpleegt een zorgaanbieder alleen met zijn eigen AGB-code")
    else:
        raise Verboden("alleen de querysjablonen QIR-0001 en QIR-0002 zijn toegestaan")
    ib = uow.sessie.scalars(
        select(Indicatiebesluit).where(
            Indicatiebesluit.wlzindicatie_id == wlzindicatie_id,
            Indicatiebesluit.extern.is_(False),
            Indicatiebesluit.stelsel == "Wlz",
        )
    ).first()
    c = uow.sessie.get(Client, ib.client_id) if ib is not None else None
    zk = verantwoordelijk_zorgkantoor(uow, c) if c is not None else None
    zichtbaar = ib is not None and c is not None and zk is not None
    if zichtbaar and sjabloon == "QIR-0001":
        zichtbaar = zk is not None and zk.id == actor.organisatie_id
    if zichtbaar and sjabloon == "QIR-0002":
        assert ib is not None
        zichtbaar = (
            uow.sessie.scalars(
                select(Zorgleveringsovereenkomst.id).where(
                    Zorgleveringsovereenkomst.client_id == ib.client_id,
                    Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id,
                )
            ).first()
            is not None
        )
    if not zichtbaar or ib is None or c is None or zk is None:
        poging.details = f"{poging.details}; geen resultaat"
        return []
    poging.object_id, poging.client_id = ib.id, c.id
    beo = uow.sessie.get(Beoordeling, ib.beoordeling_id) if ib.beoordeling_id else None
    return [
        {
            "besluit": besluit_uit(ib).model_dump(),
            "client": client_uit(c).model_dump(),
            "beoordeling": beo.invoer if beo is not None else {},
            "uzovi": zk.uzovi,
        }
    ]


def raadpleging_geweigerd(uow: Werkeenheid, reden: str) -> None:
    """A query outside the templates: audited as refused."""
    uow.log("register.raadplegen", "indicatiebesluit", details=reden)
    raise Verboden(reden)


def actor_van_gebruiker(sessie: Session, gebruikersnaam: str) -> Actor:
    """The actor a command runs as (CLI): an active user of the records."""
    g = sessie.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).first()
    if g is None or not g.actief:
        raise InvoerFout.een("gebruiker", f"er is geen actieve gebruiker '{gebruikersnaam}'")
    return Actor.van(g)


def organisatie_van_claims(uow: Werkeenheid, claims: dict[str, Any]) -> Organisatie | None:
    """The organisation a trusted gateway vouches for (claim `uzovi` or `agb`)."""
    uzovi, agb = claims.get("uzovi"), claims.get("agb")
    if isinstance(uzovi, str) and uzovi:
        return uow.sessie.scalars(
            select(Organisatie).where(Organisatie.soort == "zorgkantoor", Organisatie.iwlz_code == uzovi)
        ).first()
    if isinstance(agb, str) and agb:
        return uow.sessie.scalars(
            select(Organisatie).where(Organisatie.soort == "zorgaanbieder", Organisatie.agb_code == agb)
        ).first()
    return None


# --- notify: the outbox -----------------------------------------------------------------------------------------


def notificaties_plaatsen(uow: Werkeenheid, ib: Indicatiebesluit, event_type: str) -> list[NotificatieUit]:
    """Put the notifications for a Wlz decision in the outbox (same transaction as the decision): always to the
    responsible zorgkantoor; to a provider with an agreement for the client only when it has an endpoint (its choice).
    """
    if ib.wlzindicatie_id is None or event_type not in EVENTS:
        return []
    c = uow.sessie.get(Client, ib.client_id)
    assert c is not None
    ontvangers: list[tuple[Organisatie, str, str]] = []
    zk = verantwoordelijk_zorgkantoor(uow, c)
    if zk is not None and zk.uzovi:
        ontvangers.append((zk, "UZOVI", zk.uzovi))
    for aanbieder in uow.sessie.scalars(
        select(Organisatie)
        .join(Zorgleveringsovereenkomst, Zorgleveringsovereenkomst.zorgaanbieder_id == Organisatie.id)
        .where(
            Zorgleveringsovereenkomst.client_id == c.id,
            Organisatie.notificatie_url.is_not(None),
            Organisatie.agb_code.is_not(None),
        )
        .distinct()
    ):
        assert aanbieder.agb_code is not None
        ontvangers.append((aanbieder, "AGB", aanbieder.agb_code))
    uit = []
    for org, soort, code in ontvangers:
        n = NotificatieUit(
            event_type=event_type,
            subject=SUBJECT,
            record_id=ib.wlzindicatie_id,
            indicatiebesluit_id=ib.id,
            client_id=c.id,
            ontvanger_organisatie_id=org.id,
            ontvanger_id_type=soort,
            ontvanger_id=code,
            aangemaakt_op=uow.nu(),
            status="wachtend",
            pogingen=0,
        )
        uow.sessie.add(n)
        uit.append(n)
    uow.sessie.flush()
    for n in uit:
        uow.log(
            "register.notificatie_plaatsen",
            "notificatie_uit",
            n.id,
            c.id,
            f"{event_type} aan {n.ontvanger_id_type} {n.ontvanger_id}",
        )
    return uit


def besluit_laten_vervallen(uow: Werkeenheid, besluit_id: int, data: Any) -> BesluitUit:
    """End a Wlz decision: register its vervaldatum (Indicatieregister 2) and notify (VERVALLEN_INDICATIE_...)."""
    actor = uow.ingelogd()
    poging = uow.log("besluit.vervallen", "indicatiebesluit", besluit_id)
    eis(actor, "besluit.vastleggen")
    ib = uow.sessie.get(Indicatiebesluit, besluit_id)
    if ib is None:
        raise NietGevonden("indicatiebesluit niet gevonden")
    poging.client_id = ib.client_id
    if not isinstance(data, dict) or not isinstance(data.get("versie"), int):
        raise InvoerFout.een("versie", "geef de versie van het besluit dat u hebt gelezen (geheel getal ≥ 1)")
    try:
        dag = date.fromisoformat(str(data.get("vervaldatum")))
    except ValueError:
        raise InvoerFout.een("vervaldatum", "geef een datum als JJJJ-MM-DD") from None
    if ib.wlzindicatie_id is None or ib.extern:
        raise Conflict(wlzindicatie_velden(ib)["indicatieregister"] or "dit besluit komt uit een ander register")
    if data["versie"] != ib.versie:
        raise Conflict(f"het besluit is intussen gewijzigd (u had versie {data['versie']}, nu {ib.versie})")
    if dag < ib.geldig_van:
        raise InvoerFout.een("vervaldatum", f"ligt vóór de ingangsdatum van het besluit ({voluit(ib.geldig_van)})")
    ib.vervaldatum = dag
    uow.sessie.flush()
    notificaties_plaatsen(uow, ib, EVENT_VERVALLEN)
    return besluit_uit(ib)


def _notificatie_velden(n: NotificatieUit, org: Organisatie | None) -> dict[str, Any]:
    return {
        "id": n.id,
        "notificatie_id": n.notificatie_id,
        "event_type": n.event_type,
        "subject": f"{n.subject}/{n.record_id}",
        "indicatiebesluit_id": n.indicatiebesluit_id,
        "ontvanger": {"id_type": n.ontvanger_id_type, "id": n.ontvanger_id, "naam": org.naam if org else None},
        "status": n.status,
        "pogingen": n.pogingen,
        "aangemaakt_op": iso(n.aangemaakt_op),
        "volgende_poging_op": iso(n.volgende_poging_op),
        "bezorgd_op": iso(n.bezorgd_op),
        "laatste_fout": n.laatste_fout,
    }


def notificatie_status(n: NotificatieUit, org: Organisatie | None = None) -> NotificatieStatus:
    return NotificatieStatus.model_validate(_notificatie_velden(n, org))


def notificaties_lijst(uow: Werkeenheid, status: str | None = None) -> list[NotificatieStatus]:
    """Delivery status of the outbox, newest first (beheerder)."""
    uow.log("register.notificaties_lezen", "notificatie_uit", details=f"status {status}" if status else None)
    eis(uow.ingelogd(), "beheer")
    q = select(NotificatieUit, Organisatie).join(Organisatie, Organisatie.id == NotificatieUit.ontvanger_organisatie_id)
    if status:
        if status not in ("wachtend", "bezorgd", "mislukt"):
            raise InvoerFout.een("status", "kies wachtend, bezorgd of mislukt")
        q = q.where(NotificatieUit.status == status)
    return [notificatie_status(n, o) for n, o in uow.sessie.execute(q.order_by(NotificatieUit.id.desc()).limit(500))]


def notificatie_opnieuw(uow: Werkeenheid, notificatie_id: int) -> NotificatieStatus:
    """Offer a failed notification again (beheerder)."""
    poging = uow.log("register.notificatie_opnieuw", "notificatie_uit", notificatie_id)
    eis(uow.ingelogd(), "beheer")
    n = uow.sessie.get(NotificatieUit, notificatie_id)
    if n is None:
        raise NietGevonden("notificatie niet gevonden")
    poging.client_id = n.client_id
    if n.status == "bezorgd":
        raise Conflict("deze notificatie is al bezorgd")
    n.status, n.pogingen, n.volgende_poging_op = "wachtend", 0, None
    uow.sessie.flush()
    return notificatie_status(n, uow.sessie.get(Organisatie, n.ontvanger_organisatie_id))


def te_bezorgen(uow: Werkeenheid, maximaal: int = 100) -> list[NotificatieTeBezorgen]:
    """Notifications due for (another) delivery attempt, with the receiver's endpoint."""
    nu = uow.nu()
    rijen = uow.sessie.execute(
        select(NotificatieUit, Organisatie)
        .join(Organisatie, Organisatie.id == NotificatieUit.ontvanger_organisatie_id)
        .where(
            NotificatieUit.status == "wachtend",
            or_(NotificatieUit.volgende_poging_op.is_(None), NotificatieUit.volgende_poging_op <= nu),
        )
        .order_by(NotificatieUit.id)
        .limit(maximaal)
    )
    return [
        NotificatieTeBezorgen.model_validate(
            {**_notificatie_velden(n, o), "url": o.notificatie_url, "tijdstip": iso(n.aangemaakt_op)}
        )
        for n, o in rijen
    ]


def bezorging_vastleggen(uow: Werkeenheid, notificatie_id: int, fout: str | None) -> NotificatieStatus:
    """Book one delivery attempt: delivered, or failed with the next attempt after an exponential backoff."""
    n = uow.sessie.get(NotificatieUit, notificatie_id)
    if n is None:
        raise NietGevonden("notificatie niet gevonden")
    _poging_boeken(n, uow.nu(), fout, "bezorgd")
    if fout is None:
        n.bezorgd_op = uow.nu()
    uow.log(
        "register.notificatie_bezorgen",
        "notificatie_uit",
        n.id,
        n.client_id,
        f"{n.event_type} aan {n.ontvanger_id_type} {n.ontvanger_id}: "
        + ("bezorgd" if fout is None else f"mislukt ({fout})"),
    )
    uow.sessie.flush()
    return notificatie_status(n)


# --- consume: the inbox -----------------------------------------------------------------------------------------


def _is_uuid(tekst: str) -> bool:
    try:
        return str(uuid.UUID(tekst)) == tekst.lower()
    except ValueError:
        return False


def notificatie_sleutel(notificatie: dict[str, Any]) -> str:
    """Identity of a received notification: the same notification sent twice has the same key."""
    delen = [
        notificatie["afzenderIDType"],
        notificatie["afzenderID"],
        notificatie["ontvangerIDType"],
        notificatie["ontvangerID"],
        notificatie["eventType"],
        notificatie["timestamp"],
        *sorted(f"{s['subject']}/{s['recordID']}" for s in notificatie["subjectList"]),
    ]
    return hashlib.sha256("|".join(delen).encode()).hexdigest()


def notificatie_ontvangen(uow: Werkeenheid, notificatie: dict[str, Any]) -> tuple[NotificatieIn, bool]:
    """Store a received zendNotificatie in the inbox. Returns (row, new); the same notification twice is one row.
    The receiver must be the caller's own organisation (UZOVI for a zorgkantoor, AGB for a provider)."""
    actor = uow.ingelogd()
    poging = uow.log("register.notificatie_ontvangen", "notificatie_in", details=notificatie.get("eventType"))
    eigen = uow.sessie.get(Organisatie, actor.organisatie_id)
    assert eigen is not None
    verwacht = ("UZOVI", eigen.uzovi) if actor.rol == "zorgkantoor" else ("AGB", eigen.agb_code)
    if actor.rol not in ("zorgkantoor", "zorgaanbieder") or verwacht != (
        notificatie["ontvangerIDType"],
        notificatie["ontvangerID"],
    ):
        raise Verboden("deze notificatie is niet voor uw organisatie (ontvangerIDType en ontvangerID)")
    records = [s["recordID"] for s in notificatie["subjectList"] if s["subject"] == SUBJECT]
    if len(records) != 1 or not _is_uuid(records[0]):
        raise InvoerFout.een("subjectList", f"verwacht precies één onderwerp {SUBJECT} met een UUID als recordID")
    for veld, lengte in (("afzenderID", 40), ("eventType", 60), ("timestamp", 40)):
        if len(str(notificatie[veld])) > lengte:
            raise InvoerFout.een(veld, f"is langer dan {lengte} tekens")
    sleutel = notificatie_sleutel(notificatie)
    bestaand = uow.sessie.scalars(select(NotificatieIn).where(NotificatieIn.sleutel == sleutel)).first()
    if bestaand is not None:
        poging.object_id = bestaand.id
        poging.details = f"{notificatie['eventType']}; al ontvangen"
        return bestaand, False
    n = NotificatieIn(
        sleutel=sleutel,
        organisatie_id=eigen.id,
        afzender_id_type=notificatie["afzenderIDType"],
        afzender_id=notificatie["afzenderID"],
        event_type=notificatie["eventType"],
        record_id=records[0],
        tijdstip=notificatie["timestamp"],
        ontvangen_op=uow.nu(),
        status="open",
        pogingen=0,
    )
    uow.sessie.add(n)
    uow.sessie.flush()
    poging.object_id = n.id
    return n, True


def inbox_open(uow: Werkeenheid, maximaal: int = 100) -> list[InboxItem]:
    """Received notifications of the caller's organisation still to be fetched."""
    actor = uow.ingelogd()
    nu = uow.nu()
    rijen = uow.sessie.scalars(
        select(NotificatieIn)
        .where(
            NotificatieIn.organisatie_id == actor.organisatie_id,
            NotificatieIn.status == "open",
            or_(NotificatieIn.volgende_poging_op.is_(None), NotificatieIn.volgende_poging_op <= nu),
        )
        .order_by(NotificatieIn.id)
        .limit(maximaal)
    )
    return [InboxItem(id=n.id, record_id=n.record_id, event_type=n.event_type) for n in rijen]


def inbox_vastleggen(uow: Werkeenheid, inbox_id: int, besluit_id: int | None, fout: str | None) -> None:
    """Book a fetch attempt for a received notification: done, or retried later with backoff."""
    n = uow.sessie.get(NotificatieIn, inbox_id)
    if n is None:
        raise NietGevonden("notificatie niet gevonden")
    _poging_boeken(n, uow.nu(), fout, "verwerkt")
    if fout is None:
        n.indicatiebesluit_id = besluit_id
    uow.log("register.notificatie_verwerken", "notificatie_in", n.id, None, fout or "verwerkt")
