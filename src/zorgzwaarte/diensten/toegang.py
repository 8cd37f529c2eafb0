"""Who may see and do what: authorisation by role AND organisation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, bindparam, exists, false, or_, select, true
from sqlalchemy.orm import Session

from zorgzwaarte.fouten import NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import Client, Gebruiker, Indicatiebesluit, Toewijzing, Zorgleveringsovereenkomst

R = TypeVar("R", bound=tuple[Any, ...])

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


def _zichtbaar(rol: str, organisatie_id: Any, regio: Any) -> ColumnElement[bool]:
    """The condition on Client for a role; `organisatie_id` and `regio` are values or bind parameters."""
    if rol == "beoordelaar":
        return true()
    if rol == "zorgaanbieder":
        heeft_overeenkomst = exists().where(
            Zorgleveringsovereenkomst.client_id == Client.id,
            Zorgleveringsovereenkomst.zorgaanbieder_id == organisatie_id,
        )
        gekozen = exists().where(  # intake: a valid decision names this provider as the client's choice
            Indicatiebesluit.client_id == Client.id,
            Indicatiebesluit.status == "geldig",
            Indicatiebesluit.zorgaanbieder_id == organisatie_id,
        )
        toegewezen = exists().where(  # intake: the zorgkantoor assigned the client's care to this provider (AW33)
            Toewijzing.client_id == Client.id, Toewijzing.zorgaanbieder_id == organisatie_id
        )
        return or_(Client.aangemaakt_door_organisatie_id == organisatie_id, heeft_overeenkomst, gekozen, toegewezen)
    if rol == "zorgkantoor" and regio is not None:
        binnen_regio: ColumnElement[bool] = Client.regio == regio
        return binnen_regio
    return false()


def zichtbare_clienten(actor: Actor, query: Select[R]) -> Select[R]:
    """Restrict a query on clients (the whole record or some of its columns) to the ones this actor may see."""
    return query.where(_zichtbaar(actor.rol, actor.organisatie_id, actor.regio))


@lru_cache(maxsize=16)
def _zichtbare_client_vraag(rol: str, met_regio: bool) -> Select[tuple[Client]]:
    """One client by id, if visible: built once per role (building and keying a statement cost as much as
    running it; this one runs on almost every request), the actor's values go in as parameters."""
    regio: Any = bindparam("regio") if met_regio else None
    return select(Client).where(Client.id == bindparam("client_id"), _zichtbaar(rol, bindparam("org"), regio))


def zichtbare_client(sessie: Session, actor: Actor, client_id: int) -> Client:
    """The client if this actor may see it; otherwise 'not found' (never revealing that it exists)."""
    vraag = _zichtbare_client_vraag(actor.rol, actor.regio is not None)
    waarden = {"client_id": client_id, "org": actor.organisatie_id, "regio": actor.regio}  # unused ones ignored
    client = sessie.scalars(vraag, waarden).first()
    if client is None:
        raise NietGevonden("cliënt niet gevonden")
    return client
