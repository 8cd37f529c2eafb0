"""The system of record (SQLAlchemy 2, typed). Dates of the law (geldig_van, ingangsdatum, week) are kept apart
from the time a fact was recorded (vastgelegd_op): bitemporal where it matters. Every mutable record carries
`versie` for optimistic locking; a stale write raises and is answered with a conflict, never a lost update.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    and_,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAAMGEVING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Basis(DeclarativeBase):
    metadata = MetaData(naming_convention=NAAMGEVING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


TIJD = DateTime(timezone=True)


def nieuwe_uuid() -> str:
    """A random (version 4) UUID as text, minted once and kept: the register identifies records by it."""
    return str(uuid.uuid4())


class Organisatie(Basis):
    __tablename__ = "organisatie"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    soort: Mapped[str] = mapped_column(String(30))  # zorgaanbieder | zorgkantoor | indicatieorgaan | beheer
    agb_code: Mapped[str | None] = mapped_column(String(8), unique=True)
    regio: Mapped[str | None] = mapped_column(String(100))  # zorgkantoorregio
    iwlz_code: Mapped[str | None] = mapped_column(String(4))  # zorgkantoor: LDT_ZorgkantoorCode = UZOVI (COD001)
    fictief: Mapped[bool] = mapped_column(Boolean, default=False)
    notificatie_url: Mapped[str | None] = mapped_column(String(500))  # iWlz-netwerkpunt (zendNotificatie)

    @property
    def uzovi(self) -> str | None:
        """A zorgkantoor's UZOVI number: the same code as LDT_ZorgkantoorCode (COD001)."""
        return self.uzovi_van(self.soort, self.iwlz_code)

    @staticmethod
    def uzovi_van(soort: str, iwlz_code: str | None) -> str | None:
        return iwlz_code if soort == "zorgkantoor" else None


