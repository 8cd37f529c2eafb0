"""The assessment form (the "foto"), its live preview and the steps to a decision, in the browser.

The form is plain HTML posted to the server; HTMX sends it on every change to /voorbeeld, which computes the
decision from the values on screen without storing anything. Saving keeps a draft at any time (also an
incomplete one); "definitief maken" and "besluit vastleggen" go through the same services as the API.

Every input the rules read is on the form: the fixed parts (dates, grondslagen, leefklimaat, scores, care
moments) have their own conversion; the other inputs are declared once in `VELDGROEPEN` (form name, path in the
assessment, label as on screen) and converted, rendered and named in messages from that one table. A key of a
stored assessment the form does not know is carried along unchanged in a hidden field, so saving never drops it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from markupsafe import Markup, escape

from zorgzwaarte.domein.beoordeling import (
    Begeleidingsdoel,
    BgActiviteit,
    BhDoel,
    BijzondereZorg,
    Bijzonderheid,
    Clusterindicatie,
    GeenRechtWlz,
    Onderwijssoort,
    OnderwijsTabelrij,
)
from zorgzwaarte.rapporten.opmaak import profielgrafiek
from zorgzwaarte.regels.codes import codelijst, scoreschaal, vragen_per_categorie
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.profielen.catalogus import catalogus

LEEFKLIMAAT = (
    ("beschermende_woonomgeving", "Beschermende woonomgeving"),
    ("therapeutisch_leefklimaat", "Therapeutisch leefklimaat"),
    ("permanent_toezicht", "Permanent toezicht"),
)
MOMENTEN_VAN_DE_DAG = ("ochtend", "middag", "avond", "nacht", "ochtend en avond")
AFTREK_RIJEN = 2
AFTREK_FUNCTIES = (("PV", "Persoonlijke verzorging"), ("VP", "Verpleging"), ("BG-IND", "Begeleiding individueel"))

# Dutch labels of the rules' code values (every value of the Literal types must have one: see the tests).
LABELS: dict[str, dict[str, str]] = {
    "BgActiviteit": {
        "structuur_regie": "Structuur aanbrengen en regie voeren",
        "vaardigheden": "Ondersteunen bij praktische vaardigheden en handelingen",
        "toezicht": "Toezicht",
        "toezicht_onderwijs": "Toezicht tijdens onderwijs",
        "oefenen": "Oefenen",
    },
    "BhDoel": {
        "cslm": "Continue, systematische, langdurige en multidisciplinaire zorg (CSLM)",
        "herstel_aanleren": "Herstel en/of aanleren van vaardigheden of gedrag",
        "aanvullende_functionele_diagnostiek": "Aanvullende functionele diagnostiek",
        "consultatie": "Consultatie",
        "medebehandeling": "Medebehandeling",
    },
    "Begeleidingsdoel": {
        "ontwikkeling": "Ontwikkeling",
        "stabilisatie": "Stabilisatie",
        "begeleiding_bij_achteruitgang": "Begeleiding bij achteruitgang",
    },
    "Bijzonderheid": {
        "terminaal": "Terminale fase (levensverwachting circa drie maanden of minder)",
        "herstel_na_opname": "Herstel na een ziekenhuisopname (medisch-specialistische behandeling afgerond)",
        "geriatrische_revalidatie": "Geriatrische revalidatie na een ziekenhuisopname (tot 2013)",
        "beveiliging_nodig": "Beveiligd verblijf nodig vanwege extreme gedragsproblemen",
        "voortgezet_verblijf_ggz": "Voortgezet verblijf na 365 dagen verblijf met psychiatrische behandeling",
        "lvg_behandeling": "Verblijf gericht op behandeling voor een afgebakende periode (LVG)",
        "zintuiglijk_visueel": "Zintuiglijke handicap: visueel",
        "zintuiglijk_auditief": "Zintuiglijke handicap: auditief of communicatief",
    },
    "BijzondereZorg": {
        "gespecialiseerde_epilepsiezorg": "Gespecialiseerde epilepsiezorg",
        "chronische_invasieve_beademing": "Chronische invasieve beademing",
        "non_invasieve_beademing": "Niet-invasieve beademing",
        "klinische_intensieve_behandeling": "Klinische intensieve behandeling",
        "niet_strafrechtelijke_forensische_psychiatrie": "Niet-strafrechtelijke forensische psychiatrie",
    },
    "GeenRechtWlz": {
        "palliatief_terminaal_zvw": "Palliatief terminale zorg (verpleging en verzorging) uit de zorgverzekering",
        "kind_verpleging_verzorging_zvw": "Kind: verpleging en verzorging uit de zorgverzekering "
        "(complexe somatische problematiek of lichamelijke handicap)",
        "kind_verstandelijke_beperking_opvoeding": "Kind met een verstandelijke beperking: zorg gericht op opvoeding",
    },
    "Clusterindicatie": {
        "LG": "LG: lichamelijk gehandicapte kinderen (cluster III)",
        "LZ": "LZ: langdurig zieke kinderen (cluster III)",
        "ZMLK": "ZMLK: zeer moeilijk lerende kinderen (cluster III)",
        "LG_ZMLK": "LG/ZMLK (cluster III)",
        "geen": "Geen clusterindicatie",
    },
    "Onderwijssoort": {
        "speciaal_onderwijs": "Speciaal onderwijs",
        "voortgezet_speciaal_onderwijs": "Voortgezet speciaal onderwijs",
    },
    "OnderwijsTabelrij": {
        "lichamelijke_beperking": "Lichamelijke beperking",
        "somatische_aandoening": "Somatische aandoening of beperking",
        "verstandelijke_beperking": "Verstandelijke beperking",
        "verstandelijke_en_lichamelijke_beperking": "Verstandelijke en lichamelijke beperking",
    },
    "zorg_24_uur_nabijheid": {
        "fysieke_problemen": "Ja, vanwege fysieke problemen",
        "zware_regieproblemen": "Ja, vanwege zware regieproblemen",
    },
}
LITERALS = {
    "BgActiviteit": BgActiviteit,
    "BhDoel": BhDoel,
    "Begeleidingsdoel": Begeleidingsdoel,
    "Bijzonderheid": Bijzonderheid,
    "BijzondereZorg": BijzondereZorg,
    "GeenRechtWlz": GeenRechtWlz,
    "Clusterindicatie": Clusterindicatie,
    "Onderwijssoort": Onderwijssoort,
    "OnderwijsTabelrij": OnderwijsTabelrij,
}


def _keuzes(lijst: str) -> tuple[tuple[str, str], ...]:
    return tuple(LABELS[lijst].items())


Soort = Literal["vinkje", "janee", "getal", "keuze", "meer", "datum", "tekst"]


@dataclass(frozen=True)
class Veld:
    """One input of the assessment: form name, path in the assessment, label as the screen shows it."""

    naam: str
    pad: tuple[str, ...]
    label: str
    soort: Soort
    keuzes: tuple[tuple[str, str], ...] = ()
    uitleg: str | None = None
    leeg: str = "— niet van toepassing —"


@dataclass(frozen=True)
class Veldgroep:
    titel: str
    velden: tuple[Veld, ...]
    uitleg: str | None = None


VELDGROEPEN: tuple[Veldgroep, ...] = (
    Veldgroep(
        "Verpleging, mantelzorg en gebruikelijke zorg",
        (
            Veld(
                "vp_medische_noodzaak",
                ("vp_medische_noodzaak",),
                "Heeft een arts de medische noodzaak van de verpleging vastgesteld?",
                "janee",
                uitleg="Verplicht als er verpleging is (bijlage 5 §3)",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ontlasting_mantelzorger_nodig",
                ("ontlasting_mantelzorger_nodig",),
                "Ontlasting van de mantelzorger nodig",
                "vinkje",
            ),
            Veld("respijtzorg", ("respijtzorg",), "Respijtzorg (tijdelijk overnemen van de mantelzorg)", "vinkje"),
            Veld(
                "mz_wens_aftrek",
                ("mantelzorg", "wens_aftrek"),
                "De cliënt wil dat mantelzorg wordt afgetrokken",
                "vinkje",
            ),
            Veld(
                "hh_gebruikelijke_zorger_aanwezig",
                ("huishouden", "gebruikelijke_zorger_aanwezig"),
                "Er is een partner, ouder of huisgenoot die gebruikelijke zorg kan geven",
                "vinkje",
            ),
            Veld(
                "hh_kortdurende_zorgsituatie",
                ("huishouden", "kortdurende_zorgsituatie"),
                "Kortdurende zorgsituatie (korter dan drie maanden)",
                "vinkje",
            ),
            Veld(
                "hh_overbelasting", ("huishouden", "overbelasting"), "De gebruikelijke zorger is overbelast", "vinkje"
            ),
            Veld(
                "hh_intieme_zorg_door_ouder_geweigerd",
                ("huishouden", "intieme_zorg_door_ouder_geweigerd"),
                "Intieme zorg door een ouder wordt geweigerd",
                "vinkje",
            ),
        ),
        "Gebruikelijke zorg en mantelzorg verminderen de geïndiceerde zorg (bijlage 3 en bijlage 1 §3.3).",
    ),
    Veldgroep(
        "Begeleiding en behandeling",
        (
            Veld(
                "dd_begeleiding_groep",
                ("dagdelen", "begeleiding_groep"),
                "Dagdelen begeleiding in een groep per week",
                "getal",
                uitleg="0 tot en met 14",
            ),
            Veld(
                "dd_behandeling_groep",
                ("dagdelen", "behandeling_groep"),
                "Dagdelen behandeling in een groep per week",
                "getal",
                uitleg="0 tot en met 14",
            ),
            Veld(
                "dd_vervoer",
                ("dagdelen", "vervoer"),
                "Is vervoer nodig naar de zorg in een groep?",
                "janee",
                uitleg="Nodig voor het iWlz-bericht bij zorg in een groep",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "dd_school_werk",
                ("dagdelen", "school_werk"),
                "Dagdelen school of werk per week",
                "getal",
                uitleg="0 tot en met 14",
            ),
            Veld(
                "dd_school_werk_weken",
                ("dagdelen", "school_werk_weken_per_jaar"),
                "Weken school of werk per jaar",
                "getal",
                uitleg="1 tot en met 52; leeg is 52",
            ),
            Veld(
                "bgi_uren",
                ("begeleiding_individueel", "uren_per_week"),
                "Begeleiding individueel: uren per week",
                "getal",
            ),
            Veld(
                "bgi_activiteiten",
                ("begeleiding_individueel", "activiteiten"),
                "Begeleiding individueel: activiteiten",
                "meer",
                _keuzes("BgActiviteit"),
            ),
            Veld(
                "bgi_oefenen_uren",
                ("begeleiding_individueel", "oefenen_uren_per_week"),
                "Begeleiding individueel: waarvan uren oefenen",
                "getal",
                uitleg="Verplicht bij oefenen; oefenen telt ten hoogste 3 uur (bijlage 6 §4.1)",
            ),
            Veld(
                "bhi_doel",
                ("behandeling_individueel", "doel"),
                "Behandeling individueel: doel",
                "keuze",
                _keuzes("BhDoel"),
            ),
            Veld("bhg_doel", ("behandeling_groep_doel",), "Behandeling in een groep: doel", "keuze", _keuzes("BhDoel")),
            Veld(
                "begeleidingsdoel",
                ("begeleidingsdoel",),
                "Doel van de begeleiding",
                "keuze",
                _keuzes("Begeleidingsdoel"),
            ),
        ),
    ),
    Veldgroep(
        "Onderwijs (kinderen)",
        (
            Veld(
                "ow_naar_school",
                ("onderwijs", "naar_school"),
                "Gaat het kind naar school?",
                "janee",
                uitleg="Verplicht voor een kind onder de 18 met verzorging of verpleging (bijlage 4 en 5 §4.2)",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ow_clusterindicatie",
                ("onderwijs", "clusterindicatie"),
                "Tot en met 31 juli 2014: clusterindicatie van het kind",
                "keuze",
                _keuzes("Clusterindicatie"),
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ow_onderwijssoort",
                ("onderwijs", "onderwijssoort"),
                "Tot en met 31 juli 2014: soort onderwijs",
                "keuze",
                _keuzes("Onderwijssoort"),
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ow_zorg_op_school",
                ("onderwijs", "zorg_op_school_gevraagd"),
                "Vanaf 1 augustus 2014: wordt zorg voor op school gevraagd?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ow_eerder",
                ("onderwijs", "eerder_indicatie_zorg_op_school"),
                "Vanaf 1 augustus 2014: had het kind vóór 1 augustus 2014 al AWBZ-zorg op school?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "ow_tabelrij",
                ("onderwijs", "tabelrij"),
                "Vanaf 1 augustus 2014: rij van de tabel (alleen als de grondslagen er meer aanwijzen)",
                "keuze",
                _keuzes("OnderwijsTabelrij"),
            ),
        ),
        "Zorg die al deel is van het onderwijs gaat van de verzorging en verpleging af (bijlage 4 en 5 §4.2).",
    ),
    Veldgroep(
        "Begeleiden bij zelfzorg en toezicht bij thuisbeademing",
        (
            Veld(
                "bz_pv_minuten",
                ("begeleiden_zelfzorg", "pv_minuten_per_week"),
                "Begeleiden bij persoonlijke verzorging die de cliënt of mantelzorger zelf geeft: minuten per week",
                "getal",
                uitleg="Telt ten hoogste 30 minuten per week (bijlage 4 §4.4, activiteit 2.5)",
            ),
            Veld(
                "bz_vp_minuten",
                ("begeleiden_zelfzorg", "vp_minuten_per_week"),
                "Verpleegkundige begeleiding bij zelfzorg: minuten per week",
                "getal",
                uitleg="Telt ten hoogste 60 minuten per week (bijlage 5 §4.4, activiteit 1.7)",
            ),
            Veld(
                "tt_dagdelen",
                ("toezicht_thuisbeademing", "dagdelen_per_week"),
                "Verpleegkundig toezicht bij thuisbeademing: dagdelen per week",
                "getal",
                uitleg="1 tot en met 14; één dagdeel is 4 uur; ten hoogste klasse 9, binnen de 18 dagdelen "
                "(bijlage 5 §5.4). Beantwoord dan ook de vragen hieronder",
            ),
            Veld(
                "tt_permanent",
                ("toezicht_thuisbeademing", "noodzaak_permanent_toezicht"),
                "Toezicht: moet er altijd iemand toezicht houden (permanent)?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "tt_mantelzorg",
                ("toezicht_thuisbeademing", "toezicht_door_mantelzorg_in_huishouden"),
                "Toezicht: geeft mantelzorg in hetzelfde huishouden dat toezicht?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "tt_ontlasting",
                ("toezicht_thuisbeademing", "ontlasting_mantelzorg_nodig"),
                "Toezicht: is ontlasting van die mantelzorg nodig?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "tt_advies",
                ("toezicht_thuisbeademing", "positief_advies_centrum_thuisbeademing"),
                "Toezicht: positief advies van het Centrum voor Thuisbeademing?",
                "janee",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "tt_doelmatig",
                ("toezicht_thuisbeademing", "andere_vormen_toezicht_niet_doelmatig"),
                "Toezicht: bieden andere vormen van toezicht geen doelmatige oplossing?",
                "janee",
                leeg="— niet ingevuld —",
            ),
        ),
        "Thuisbeademing: kies de beademing bij 'Bijzondere zorg' en de handelingen VP-TB bij de zorgmomenten "
        "(bijlage 5 §5.3).",
    ),
    Veldgroep(
        "Verblijf: bijzonderheden voor het profiel",
        (
            Veld(
                "verpleegkundige_aandacht",
                ("verpleegkundige_aandacht",),
                "Verpleegkundige aandacht (0 = geen, 3 = voortdurend)",
                "keuze",
                tuple((str(i), str(i)) for i in range(4)),
                leeg="— niet beoordeeld —",
            ),
            Veld("bijzonderheden", ("bijzonderheden",), "Bijzonderheden", "meer", _keuzes("Bijzonderheid")),
            Veld(
                "bijzondere_zorg", ("bijzondere_zorg",), "Bijzondere zorg (meerzorg)", "meer", _keuzes("BijzondereZorg")
            ),
            Veld(
                "na_zvw_of_forensisch_verblijf",
                ("na_zvw_of_forensisch_verblijf",),
                "Komt de cliënt direct uit een verblijf in de Zvw (ziekenhuis, revalidatie) of de forensische zorg, "
                "en had hij daarvóór een indicatiebesluit voor een ZZP?",
                "janee",
                uitleg="Overgangsrecht ZZP 1, 2 en 3 VV (Wijzigingsregeling Regeling zorgaanspraken AWBZ 2012, "
                "art. II en III lid 2 onder b)",
                leeg="— niet ingevuld —",
            ),
        ),
    ),
    Veldgroep(
        "Wlz-toegang en geldigheid",
        (
            Veld(
                "zorg_24_uur_nabijheid",
                ("zorg_24_uur_nabijheid",),
                "24 uur per dag zorg in de nabijheid nodig (Wlz art. 3.2.1)",
                "keuze",
                _keuzes("zorg_24_uur_nabijheid"),
                leeg="nee",
            ),
            Veld("blijvend", ("blijvend",), "Is de zorgbehoefte blijvend?", "janee", leeg="afleiden uit de prognose"),
            Veld(
                "jeugdige_jeugdwet",
                ("jeugdige_jeugdwet",),
                "Meerderjarige die jeugdige is volgens de Jeugdwet (Wlz art. 3.2.1 lid 6, vanaf 2021)",
                "janee",
                leeg="niet opgegeven",
            ),
            Veld(
                "geen_recht_wlz",
                ("geen_recht_wlz",),
                "Geen recht op Wlz-zorg (Besluit langdurige zorg art. 3.1.5)",
                "meer",
                _keuzes("GeenRechtWlz"),
            ),
            Veld(
                "zorg_aangevangen_op",
                ("zorg_aangevangen_op",),
                "Zorg al begonnen op (vanaf 2024: verblijf in een instelling)",
                "datum",
            ),
            Veld(
                "verblijf_in_instelling",
                ("verblijf_in_instelling",),
                "Is de zorg die al begonnen is verblijf in een instelling? (vanaf 2024)",
                "janee",
            ),
            Veld(
                "levensverwachting_korter_dan_3_maanden",
                ("levensverwachting_korter_dan_3_maanden",),
                "Levensverwachting korter dan drie maanden",
                "vinkje",
            ),
            Veld(
                "uitzondering_ondoelmatigheid",
                ("uitzondering_ondoelmatigheid",),
                "Uitzondering: zorg thuis is ondoelmatig",
                "vinkje",
            ),
            Veld(
                "geldig_tot_gewenst",
                ("geldig_tot_gewenst",),
                "Gewenste einddatum van de indicatie (niet verplicht)",
                "datum",
            ),
            Veld(
                "zelfstandig_wonen_leerbaar",
                ("zelfstandig_wonen_leerbaar",),
                "Jongere van 17 tot 23 jaar die beschermd moet wonen: kan hij of zij zelfstandig wonen leren?",
                "janee",
                uitleg="Verplicht voor zulke jongeren die verblijf vragen (bijlage 8 §2.2)",
                leeg="— niet van toepassing —",
            ),
            Veld(
                "zorgbehoefte_minstens_een_jaar",
                ("zorgbehoefte_minstens_een_jaar",),
                "Bestaat de zorgbehoefte naar uw oordeel ten minste een jaar?",
                "janee",
                uitleg="Nodig als het besluit korter dan een jaar geldt (Zorgindicatiebesluit art. 14)",
                leeg="— niet ingevuld —",
            ),
            Veld(
                "overgang_2014_uitzondering",
                ("overgang_2014_uitzondering",),
                "Besluit van juli tot en met december 2014: is het gericht op een van deze vormen van zorg?",
                "keuze",
                (
                    ("geen", "Nee, geen van deze"),
                    ("intensieve_kindzorg", "Intensieve kindzorg (18 jaar of ouder)"),
                    ("adl_assistentie", "ADL-assistentie"),
                    ("nuluren", "Nuluren-indicatie"),
                ),
                uitleg="Verplicht voor zulke besluiten met verzorging, verpleging, begeleiding of kortdurend verblijf "
                "(Zorgindicatieregeling art. 1 lid 5)",
                leeg="— niet ingevuld —",
            ),
        ),
    ),
)
ALLE_VELDEN: tuple[Veld, ...] = tuple(v for g in VELDGROEPEN for v in g.velden)

# Keys of the assessment with their own conversion below (not in VELDGROEPEN).
EIGEN_SLEUTELS = {
    "peildatum",
    "besluitdatum",
    "aanvraagdatum",
    "spoed",
    "client",
    "grondslagen",
    "prognose",
    "leefklimaat",
    "etmalen_per_week",
    "stoornisscores",
    "beperkingscores",
    "zorgmomenten",
    "voorliggend",
    "mantelzorg",
    "aanleren",
    "gekozen_zzp",
    "motivering_afwijkend_profiel",
    "eerdere_indicaties",
}
EERDERE_RIJEN = 3  # rows for earlier indicatiebesluiten (overgangsrecht ZZP 1-3)


@cache
def _handelingen() -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            h.id,
            f"{h.functie} {h.activiteit_omschrijving}: {h.omschrijving} "
            f"({h.minuten:g}{f' tot {h.minuten_tot:g}' if h.minuten_tot else ''} min)"
            + (" *" if h.medisch_specialistisch else ""),
        )
        for h in laatste_normtijden().values()
    )


SCORES = ("0", "1", "2", "3", "9")


def _scorekeuzes(soort: str) -> tuple[tuple[str, Markup], ...]:
    """The radio choices of one score scale, with their wording escaped once (it is on every question twice)."""
    schaal = scoreschaal(soort)
    return tuple((s, escape(schaal[s])) for s in SCORES)


@cache
def formulier_context() -> dict[str, Any]:
    """Everything the form shows that comes from the code lists and the law: questions, scales, handelingen.

    The same for every request (code lists and the catalogue without supplement), so built once per process;
    callers only read it.
    """
    return {
        "stoornissen": vragen_per_categorie("stoornis"),
        "beperkingen": vragen_per_categorie("beperking"),
        "schaal_stoornis": scoreschaal("stoornis"),
        "schaal_beperking": scoreschaal("beperking"),
        "keuzes_stoornis": _scorekeuzes("stoornis"),
        "keuzes_beperking": _scorekeuzes("beperking"),
        "grondslagen": codelijst("LDT_Grondslag"),
        "grondslag_keuzes": tuple((c, n[:1].upper() + n[1:]) for c, n in codelijst("LDT_Grondslag").items()),
        "prognose_keuzes": tuple(codelijst("LDT_Prognose").items()),
        "handelingen": _handelingen(),
        "handeling_naam": dict(_handelingen()),
        "leefklimaat": LEEFKLIMAAT,
        "momenten": MOMENTEN_VAN_DE_DAG,
        "veldgroepen": VELDGROEPEN,
        "aftrek_rijen": AFTREK_RIJEN,
        "aftrek_functies": AFTREK_FUNCTIES,
        "zzp_codes": tuple((z.code, z.naam) for z in catalogus()),
        "eerdere_rijen": EERDERE_RIJEN,
        "zzp_keuzes": tuple((z.code, f"{z.code} – {z.naam}") for z in catalogus()),
    }


def eerste_waarde(w: dict[str, list[str]]) -> Callable[[str], str]:
    """`een(naam)` of the form template: the first value of a field (what a text field, a select or a radio group
    shows), or "" (a plain function: cheaper than a template macro on the ~600 places the form asks)."""
    eerste = {k: v[0] for k, v in w.items() if v}
    return lambda naam: eerste.get(naam, "")


def vergelijking(u: dict[str, Any]) -> dict[str, Any] | None:
    """Client vs chosen profile vs the nearest alternative, per domain: rows for the table and an SVG chart."""
    zzp = u.get("zzp")
    if not zzp or not zzp.get("domeinen"):
        return None
    alternatief = next((a for a in zzp.get("alternatieven") or [] if a.get("profiel_bekend")), None)
    alt_niveau = {d["domein"]: d.get("profiel_niveau") for d in (alternatief or {}).get("domeinen", [])}
    rijen = [
        {
            "naam": d["naam"],
            "client": d.get("client_niveau"),
            "profiel": d.get("profiel_niveau"),
            "alternatief": alt_niveau.get(d["domein"]),
            "toelichting": d.get("client_toelichting"),
        }
        for d in zzp["domeinen"]
    ]
    reeksen = [("client", "cliënt"), ("profiel", f"ZZP {zzp['code']}")]
    if alternatief:
        reeksen.append(("alternatief", f"ZZP {alternatief['code']}"))
    return {"rijen": rijen, "alternatief": alternatief, "grafiek": Markup(profielgrafiek(rijen, reeksen))}


def _getal(w: str) -> Any:
    """'3,5' -> 3.5, '7' -> 7; anything else is kept as typed (validation names the field in Dutch)."""
    w = w.strip()
    kaal = w.replace(",", ".")
    try:
        return float(kaal) if "." in kaal else int(kaal)
    except ValueError:
        return w


def _tekst_getal(w: Any) -> str:
    return str(w).replace(".", ",") if isinstance(w, float) else str(w)


def _zet(doel: dict[str, Any], pad: tuple[str, ...], waarde: Any) -> None:
    for stap in pad[:-1]:
        doel = doel.setdefault(stap, {})
    doel[pad[-1]] = waarde


def _lees(bron: dict[str, Any], pad: tuple[str, ...]) -> Any:
    for stap in pad:
        if not isinstance(bron, dict) or stap not in bron:
            return None
        bron = bron[stap]
    return bron


def handeling_uit_tekst(tekst: str) -> str:
    """What the assessor typed or picked in the handeling search box -> the handeling id.

    'PV-1.1-2 …' (picked from the list) or 'PV-1.1-2' -> 'PV-1.1-2'; a word that matches exactly one handeling
    ('steunkousen') -> that one; anything else is kept as typed, so the check names it."""
    tekst = tekst.strip()
    namen = dict(_handelingen())
    eerste = tekst.split(" ", 1)[0]
    if eerste in namen:
        return eerste
    treffers = [h for h, naam in namen.items() if tekst.lower() in naam.lower()]
    return treffers[0] if len(treffers) == 1 else tekst


def aantal_zorgmomenten(form: dict[str, list[str]]) -> int:
    tekst = (form.get("zm_aantal") or [""])[0]
    gevonden = [int(k[2:].split("_")[0]) for k in form if k.startswith("zm") and k[2:3].isdigit()]
    return max(int(tekst) if tekst.isdigit() else 0, max(gevonden, default=-1) + 1, 1)


def formulier_naar_invoer(form: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(invoer for the rules, draft metadata {aanvraagdatum, spoed}) from the posted form."""

    def een(naam: str) -> str:
        return (form.get(naam) or [""])[0].strip()

    invoer: dict[str, Any] = {}
    overig = een("overig")
    if overig:
        try:
            bewaard = json.loads(overig)
        except ValueError:
            bewaard = {}
        if isinstance(bewaard, dict):
            invoer.update({k: v for k, v in bewaard.items() if k not in EIGEN_SLEUTELS})
    if een("peildatum"):
        invoer["peildatum"] = een("peildatum")
    dominant = een("grondslag_dominant")
    bijkomend = [g for g in form.get("grondslag_bijkomend", []) if g and g != dominant]
    if dominant or bijkomend:
        invoer["grondslagen"] = ([dominant] if dominant else []) + bijkomend
    if een("prognose"):
        invoer["prognose"] = een("prognose")
    invoer["leefklimaat"] = {k: een(k) == "ja" for k, _ in LEEFKLIMAAT}
    if een("etmalen_per_week"):
        invoer["etmalen_per_week"] = _getal(een("etmalen_per_week"))
    for soort, prefix in (("stoornisscores", "s_"), ("beperkingscores", "b_")):
        scores = {k[len(prefix) :]: _getal(v[0]) for k, v in form.items() if k.startswith(prefix) and v and v[0] != ""}
        if scores:
            invoer[soort] = scores
    momenten = []
    for i in range(aantal_zorgmomenten(form)):
        handelingen = [h for h in form.get(f"zm{i}_handelingen", []) if h]
        nieuw = een(f"zm{i}_nieuw")
        if nieuw:
            handelingen.append(handeling_uit_tekst(nieuw))
        per_week = een(f"zm{i}_per_week")
        if not handelingen and not per_week:
            continue
        moment: dict[str, Any] = {"handelingen": list(dict.fromkeys(handelingen))}
        if per_week:
            moment["per_week"] = _getal(per_week)
        moment["twee_zorgverleners"] = een(f"zm{i}_twee") == "ja"
        if een(f"zm{i}_gebruikelijk") == "ja":
            moment["gebruikelijke_zorg"] = True
        if een(f"zm{i}_omschrijving"):
            moment["omschrijving"] = een(f"zm{i}_omschrijving")
        if een(f"zm{i}_ms") in ("ja", "nee"):
            moment["medisch_specialist_verantwoordelijk"] = een(f"zm{i}_ms") == "ja"
        if een(f"zm{i}_minuten"):
            moment["minuten_per_keer"] = _getal(een(f"zm{i}_minuten"))
        momenten.append(moment)
    if momenten:
        invoer["zorgmomenten"] = momenten
    for sleutel, prefix in (("voorliggend", "vl"), ("mantelzorg_aftrek", "ma")):
        rijen = []
        for i in range(AFTREK_RIJEN):
            functie, minuten, oms = (
                een(f"{prefix}{i}_functie"),
                een(f"{prefix}{i}_minuten"),
                een(f"{prefix}{i}_omschrijving"),
            )
            if minuten or oms:
                rij: dict[str, Any] = {"functie": functie, "minuten_per_week": _getal(minuten) if minuten else None}
                if oms:
                    rij["omschrijving"] = oms
                rijen.append({k: v for k, v in rij.items() if v is not None})
        if rijen and sleutel == "voorliggend":
            invoer["voorliggend"] = rijen
        elif rijen:
            invoer.setdefault("mantelzorg", {})["aftrek"] = rijen
    aanleren = [
        {"functie": f, "vertraagde_leerbaarheid": een(f"al_{f}_vertraagd") == "ja"}
        | ({"aanleertijd_minuten_per_week": _getal(een(f"al_{f}_minuten"))} if een(f"al_{f}_minuten") else {})
        for f in ("PV", "VP")
        if een(f"al_{f}") == "ja"
    ]
    if aanleren:
        invoer["aanleren"] = aanleren
    for v in ALLE_VELDEN:
        waarde = _veld_uit_formulier(v, form)
        if waarde is not None:
            _zet(invoer, v.pad, waarde)
    eerdere = [
        {"zzp": een(f"ei{i}_zzp"), "geldig_van": een(f"ei{i}_van") or None, "geldig_tot": een(f"ei{i}_tot") or None}
        for i in range(EERDERE_RIJEN)
        if een(f"ei{i}_zzp") or een(f"ei{i}_van") or een(f"ei{i}_tot")
    ]
    if eerdere or een("ei_bekend") == "nee":
        invoer["eerdere_indicaties"] = [{k: v for k, v in e.items() if v is not None} for e in eerdere]
    if een("gekozen_zzp"):
        invoer["gekozen_zzp"] = een("gekozen_zzp")
    if een("motivering_afwijkend_profiel"):
        invoer["motivering_afwijkend_profiel"] = een("motivering_afwijkend_profiel")
    meta = {"aanvraagdatum": een("aanvraagdatum") or None, "spoed": een("spoed") == "ja"}
    return invoer, meta


