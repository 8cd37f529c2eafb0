"""The standard assessment ("foto") as entered by the assessor: the input of the trechtermodel.

Assessment principles (Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.1 and §3.2), shown with every form
that enters an assessment (see ``BEOORDELINGSPRINCIPES``):
- the assessor starts from a citizen who lives independently without help (the 'foto' is of the situation
  without the care now given);
- what is done to prevent behaviour counts as care (supervision that prevents problem behaviour is scored);
- a varying situation is averaged per week over the last three months;
- "not willing" is not "not able": only what the client cannot do counts;
- aids and medication can remove a need: a disorder under control by treatment, medication or an aid scores 0.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zorgzwaarte.domein.grenzen import MAX_HANDELINGEN_PER_ZORGMOMENT, MAX_ZORGMOMENTEN

BEOORDELINGSPRINCIPES: list[tuple[str, str]] = [
    (
        "Ga uit van een zelfstandig wonende burger zonder hulp",
        "De foto beschrijft wat de cliënt zelf kan, zonder de zorg die nu al wordt gegeven.",
    ),
    (
        "Tel ook wat gedaan wordt om gedrag te voorkomen",
        "Toezicht en sturing die probleemgedrag voorkomen zijn zorg en worden meegescoord.",
    ),
    (
        "Gemiddeld per week over de laatste drie maanden",
        "Een wisselende situatie wordt gemiddeld per week over de afgelopen drie maanden gescoord.",
    ),
    (
        "Niet willen is niet hetzelfde als niet kunnen",
        "Alleen wat de cliënt niet kán telt mee, niet wat hij of zij niet wíl.",
    ),
    (
        "Hulpmiddelen en medicatie kunnen een behoefte wegnemen",
        "Een stoornis die onder controle is door behandeling, medicatie of een hulpmiddel scoort 0.",
    ),
]
BRON_PRINCIPES = "Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.1 (Stap 1, 'foto') en §3.2 (Stap 2)"

Functie = Literal["PV", "VP", "BG-IND"]
BgActiviteit = Literal["structuur_regie", "vaardigheden", "toezicht", "toezicht_onderwijs", "oefenen"]
BhDoel = Literal["cslm", "herstel_aanleren", "aanvullende_functionele_diagnostiek", "consultatie", "medebehandeling"]
Begeleidingsdoel = Literal["ontwikkeling", "stabilisatie", "begeleiding_bij_achteruitgang"]
Bijzonderheid = Literal[
    "terminaal",  # levensverwachting circa drie maanden of minder (10 VV)
    "herstel_na_opname",  # medisch-specialistische interventie met opname afgerond en herstel nodig (9b VV)
    "geriatrische_revalidatie",  # geriatrische revalidatie na medisch-specialistische interventie (9a VV, tot 2013)
    "beveiliging_nodig",  # beveiligd verblijf vanwege extreme gedragsproblematiek (7 GGZ-B)
    "voortgezet_verblijf_ggz",  # voortgezet verblijf na 365 dagen verblijf met psychiatrische behandeling (GGZ-B)
    "lvg_behandeling",  # verblijf gericht op behandeling gedurende een afgebakende periode (LVG, SGLVG)
    "zintuiglijk_visueel",  # zintuiglijke handicap: visueel (ZGvis)
    "zintuiglijk_auditief",  # zintuiglijke handicap: auditief-communicatief (ZGaud)
]
# Besluit langdurige zorg art. 3.1.5: who has no right to Wlz care (onder a, b, c; wording per Blz version).
GeenRechtWlz = Literal[
    "palliatief_terminaal_zvw",  # onder a: verpleging en verzorging voor palliatief terminale zorg uit de Zvw
    "kind_verpleging_verzorging_zvw",  # onder b: minderjarig, complexe somatische problematiek of lichamelijke handicap
    "kind_verstandelijke_beperking_opvoeding",  # onder c: minderjarig, verstandelijke beperking, gericht op opvoeding
]
BijzondereZorg = Literal[
    "gespecialiseerde_epilepsiezorg",
    "chronische_invasieve_beademing",
    "non_invasieve_beademing",
    "klinische_intensieve_behandeling",
    "niet_strafrechtelijke_forensische_psychiatrie",
]


class Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Client(BaseModel):
    # Other client data (naam, bsn) may travel along; the rules only need the birth date.
    model_config = ConfigDict(extra="allow", frozen=True)
    geboortedatum: date


class Leefklimaat(Strikt):
    beschermende_woonomgeving: bool = False
    therapeutisch_leefklimaat: bool = False
    permanent_toezicht: bool = False

    def een_of_meer(self) -> bool:
        return self.beschermende_woonomgeving or self.therapeutisch_leefklimaat or self.permanent_toezicht


class Zorgmoment(Strikt):
    per_week: float = Field(gt=0, le=7 * 24)
    handelingen: list[str] = Field(min_length=1, max_length=MAX_HANDELINGEN_PER_ZORGMOMENT)
    twee_zorgverleners: bool = False
    gebruikelijke_zorg: bool = Field(
        default=False,
        description="Dit zorgmoment is gebruikelijke zorg van partner/ouder/huisgenoot (bijlage 3).",
    )
    medisch_specialist_verantwoordelijk: bool | None = Field(
        default=None,
        description=(
            "Een medisch specialist is verantwoordelijk voor de verpleging van dit zorgmoment (dan is die "
            "verpleging Zvw, bijlage 5 §3.1); verplicht bij een handeling met een * in de normtijdentabel."
        ),
    )
    minuten_per_keer: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description=(
            "minuten per keer voor een handeling waarvoor de tekst een bandbreedte geeft (uitzuigen bij "
            "thuisbeademing: 5 tot 10 minuten, BIA bijlage 5 §5.3); verplicht als die handeling alleen staat"
        ),
    )
    omschrijving: str | None = None


class Dagdelen(Strikt):
    begeleiding_groep: int = Field(default=0, ge=0, le=14)
    behandeling_groep: int = Field(default=0, ge=0, le=14)
    school_werk: float = Field(default=0, ge=0, le=14)
    school_werk_weken_per_jaar: int = Field(default=52, ge=1, le=52)
    vervoer: bool | None = Field(
        default=None, description="vervoer nodig voor de zorg in groepsverband (voor het iWlz-bericht IO31)"
    )


class BegeleidingIndividueel(Strikt):
    uren_per_week: float = Field(gt=0, le=168)
    activiteiten: list[BgActiviteit] = Field(min_length=1)
    oefenen_uren_per_week: float | None = Field(
        default=None,
        ge=0,
        le=168,
        description="het deel van uren_per_week voor oefenen (activiteit 4); verplicht als 'oefenen' gevraagd is",
    )


class BehandelingIndividueel(Strikt):
    doel: BhDoel


class Aftrek(Strikt):
    """Minutes per week taken over by someone else (step 2 voorliggend, step 3 mantelzorg)."""

    functie: Functie
    minuten_per_week: float = Field(gt=0)
    omschrijving: str | None = None


class Mantelzorg(Strikt):
    wens_aftrek: bool = False
    aftrek: list[Aftrek] = Field(default_factory=list)


class Huishouden(Strikt):
    gebruikelijke_zorger_aanwezig: bool = False
    kortdurende_zorgsituatie: bool = False
    overbelasting: bool = False
    intieme_zorg_door_ouder_geweigerd: bool = False


class Aanleren(Strikt):
    functie: Literal["PV", "VP"]
    vertraagde_leerbaarheid: bool = False
    aanleertijd_minuten_per_week: float | None = Field(
        default=None,
        ge=0,
        le=7 * 24 * 60,
        description=(
            "aanleertijd bovenop de tijd van de aan te leren handelingen (die als zorgmomenten): PV ten hoogste 30, "
            "VP ten hoogste 45 minuten per week (BIA bijlage 4 §4.4 activiteit 2.5; bijlage 5 §4.4 activiteit 1.9)"
        ),
    )


class BegeleidenZelfzorg(Strikt):
    """Begeleiden bij zorg die de cliënt of de (gebruikelijke of mantel)zorger zelf uitvoert."""

    pv_minuten_per_week: float | None = Field(
        default=None, ge=0, le=7 * 24 * 60, description="PV 2.5 begeleiden: 30 minuten per week (bijlage 4 §4.4)"
    )
    vp_minuten_per_week: float | None = Field(
        default=None, ge=0, le=7 * 24 * 60, description="VP 1.7: tot 60 minuten per week (bijlage 5 §4.4)"
    )


Clusterindicatie = Literal["LG", "LZ", "ZMLK", "LG_ZMLK", "geen"]
Onderwijssoort = Literal["speciaal_onderwijs", "voortgezet_speciaal_onderwijs"]
OnderwijsTabelrij = Literal[
    "lichamelijke_beperking",
    "somatische_aandoening",
    "verstandelijke_beperking",
    "verstandelijke_en_lichamelijke_beperking",
]


class Onderwijs(Strikt):
    """Onderwijs van een kind: voor de onderwijsaftrek op PV en VP (BIA bijlage 4 en 5 §4.2)."""

    naar_school: bool
    clusterindicatie: Clusterindicatie | None = Field(
        default=None, description="tot 1 augustus 2014: de clusterindicatie van het kind, of 'geen'"
    )
    onderwijssoort: Onderwijssoort | None = Field(default=None, description="tot 1 augustus 2014, bij een cluster")
    zorg_op_school_gevraagd: bool | None = Field(
        default=None, description="vanaf 1 augustus 2014: de aanvraag omvat zorg voor op school"
    )
    eerder_indicatie_zorg_op_school: bool | None = Field(
        default=None, description="vanaf 1 augustus 2014: het kind had vóór 1 augustus 2014 al AWBZ-zorg op school"
    )
    tabelrij: OnderwijsTabelrij | None = Field(
        default=None, description="vanaf 1 augustus 2014: de rij van de tabel als de grondslagen er meer aanwijzen"
    )


class ToezichtThuisbeademing(Strikt):
    """Individueel verpleegkundig toezicht i.v.m. thuisbeademing (BIA bijlage 5 §5.4): every criterion a given fact."""

    dagdelen_per_week: int = Field(ge=1, le=14)
    noodzaak_permanent_toezicht: bool
    toezicht_door_mantelzorg_in_huishouden: bool
    ontlasting_mantelzorg_nodig: bool
    positief_advies_centrum_thuisbeademing: bool
    andere_vormen_toezicht_niet_doelmatig: bool


class EerdereIndicatie(Strikt):
    """An earlier indicatiebesluit for a ZZP (overgangsrecht ZZP 1-3, Wijzigingsregeling Rza 2012 art. II-III)."""

    zzp: str = Field(min_length=1, max_length=20, description="het ZZP van dat besluit, bijvoorbeeld 4VV")
    geldig_van: date
    geldig_tot: date | None = None

    @model_validator(mode="after")
    def _periode(self) -> EerdereIndicatie:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_van:
            raise ValueError("geldig_tot ligt vóór geldig_van")
        return self


class Beoordeling(Strikt):
    """Input of ``zorgzwaarte indiceer``: see docs/indiceer.md for every key."""

    peildatum: date
    besluitdatum: date | None = None
    aanvraagdatum: date | None = None
    spoed: bool = False
    client: Client
    grondslagen: list[str] = Field(min_length=1)
    stoornisscores: dict[str, int] = Field(default_factory=dict)
    beperkingscores: dict[str, int] = Field(default_factory=dict)
    prognose: str | None = None
    leefklimaat: Leefklimaat = Field(default_factory=Leefklimaat)
    etmalen_per_week: int = Field(default=0, ge=0, le=7)
    ontlasting_mantelzorger_nodig: bool = False
    respijtzorg: bool = False
    zorgmomenten: list[Zorgmoment] = Field(default_factory=list, max_length=MAX_ZORGMOMENTEN)
    dagdelen: Dagdelen = Field(default_factory=Dagdelen)
    begeleiding_individueel: BegeleidingIndividueel | None = None
    behandeling_individueel: BehandelingIndividueel | None = None
    behandeling_groep_doel: BhDoel | None = None
    vp_medische_noodzaak: bool | None = Field(
        default=None,
        description="door een arts vastgestelde medische noodzaak (bijlage 5 §3); verplicht bij verpleging",
    )
    voorliggend: list[Aftrek] = Field(default_factory=list)
    mantelzorg: Mantelzorg = Field(default_factory=Mantelzorg)
    huishouden: Huishouden = Field(default_factory=Huishouden)
    aanleren: list[Aanleren] = Field(default_factory=list)
    begeleiden_zelfzorg: BegeleidenZelfzorg | None = None
    onderwijs: Onderwijs | None = Field(
        default=None,
        description="verplicht (AWBZ) voor een kind onder de 18 met persoonlijke verzorging of verpleging",
    )
    toezicht_thuisbeademing: ToezichtThuisbeademing | None = None
    levensverwachting_korter_dan_3_maanden: bool = False
    # Wlz (2015+): access needs permanent toezicht or 24-hour care nearby, blijvend (Wlz art. 3.2.1).
    zorg_24_uur_nabijheid: Literal["fysieke_problemen", "zware_regieproblemen"] | None = None
    blijvend: bool | None = Field(
        default=None,
        description="zorgbehoefte blijvend; zonder waarde alleen af te leiden uit prognose 1 (niet blijvend) of 3/4",
    )
    zorg_aangevangen_op: date | None = Field(
        default=None,
        description="Wlz: de dag waarop de zorg (vanaf 2024: het verblijf in een instelling) al is begonnen",
    )
    verblijf_in_instelling: bool | None = Field(
        default=None, description="Wlz vanaf 2024: de al begonnen zorg is verblijf in een instelling"
    )
    jeugdige_jeugdwet: bool | None = Field(
        default=None,
        description="Wlz vanaf 2021: meerderjarige die jeugdige is als bedoeld in art. 1.1 Jeugdwet (art. 3.2.1 lid 6)",
    )
    geen_recht_wlz: list[GeenRechtWlz] = Field(default_factory=list)
    uitzondering_ondoelmatigheid: bool = False
    geldig_tot_gewenst: date | None = None
    zelfstandig_wonen_leerbaar: bool | None = Field(
        default=None,
        description=(
            "jongere van 17 tot 23 jaar met een beschermende woonomgeving: kan zelfstandig wonen leren "
            "(BIA bijlage 8 §2.2); verplicht in die situatie"
        ),
    )
    zorgbehoefte_minstens_een_jaar: bool | None = Field(
        default=None,
        description="oordeel van de beoordelaar: de zorgbehoefte bestaat ten minste een jaar (Zib art. 14 lid 1)",
    )
    overgang_2014_uitzondering: Literal["intensieve_kindzorg", "adl_assistentie", "nuluren", "geen"] | None = Field(
        default=None,
        description=(
            "uitzondering op de kortere geldigheid bij besluiten van juli-december 2014 (Zir art. 1 lid 5); "
            "verplicht als die kortere geldigheid anders zou gelden"
        ),
    )
    # Profile choice (care with stay), used from the ZZP module on.
    verpleegkundige_aandacht: int | None = Field(default=None, ge=0, le=3)
    begeleidingsdoel: Begeleidingsdoel | None = None
    bijzonderheden: list[Bijzonderheid] = Field(default_factory=list)
    bijzondere_zorg: list[BijzondereZorg] = Field(default_factory=list)
    gekozen_zzp: str | None = None
    motivering_afwijkend_profiel: str | None = None
    # Overgangsrecht ZZP 1-2 and 3 VV (Wijzigingsregeling Rza 2012 art. II-III): facts, never assumed.
    eerdere_indicaties: list[EerdereIndicatie] | None = Field(
        default=None,
        max_length=50,
        description="eerdere indicatiebesluiten voor een ZZP ([] = geen); niet opgegeven = niet vastgesteld",
    )
    na_zvw_of_forensisch_verblijf: bool | None = Field(
        default=None,
        description=(
            "de cliënt had onmiddellijk vóór een verblijf in de Zvw (Bzv art. 2.10) of in de forensische zorg een "
            "indicatiebesluit voor een ZZP, en deze indicatie sluit onmiddellijk op dat verblijf aan"
        ),
    )

    @property
    def terminaal(self) -> bool:
        return self.levensverwachting_korter_dan_3_maanden or "terminaal" in self.bijzonderheden

    @property
    def dominante_grondslag(self) -> str:
        return self.grondslagen[0]
