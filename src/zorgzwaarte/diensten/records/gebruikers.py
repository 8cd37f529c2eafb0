"""Use cases of the beheerder: users and organisations."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from zorgzwaarte.diensten.auth import hash_wachtwoord
from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import uit_record
from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import (
    GebruikerNieuw,
)
from zorgzwaarte.domein.uitvoer import GebruikerUit, OrganisatieUit
from zorgzwaarte.fouten import Conflict, InvoerFout
from zorgzwaarte.opslag.modellen import (
    Gebruiker,
    Organisatie,
)


def gebruiker_aanmaken(uow: Werkeenheid, invoer: Ontvangen[GebruikerNieuw]) -> GebruikerUit:
    poging = uow.log("gebruiker.aanmaken", "gebruiker")
    eis(uow.ingelogd(), "beheer")
    nieuw = aanvaard(GebruikerNieuw, invoer)
    org = uow.sessie.get(Organisatie, nieuw.organisatie_id)
    if org is None:
        raise InvoerFout.een("organisatie_id", "bestaat niet")
    passend = {
        "beoordelaar": "indicatieorgaan",
        "zorgaanbieder": "zorgaanbieder",
        "zorgkantoor": "zorgkantoor",
        "beheerder": "beheer",
    }
    if org.soort != passend[nieuw.rol]:
        raise InvoerFout.een("rol", f"rol {nieuw.rol} hoort bij een organisatie van soort {passend[nieuw.rol]}")
    if uow.sessie.scalar(select(func.count()).where(Gebruiker.gebruikersnaam == nieuw.gebruikersnaam)):
        raise Conflict("deze gebruikersnaam bestaat al")
    g = Gebruiker(
        gebruikersnaam=nieuw.gebruikersnaam,
        naam=nieuw.naam,
        wachtwoord_hash=hash_wachtwoord(nieuw.wachtwoord),
        rol=nieuw.rol,
        organisatie_id=org.id,
    )
    uow.sessie.add(g)
    uow.sessie.flush()
    poging.object_id = g.id
    return uit_record(GebruikerUit, g)


def organisaties_lijst(uow: Werkeenheid) -> list[OrganisatieUit]:
    actor = uow.ingelogd()
    q = select(Organisatie).order_by(Organisatie.soort, Organisatie.naam)
    if actor.rol != "beheerder":
        q = q.where(or_(Organisatie.id == actor.organisatie_id, Organisatie.soort == "zorgaanbieder"))
    return [uit_record(OrganisatieUit, o) for o in uow.sessie.scalars(q)]