def _veld_uit_formulier(v: Veld, form: dict[str, list[str]]) -> Any:
    waarden = [w.strip() for w in form.get(v.naam, []) if w.strip()]
    if v.soort == "meer":
        return waarden or None
    if not waarden:
        return None
    w = waarden[0]
    if v.soort == "vinkje":
        return True if w == "ja" else None
    if v.soort == "janee":
        return {"ja": True, "nee": False}.get(w, w)
    if v.soort == "getal":
        return _getal(w)
    return w


def invoer_naar_formulier(invoer: dict[str, Any], meta: dict[str, Any]) -> dict[str, list[str]]:
    """The stored draft back into form values (so a saved draft opens as it was left, nothing dropped)."""
    f: dict[str, list[str]] = {}
    if invoer.get("peildatum"):
        f["peildatum"] = [str(invoer["peildatum"])]
    if meta.get("aanvraagdatum"):
        f["aanvraagdatum"] = [str(meta["aanvraagdatum"])]
    f["spoed"] = ["ja" if meta.get("spoed") else ""]
    gr = list(invoer.get("grondslagen") or [])
    if gr:
        f["grondslag_dominant"], f["grondslag_bijkomend"] = [gr[0]], gr[1:]
    if invoer.get("prognose"):
        f["prognose"] = [str(invoer["prognose"])]
    for k, _ in LEEFKLIMAAT:
        f[k] = ["ja" if (invoer.get("leefklimaat") or {}).get(k) else ""]
    if invoer.get("etmalen_per_week") is not None:
        f["etmalen_per_week"] = [str(invoer["etmalen_per_week"])]
    for soort, prefix in (("stoornisscores", "s_"), ("beperkingscores", "b_")):
        for k, v in (invoer.get(soort) or {}).items():
            f[f"{prefix}{k}"] = [str(v)]
    for veld in ("gekozen_zzp", "motivering_afwijkend_profiel"):
        if invoer.get(veld):
            f[veld] = [str(invoer[veld])]
    eerdere = invoer.get("eerdere_indicaties")
    if eerdere is not None:
        f["ei_bekend"] = ["ja" if eerdere else "nee"]
        for i, e in enumerate(eerdere[:EERDERE_RIJEN]):
            for sleutel, naam in (("zzp", "zzp"), ("geldig_van", "van"), ("geldig_tot", "tot")):
                if e.get(sleutel):
                    f[f"ei{i}_{naam}"] = [str(e[sleutel])]
    momenten = invoer.get("zorgmomenten") or []
    f["zm_aantal"] = [str(max(1, len(momenten)))]
    for i, zm in enumerate(momenten):
        if zm.get("per_week") is not None:
            f[f"zm{i}_per_week"] = [_tekst_getal(zm["per_week"])]
        f[f"zm{i}_handelingen"] = [str(h) for h in zm.get("handelingen") or []]
        f[f"zm{i}_twee"] = ["ja" if zm.get("twee_zorgverleners") else ""]
        f[f"zm{i}_gebruikelijk"] = ["ja" if zm.get("gebruikelijke_zorg") else ""]
        if zm.get("omschrijving"):
            f[f"zm{i}_omschrijving"] = [str(zm["omschrijving"])]
        if zm.get("medisch_specialist_verantwoordelijk") is not None:
            f[f"zm{i}_ms"] = ["ja" if zm["medisch_specialist_verantwoordelijk"] else "nee"]
        if zm.get("minuten_per_keer") is not None:
            f[f"zm{i}_minuten"] = [_tekst_getal(zm["minuten_per_keer"])]
    for rijen, prefix in (
        (invoer.get("voorliggend") or [], "vl"),
        ((invoer.get("mantelzorg") or {}).get("aftrek") or [], "ma"),
    ):
        for i, rij in enumerate(rijen[:AFTREK_RIJEN]):
            f[f"{prefix}{i}_functie"] = [str(rij.get("functie", ""))]
            if rij.get("minuten_per_week") is not None:
                f[f"{prefix}{i}_minuten"] = [_tekst_getal(rij["minuten_per_week"])]
            if rij.get("omschrijving"):
                f[f"{prefix}{i}_omschrijving"] = [str(rij["omschrijving"])]
    for a in invoer.get("aanleren") or []:
        f[f"al_{a.get('functie')}"] = ["ja"]
        f[f"al_{a.get('functie')}_vertraagd"] = ["ja" if a.get("vertraagde_leerbaarheid") else ""]
        if a.get("aanleertijd_minuten_per_week") is not None:
            f[f"al_{a.get('functie')}_minuten"] = [_tekst_getal(a["aanleertijd_minuten_per_week"])]
    for v in ALLE_VELDEN:
        waarde = _lees(invoer, v.pad)
        if waarde is None:
            continue
        if v.soort == "meer":
            f[v.naam] = [str(x) for x in waarde]
        elif v.soort in ("vinkje", "janee") and isinstance(waarde, bool):
            f[v.naam] = ["ja" if waarde else ("nee" if v.soort == "janee" else "")]
        else:
            f[v.naam] = [_tekst_getal(waarde)]
    bekend = EIGEN_SLEUTELS | {v.pad[0] for v in ALLE_VELDEN}
    overig = {k: v for k, v in invoer.items() if k not in bekend}
    if overig:
        f["overig"] = [json.dumps(overig, ensure_ascii=False, sort_keys=True)]
    return f


