"""Input and output shapes of the records (clients, beoordelingen, besluiten, overeenkomsten, zorgplannen, ...)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from stdnum.nl import bsn as stdnum_bsn

from zorgzwaarte.domein.grenzen import MAX_ID

Leveringsvorm = Literal["verblijf", "vpt", "mpt", "pgb"]
LEVERINGSVORMEN = {
    "verblijf": ("Verblijf", "4"),
    "vpt": ("Volledig pakket thuis (VPT)", "5"),
    "mpt": ("Modulair pakket thuis (MPT)", "7"),
    "pgb": ("Persoonsgebonden budget (pgb)", "2"),
}
LEVENSDOMEINEN = {
    "wonen": "Wonen",
    "werken_dagbesteding": "Werken en dagbesteding",
    "leren": "Leren",
    "sociale_contacten": "Sociale contacten",
}
AfwezigheidReden = Literal[
    "vakantie",
    "detentie",
    "ziekenhuis",
    "revalidatie",
    "ggz",
    "behandeling_elders",
    "weekendverlof",
    "schoolvakantie",
    "overig",
]
FunctieCode = Literal["PV", "VP", "BG-IND", "BG-GRP", "BH-IND", "BH-GRP", "KVB", "ZZP"]


class Invoer(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def normaliseer_bsn(waarde: str) -> str:
    cijfers = re.sub(r"[\s.\-]", "", waarde)
    if not cijfers.isdigit():
        raise ValueError("een BSN bestaat uit cijfers")
    if not 8 <= len(cijfers) <= 9:  # an old BSN may lack its leading 0
        raise ValueError(f"een BSN heeft 9 cijfers; dit zijn er {len(cijfers)}")
    cijfers = cijfers.zfill(9)
    if not stdnum_bsn.is_valid(cijfers):
        raise ValueError("dit BSN voldoet niet aan de 11-proef")
    return cijfers


def normaliseer_postcode(waarde: str | None) -> str | None:
    if waarde is None or waarde == "":
        return None
    pc = waarde.replace(" ", "").upper()
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", pc):
        raise ValueError("een postcode is vier cijfers en twee letters, bijvoorbeeld 3511 AB")
    return pc


HUISNUMMER_MELDING = (
    "het huisnummer is een getal vanaf 1 (hoogstens 99999), eventueel met een huisletter of toevoeging erachter, "
    "bijvoorbeeld 12, 12A of 12-2"
)


def controleer_huisnummer(waarde: str | None) -> str | None:
    """A Dutch house number as the BAG has it: a number 1-99999, optionally followed by a huisletter and/or a
    toevoeging of up to four letters or digits (stored as typed, in one field, e.g. "12 A" or "12-2")."""
    if waarde is None or waarde.strip() == "":
        return None
    tekst = waarde.strip()
    if not re.fullmatch(
        r"[1-9][0-9]{0,4}(?:[ -]?[A-Za-z][A-Za-z0-9]{0,3}|[ -][A-Za-z0-9]{1,4})?(?:[ -][A-Za-z0-9]{1,4})?", tekst
    ):
        raise ValueError(HUISNUMMER_MELDING)
    return tekst


class ClientGegevens(Invoer):
    geslachtsnaam: str = Field(min_length=1, max_length=200)
    voorvoegsel: str | None = Field(default=None, max_length=20)
    voorletters: str | None = Field(default=None, max_length=20)
    voornamen: str | None = Field(default=None, max_length=200)
    geboortedatum: date
    geslacht: Literal["0", "1", "2"] = Field(default="0", description="0 onbekend, 1 man, 2 vrouw (iWlz)")
    straat: str | None = Field(default=None, max_length=200)
    huisnummer: str | None = Field(default=None, max_length=20)
    postcode: str | None = None
    woonplaats: str | None = Field(default=None, max_length=100)
    regio: str | None = Field(default=None, max_length=100)

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, v: str | None) -> str | None:
        return normaliseer_postcode(v)

    @field_validator("huisnummer")
    @classmethod
    def _huisnummer(cls, v: str | None) -> str | None:
        return controleer_huisnummer(v)

    @field_validator("geboortedatum")
    @classmethod
    def _geboortedatum(cls, v: date) -> date:
        # A birth date after today is refused by the service, on the unit's clock (records.clienten:
        # geboortedatum_niet_na_vandaag); the model has no clock.
        if v.year < 1890:
            raise ValueError("geboortedatum is niet aannemelijk (vóór 1890)")
        return v


class ClientNieuw(ClientGegevens):
    bsn: str

    @field_validator("bsn")
    @classmethod
    def _bsn(cls, v: str) -> str:
        return normaliseer_bsn(v)


class ClientWijziging(Invoer):
    versie: int = Field(
        ge=1, le=MAX_ID, description="de versie die u hebt gelezen (voor het opsporen van gelijktijdige wijzigingen)"
    )
    # the same maximum lengths as ClientGegevens and the database columns (tests/veiligheid/test_lengtes.py)
    geslachtsnaam: str | None = Field(default=None, min_length=1, max_length=200)
    voorvoegsel: str | None = Field(default=None, max_length=20)
    voorletters: str | None = Field(default=None, max_length=20)
    voornamen: str | None = Field(default=None, max_length=200)
    geslacht: Literal["0", "1", "2"] | None = None
    straat: str | None = Field(default=None, max_length=200)
    huisnummer: str | None = Field(default=None, max_length=20)
    postcode: str | None = None
    woonplaats: str | None = Field(default=None, max_length=100)
    regio: str | None = Field(default=None, max_length=100, description="alleen de beoordelaar wijzigt de regio")

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, v: str | None) -> str | None:
        return normaliseer_postcode(v)

    @field_validator("huisnummer")
    @classmethod
    def _huisnummer(cls, v: str | None) -> str | None:
        return controleer_huisnummer(v)


class BsnZoekvraag(Invoer):
    bsn: str

    @field_validator("bsn")
    @classmethod
    def _bsn(cls, v: str) -> str:
        return normaliseer_bsn(v)


class BeoordelingConcept(Invoer):
    invoer: dict[str, Any] = Field(
        default_factory=dict, description="de beoordeling zoals `zorgzwaarte indiceer` haar leest"
    )
    aanvraagdatum: date | None = None
    spoed: bool = False


class BeoordelingWijziging(BeoordelingConcept):
    versie: int = Field(ge=1, le=MAX_ID)


class Versie(Invoer):
    versie: int = Field(ge=1, le=MAX_ID)


class BesluitVastleggen(Invoer):
    versie: int = Field(ge=1, le=MAX_ID, description="versie van de beoordeling")
    besluitdatum: date | None = Field(
        default=None, description="leeg: de dag van vastleggen; een eerdere dag alleen met een reden"
    )
    besluitdatum_reden: str | None = Field(default=None, max_length=1000)
    zorgaanbieder_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="de zorgaanbieder waar de cliënt zorg wil krijgen: het besluit komt in diens intake",
    )


class OvereenkomstNieuw(Invoer):
    zorgaanbieder_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="zorgkantoor: de aanbieder; aanbieder: leeg (eigen organisatie)"
    )
    indicatiebesluit_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="leeg: het geldende besluit van de cliënt"
    )
    leveringsvorm: Leveringsvorm
    ingangsdatum: date
    einddatum: date | None = None
    toewijzing_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="aanbieder: de toewijzing van het zorgkantoor (AW33) uit de intake"
    )

    @model_validator(mode="after")
    def _periode(self) -> OvereenkomstNieuw:
        if self.einddatum and self.einddatum < self.ingangsdatum:
            raise ValueError("einddatum ligt vóór de ingangsdatum")
        return self


class ToewijzingNieuw(Invoer):
    zorgaanbieder_id: int = Field(ge=1, le=MAX_ID, description="de zorgaanbieder die de zorg gaat leveren")
    indicatiebesluit_id: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="leeg: het geldende besluit van de cliënt"
    )
    leveringsvorm: Leveringsvorm
    ingangsdatum: date
    einddatum: date | None = None

    @model_validator(mode="after")
    def _periode(self) -> ToewijzingNieuw:
        if self.einddatum and self.einddatum < self.ingangsdatum:
            raise ValueError("einddatum ligt vóór de ingangsdatum")
        return self


class OvereenkomstWijziging(Invoer):
    versie: int = Field(ge=1, le=MAX_ID)
    einddatum: date | None


class Levensdomein(Invoer):
    doelen: list[str] = Field(default_factory=list)
    wensen: list[str] = Field(default_factory=list)
    mogelijkheden: str = ""
    beperkingen: str = ""
    hulpbronnen: list[str] = Field(default_factory=list)


class GeplandeZorg(Invoer):
    functie: FunctieCode
    uren_per_week: float = Field(ge=0, le=168)
    etmalen_per_jaar: int | None = Field(
        default=None, ge=0, le=366, description="logeeropvang (KVB): etmalen in het kalenderjaar van het zorgplan"
    )
    eigen_zorglocatie: bool | None = Field(
        default=None,
        description="logeeropvang (KVB) op een zorglocatie die de cliënt vanuit het pgb zelf regelt (Blz 2026 art. "
        "3.1.3 lid 2)",
    )
    zeer_complexe_zorgbehoefte: bool | None = Field(
        default=None,
        description="de cliënt heeft een zeer complexe zorgbehoefte (Blz 2026 art. 3.1.3 lid 2; de ministeriële "
        "regeling die dat omschrijft staat niet in de bronnen): nodig bij eigen_zorglocatie",
    )


class ZorgplanInvoer(Invoer):
    domeinen: dict[Literal["wonen", "werken_dagbesteding", "leren", "sociale_contacten"], Levensdomein]
    gepland: list[GeplandeZorg] = Field(default_factory=list)
    evaluatiedata: list[date] = Field(default_factory=list)
    vastgesteld_op: date
    besproken_op: date | None = Field(default=None, description="datum van de zorgplanbespreking (Wlz art. 8.1.1)")
    afschrift_op: date | None = Field(default=None, description="afschrift aan de cliënt gegeven (Wlz art. 8.1.3)")
    zorgverleners: str | None = Field(
        default=None, max_length=5000, description="verantwoordelijke zorgverleners en afstemming (art. 8.1.1 lid 1 b)"
    )
    persoonlijk_plan: str | None = Field(
        default=None, max_length=5000, description="hoe het persoonlijk plan van de cliënt is betrokken (art. 8.1.3)"
    )

    @model_validator(mode="after")
    def _data(self) -> ZorgplanInvoer:
        if self.besproken_op and self.besproken_op > self.vastgesteld_op:
            raise ValueError("de bespreking ligt na de vaststelling van het zorgplan")
        if self.afschrift_op and self.afschrift_op < self.vastgesteld_op:
            raise ValueError("het afschrift ligt vóór de vaststelling van het zorgplan")
        return self


class ZorgplanWijziging(ZorgplanInvoer):
    versie: int = Field(ge=1, le=MAX_ID)


class RapportageNieuw(Invoer):
    datum: date
    domein: Literal["wonen", "werken_dagbesteding", "leren", "sociale_contacten", "gezondheid", "algemeen"] | None = (
        None
    )
    tekst: str = Field(min_length=1, max_length=20000)


class Afwezigheid(Invoer):
    van: date
    tot: date
    reden: AfwezigheidReden

    @model_validator(mode="after")
    def _periode(self) -> Afwezigheid:
        if self.tot < self.van:
            raise ValueError("tot ligt vóór van")
        return self


class GeleverdeUren(Invoer):
    functie: FunctieCode
    uren: float = Field(ge=0, le=168)


class GeleverdeZorgInvoer(Invoer):
    overeenkomst_id: int = Field(ge=1, le=MAX_ID)
    week: date = Field(description="een dag in de week; opgeslagen als de maandag van die ISO-week")
    uren: list[GeleverdeUren] = Field(default_factory=list)
    afwezigheid: list[Afwezigheid] = Field(default_factory=list)
    vervangen: bool = Field(
        default=False, description="een correctie: vervang de uren van een week die al is geregistreerd"
    )

    @field_validator("week")
    @classmethod
    def _maandag(cls, v: date) -> date:
        return v - timedelta(days=v.weekday())


class GebruikerNieuw(Invoer):
    gebruikersnaam: str = Field(min_length=3, max_length=100, pattern=r"^[a-z0-9._-]+$")
    naam: str = Field(min_length=1, max_length=200)
    wachtwoord: str = Field(min_length=10, max_length=200)
    rol: Literal["beoordelaar", "zorgaanbieder", "zorgkantoor", "beheerder"]
    organisatie_id: int = Field(ge=1, le=MAX_ID)


class Pagina(BaseModel):
    items: list[dict[str, Any]]
    totaal: int
    pagina: int
    per_pagina: int


def iso(x: date | datetime | None) -> str | None:
    return x.isoformat() if x else None