class Gebruiker(Basis):
    __tablename__ = "gebruiker"
    id: Mapped[int] = mapped_column(primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(100), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    wachtwoord_hash: Mapped[str] = mapped_column(String(200))
    rol: Mapped[str] = mapped_column(String(30))  # beoordelaar | zorgaanbieder | zorgkantoor | beheerder
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    organisatie: Mapped[Organisatie] = relationship(lazy="joined")


class Token(Basis):
    __tablename__ = "token"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[datetime] = mapped_column(TIJD)
    verloopt_op: Mapped[datetime] = mapped_column(TIJD)
    ingetrokken: Mapped[bool] = mapped_column(Boolean, default=False)
    laatst_gebruikt_op: Mapped[datetime | None] = mapped_column(TIJD)  # idle timeout (diensten/auth.py)


class Aanmeldblokkade(Basis):
    """Failed logins per account (the name as typed, also for names that do not exist) and per source address:
    a growing delay, then a temporary lock (diensten/aanmeldbeveiliging.py)."""

    __tablename__ = "aanmeldblokkade"
    __table_args__ = (UniqueConstraint("soort", "sleutel", name="uq_aanmeldblokkade_soort_sleutel"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    soort: Mapped[str] = mapped_column(String(10))  # account | adres
    sleutel: Mapped[str] = mapped_column(String(100))
    mislukt: Mapped[int] = mapped_column(Integer, default=0)
    laatste_mislukking: Mapped[datetime] = mapped_column(TIJD)
    geblokkeerd_tot: Mapped[datetime | None] = mapped_column(TIJD)


class Client(Basis):
    __tablename__ = "client"
    # One record per BSN per registering organisation: a provider that registers a BSN known elsewhere (outside
    # its view) gets its own record, so the answer never reveals that the BSN exists (docs/api.md).
    __table_args__ = (
        Index("uq_client_register_id", "register_id", unique=True),
        UniqueConstraint("bsn", "aangemaakt_door_organisatie_id", name="uq_client_bsn_organisatie"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    bsn: Mapped[str] = mapped_column(String(9), index=True)
    geslachtsnaam: Mapped[str] = mapped_column(String(200))
    voorvoegsel: Mapped[str | None] = mapped_column(String(20))
    voorletters: Mapped[str | None] = mapped_column(String(20))
    voornamen: Mapped[str | None] = mapped_column(String(200))
    geboortedatum: Mapped[date] = mapped_column(Date)
    geslacht: Mapped[str] = mapped_column(String(1), default="0")  # iWlz LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw
    straat: Mapped[str | None] = mapped_column(String(200))
    huisnummer: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(6))
    woonplaats: Mapped[str | None] = mapped_column(String(100))
    regio: Mapped[str | None] = mapped_column(String(100))
    fictief: Mapped[bool] = mapped_column(Boolean, default=False)
    aangemaakt_door_organisatie_id: Mapped[int | None] = mapped_column(ForeignKey("organisatie.id"))
    register_id: Mapped[str] = mapped_column(String(36), default=nieuwe_uuid)  # Indicatieregister clientID
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Beoordeling(Basis):
    __tablename__ = "beoordeling"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="concept")  # concept | definitief
    volgnummer: Mapped[int] = mapped_column(Integer, default=1)  # corrections make a new version
    vorige_id: Mapped[int | None] = mapped_column(ForeignKey("beoordeling.id"))
    invoer: Mapped[dict[str, Any]] = mapped_column(JSON)
    beoordelaar_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    aanvraagdatum: Mapped[date | None] = mapped_column(Date)
    spoed: Mapped[bool] = mapped_column(Boolean, default=False)
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    definitief_op: Mapped[datetime | None] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Indicatiebesluit(Basis):
    __tablename__ = "indicatiebesluit"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    beoordeling_id: Mapped[int | None] = mapped_column(ForeignKey("beoordeling.id"))
    extern: Mapped[bool] = mapped_column(Boolean, default=False)  # e.g. imported from an iWlz IO31 message
    besluit: Mapped[str] = mapped_column(String(20))
    stelsel: Mapped[str] = mapped_column(String(10))
    verblijf: Mapped[bool] = mapped_column(Boolean)
    zzp_code: Mapped[str | None] = mapped_column(String(20))
    zorgprofiel: Mapped[str | None] = mapped_column(String(300))
    besluitdatum: Mapped[date] = mapped_column(Date)
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    resultaat: Mapped[dict[str, Any]] = mapped_column(JSON)  # the full decision incl. trail and receipt
    ruleset_naam: Mapped[str] = mapped_column(String(100))
    ruleset_versie: Mapped[str] = mapped_column(String(100))
    ruleset_hash: Mapped[str] = mapped_column(String(64))
    motivering_afwijkend: Mapped[str | None] = mapped_column(Text)
    # the provider the client chose in the decision: the decision appears in that provider's intake (migration 0006;
    # no foreign key constraint, see there)
    zorgaanbieder_id: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(20), default="geldig")  # geldig | vervangen
    vervangen_door_id: Mapped[int | None] = mapped_column(ForeignKey("indicatiebesluit.id"))
    vastgelegd_door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    vervangen_op: Mapped[datetime | None] = mapped_column(TIJD)
    # Indicatieregister: set for every Wlz decision (minted here, or the register's own when fetched from it)
    wlzindicatie_id: Mapped[str | None] = mapped_column(String(36), index=True)
    vervaldatum: Mapped[date | None] = mapped_column(Date)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Zorgleveringsovereenkomst(Basis):
    __tablename__ = "zorgleveringsovereenkomst"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    zorgaanbieder_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"), index=True)
    indicatiebesluit_id: Mapped[int | None] = mapped_column(ForeignKey("indicatiebesluit.id"))
    zzp_code: Mapped[str | None] = mapped_column(String(20))
    functies: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{functie, klasse}]
    leveringsvorm: Mapped[str] = mapped_column(String(20))  # verblijf | vpt | mpt | pgb
    ingangsdatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Toewijzing(Basis):
    """The zorgkantoor's toewijzing of a client's indicatiebesluit to a provider (the content of an iWlz AW33):
    it lands in that provider's intake; the provider records the overeenkomst from it (migration 0009)."""

    __tablename__ = "toewijzing"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    indicatiebesluit_id: Mapped[int] = mapped_column(ForeignKey("indicatiebesluit.id"))
    zorgaanbieder_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"), index=True)
    zorgkantoor_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    leveringsvorm: Mapped[str] = mapped_column(String(20))  # verblijf | vpt | mpt | pgb
    ingangsdatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    overeenkomst_id: Mapped[int | None] = mapped_column(ForeignKey("zorgleveringsovereenkomst.id"))
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Zorgplan(Basis):
    __tablename__ = "zorgplan"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    overeenkomst_id: Mapped[int] = mapped_column(ForeignKey("zorgleveringsovereenkomst.id"))
    domeinen: Mapped[dict[str, Any]] = mapped_column(JSON)  # wonen, werken_dagbesteding, leren, sociale_contacten
    gepland: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{functie, uren_per_week}]
    evaluatiedata: Mapped[list[Any]] = mapped_column(JSON, default=list)
    vastgesteld_op: Mapped[date] = mapped_column(Date)
    # Wlz art. 8.1.1 and 8.1.3: the bespreking whose outcome this plan records, the copy to the client, who is
    # responsible and how care is coordinated (lid 1 onder b), how a persoonlijk plan was taken into account.
    besproken_op: Mapped[date | None] = mapped_column(Date, nullable=True)
    afschrift_op: Mapped[date | None] = mapped_column(Date, nullable=True)
    zorgverleners: Mapped[str | None] = mapped_column(Text, nullable=True)
    persoonlijk_plan: Mapped[str | None] = mapped_column(Text, nullable=True)
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Rapportage(Basis):
    __tablename__ = "rapportage"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    auteur_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    datum: Mapped[date] = mapped_column(Date)
    domein: Mapped[str | None] = mapped_column(String(40))
    tekst: Mapped[str] = mapped_column(Text)
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)