# --- form actions that only change the form (nothing stored) -------------------------------------------------


def zorgmoment_erbij(form: dict[str, list[str]]) -> dict[str, list[str]]:
    return {**form, "zm_aantal": [str(aantal_zorgmomenten(form) + 1)]}


def zorgmoment_weg(form: dict[str, list[str]], weg: int) -> dict[str, list[str]]:
    """Remove care moment `weg`: the rows after it move up one place."""
    n = aantal_zorgmomenten(form)
    uit = {k: v for k, v in form.items() if not (k.startswith("zm") and k[2:3].isdigit())}
    nieuw = 0
    for i in range(n):
        if i == weg:
            continue
        for k, v in form.items():
            if k.startswith(f"zm{i}_"):
                uit[f"zm{nieuw}_{k[len(f'zm{i}_') :]}"] = v
        nieuw += 1
    uit["zm_aantal"] = [str(max(1, n - 1))]
    return uit


def groep_niet_beoordeeld(form: dict[str, list[str]], prefix: str, categorie: str) -> dict[str, list[str]]:
    """'Niet van toepassing / niet beoordeeld' for a whole question group: every unanswered question gets 9."""
    vragen = vragen_per_categorie("stoornis" if prefix == "s_" else "beperking").get(categorie, [])
    uit = dict(form)
    for code, _ in vragen:
        if not (uit.get(f"{prefix}{code}") or [""])[0]:
            uit[f"{prefix}{code}"] = ["9"]
    return uit


