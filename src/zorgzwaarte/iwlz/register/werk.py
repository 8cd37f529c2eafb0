"""The network work outside any recording request: delivering the outbox, fetching a WlzIndicatie from a register
and storing it (on demand or after a notification). Each step books its outcome through the services, audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten import register as reg
from zorgzwaarte.diensten.inlezen import extern_besluit_opslaan
from zorgzwaarte.diensten.records import peildatum_niet_na_vandaag
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.fouten import DienstFout, Fout, InvoerFout
from zorgzwaarte.iwlz.register import instellingen
from zorgzwaarte.iwlz.register.netwerk import NetwerkFout, OnbekendeIndicatie, haal_wlzindicatie, zend_notificatie
from zorgzwaarte.iwlz.register.vertaling import lees_antwoord


def bezorg_wachtende(fabriek: sessionmaker[Session], nu: Callable[[], datetime]) -> dict[str, Any]:
    """One pass over the outbox: every notification that is due gets one delivery attempt."""
    inst = instellingen.lees()
    with Werkeenheid(fabriek, None, nu) as w:
        wachtend = reg.te_bezorgen(w)
    uit: dict[str, Any] = {"bezorgd": 0, "niet_bezorgd": 0, "meldingen": []}
    for n in wachtend:
        notificatie = {
            "timestamp": n.tijdstip,
            "ontvangerIDType": n.ontvanger.id_type,
            "ontvangerID": n.ontvanger.id,
            "eventType": n.event_type,
            "subjectList": [{"subject": reg.SUBJECT, "recordID": n.subject.split("/", 1)[1]}],
        }
        try:
            zend_notificatie(inst, n.url, notificatie)
            fout = None
            uit["bezorgd"] += 1
        except NetwerkFout as exc:
            fout = exc.melding
            uit["niet_bezorgd"] += 1
            uit["meldingen"].append(f"notificatie {n.id}: {fout}")
        with Werkeenheid(fabriek, None, nu) as w:
            reg.bezorging_vastleggen(w, n.id, fout)
    return uit


def haal_en_bewaar(
    fabriek: sessionmaker[Session], nu: Callable[[], datetime], actor: Actor, wlzindicatie_id: str
) -> dict[str, Any]:
    """Fetch one WlzIndicatie with the caller's template and store it like an IO31 import (idempotent).
    Raises InvoerFout (bad id, malformed answer: nothing stored), NetwerkFout or OnbekendeIndicatie."""
    import uuid

    try:
        wlzindicatie_id = str(uuid.UUID(wlzindicatie_id))
    except ValueError:
        raise InvoerFout.een("id", f"'{wlzindicatie_id}' is geen UUID") from None
    if actor.rol == "zorgkantoor" and actor.uzovi:
        sjabloon, code = "QIR-0001", actor.uzovi
    elif actor.rol == "zorgaanbieder" and actor.agb:
        sjabloon, code = "QIR-0002", actor.agb
    else:
        raise InvoerFout.een(
            "gebruiker",
            "alleen een zorgkantoor (met UZOVI-code) of zorgaanbieder (met AGB-code) haalt uit het register",
        )
    data = haal_wlzindicatie(instellingen.lees(), sjabloon, wlzindicatie_id, code)
    try:
        item, herkomst = lees_antwoord(data)
        # a decision is never about a day after today (issue 11 item 19), also when it comes from the register
        peildatum_niet_na_vandaag(
            date.fromisoformat(item["indicatie"]["afgiftedatum"]), vandaag_nl(nu()), "wlzIndicatie.0.afgiftedatum"
        )
    except InvoerFout as exc:
        raise InvoerFout(
            [Fout(f.veld, f"het antwoord van het Indicatieregister is ongeldig: {f.melding}") for f in exc.fouten]
        ) from None
    if herkomst["wlzindicatie_id"] != wlzindicatie_id:
        raise InvoerFout.een("wlzIndicatie.0.wlzindicatieID", "het register gaf een andere indicatie dan gevraagd")
    with Werkeenheid(fabriek, actor, nu) as w:
        poging = w.log("register.ophalen", "indicatiebesluit", details=f"{sjabloon} WlzIndicatie {wlzindicatie_id}")
        uit = extern_besluit_opslaan(w, item, herkomst)
        poging.object_id, poging.client_id = uit["indicatiebesluit"]["id"], uit["client"]["id"]
        if not uit["nieuw"]:
            poging.details = f"{poging.details}; deze versie was al opgeslagen"
    return uit


def verwerk_inbox(
    fabriek: sessionmaker[Session], nu: Callable[[], datetime], actor: Actor, inbox_id: int | None = None
) -> dict[str, Any]:
    """Fetch what the open notifications of the actor's organisation point to (one, or all that are due)."""
    with Werkeenheid(fabriek, actor, nu) as w:
        open_ = [n for n in reg.inbox_open(w) if inbox_id is None or n.id == inbox_id]
    uit: dict[str, Any] = {"verwerkt": 0, "niet_verwerkt": 0, "meldingen": []}
    for n in open_:
        besluit_id, fout = None, None
        try:
            besluit_id = haal_en_bewaar(fabriek, nu, actor, n.record_id)["indicatiebesluit"]["id"]
            uit["verwerkt"] += 1
        except InvoerFout as exc:
            fout = "; ".join(f"{f.veld}: {f.melding}" for f in exc.fouten)
        except (NetwerkFout, DienstFout) as exc:
            fout = exc.melding
        except OnbekendeIndicatie as exc:
            fout = str(exc)
        if fout is not None:
            uit["niet_verwerkt"] += 1
            uit["meldingen"].append(fout)
        with Werkeenheid(fabriek, actor, nu) as w:
            reg.inbox_vastleggen(w, n.id, besluit_id, fout)
    return uit
