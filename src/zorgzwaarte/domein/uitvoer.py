"""Output shapes of the records: what a service hands back and what the API answers (its `response_model`).

Dates and moments keep the form they have always had in the API and on the screens: ISO 8601 text
(`2014-06-01`; a moment `2014-06-01T10:00:00`), declared as such in the OpenAPI (`format: date` / `date-time`).
The decision's full result (`resultaat`) and the raw assessment (`invoer`) stay objects as stored: their shape is
that of the rules when the decision was recorded (`regels.indicatie.besluit.Indicatiebesluit.als_dict`) and of the
assessment (`domein.beoordeling`), and a record keeps what it had. The computations behind the services answer in
closed models: `uitvoer_regels` (step, receipt, indicatie, aanspraken), `uitvoer_geld` (bekostiging) and
`uitvoer_beheer` (users, locks, notifications, retour).
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

Datum = Annotated[str, WithJsonSchema({"type": "string", "format": "date", "description": "JJJJ-MM-DD"})]
# a moment as stored: ISO 8601 without offset (UTC), so not an RFC 3339 `date-time`
Moment = Annotated[str, WithJsonSchema({"type": "string", "description": "moment van vastleggen, ISO 8601 (UTC)"})]
Rol = Literal["beoordelaar", "zorgaanbieder", "zorgkantoor", "beheerder"]


class Uitvoer(BaseModel):
    """An answer of a service: read-only data, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Signaal(Uitvoer):
    """A signal of a zorgplan or a week of delivered care against the indicatiebesluit."""

    functie: str
    soort: str = Field(description="boven, ver_onder, niet_geindiceerd of onbekend")
    melding: str
    bron: str


class ClientUit(Uitvoer):
    id: int
    bsn: str
    geslachtsnaam: str
    voorvoegsel: str | None
    voorletters: str | None
    voornamen: str | None
    naam: str = Field(description="de naam zoals geschreven: voorletters, voorvoegsel, geslachtsnaam")
    geboortedatum: Datum | None
    geslacht: str = Field(description="0 onbekend, 1 man, 2 vrouw (iWlz)")
    straat: str | None
    huisnummer: str | None
    postcode: str | None
    woonplaats: str | None
    regio: str | None
    fictief: bool
    register_id: str | None = Field(description="het id van de cliënt in het Indicatieregister")
    versie: int = Field(description="stuur deze versie mee bij een wijziging")
    vastgelegd_op: Moment | None


class TijdlijnItem(Uitvoer):
    soort: Literal["beoordeling", "indicatiebesluit", "overeenkomst", "zorgplan", "rapportage"]
    id: int
    datum: Moment | None
    omschrijving: str
    zzp_code: str | None = None


class BeoordelingUit(Uitvoer):
    id: int
    client_id: int
    status: Literal["concept", "definitief"]
    volgnummer: int
    vorige_id: int | None
    invoer: dict[str, Any] = Field(description="de beoordeling (foto), zie de invoer van /indiceer")
    aanvraagdatum: Datum | None
    spoed: bool
    beoordelaar_id: int | None
    vastgelegd_op: Moment | None
    definitief_op: Moment | None
    versie: int


class RegelsetBewijs(Uitvoer):
    naam: str | None
    versie: str | None
    hash: str | None


class BesluitUit(Uitvoer):
    id: int
    client_id: int
    beoordeling_id: int | None
    extern: bool
    besluit: str = Field(description="toegekend of afgewezen")
    stelsel: str = Field(description="AWBZ of Wlz")
    verblijf: bool | None
    zzp_code: str | None
    zorgprofiel: str | None
    besluitdatum: Datum | None
    geldig_van: Datum | None
    geldig_tot: Datum | None
    status: str = Field(description="geldig, vervangen of ingetrokken")
    vervangen_door_id: int | None
    motivering_afwijkend: str | None
    zorgaanbieder_id: int | None
    ruleset: RegelsetBewijs
    resultaat: dict[str, Any] = Field(description="de uitkomst van de regels met de toelichting (stappen met bron)")
    vastgelegd_op: Moment | None
    vervangen_op: Moment | None
    versie: int
    wlzindicatie_id: str | None
    vervaldatum: Datum | None
    indicatieregister: str | None = Field(description="waarom het besluit geen wlzindicatie_id heeft")


class OvereenkomstUit(Uitvoer):
    id: int
    client_id: int
    zorgaanbieder_id: int
    indicatiebesluit_id: int | None
    zzp_code: str | None
    functies: list[dict[str, Any]]
    leveringsvorm: str
    ingangsdatum: Datum | None
    einddatum: Datum | None
    vastgelegd_op: Moment | None
    versie: int


class ToewijzingUit(Uitvoer):
    """A toewijzing of the zorgkantoor (iWlz AW33): the client's indicatiebesluit assigned to a provider."""

    id: int
    client_id: int
    indicatiebesluit_id: int
    zorgaanbieder_id: int
    zorgkantoor_id: int
    leveringsvorm: str
    ingangsdatum: Datum | None
    einddatum: Datum | None
    overeenkomst_id: int | None
    vastgelegd_op: Moment | None
    versie: int


class OvereenkomstAangemaakt(OvereenkomstUit):
    """A new agreement, with a warning (not a refusal) for another agreement of the client in the same period."""

    waarschuwingen: list[str]


class ZorgplanUit(Uitvoer):
    id: int
    client_id: int
    overeenkomst_id: int
    domeinen: dict[str, Any]
    gepland: list[dict[str, Any]]
    evaluatiedata: list[Datum]
    vastgesteld_op: Datum | None
    besproken_op: Datum | None
    afschrift_op: Datum | None
    zorgverleners: str | None
    persoonlijk_plan: str | None
    vastgelegd_op: Moment | None
    versie: int
    signalen: list[Signaal]


class RapportageUit(Uitvoer):
    id: int
    client_id: int
    auteur_id: int | None
    datum: Datum | None
    domein: str | None
    tekst: str
    vastgelegd_op: Moment | None


class GeleverdeZorgUit(Uitvoer):
    id: int
    client_id: int
    overeenkomst_id: int
    week: Datum | None = Field(description="de maandag van de week")
    uren: list[dict[str, Any]]
    afwezigheid: list[dict[str, Any]]
    vastgelegd_op: Moment | None
    versie: int
    signalen: list[Signaal]


class GebruikerUit(Uitvoer):
    id: int
    gebruikersnaam: str
    naam: str
    rol: str
    organisatie_id: int


class OrganisatieUit(Uitvoer):
    id: int
    naam: str
    soort: str
    agb_code: str | None
    uzovi: str | None
    regio: str | None
    fictief: bool


class AuditregelUit(Uitvoer):
    id: int
    tijdstip: Moment | None
    gebruiker_id: int | None
    gebruikersnaam: str | None
    organisatie_id: int | None
    rol: str | None
    actie: str
    objecttype: str | None
    object_id: int | None
    client_id: int | None
    uitkomst: str
    details: str | None


T = TypeVar("T", bound=BaseModel)


class Pagina(Uitvoer, Generic[T]):
    """One page of a longer list."""

    items: list[T]
    totaal: int = Field(description="het aantal items over alle pagina's")
    pagina: int
    per_pagina: int


class Io31Resultaat(Uitvoer):
    client: ClientUit
    indicatiebesluit: BesluitUit


class Io31Inlezing(Uitvoer):
    """An IO31 message read in: per decision in the message the client and the decision (marked extern)."""

    ingelezen: int
    resultaten: list[Io31Resultaat]
