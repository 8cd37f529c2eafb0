"""User management for the beheerder: list, disable or enable, set a new password. Creating a user is
`records.gebruiker_aanmaken`. Every action needs the 'beheer' right and is audited; disabling a user or setting
a new password ends that user's sessions."""

from __future__ import annotations

from pydantic import Field
from sqlalchemy import select, update

from zorgzwaarte.diensten.aanmeldbeveiliging import accountstatus
from zorgzwaarte.diensten.auth import hash_wachtwoord
from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.toegang import ROLNAMEN, eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import Invoer
from zorgzwaarte.domein.uitvoer_beheer import GebruikerGewijzigd, GebruikerRegel, GebruikersOverzicht, OrganisatieKeuze
from zorgzwaarte.fouten import Conflict, NietGevonden
from zorgzwaarte.opslag.modellen import Gebruiker, Organisatie, Token


class NieuwWachtwoord(Invoer):
    wachtwoord: str = Field(min_length=10, max_length=200)


def _gebruiker(uow: Werkeenheid, gebruiker_id: int) -> Gebruiker:
    assert uow.actor is not None
    eis(uow.actor, "beheer")
    g = uow.sessie.get(Gebruiker, gebruiker_id)
    if g is None:
        raise NietGevonden("gebruiker niet gevonden")
    return g


def gebruikers_lijst(uow: Werkeenheid) -> GebruikersOverzicht:
    """Every user with role and organisation, and the organisations a new user can belong to."""
    uow.log("gebruiker.lijst", "gebruiker")
    assert uow.actor is not None
    eis(uow.actor, "beheer")
    status = accountstatus(uow.sessie, uow.nu())
    gebruikers = [
        GebruikerRegel(
            id=g.id,
            gebruikersnaam=g.gebruikersnaam,
            naam=g.naam,
            rol=g.rol,
            rolnaam=ROLNAMEN.get(g.rol, g.rol),
            organisatie=g.organisatie.naam,
            actief=g.actief,
            # failed logins that still count, and a temporary lock (docs/api.md, Aanmelden)
            aanmelden=status.get(g.gebruikersnaam.lower()),
        )
        for g in uow.sessie.scalars(select(Gebruiker).order_by(Gebruiker.gebruikersnaam))
    ]
    organisaties = [
        OrganisatieKeuze(id=o.id, naam=o.naam, soort=o.soort)
        for o in uow.sessie.scalars(select(Organisatie).order_by(Organisatie.naam))
    ]
    return GebruikersOverzicht(gebruikers=gebruikers, organisaties=organisaties)


def _sessies_beeindigen(uow: Werkeenheid, gebruiker_id: int) -> None:
    uow.sessie.execute(update(Token).where(Token.gebruiker_id == gebruiker_id).values(ingetrokken=True))


def gebruiker_actief(uow: Werkeenheid, gebruiker_id: int, actief: bool) -> GebruikerGewijzigd:
    """Disable (actief=False: the user can no longer sign in, open sessions end) or enable a user."""
    poging = uow.log("gebruiker.inschakelen" if actief else "gebruiker.uitschakelen", "gebruiker", gebruiker_id)
    g = _gebruiker(uow, gebruiker_id)
    assert uow.actor is not None
    if g.id == uow.actor.gebruiker_id and not actief:
        raise Conflict("u kunt uzelf niet uitschakelen")
    g.actief = actief
    if not actief:
        _sessies_beeindigen(uow, g.id)
    uow.sessie.flush()
    poging.details = g.gebruikersnaam
    return GebruikerGewijzigd(id=g.id, gebruikersnaam=g.gebruikersnaam, actief=g.actief)


def wachtwoord_instellen(uow: Werkeenheid, gebruiker_id: int, data: Ontvangen[NieuwWachtwoord]) -> GebruikerGewijzigd:
    """A new password set by the beheerder (to hand over to the user); the user's open sessions end."""
    poging = uow.log("gebruiker.wachtwoord", "gebruiker", gebruiker_id)
    g = _gebruiker(uow, gebruiker_id)
    nieuw = aanvaard(NieuwWachtwoord, data)
    g.wachtwoord_hash = hash_wachtwoord(nieuw.wachtwoord)
    _sessies_beeindigen(uow, g.id)
    uow.sessie.flush()
    poging.details = g.gebruikersnaam
    return GebruikerGewijzigd(id=g.id, gebruikersnaam=g.gebruikersnaam)