class GeleverdeZorg(Basis):
    __tablename__ = "geleverde_zorg"
    __table_args__ = (UniqueConstraint("overeenkomst_id", "week", name="uq_geleverde_zorg_week"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    overeenkomst_id: Mapped[int] = mapped_column(ForeignKey("zorgleveringsovereenkomst.id"))
    week: Mapped[date] = mapped_column(Date)  # Monday of the ISO week
    uren: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{functie, uren}]
    afwezigheid: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{van, tot, reden}]
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class Auditregel(Basis):
    """NEN 7513-style access log: append-only (database triggers refuse UPDATE and DELETE). Never holds a BSN.

    Every read writes a line, so every index costs pages per commit: only the two the audit queries use (client,
    period; migration 0013, docs/api.md)."""

    __tablename__ = "auditregel"
    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[datetime] = mapped_column(TIJD, index=True)
    gebruiker_id: Mapped[int | None] = mapped_column(Integer)
    gebruikersnaam: Mapped[str | None] = mapped_column(String(100))
    organisatie_id: Mapped[int | None] = mapped_column(Integer)
    rol: Mapped[str | None] = mapped_column(String(30))
    actie: Mapped[str] = mapped_column(String(60))  # e.g. client.lezen, beoordeling.wijzigen
    objecttype: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)
    uitkomst: Mapped[str] = mapped_column(String(20))  # toegestaan | geweigerd | niet_gevonden | fout | conflict
    details: Mapped[str | None] = mapped_column(Text)


class Tarieftabel(Basis):
    """One version of the tariff table in force (docs/bekostiging.md). Never changed: a load makes a new version,
    the rows of the previous one outside the years the file covers plus the file's rows; the latest version holds.
    Each version names the one it was built on (`vorige_id`, unique: two loads on the same version cannot both be
    stored, so none is lost) and the years its file covered (`dekking`; None for a table loaded whole). A unique
    constraint lets many NULLs through, so `uq_tarieftabel_eerste_lading` (migration 0016) allows one first load
    built on nothing (`vorige_id` NULL with a `dekking`); tables loaded whole before 0014 (both NULL) stay outside
    it."""

    __tablename__ = "tarieftabel"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    regels: Mapped[list[Any]] = mapped_column(JSON)  # [{prestatiecode, omschrijving, tarief, eenheid, ...}]
    vingerafdruk: Mapped[str] = mapped_column(String(64))  # sha256 of the CSV as loaded
    vorige_id: Mapped[int | None] = mapped_column(ForeignKey("tarieftabel.id"), unique=True)
    dekking: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # {jaren: [..], vanaf: jaar | null, tekst}
    geladen_door_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)


_EERSTE_LADING = and_(Tarieftabel.vorige_id.is_(None), Tarieftabel.dekking.is_not(None))
# at most one version is a first load built on nothing: every row the index holds has the key 0
Index(
    "uq_tarieftabel_eerste_lading",
    func.coalesce(Tarieftabel.vorige_id, 0),
    unique=True,
    sqlite_where=_EERSTE_LADING,
    postgresql_where=_EERSTE_LADING,
)


