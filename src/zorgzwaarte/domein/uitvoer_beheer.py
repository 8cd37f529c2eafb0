"""Output shapes of the beheer and iWlz services (issue 13 §3): users and their sign-in status, sign-in locks, the
notifications of the Indicatieregister, a retour message read, and the readiness of the process (GET /gereed)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from zorgzwaarte.domein.uitvoer import Moment
from zorgzwaarte.domein.uitvoer_regels import Uitkomst


class Aanmeldstatus(Uitkomst):
    """Failed sign-ins of an account that still count, and until when it is locked (empty: not locked now)."""

    mislukt: int
    geblokkeerd_tot: datetime | None


class GebruikerRegel(Uitkomst):
    id: int
    gebruikersnaam: str
    naam: str
    rol: str
    rolnaam: str
    organisatie: str
    actief: bool
    aanmelden: Aanmeldstatus | None


class OrganisatieKeuze(Uitkomst):
    id: int
    naam: str
    soort: str


class GebruikersOverzicht(Uitkomst):
    """Every user with role and organisation, and the organisations a new user can belong to."""

    gebruikers: list[GebruikerRegel]
    organisaties: list[OrganisatieKeuze]


class GebruikerGewijzigd(Uitkomst):
    """A user after a beheer action: enabled or disabled (`actief`), a new password, or unlocked (`geblokkeerd`)."""

    id: int
    gebruikersnaam: str
    actief: bool | None = None
    geblokkeerd: bool | None = None


class AanmeldblokkadeUit(Uitkomst):
    """An account or an address with failed sign-ins, and until when it is locked."""

    soort: Literal["account", "adres"]
    sleutel: str = Field(description="de gebruikersnaam zoals getypt (kleine letters) of het adres")
    gebruiker_id: int | None
    mislukt: int
    laatste_mislukking: str = Field(description="ISO 8601 met tijdzone")
    geblokkeerd_tot: str | None


class Ontvanger(Uitkomst):
    id_type: str
    id: str
    naam: str | None = None


class NotificatieStatus(Uitkomst):
    """A notification (zendNotificatie) to a zorgkantoor or provider, with its delivery status."""

    id: int
    notificatie_id: str
    event_type: str
    subject: str
    indicatiebesluit_id: int | None
    ontvanger: Ontvanger
    status: Literal["wachtend", "bezorgd", "mislukt"]
    pogingen: int
    aangemaakt_op: Moment | None
    volgende_poging_op: Moment | None
    bezorgd_op: Moment | None
    laatste_fout: str | None = None


class NotificatieTeBezorgen(NotificatieStatus):
    url: str | None = Field(description="het netwerkpunt van de ontvanger")
    tijdstip: Moment | None


class InboxItem(Uitkomst):
    """A received notification still to be fetched from the Indicatieregister."""

    id: int
    record_id: str
    event_type: str


class Retourcode(Uitkomst):
    pad: str = Field(description="het element waar de code bij hoort")
    code: str
    omschrijving: str


class RetourUitkomst(Uitkomst):
    """A retour message (AW34, AW36, AW310) read: the return codes in Dutch."""

    bericht: str
    omschrijving: str
    identificatie_retour: str | None
    dagtekening_retour: str | None
    retourcodes: list[Retourcode]
    goedgekeurd: bool
    samenvatting: str


class Gereedheid(Uitkomst):
    """GET /gereed: this process can serve requests (the database answers, it has the newest migration this program
    carries, the regelsets load)."""

    status: Literal["gereed"]
    migratie: str = Field(description="de migratie waarop de database staat: de nieuwste die dit programma kent")
    regelsets: int = Field(description="het aantal regelsets dat geladen is (alle onderwerpen)")