def formulieractie(form: dict[str, list[str]], actie: str) -> dict[str, list[str]] | None:
    """The form after a button that only changes the form (add/remove a care moment, add a handeling, a whole
    question group 'niet beoordeeld'); None when `actie` is not such a button."""
    if actie == "zm_erbij":
        return zorgmoment_erbij(form)
    if actie.startswith("zm_weg:") and actie[7:].isdigit():
        return zorgmoment_weg(form, int(actie[7:]))
    if actie == "vernieuwen":
        invoer, meta = formulier_naar_invoer(form)
        terug = invoer_naar_formulier(invoer, meta)
        return {
            **{k: v for k, v in form.items() if not (k.startswith("zm") and k[2:3].isdigit())},
            **{k: v for k, v in terug.items() if k.startswith("zm")},
            "zm_aantal": [str(aantal_zorgmomenten(form))],
        }
    if actie.startswith("groep9:"):
        _, prefix, categorie = actie.split(":", 2)
        return groep_niet_beoordeeld(form, prefix, categorie)
    return None


# --- messages named as on screen -----------------------------------------------------------------------------


@cache
def _vraagteksten() -> dict[str, str]:
    uit = {}
    for soort, prefix in (("stoornis", "s_"), ("beperking", "b_")):
        for categorie, vragen in vragen_per_categorie(soort).items():
            for code, vraag in vragen:
                uit[f"{prefix}{code}"] = f"{'Stoornis' if prefix == 's_' else 'Beperking'} {categorie.lower()}: {vraag}"
    return uit


