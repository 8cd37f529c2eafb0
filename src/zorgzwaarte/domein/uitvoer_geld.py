"""Output shapes of the bekostiging services (issue 13 §3): tariff tables, contracts, the effective day tariff,
the realisation, the declaration and the pgb. Amounts are decimal text in euros (`"1234.50"`), as they always were.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from zorgzwaarte.domein.uitvoer import Datum, Moment
from zorgzwaarte.domein.uitvoer_regels import Ontvangstbewijs, Periode, Stap, Uitkomst

Bedrag = str  # a decimal amount as text, e.g. "123.45"


class TariefregelUit(Uitkomst):
    """One dated maximum tariff: a line of the loaded table (docs/bekostiging.md)."""

    prestatiecode: str
    omschrijving: str
    tarief: Bedrag
    eenheid: str
    ingangsdatum: Datum
    einddatum: Datum | None
    bron: str
    fictief: bool
    geladen_met: str | None = Field(default=None, description="de naam van de lading die de regel bracht")
    geladen_op: Moment | None = Field(default=None, description="wanneer die lading is vastgelegd")


class TarieftabelKenmerk(Uitkomst):
    id: int
    naam: str
    vingerafdruk: str


class TarieftabelUit(Uitkomst):
    """A tariff table with its lines, each with its source."""

    id: int
    naam: str
    aantal_regels: int
    vingerafdruk: str = Field(description="SHA-256 van de geladen CSV")
    vastgelegd_op: Moment
    fictief: bool = Field(description="ten minste één tarief is fictief")
    regels: list[TariefregelUit]
    vorige_id: int | None = Field(default=None, description="de versie van de tabel waarop deze lading is gebouwd")
    dekking: str | None = Field(
        default=None, description="de jaren die het bestand dekte en verving, in woorden (bijv. '2017')"
    )


class PeriodeOpen(Uitkomst):
    van: Datum
    tot: Datum | None = Field(description="leeg: zonder einde")


SoortWijziging = Literal["nieuw", "gewijzigd", "ongewijzigd", "vervalt"]


class TariefWijzigingUit(Uitkomst):
    """What a load does to one tariff: a row of the file (nieuw, gewijzigd, ongewijzigd) with the tariffs in force
    on its days, or a part of a tariff in force that no row of the file takes over (vervalt: daarna onbekend)."""

    soort: SoortWijziging
    regel: TariefregelUit = Field(description="de regel van het bestand; bij 'vervalt' het deel dat vervalt")
    oud: list[TariefregelUit] = Field(description="de geldende tarieven op dezelfde dagen")
    velden: list[str] = Field(description="bij 'gewijzigd': tarief, eenheid, omschrijving, bron en/of periode")


class TariefJaarTelling(Uitkomst):
    """Per year (of the rows' ingangsdatum) how many rows the file has, for how many prestaties, and what they do."""

    jaar: int
    regels: int
    prestaties: int
    nieuw: int
    gewijzigd: int
    ongewijzigd: int
    vervalt: int


class TarieftabelVoorbeeld(Uitkomst):
    """What loading a file would do, before anything is stored (the same reading and checks as the load)."""

    naam: str
    vingerafdruk: str = Field(description="SHA-256 van het bestand")
    basis: TarieftabelKenmerk | None = Field(description="de geldende tabel waarmee vergeleken is (geen: nog geen)")
    dekking: str = Field(description="de jaren die het bestand dekt, in woorden: alleen die worden vervangen")
    perioden: list[PeriodeOpen]
    aantal_regels: int
    per_jaar: list[TariefJaarTelling]
    nieuw: int
    gewijzigd: int
    ongewijzigd: int
    vervalt: int
    behouden: int = Field(description="geldende tarieven (of delen ervan) buiten de gedekte jaren, die blijven")
    fictief: bool
    wijzigingen: list[TariefWijzigingUit]


class TariefInJaar(Uitkomst):
    """One line of a year's table: a tariff over part of the year, or a part without one (tarief null: onbekend)."""

    prestatiecode: str
    van: Datum
    tot: Datum
    tarief: Bedrag | None = Field(description="null: onbekend (geen tarief geladen), nooit 0")
    omschrijving: str | None
    eenheid: str | None
    bron: str | None
    fictief: bool
    geladen_met: str | None
    geladen_op: Moment | None


class TarievenInJaar(Uitkomst):
    """The table in force for one year, per prestatie, with its source; a missing tariff is 'onbekend'."""

    jaar: int
    jaren: list[int] = Field(description="de jaren om uit te kiezen")
    tabel: TarieftabelKenmerk | None
    vastgelegd_op: Moment | None
    regels: list[TariefInJaar]
    onbekend: int = Field(description="aantal regels zonder tarief (onbekend)")


class AfspraakUit(Uitkomst):
    """An agreed prestatie of a contract."""

    prestatiecode: str
    percentage: Bedrag = Field(description="percentage van het maximumtarief")
    productie_dagen: int
    nhc: Bedrag | None
    nic: Bedrag | None


class ContractUit(Uitkomst):
    """A contract between zorgkantoor and zorgaanbieder for one year."""

    id: int
    versie: int
    zorgkantoor_id: int
    zorgkantoor: str | None
    zorgaanbieder_id: int
    aanbieder: str | None
    jaar: int
    kwaliteitsopslag_per_dag: Bedrag
    afspraken: list[AfspraakUit]
    vastgelegd_op: Moment


class DagtariefRegel(Uitkomst):
    """The effective day tariff of one agreed prestatie: zorgzwaarte + prestatie, with the trail."""

    prestatiecode: str
    dag: Datum
    zorgzwaarte: Bedrag | None
    prestatie: Bedrag | None
    dagtarief: Bedrag | None
    fictief: bool
    toelichting: list[Stap]


class DagtariefUit(Uitkomst):
    """The effective day tariff per agreed prestatie on a day, with its explanation."""

    zorgkantoor: str
    aanbieder: str
    jaar: int
    dag: Datum
    tarieven: list[DagtariefRegel]
    fictief: bool
    tarieftabel: TarieftabelKenmerk | None = Field(default=None, description="de gebruikte tabel (API)")


class RealisatieRegel(Uitkomst):
    prestatiecode: str
    afgesproken_dagen: int
    gerealiseerde_dagen: int
    verschil_dagen: int
    realisatie_percentage: Bedrag | None


class RealisatieTotaal(Uitkomst):
    afgesproken_dagen: int
    gerealiseerde_dagen: int


class RealisatieUit(Uitkomst):
    """Realisation against the production agreement."""

    zorgkantoor: str
    aanbieder: str
    jaar: int
    regels: list[RealisatieRegel]
    totaal: RealisatieTotaal


class DeclaratieRegel(Uitkomst):
    """One declared line: days and amount with the explanation. A meerzorg line (`<prestatie>-meerzorg`) has no
    split of the days."""

    client: str
    prestatie: str
    logeeropvang: bool | None = Field(
        default=None, description="true: een regel logeeropvang (Blz art. 3.1.3); ontbreekt bij andere regels"
    )
    dagen: int
    tarief: Bedrag
    bedrag: Bedrag
    dagen_aanwezig: int | None = None
    dagen_afwezig_bekostigd: int | None = None
    dagen_afwezig_niet_bekostigd: int | None = None
    toelichting: list[Stap]


class DeclaratieUitkomst(Uitkomst):
    """A declaration over a period: lines, case mix and explanation per line (nothing stored)."""

    periode: Periode
    regels: list[DeclaratieRegel]
    totaal: Bedrag
    aantal_clienten: int
    bron: str
    fictieve_tarieven: bool


class DeclaratieControle(DeclaratieUitkomst):
    """The declaration compared with the records: per client line what does not match."""

    controle: dict[str, list[str]] = Field(description="per cliëntregel (id) de bevindingen; leeg: klopt")
    controle_bron: str


class PgbMogelijkheid(Uitkomst):
    """The answer for one combination of the facts that were left out (see `hangt_af_van`)."""

    feiten: dict[str, bool] = Field(description="per niet opgegeven feit het antwoord waarmee gerekend is")
    mogelijk: bool | None
    maximum_per_jaar: Bedrag | None
    maximum_periode: Bedrag | None


class PgbUitkomst(Uitkomst):
    """The maximum personal budget with stay, with its explanation."""

    kleinschalig_wooninitiatief: Literal["ja", "nee", "onbekend"] | None = Field(
        default=None, description="alleen als naar het wooninitiatief is gevraagd: voldoet het (Rlz art. 5.13)"
    )
    mogelijk: bool | None = Field(description="null: onbekend (de bronnen geven voor dit jaar geen bedragen)")
    bedragen_onbekend: str | None = Field(
        default=None,
        description="alleen als de bronnen voor dit jaar geen bedragen geven: waarom (dan is alles onbekend)",
    )
    waarschuwingen: list[str] | None = Field(
        default=None, description="alleen als de peildatum na de nieuwste gecontroleerde wettekst ligt"
    )
    hangt_af_van: list[str] | None = Field(
        default=None,
        description="alleen als een feit niet is opgegeven (null bij begeleiding_groep, vervoer of in_instelling) en "
        "het bedrag ervan afhangt: die feiten; de bedragen zijn dan onbekend (null) en staan per mogelijkheid in "
        "mogelijkheden",
    )
    mogelijkheden: list[PgbMogelijkheid] | None = Field(
        default=None, description="alleen bij hangt_af_van: het bedrag voor elke combinatie van antwoorden"
    )
    klassen: dict[str, int | None] = Field(description="per vorm de klasse (leeg: niet van toepassing)")
    per_vorm: dict[str, Bedrag] = Field(description="per vorm het bedrag per jaar")
    maximum_per_jaar: Bedrag | None
    maximum_periode: Bedrag | None
    dagen: int
    signalen: list[str]
    toelichting: list[Stap]
    regelset: Ontvangstbewijs