class Contract(Basis):
    """Agreement zorgkantoor-zorgaanbieder for one year: percentage and production days per prestatie."""

    __tablename__ = "contract"
    __table_args__ = (UniqueConstraint("zorgkantoor_id", "zorgaanbieder_id", "jaar", name="uq_contract_partijen_jaar"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    zorgkantoor_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"), index=True)
    zorgaanbieder_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"), index=True)
    jaar: Mapped[int] = mapped_column(Integer)
    kwaliteitsopslag_per_dag: Mapped[str] = mapped_column(String(20), default="0")  # decimal as text
    afspraken: Mapped[list[Any]] = mapped_column(JSON)  # [{prestatiecode, percentage, productie_dagen, nhc, nic}]
    vastgelegd_op: Mapped[datetime] = mapped_column(TIJD)
    versie: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": versie}


class NotificatieUit(Basis):
    """Outbox (iWlz-netwerkmodel, RFC0008): written in the transaction that records, replaces or ends a Wlz decision;
    a separate worker delivers it with `zendNotificatie`, with retries and backoff."""

    __tablename__ = "notificatie_uit"
    id: Mapped[int] = mapped_column(primary_key=True)
    notificatie_id: Mapped[str] = mapped_column(String(36), unique=True, default=nieuwe_uuid)
    event_type: Mapped[str] = mapped_column(String(60))  # NIEUWE_INDICATIE_ZORGKANTOOR | VERVALLEN_INDICATIE_...
    subject: Mapped[str] = mapped_column(String(60))  # WlzIndicatie
    record_id: Mapped[str] = mapped_column(String(36))  # wlzindicatieID
    indicatiebesluit_id: Mapped[int] = mapped_column(ForeignKey("indicatiebesluit.id"))
    client_id: Mapped[int] = mapped_column(Integer)
    ontvanger_organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    ontvanger_id_type: Mapped[str] = mapped_column(String(10))  # UZOVI | AGB
    ontvanger_id: Mapped[str] = mapped_column(String(20))
    aangemaakt_op: Mapped[datetime] = mapped_column(TIJD)
    status: Mapped[str] = mapped_column(String(20), default="wachtend", index=True)  # wachtend | bezorgd | mislukt
    pogingen: Mapped[int] = mapped_column(Integer, default=0)
    volgende_poging_op: Mapped[datetime | None] = mapped_column(TIJD)
    bezorgd_op: Mapped[datetime | None] = mapped_column(TIJD)
    laatste_fout: Mapped[str | None] = mapped_column(Text)


class NotificatieIn(Basis):
    """Inbox: a notification received from a register; `sleutel` makes the same notification twice count once."""

    __tablename__ = "notificatie_in"
    id: Mapped[int] = mapped_column(primary_key=True)
    notificatie_id: Mapped[str] = mapped_column(String(36), default=nieuwe_uuid)
    sleutel: Mapped[str] = mapped_column(String(64), unique=True)
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id"))
    afzender_id_type: Mapped[str] = mapped_column(String(10))
    afzender_id: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    tijdstip: Mapped[str] = mapped_column(String(40))  # as sent (DateTime scalar)
    ontvangen_op: Mapped[datetime] = mapped_column(TIJD)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | verwerkt | mislukt
    pogingen: Mapped[int] = mapped_column(Integer, default=0)
    volgende_poging_op: Mapped[datetime | None] = mapped_column(TIJD)
    laatste_fout: Mapped[str | None] = mapped_column(Text)
    indicatiebesluit_id: Mapped[int | None] = mapped_column(Integer)


class ZzpAanvulling(Basis):
    """One entry of the administrator's ZZP supplement (`zorgzwaarte beheer zzp-aanvulling`): figures the law gives
    only as an image. Kept in the database so every worker and every host reads the same supplement; a new load
    replaces all rows in one transaction. `inhoud` is the validated entry as canonical JSON (sorted keys): the
    receipt fingerprint is computed from exactly these strings. `lading` is the same fresh UUID on every row of one
    load: a worker keeps the supplement in memory and asks only for this mark to know whether it is still current."""

    __tablename__ = "zzp_aanvulling"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    inhoud: Mapped[str] = mapped_column(Text)
    geladen_op: Mapped[datetime] = mapped_column(TIJD)
    lading: Mapped[str | None] = mapped_column(String(36))


class Gegevensversie(Basis):
    """One row: a counter that database triggers raise on every write to any table except the audit log (see
    opslag/gegevensversie.py). Equal counters mean equal data, so a read can be answered from the read cache."""

    __tablename__ = "gegevensversie"
    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    versie: Mapped[int] = mapped_column(BigInteger, default=0)
