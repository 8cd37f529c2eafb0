"""Use cases on assessments (beoordelingen): draft, change, make final, correct, delete a draft."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import controleer_versie, lijst_van_client, uit_record
from zorgzwaarte.diensten.toegang import eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Poging, Werkeenheid
from zorgzwaarte.domein.beoordeling import Beoordeling as BeoordelingModel
from zorgzwaarte.domein.records import (
    BeoordelingConcept,
    BeoordelingWijziging,
)
from zorgzwaarte.domein.uitvoer import BeoordelingUit
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout, NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
)


def beoordeling_uit(b: Beoordeling) -> BeoordelingUit:
    return uit_record(BeoordelingUit, b)


def _beoordeling(uow: Werkeenheid, beoordeling_id: int) -> Beoordeling:
    actor = uow.ingelogd()
    b = uow.sessie.get(Beoordeling, beoordeling_id)
    if b is None:
        raise NietGevonden("beoordeling niet gevonden")
    zichtbare_client(uow.sessie, actor, b.client_id)
    return b


def _met_client(invoer: dict[str, Any], c: Client) -> dict[str, Any]:
    """The client's birth date comes from the record, so an assessment cannot contradict it."""
    client = dict(invoer.get("client") or {})
    client["geboortedatum"] = c.geboortedatum.isoformat()
    return {**invoer, "client": client}


def beoordeling_aanmaken(uow: Werkeenheid, client_id: int, invoer: Ontvangen[BeoordelingConcept]) -> BeoordelingUit:
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.aanmaken", "beoordeling", None, client_id)
    eis(actor, "beoordeling.schrijven")
    c = zichtbare_client(uow.sessie, actor, client_id)
    concept = aanvaard(BeoordelingConcept, invoer)
    b = Beoordeling(
        client_id=c.id,
        status="concept",
        invoer=_met_client(concept.invoer, c),
        beoordelaar_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        aanvraagdatum=concept.aanvraagdatum,
        spoed=concept.spoed,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(b)
    uow.sessie.flush()
    poging.object_id = b.id
    return beoordeling_uit(b)


def beoordelingen_van_client(uow: Werkeenheid, client_id: int) -> list[BeoordelingUit]:
    lijst_van_client(uow, client_id, "beoordeling.lijst", "beoordeling", "beoordeling.lezen")
    rijen = uow.sessie.scalars(
        select(Beoordeling).where(Beoordeling.client_id == client_id).order_by(Beoordeling.id.desc())
    )
    return [beoordeling_uit(b) for b in rijen]


def beoordeling_lezen(uow: Werkeenheid, beoordeling_id: int) -> BeoordelingUit:
    poging = uow.log("beoordeling.lezen", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.lezen")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    return beoordeling_uit(b)


def beoordeling_wijzigen(
    uow: Werkeenheid, beoordeling_id: int, invoer: Ontvangen[BeoordelingWijziging]
) -> BeoordelingUit:
    poging = uow.log("beoordeling.wijzigen", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.schrijven")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    wijziging = aanvaard(BeoordelingWijziging, invoer)
    controleer_versie(wijziging.versie, b.versie)
    if b.status != "concept":
        raise Conflict("een definitieve beoordeling is onveranderlijk; maak een correctie (nieuwe versie)")
    c = uow.sessie.get(Client, b.client_id)
    assert c is not None
    b.invoer = _met_client(wijziging.invoer, c)
    b.aanvraagdatum, b.spoed = wijziging.aanvraagdatum, wijziging.spoed
    uow.sessie.flush()
    return beoordeling_uit(b)


def _beoordeling_in_status(
    uow: Werkeenheid, poging: Poging, recht: str, beoordeling_id: int, versie: int, status: str, melding: str
) -> Beoordeling:
    """The assessment an action works on: the right checked, the version read, in the status the action needs."""
    eis(uow.ingelogd(), recht)
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    controleer_versie(versie, b.versie)
    if b.status != status:
        raise Conflict(melding)
    return b


def beoordeling_verwijderen(uow: Werkeenheid, beoordeling_id: int, versie: int) -> BeoordelingUit:
    """Delete a draft assessment (a final one is kept: it may carry a decision). The audit line stays."""
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.verwijderen", "beoordeling", beoordeling_id)
    melding = "alleen een concept kan worden verwijderd; een definitieve beoordeling blijft bewaard"
    b = _beoordeling_in_status(uow, poging, "beoordeling.schrijven", beoordeling_id, versie, "concept", melding)
    if b.organisatie_id != actor.organisatie_id:
        raise Verboden("alleen de eigen organisatie verwijdert een concept")
    uit = beoordeling_uit(b)
    uow.sessie.delete(b)
    uow.sessie.flush()
    return uit


def _volledige_invoer(b: Beoordeling) -> dict[str, Any]:
    invoer = dict(b.invoer)
    if b.aanvraagdatum and "aanvraagdatum" not in invoer:
        invoer["aanvraagdatum"] = b.aanvraagdatum.isoformat()
    if b.spoed:
        invoer["spoed"] = True
    return invoer


def beoordeling_definitief(uow: Werkeenheid, beoordeling_id: int, versie: int) -> BeoordelingUit:
    poging = uow.log("beoordeling.definitief", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.schrijven")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    controleer_versie(versie, b.versie)
    if b.status != "concept":
        raise Conflict("deze beoordeling is al definitief")
    try:
        valideer(BeoordelingModel, _volledige_invoer(b))
        bereken_indicatie(_volledige_invoer(b))  # also checks codes, handelingen and ruleset
    except InvoerFout as fout:
        raise InvoerFout([Fout(f"invoer.{f.veld}", f.melding) for f in fout.fouten]) from None
    b.status, b.definitief_op = "definitief", uow.nu()
    uow.sessie.flush()
    return beoordeling_uit(b)


def beoordeling_correctie(uow: Werkeenheid, beoordeling_id: int) -> BeoordelingUit:
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.correctie", "beoordeling", beoordeling_id)
    eis(actor, "beoordeling.schrijven")
    oud = _beoordeling(uow, beoordeling_id)
    poging.client_id = oud.client_id
    if oud.status != "definitief":
        raise Conflict("alleen een definitieve beoordeling krijgt een correctie; een concept kunt u zelf wijzigen")
    nieuw = Beoordeling(
        client_id=oud.client_id,
        status="concept",
        volgnummer=oud.volgnummer + 1,
        vorige_id=oud.id,
        invoer=dict(oud.invoer),
        beoordelaar_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        aanvraagdatum=oud.aanvraagdatum,
        spoed=oud.spoed,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(nieuw)
    uow.sessie.flush()
    return beoordeling_uit(nieuw)
