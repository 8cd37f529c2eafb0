"""Who may see and do what: authorisation by role AND organisation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, exists, false, or_, select, true
from sqlalchemy.orm import Session

from zorgzwaarte.fouten import NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import Client, Gebruiker, Indicatiebesluit, Toewijzing, Zorgleveringsovereenkomst

ROLLEN = ("beoordelaar", "zorgaanbieder", "zorgkantoor", "beheerder")
ROLNAMEN = {
    "beoordelaar": "Beoordelaar (indicatieorgaan)",
    "zorgaanbieder": "Medewerker zorgaanbieder",
    "zorgkantoor": "Medewerker zorgkantoor",
    "beheerder": "Beheerder",
}

# action -> roles that may perform it (on records they can see)
RECHTEN: dict[str, frozenset[str]] = {
    "client.lezen": frozenset({"beoordelaar", "zorgaanbieder", "zorgkantoor"}),
    "client.aanmaken": frozenset({"beoordelaar", "zorgaanbieder"}),
    "client.wijzigen": frozenset({"beoordelaar", "zorgaanbieder"}),
    # the regio decides which zorgkantoor sees the client: a provider cannot move its client out of sight
    "client.regio_wijzigen": frozenset({"beoordelaar"}),
    "beoordeling.lezen": frozenset({"beoordelaar"}),
    "beoordeling.schrijven": frozenset({"beoordelaar"}),
    "besluit.lezen": frozenset({"beoordelaar", "zorgaanbieder", "zorgkantoor"}),
    "besluit.vastleggen": frozenset({"beoordelaar"}),
    "overeenkomst.lezen": frozenset({"beoordelaar", "zorgaanbieder", "zorgkantoor"}),
    "overeenkomst.schrijven": frozenset({"zorgaanbieder", "zorgkantoor"}),
    "toewijzing.lezen": frozenset({"zorgaanbieder", "zorgkantoor"}),
    "toewijzing.schrijven": frozenset({"zorgkantoor"}),  # iWlz AW33: the zorgkantoor assigns care to a provider
    "zorgplan.lezen": frozenset({"zorgaanbieder"}),
    "zorgplan.schrijven": frozenset({"zorgaanbieder"}),
    "rapportage.lezen": frozenset({"zorgaanbieder"}),
    "rapportage.schrijven": frozenset({"zorgaanbieder"}),
    "geleverd.lezen": frozenset({"zorgaanbieder", "zorgkantoor"}),
    "geleverd.schrijven": frozenset({"zorgaanbieder"}),
    "tarieven.lezen": frozenset({"beoordelaar", "zorgaanbieder", "zorgkantoor", "beheerder"}),
    "tarieven.laden": frozenset({"zorgkantoor", "beheerder"}),
    "contract.lezen": frozenset({"zorgaanbieder", "zorgkantoor"}),  # only contracts of the own organisation
    "contract.schrijven": frozenset({"zorgkantoor"}),
    "audit.lezen": frozenset({"beheerder"}),
    "beheer": frozenset({"beheerder"}),
    "wat_als": frozenset({"zorgkantoor", "beheerder"}),  # docs/wat-als.md
}


@dataclass(frozen=True)
class Actor:
    gebruiker_id: int
    gebruikersnaam: str
    naam: str
    rol: str
    organisatie_id: int
    organisatie_naam: str
    organisatie_soort: str
    regio: str | None
    uzovi: str | None = None  # zorgkantoor (COD001)
    agb: str | None = None  # zorgaanbieder

    @classmethod
    def van(cls, g: Gebruiker) -> Actor:
        return cls(
            g.id,
            g.gebruikersnaam,
            g.naam,
            g.rol,
            g.organisatie_id,
            g.organisatie.naam,
            g.organisatie.soort,
            g.organisatie.regio,
            g.organisatie.uzovi,
            g.organisatie.agb_code,
        )


def mag(actor: Actor, actie: str) -> bool:
    return actor.rol in RECHTEN[actie]


def eis(actor: Actor, actie: str) -> None:
    if not mag(actor, actie):
        raise Verboden(f"uw rol ({ROLNAMEN[actor.rol]}) mag dit niet ({actie})")


def zichtbare_clienten(actor: Actor, query: Select[tuple[Client]]) -> Select[tuple[Client]]:
    """Restrict a query on clients to the ones this actor may see."""
    if actor.rol == "beoordelaar":
        return query.where(true())
    if actor.rol == "zorgaanbieder":
        heeft_overeenkomst = exists().where(
            Zorgleveringsovereenkomst.client_id == Client.id,
            Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id,
        )
        gekozen = exists().where(  # intake: a valid decision names this provider as the client's choice
            Indicatiebesluit.client_id == Client.id,
            Indicatiebesluit.status == "geldig",
            Indicatiebesluit.zorgaanbieder_id == actor.organisatie_id,
        )
        toegewezen = exists().where(  # intake: the zorgkantoor assigned the client's care to this provider (AW33)
            Toewijzing.client_id == Client.id, Toewijzing.zorgaanbieder_id == actor.organisatie_id
        )
        return query.where(
            or_(Client.aangemaakt_door_organisatie_id == actor.organisatie_id, heeft_overeenkomst, gekozen, toegewezen)
        )
    if actor.rol == "zorgkantoor":
        return query.where(Client.regio == actor.regio) if actor.regio else query.where(false())
    return query.where(false())


def zichtbare_client(sessie: Session, actor: Actor, client_id: int) -> Client:
    """The client if this actor may see it; otherwise 'not found' (never revealing that it exists)."""
    client = sessie.scalars(zichtbare_clienten(actor, select(Client).where(Client.id == client_id))).first()
    if client is None:
        raise NietGevonden("cliënt niet gevonden")
    return client