VASTE_NAMEN = {
    "peildatum": "Peildatum",
    "besluitdatum": "Besluitdatum",
    "besluitdatum_reden": "Reden voor de eerdere besluitdatum",
    "zorgaanbieder_id": "Zorgaanbieder van voorkeur",
    "aanvraagdatum": "Datum van de aanvraag",
    "grondslagen": "Dominante grondslag",
    "prognose": "Prognose",
    "etmalen_per_week": "Etmalen verblijf per week",
    "gekozen_zzp": "Ander zorgzwaartepakket",
    "motivering_afwijkend_profiel": "Motivering",
    "versie": "Versie",
    "formulier": "formulier",
}
ZORGMOMENT_DELEN = {
    "per_week": "keer per week",
    "handelingen": "handelingen",
    "omschrijving": "moment van de dag",
    "twee_zorgverleners": "twee zorgverleners",
    "minuten_per_keer": "minuten per keer",
}


def veldnaam(pad: str) -> str:
    """A field path of the rules as the screen names the field: `zorgmomenten.2.per_week` -> 'Zorgmoment 3: keer
    per week', `stoornisscores.0101` -> the question's text; never an internal path."""
    delen = str(pad).removeprefix("invoer.").split(".")
    kop = delen[0]
    if kop == "zorgmomenten" and len(delen) > 1 and delen[1].isdigit():
        deel = ZORGMOMENT_DELEN.get(delen[2], delen[2].replace("_", " ")) if len(delen) > 2 else ""
        return f"Zorgmoment {int(delen[1]) + 1}" + (f": {deel}" if deel else "")
    if kop in ("stoornisscores", "beperkingscores") and len(delen) > 1:
        return _vraagteksten().get(("s_" if kop == "stoornisscores" else "b_") + delen[1], f"vraag {delen[1]}")
    if kop == "leefklimaat" and len(delen) > 1:
        return dict(LEEFKLIMAAT).get(delen[1], "Leefklimaat")
    if kop in ("voorliggend",) or (kop == "mantelzorg" and len(delen) > 1 and delen[1] == "aftrek"):
        i = delen[1] if kop == "voorliggend" else (delen[2] if len(delen) > 2 else "0")
        soort = "Voorliggende voorziening" if kop == "voorliggend" else "Mantelzorg"
        return f"{soort} {int(i) + 1 if i.isdigit() else ''}".strip()
    if kop == "aanleren":
        return "Aanleren" + (": aanleertijd in minuten per week" if delen[-1] == "aanleertijd_minuten_per_week" else "")
    if kop == "eerdere_indicaties":
        nummer = f" {int(delen[1]) + 1}" if len(delen) > 1 and delen[1].isdigit() else ""
        delen_ei = {"zzp": "zorgzwaartepakket", "geldig_van": "geldig van", "geldig_tot": "geldig tot en met"}
        return f"Eerder indicatiebesluit{nummer}" + (f": {delen_ei.get(delen[2], delen[2])}" if len(delen) > 2 else "")
    for v in ALLE_VELDEN:
        if tuple(delen[: len(v.pad)]) == v.pad:
            return v.label
    return VASTE_NAMEN.get(kop, kop.replace("_", " ").capitalize())


