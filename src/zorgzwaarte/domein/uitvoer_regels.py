"""Output shapes of the computations behind the services (issue 13 §3): the explanation step, the ruleset receipt,
the indicatiebesluit as the rules compute it and the outcomes of the Regeling zorgaanspraken.

Every model is closed (`extra="forbid"`): /openapi.json names each field. Fields the rules only give in some cases
(a unit's `dagdelen_per_week`, the `zzp` of a decision with stay) are optional; a service builds the model from the
rules' result, so a field that was not given stays unset and the API leaves it out (`response_model_exclude_unset`).

Code reads attributes; a caller that compares a result with a case file, or a template that needs a mapping, takes
its JSON as the API gives it (`uitkomst.als_json()`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from zorgzwaarte.domein.uitvoer import Datum, Uitvoer


class Uitkomst(Uitvoer):
    """A computed result, read by its attributes; `als_json` gives it as the API and the CLI do."""

    def als_json(self) -> dict[str, Any]:
        """The JSON of the result as the API and the CLI give it: fields the rules did not give are left out."""
        return self.model_dump(mode="json", exclude_unset=True)


class Stap(Uitkomst):
    """One step of the explanation: the rule applied, what came out, and where the law says so (with its address
    on wetten.overheid.nl where the bron names a regeling)."""

    regel: str
    uitkomst: str
    bron: str
    bron_adres: str | None = Field(default=None, description="wetten.overheid.nl, de versie die de bron noemt")


class Ontvangstbewijs(Uitkomst):
    """The ruleset a result came from, so it can be recomputed years later."""

    naam: str
    versie: str
    hash: str
    geverifieerd_tot: Datum | None = Field(default=None, description="de nieuwste wettekst waartegen is gecontroleerd")


# --- the indicatiebesluit as the rules compute it ------------------------------------------------------------


class GeindiceerdeFunctieUit(Uitkomst):
    functie: str
    naam: str
    functiecode: str = Field(description="de functiecode van het iWlz/AWBZ-bericht")
    minuten_per_week: int | float | None
    klasse: int | None
    klasse_code: str
    ingangsdatum: Datum
    einddatum: Datum | None
    eenheid: str = Field(description="uren, dagdelen, etmalen of geen")
    uren_per_week: int | float | None = None
    dagdelen_per_week: int | float | None = None
    etmalen_per_week: int | float | None = None
    geen_per_week: int | float | None = None
    additionele_uren_per_week: int | float | None = None


class UrenBandbreedte(Uitkomst):
    min: int | float | None
    max: int | float | None
    bron: str | None


class DomeinVergelijking(Uitkomst):
    """One domain of the zorgprofiel: the client's level against the profile's (docs/profielkeuze.md)."""

    domein: str
    naam: str
    client_niveau: int | float | None
    client_toelichting: str
    vragen: list[str]
    profiel_niveau: int | float | None
    verschil: int | float | None
    zin: str | None
    bron: str | None
    status: str | None


class DomeinNiveau(Uitkomst):
    domein: str
    profiel_niveau: int | float | None


class ZzpAlternatief(Uitkomst):
    code: str
    cod163: str | None
    naam: str
    afstand: int | float | None
    voorwaarden: list[str]
    profiel_bekend: bool
    domeinen: list[DomeinNiveau]


class OvergangsrechtUit(Uitkomst):
    zzp: list[str]
    mogelijk: bool | None = Field(
        description="true: mogelijk; false: niet mogelijk; null: niet vastgesteld (een feit ontbreekt)"
    )
    reden: str
    bron: str


class ZzpKeuze(Uitkomst):
    """The zorgzwaartepakket chosen (or computed) for a decision with stay, with the alternatives and the domains."""

    code: str | None
    cod163: str | None
    naam: str | None
    sector: str | None
    zorgprofiel_wlz: str | None
    uren_per_week: UrenBandbreedte | None
    uren_per_week_status: str | None
    meerzorg_mogelijk: bool | None
    meerzorg_grond: str
    pgb_mogelijk: bool | None
    berekend: str | None = Field(description="het pakket dat het beste past volgens de berekening")
    gekozen_door_beoordelaar: bool
    motivering: str | None
    professioneel_oordeel_nodig: bool
    redenen_oordeel: list[str]
    afstand: int | float | None
    begeleidingsdoel_past: bool | None
    alternatieven: list[ZzpAlternatief]
    domeinen: list[DomeinVergelijking]
    max_geldigheid_maanden: int | None
    max_geldigheid_bron: str | None
    afstand_methode: str
    overgangsrecht: list[OvergangsrechtUit] | None = None
    bron: str | None = Field(default=None, description="bij een profiel zonder bekende tekst (GGZ-W)")


class IndicatieUitkomst(Uitkomst):
    """The indicatiebesluit as the rules compute it (not stored): decision, functions and classes or ZZP, validity,
    the explanation (steps with rule and article) and the ruleset receipt."""

    besluit: str = Field(description="toegekend of afgewezen")
    stelsel: str = Field(description="AWBZ of Wlz")
    verblijf: bool
    functies: list[GeindiceerdeFunctieUit]
    besluitdatum: Datum
    geldig_van: Datum
    geldig_tot: Datum | None
    geldig_tot_overlijden: bool
    geldig_onbepaald: bool
    grondslagen: list[str]
    etmalen_verblijf: int | None
    uiterste_beslisdatum: Datum | None
    afwijzingsgronden: list[str]
    waarschuwingen: list[str]
    behoefte_minstens_een_jaar: bool | None
    behoefte_minstens_een_jaar_reden: str | None
    ruleset: Ontvangstbewijs
    toelichting: list[Stap]
    zzp: ZzpKeuze | None = Field(default=None, description="alleen bij verblijf")


# --- Regeling zorgaanspraken ----------------------------------------------------------------------------------


class RegelingVersie(Uitkomst):
    """One version of the Regeling zorgaanspraken AWBZ (or, for a rule that follows the Wlz from 2015, of the
    Regeling langdurige zorg): its dates, what changed, and its address."""

    versie: str
    geldig_van: Datum
    geldig_tot: Datum | None
    adres: str = Field(description="de versie op wetten.overheid.nl")
    toelichting: str


class Periode(Uitkomst):
    van: Datum
    tot: Datum


class ArtikelPeriode(Uitkomst):
    artikel: str
    van: Datum
    tot: Datum


class AanspraakKolom(Uitkomst):
    """A field of one row of a list input (a rolstoel's later wijzigingen: prijs and datum)."""

    veld: str
    titel: str = Field(description="de naam van het veld zoals het formulier hem toont")
    soort: str = Field(description="datum, ja_nee, getal, geheel_getal of tekst")
    verplicht: bool
    omschrijving: str | None


class AanspraakVeld(Uitkomst):
    """An input field of a rule, with the form control that asks for it."""

    veld: str
    titel: str = Field(description="de naam van het veld zoals het formulier hem toont")
    type: str = Field(description="het type in woorden: tekst, datum, ja/nee, …")
    soort: str = Field(description="datum, ja_nee, getal, geheel_getal, tekst, keuze, meerkeuze of rijen")
    keuzes: list[str]
    keuze_teksten: dict[str, str] = Field(description="per keuze de tekst die het formulier toont")
    verplicht: bool
    omschrijving: str | None
    kolommen: list[AanspraakKolom] = Field(
        default_factory=list, description="bij soort rijen: de velden van één rij (het formulier kan rijen toevoegen)"
    )
    rij_titel: str | None = Field(default=None, description="bij soort rijen: de naam van één rij ('Wijziging')")


class AanspraakRegel(Uitkomst):
    """A rule of the Regeling zorgaanspraken that can be computed: article, input and output fields, periods."""

    naam: str
    titel: str = Field(description="de naam van de regel in gewone woorden, zoals de lijst en het formulier hem tonen")
    artikel: str
    invoer: list[AanspraakVeld]
    uitvoer: list[str]
    uitvoer_titels: dict[str, str] = Field(description="per uitkomst de naam die het scherm toont")
    in_werking: Periode
    perioden: list[ArtikelPeriode]
    profielen: list[str] = Field(description="de zorgzwaartepakketten die de regel zelf noemt")
    versies: list[str]
    wlz_artikel: str | None = Field(
        default=None,
        description="vanaf 2015 (Wlz) volgt de regel dit artikel; null: de regel geldt alleen onder de AWBZ",
    )
    wlz_versies: list[RegelingVersie] = Field(
        default_factory=list, description="de versies van de Wlz-tekst die de regel vanaf 2015 volgt"
    )


class OnderdeelPrijs(Uitkomst):
    onderdeel: str
    prijs: str
    vanaf: Datum
    dagen_gebruikt: int
    termijn_dagen: int
    restwaarde: str


class VaccinatieOnderdeel(Uitkomst):
    onderdeel: str
    vaccins: list[str]


class AanspraakUitkomst(Uitkomst):
    """The outcome of a rule of the Regeling zorgaanspraken with its explanation. The outcome fields are those the
    chosen rule names in `uitvoer` (GET /aanspraken); the others are absent. `null`: not in force or not known."""

    regel: str
    regeling: str = Field(
        description="de regeling waarvan de tekst is toegepast: Regeling zorgaanspraken AWBZ (tot en met 2014) of, "
        "vanaf 2015, Regeling langdurige zorg"
    )
    artikel: str
    peildatum: Datum
    versie: str
    versie_gebruikt: RegelingVersie
    aanspraak: bool | None = None
    grond: str | None = None
    zzp: str | None = None
    drempel_uren_per_week: int | float | None = None
    tandheelkundige_zorg_tot: Datum | None = None
    prothese_tot: Datum | None = None
    prothese_uiterlijk_verlengd_tot: Datum | None = None
    tandheelkundige_zorg_op_peildatum: bool | None = None
    toestemming_nodig: bool | None = None
    overnameprijs: str | None = None
    afschrijvingstermijn_jaren: int | None = None
    specificatie: list[OnderdeelPrijs] | None = None
    methode: str | None = None
    grens: str | None = None
    max_uren_per_jaar: int | None = None
    resterende_uren: int | float | None = None
    resterende_uren_na_sessie: int | float | None = None
    sessie_telt: bool | None = None
    verklaring_arts_nodig: bool | None = None
    vrijstelling_lid_3_grond: list[str] | None = None
    aanbevolen_van: Datum | None = None
    aanbevolen_tot: Datum | None = None
    aandoeningen: list[str] | None = None
    leeftijd_maanden: int | None = None
    vaccinaties: list[VaccinatieOnderdeel] | None = None
    hepatitis_b: bool | None = None
    inhaalvaccinatie_mogelijk: bool | None = None
    landen_buiten_bijlage_1: list[str] | None = None
    lidstaat: bool | None = None
    vergoeding: str | None = None
    uiterste_meldingsdatum: Datum | None = None
    op_tijd: bool | None = None
    verblijf_tot: Datum | None = None
    leeg_betekent: dict[str, str] = Field(
        default_factory=dict,
        description="per uitkomst die null is omdat het artikel daar geen getal of datum vastlegt (niet omdat een "
        "gegeven ontbreekt): wat dat betekent, in woorden",
    )
    bron: str
    opmerkingen: list[str]
    toelichting: list[Stap]
    ruleset: Ontvangstbewijs
