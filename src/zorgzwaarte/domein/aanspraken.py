"""Inputs of the Regeling zorgaanspraken AWBZ rules (`zorgzwaarte aanspraak NAAM FILE`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from zorgzwaarte.domein.beoordeling import BijzondereZorg

Bedrag = Decimal

# The label of each input field as the "Wat is mijn aanspraak?" form and the API documentation show it (the
# schema's title); the description under it says more. A field not named here falls back to its own name.
VELDTITELS = {
    "peildatum": "Peildatum",
    "zzp": "Zorgzwaartepakket",
    "zzp_uren_per_week": "Uren zorg per week in het zorgzwaartepakket",
    "zorgbehoefte_uren_per_week": "Uren zorg per week die de cliënt nodig heeft",
    "bijzondere_zorg": "Bijzondere zorg",
    "zzp_op_31_december_2014": "Zorgzwaartepakket op 31 december 2014",
    "einde_verblijf": "Laatste dag van het verblijf",
    "einde_wegens_zvw_verblijf": "Verblijf eindigt wegens verblijf op grond van de Zorgverzekeringswet",
    "behandeling_voor_einde_aangevangen": "Behandeling begonnen vóór het einde van het verblijf",
    "prijs": "Prijs",
    "datum": "Datum",
    "aanschafprijs": "Aanschafprijs van de rolstoel",
    "wijzigingen": "Wijzigingen van de prijs",
    "elektrisch": "Elektrische rolstoel",
    "ingebruikname": "Datum van ingebruikname",
    "soort": "Soort",
    "kosten": "Kosten",
    "doofblind": "Doofblind",
    "onbillijkheid": "Meer uren wegens onbillijkheid",
    "uren_gebruikt_dit_jaar": "Uren tolkhulp gebruikt dit jaar",
    "sessie_minuten": "Duur van de sessie in minuten",
    "verklaring_arts": "Verklaring van de huisarts of KNO-arts",
    "dovenonderwijs": "Volgt dovenonderwijs",
    "reintegratie_vergoeding": "Krijgt een vergoeding voor re-integratie",
    "ziekenfonds_art_1p": "Aanspraak op grond van de Ziekenfondswet (art. 1p)",
    "geboortedatum": "Geboortedatum",
    "zeer_bijzonder_geval": "Zeer bijzonder geval",
    "moeder_hbsag_positief": "Moeder is HBsAg-positief",
    "herkomstlanden_ouders": "Herkomstlanden van de ouders",
    "downsyndroom": "Downsyndroom",
    "land": "Land",
    "gecontracteerd": "Zorgaanbieder gecontracteerd",
    "kosten_nederland": "Kosten van dezelfde zorg in Nederland",
    "reizen_of_tijdelijk_verblijf": "Tijdens reizen of tijdelijk verblijf buiten Nederland",
    "aanvang_zorg": "Begin van de zorg",
    "meldingsdatum": "Datum van de melding",
    "huidig_verblijf": "Huidig verblijf",
    "indicatie_verblijf": "Indicatie voor verblijf",
    "indicatiedatum": "Datum van het indicatiebesluit",
    "tekort_plaatsingsmogelijkheden": "Tekort aan plaatsingsmogelijkheden",
    "toestemming_vooraf": "Vooraf toestemming gegeven",
    "loopfunctie": "Hoe goed kunt u lopen?",
}

# The name of one row of a list input, as the form numbers them ("Wijziging 2").
RIJTITELS = {"wijzigingen": "Wijziging"}

# The options of a choice as the form shows them, in words a client understands (field -> code -> text); an option
# not named here is shown as its code with spaces.
KEUZETEKSTEN: dict[str, dict[str, str]] = {
    "bijzondere_zorg": {  # as the articles write them (Rza art. 1a lid 2 onder b; Rlz art. 2.2 lid 1 onder c)
        "gespecialiseerde_epilepsiezorg": "gespecialiseerde epilepsiezorg",
        "chronische_invasieve_beademing": "chronische invasieve beademing",
        "non_invasieve_beademing": "non-invasieve beademing",
        "klinische_intensieve_behandeling": "klinische intensieve behandeling",
        "niet_strafrechtelijke_forensische_psychiatrie": "niet-strafrechtelijke forensische psychiatrie",
    },
    "soort": {
        "nieuw": "een (nieuwe) rolstoel",
        "aanpassing": "aanpassing van de rolstoel",
        "herstel": "herstel van de rolstoel",
        "extramuraal": "zorg zonder opname (extramurale zorg)",
        "intramuraal": "zorg met opname of verblijf van ten minste één nacht in een instelling (intramurale zorg)",
    },
    "loopfunctie": {
        "ontbreekt": "ik kan niet lopen",
        "blijvend_gestoord": "ik kan blijvend slecht lopen",
        "langdurig_gestoord": "ik kan langdurig slecht lopen",
        "tijdelijk_gestoord": "ik kan tijdelijk slecht lopen",
        "normaal": "ik kan gewoon lopen",
    },
    "huidig_verblijf": {
        "psychiatrisch_art9": "in een instelling wegens een psychiatrische aandoening (art. 9 Bza)",
        "voortgezet_verblijf_art13": "voortgezet verblijf (art. 13 Bza)",
        "anders": "ergens anders",
    },
    "indicatie_verblijf": {
        "somatisch": "verblijf wegens een lichamelijke (somatische) aandoening",
        "psychogeriatrisch": "verblijf wegens een psychogeriatrische aandoening",
        "anders": "iets anders",
    },
}

# The name of each rule as the list and the form show it: what it answers, in a client's words.
REGELTITELS = {
    "meerzorg": "Meer zorg dan in het zorgzwaartepakket (meerzorg)",
    "tandheelkunde": "Tandarts en kunstgebit na het verblijf in een instelling",
    "tandheelkunde_toestemming": "Toestemming voor tandheelkundige zorg",
    "rolstoel_aanspraak": "Heb ik recht op een rolstoel?",
    "rolstoel_overname": "De rolstoel overnemen als het verblijf eindigt",
    "rolstoel_toestemming": "Toestemming vooraf voor een rolstoel, aanpassing of herstel",
    "doventolk": "Doventolk: hoeveel uren?",
    "hielprik": "Hielprik bij een baby",
    "vaccinaties": "Vaccinaties van een kind",
    "buitenland": "Zorg in het buitenland",
    "meldtermijn": "Op tijd gemeld dat de zorg is begonnen?",
    "voortgezet_verblijf": "Blijven wonen in de instelling (voortgezet verblijf)",
}

# The name of each outcome as the form shows it; an outcome not named here is shown as its code with spaces.
UITVOERTITELS = {
    "aanspraak": "Recht op deze zorg (aanspraak)",
    "toestemming_nodig": "Toestemming vooraf nodig",
    "zzp": "Zorgzwaartepakket",
    "drempel_uren_per_week": "Grens in uren zorg per week",
    "tandheelkundige_zorg_tot": "Tandheelkundige zorg tot en met",
    "prothese_tot": "Kunstgebit (prothetische hulp) tot en met",
    "prothese_uiterlijk_verlengd_tot": "Kunstgebit met verlenging uiterlijk tot en met",
    "tandheelkundige_zorg_op_peildatum": "Tandheelkundige zorg op de peildatum",
    "overnameprijs": "Overnameprijs",
    "afschrijvingstermijn_jaren": "Afschrijvingstermijn in jaren",
    "specificatie": "Berekening per onderdeel",
    "methode": "Rekenwijze",
    "grens": "Grens (kosten vanaf dit bedrag: toestemming vooraf nodig)",
    "max_uren_per_jaar": "Hoogste aantal uren per jaar",
    "resterende_uren": "Uren die dit jaar nog over zijn",
    "resterende_uren_na_sessie": "Uren over na deze sessie",
    "sessie_telt": "Deze sessie telt mee voor de uren",
    "verklaring_arts_nodig": "Verklaring van de huisarts of KNO-arts nodig",
    "aanbevolen_van": "Aanbevolen vanaf",
    "aanbevolen_tot": "Aanbevolen tot en met",
    "aandoeningen": "Aandoeningen waarop wordt getest",
    "leeftijd_maanden": "Leeftijd in maanden",
    "lidstaat": "Het land is een lidstaat (EU, EER of Zwitserland)",
    "vergoeding": "Vergoeding",
    "uiterste_meldingsdatum": "Uiterlijk melden op",
    "op_tijd": "Op tijd gemeld",
    "verblijf_tot": "Blijven wonen tot en met",
}


def _veldtitel(naam: str, _: object) -> str:
    return VELDTITELS.get(naam, naam.replace("_", " ").capitalize())


class AanspraakInvoer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, field_title_generator=_veldtitel)
    peildatum: date = Field(
        description="de dag waarover u het wilt weten: de regeling zoals die op die dag gold, wordt gebruikt"
    )


class MeerzorgInvoer(AanspraakInvoer):
    zzp: str = Field(
        description="het zorgzwaartepakket uit uw indicatiebesluit, bijvoorbeeld 5 VG (vanaf 2015: het zorgprofiel met "
        "die code); AWBZ art. 1a lid 2 onder a en Wlz Regeling langdurige zorg art. 2.2 lid 1 onder a noemen de "
        "pakketten en profielen waarbij meer zorg kan"
    )
    zzp_uren_per_week: float | None = Field(
        default=None,
        ge=0,
        le=168,
        description="hoeveel uur zorg per week in uw zorgzwaartepakket zit (AWBZ art. 1a lid 2 onder a; Wlz art. 2.2 "
        "lid 2)",
    )
    zorgbehoefte_uren_per_week: float | None = Field(
        default=None,
        ge=0,
        le=168,
        description="hoeveel uur zorg per week u werkelijk nodig hebt; dat wordt vergeleken met de uren van uw "
        "pakket (AWBZ art. 1a lid 2 onder a; Wlz art. 2.2 lid 2)",
    )
    bijzondere_zorg: list[BijzondereZorg] = Field(
        default_factory=list,
        description="zorg die u daarnaast nodig hebt, zoals epilepsiezorg of beademing; ook dan kan meer zorg "
        "(AWBZ art. 1a lid 2 onder b; Wlz art. 2.2 lid 1 onder c)",
    )
    zzp_op_31_december_2014: str | None = Field(
        default=None,
        max_length=20,
        description="alleen voor een peildatum vanaf 2015 (Wlz): het zorgzwaartepakket waarop u op 31 december 2014 "
        "recht had, bijvoorbeeld 5 VG, of 'geen' (Regeling langdurige zorg art. 2.2 lid 1 onder b); leeg: onbekend",
    )


class TandheelkundeInvoer(AanspraakInvoer):
    einde_verblijf: date = Field(description="de laatste dag dat u in de instelling woonde (art. 2)")
    einde_wegens_zvw_verblijf: bool | None = Field(
        default=None,
        description="eindigt uw verblijf omdat u wordt opgenomen met zorg uit de Zorgverzekeringswet (art. 2.10 "
        "Besluit zorgverzekering)? Dan houdt u nog even recht op tandheelkundige zorg (art. 2 lid 1)",
    )
    behandeling_voor_einde_aangevangen: bool | None = Field(
        default=None,
        description="was de behandeling voor een kunstgebit, kroon of brug al begonnen voordat uw verblijf "
        "eindigde? (art. 2 lid 2)",
    )


class Wijziging(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, field_title_generator=_veldtitel)
    prijs: Bedrag = Field(
        ge=0, max_digits=12, decimal_places=2, description="wat de wijziging kostte, in euro (art. 3 lid 3)"
    )
    datum: date = Field(description="de dag van de wijziging; vanaf die dag wordt zij afgeschreven (art. 3 lid 4)")


class RolstoelOvernameInvoer(AanspraakInvoer):
    aanschafprijs: Bedrag = Field(
        ge=0,
        max_digits=12,
        decimal_places=2,
        description="wat de rolstoel kostte toen hij werd gekocht, in euro (art. 3 lid 3)",
    )
    wijzigingen: list[Wijziging] = Field(
        default_factory=list,
        description="aanpassingen die later aan de rolstoel zijn gedaan, elk met prijs en datum; ook die betaalt u "
        "bij overname, min de afschrijving (art. 3 lid 3)",
    )
    elektrisch: bool = Field(
        description="een elektrische rolstoel wordt sneller afgeschreven dan een andere rolstoel (art. 3 lid 4)"
    )
    ingebruikname: date = Field(
        description="de dag dat u de rolstoel kreeg; vanaf die dag telt de afschrijving (art. 3 lid 4)"
    )
    einde_verblijf: date = Field(
        description="de dag dat uw verblijf in de instelling eindigt; dan kunt u de rolstoel overnemen (art. 3 lid 3)"
    )


class RolstoelToestemmingInvoer(AanspraakInvoer):
    soort: Literal["aanpassing", "herstel", "nieuw"] = Field(
        title="Waarvoor vraagt u toestemming?",
        description="een (nieuwe) rolstoel, of aanpassing of herstel van de rolstoel die u al gebruikt (art. 10)",
    )
    kosten: Bedrag = Field(
        ge=0,
        max_digits=12,
        decimal_places=2,
        description="wat de rolstoel, de aanpassing of het herstel kost, in euro; voor goedkope aanpassing of "
        "herstel is geen toestemming nodig (art. 10 lid 2)",
    )
    elektrisch: bool = Field(
        description="voor aanpassing of herstel van een elektrische rolstoel geldt een hogere grens dan voor een "
        "andere rolstoel (art. 10 lid 2)"
    )


class DoventolkInvoer(AanspraakInvoer):
    doofblind: bool = Field(
        default=False,
        description="bent u doof en blind? Dan hebt u recht op meer uren tolkhulp per jaar (art. 4 lid 1)",
    )
    onbillijkheid: bool = Field(
        default=False,
        description="zou het voor u heel onredelijk zijn als u niet meer uren krijgt (onbillijkheid van overwegende "
        "aard)? Dan kunnen het meer uren zijn (art. 4 lid 2)",
    )
    uren_gebruikt_dit_jaar: float = Field(
        default=0, ge=0, le=8784, description="hoeveel uur tolkhulp u dit kalenderjaar al hebt gehad (art. 4 lid 1)"
    )
    sessie_minuten: float = Field(
        ge=0, le=1440, description="hoe lang de tolk deze keer werkt, in minuten; heel kort telt niet (art. 4 lid 3)"
    )
    verklaring_arts: bool | None = Field(
        default=None,
        description="hebt u een verklaring van de huisarts of de KNO-arts dat u een doventolk nodig hebt? (art. 7 lid 2)",
    )
    dovenonderwijs: bool = Field(
        default=False,
        description="volgt u dovenonderwijs of hebt u dat gevolgd? Dan is geen verklaring nodig (art. 7 lid 3 onder a)",
    )
    reintegratie_vergoeding: bool = Field(
        default=False,
        description="krijgt u een vergoeding voor een doventolk op uw werk of school (Wet op de (re)integratie "
        "arbeidsgehandicapten)? (art. 7 lid 3 onder b)",
    )
    ziekenfonds_art_1p: bool = Field(
        default=False,
        description="hebt u een doventolk gehad via het ziekenfonds (art. 1p Ziekenfondswet, zoals dat tot 2006 "
        "gold)? (art. 7 lid 3 onder c)",
    )


class HielprikInvoer(AanspraakInvoer):
    geboortedatum: date = Field(
        description="de geboortedatum van de baby; de hielprik is voor een baby van minder dan twee maanden oud "
        "(art. 5 lid 2)"
    )
    zeer_bijzonder_geval: bool = Field(
        default=False, description="in zeer bijzondere gevallen krijgt een oudere baby de hielprik nog (art. 5 lid 2)"
    )


class VaccinatieInvoer(AanspraakInvoer):
    geboortedatum: date = Field(
        description="de geboortedatum van het kind; de leeftijd bepaalt welke vaccinaties er zijn (art. 6 lid 1)"
    )
    moeder_hbsag_positief: bool = Field(
        default=False,
        description="heeft de moeder hepatitis B (HBsAg-positief)? Dan krijgt het kind het hepatitis B-vaccin "
        "(art. 6 en 16)",
    )
    herkomstlanden_ouders: list[str] = Field(
        default_factory=list,
        description="de landen waar de ouders vandaan komen, met hun Nederlandse naam; komt een ouder uit een land "
        "dat niet in bijlage 1 staat, dan krijgt het kind het hepatitis B-vaccin (art. 16 lid 2)",
    )
    downsyndroom: bool = Field(
        default=False,
        description="heeft het kind het syndroom van Down? Dan krijgt het ook het hepatitis B-vaccin (art. 16 lid 2)",
    )


class BuitenlandInvoer(AanspraakInvoer):
    land: str = Field(
        min_length=2, description="het land waar u de zorg krijgt, met zijn Nederlandse naam (art. 6a en 6b)"
    )
    soort: Literal["extramuraal", "intramuraal"] = Field(
        title="Met of zonder opname in een instelling?",
        description="met opname: u wordt opgenomen of verblijft ten minste één nacht in een instelling (intramurale "
        "zorg); zonder opname: alle andere zorg (extramurale zorg) (art. 6a en 6b)",
    )
    gecontracteerd: bool = Field(
        description="heeft de zorgverzekeraar (het zorgkantoor) afspraken met deze zorgaanbieder? Zo niet, dan is "
        "soms vooraf toestemming nodig (art. 6b)"
    )
    kosten: Bedrag = Field(
        ge=0, max_digits=12, decimal_places=2, description="wat de zorg kostte, in euro (art. 6a lid 2 en 6b lid 3)"
    )
    kosten_nederland: Bedrag = Field(
        ge=0,
        max_digits=12,
        decimal_places=2,
        description="wat dezelfde zorg in Nederland zou kosten, in euro; meer dan dat wordt niet vergoed (art. 6a "
        "lid 2 en 6b lid 3)",
    )
    reizen_of_tijdelijk_verblijf: bool = Field(
        default=False,
        description="krijgt u de zorg terwijl u reist of tijdelijk in het buitenland bent? Dan is er geen recht op "
        "zorg van een instelling (art. 7a)",
    )


class MeldtermijnInvoer(AanspraakInvoer):
    aanvang_zorg: date = Field(description="de dag dat de zorg begon (art. 7 lid 1)")
    meldingsdatum: date | None = Field(
        default=None,
        description="de dag dat u of iemand namens u aan het zorgkantoor meldde wanneer de zorg begon, welke zorg "
        "het is en wie die levert (art. 7 lid 1)",
    )


class VoortgezetVerblijfInvoer(AanspraakInvoer):
    """Rza art. 15: both conditions of the article are facts the user gives; none is assumed."""

    huidig_verblijf: Literal["psychiatrisch_art9", "voortgezet_verblijf_art13", "anders"] = Field(
        description="waar u nu woont: in een instelling wegens een psychiatrische aandoening (art. 9 Bza), in "
        "voortgezet verblijf (art. 13 Bza) of ergens anders (art. 15)"
    )
    indicatie_verblijf: Literal["somatisch", "psychogeriatrisch", "anders"] = Field(
        description="waarvoor het nieuwe indicatiebesluit verblijf geeft (art. 9 Bza): een lichamelijke (somatische) "
        "of psychogeriatrische aandoening, of iets anders (art. 15)"
    )
    indicatiedatum: date = Field(
        description="de dag dat het nieuwe indicatiebesluit is vastgesteld; vanaf die dag telt de termijn (art. 15)"
    )
    tekort_plaatsingsmogelijkheden: bool = Field(
        description="blijft u alleen omdat er geen plaats is in een instelling die bij uw nieuwe indicatie past? "
        "(art. 15)"
    )


class TandheelkundigeToestemmingInvoer(AanspraakInvoer):
    toestemming_vooraf: bool = Field(
        description="heeft de zorgverzekeraar (het zorgkantoor) vooraf toestemming gegeven voor deze tandheelkundige "
        "zorg? (art. 9)"
    )


class RolstoelAanspraakInvoer(AanspraakInvoer):
    loopfunctie: Literal["ontbreekt", "blijvend_gestoord", "langdurig_gestoord", "tijdelijk_gestoord", "normaal"] = (
        Field(
            description="een rolstoel krijgt u als u niet kunt lopen, of als u blijvend of langdurig slecht loopt "
            "(art. 3 lid 2)"
        )
    )