def veld_id(pad: str) -> str:
    """A rules' field path as the form's field id, so a message stands next to its field and the summary links
    there: `grondslagen` -> grondslag_dominant, `stoornisscores.0101` -> s_0101, `zorgmomenten.0.per_week` -> zm0,
    `leefklimaat.x` -> x, a declared input -> its form name; other paths by their first segment."""
    delen = str(pad).removeprefix("invoer.").split(".")
    kop = delen[0]
    if kop == "grondslagen":
        return "grondslag_dominant"
    if kop in ("stoornisscores", "beperkingscores") and len(delen) > 1:
        return ("s_" if kop == "stoornisscores" else "b_") + delen[1]
    if kop == "zorgmomenten" and len(delen) > 1:
        return f"zm{delen[1]}"
    if kop == "leefklimaat" and len(delen) > 1:
        return delen[1]
    if kop == "eerdere_indicaties" and len(delen) > 2 and delen[1].isdigit():
        return f"ei{delen[1]}_" + {"geldig_van": "van", "geldig_tot": "tot"}.get(delen[2], "zzp")
    if kop == "eerdere_indicaties":
        return "ei_bekend"
    return next((v.naam for v in ALLE_VELDEN if tuple(delen[: len(v.pad)]) == v.pad), kop)


def fouten_per_veld(fouten: list[Any]) -> dict[str, str]:
    """Each message by the id of its field (`veld_id`), the first per field."""
    uit: dict[str, str] = {}
    for f in fouten:
        uit.setdefault(veld_id(f.veld), f.melding)
    return uit


def fouten_op_scherm(fouten: list[Any]) -> list[dict[str, str]]:
    """The messages for the summary at the top: each field named as the screen names it, linked to its field."""
    return [
        {"veld": veldnaam(f.veld), "melding": f.melding, "id": "" if f.veld == "formulier" else veld_id(f.veld)}
        for f in fouten
    ]
