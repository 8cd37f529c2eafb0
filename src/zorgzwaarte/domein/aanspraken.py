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

# The options of a choice as the form shows them, in words a client understands (field -> code -> text); an option
# not named here is shown as its code with spaces.
KEUZETEKSTEN: dict[str, dict[str, str]] = {
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
    zzp: str = Field(description="zorgzwaartepakket, bv. '5VG' of '5 VG'")
    zzp_uren_per_week: float | None = Field(default=None, ge=0, le=168, description="zorg in het ZZP (uren per week)")
    zorgbehoefte_uren_per_week: float | None = Field(
        default=None, ge=0, le=168, description="zorgbehoefte (uren per week)"
    )
    bijzondere_zorg: list[BijzondereZorg] = Field(default_factory=list, description="art. 1a lid 2 onder b")


class TandheelkundeInvoer(AanspraakInvoer):
    einde_verblijf: date = Field(description="laatste dag van het verblijf in de instelling")
    einde_wegens_zvw_verblijf: bool | None = Field(
        default=None,
        description="verblijf eindigt wegens verblijf als bedoeld in art. 2.10 Besluit zorgverzekering (lid 1)",
    )
    behandeling_voor_einde_aangevangen: bool | None = Field(
        default=None, description="de prothetische hulp was vóór het einde van het verblijf aangevangen (lid 2)"
    )


class Wijziging(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, field_title_generator=_veldtitel)
    prijs: Bedrag = Field(ge=0, max_digits=12, decimal_places=2)
    datum: date


class RolstoelOvernameInvoer(AanspraakInvoer):
    aanschafprijs: Bedrag = Field(ge=0, max_digits=12, decimal_places=2)
    wijzigingen: list[Wijziging] = Field(default_factory=list)
    elektrisch: bool
    ingebruikname: date
    einde_verblijf: date


class RolstoelToestemmingInvoer(AanspraakInvoer):
    soort: Literal["aanpassing", "herstel", "nieuw"] = Field(
        title="Waarvoor vraagt u toestemming?",
        description="een rolstoel, of aanpassing of herstel van de rolstoel die u al gebruikt (art. 10)",
    )
    kosten: Bedrag = Field(ge=0, max_digits=12, decimal_places=2)
    elektrisch: bool


class DoventolkInvoer(AanspraakInvoer):
    doofblind: bool = False
    onbillijkheid: bool = Field(
        default=False, description="meer uren wegens onbillijkheid van overwegende aard (lid 2)"
    )
    uren_gebruikt_dit_jaar: float = Field(default=0, ge=0, le=8784)
    sessie_minuten: float = Field(ge=0, le=1440)
    verklaring_arts: bool | None = Field(default=None, description="verklaring huisarts of KNO-arts (art. 7 lid 2)")
    dovenonderwijs: bool = False
    reintegratie_vergoeding: bool = False
    ziekenfonds_art_1p: bool = False


class HielprikInvoer(AanspraakInvoer):
    geboortedatum: date
    zeer_bijzonder_geval: bool = False


class VaccinatieInvoer(AanspraakInvoer):
    geboortedatum: date
    moeder_hbsag_positief: bool = False
    herkomstlanden_ouders: list[str] = Field(
        default_factory=list, description="Nederlandse landnamen zoals in bijlage 1"
    )
    downsyndroom: bool = False


class BuitenlandInvoer(AanspraakInvoer):
    land: str = Field(min_length=2)
    soort: Literal["extramuraal", "intramuraal"] = Field(
        title="Met of zonder opname in een instelling?",
        description="met opname: u wordt opgenomen of verblijft ten minste één nacht in een instelling (intramurale "
        "zorg); zonder opname: alle andere zorg (extramurale zorg)",
    )
    gecontracteerd: bool
    kosten: Bedrag = Field(ge=0, max_digits=12, decimal_places=2)
    kosten_nederland: Bedrag = Field(ge=0, max_digits=12, decimal_places=2)
    reizen_of_tijdelijk_verblijf: bool = Field(
        default=False, description="art. 7a: tijdens reizen of tijdelijk verblijf buiten Nederland"
    )


class MeldtermijnInvoer(AanspraakInvoer):
    aanvang_zorg: date
    meldingsdatum: date | None = None


class VoortgezetVerblijfInvoer(AanspraakInvoer):
    """Rza art. 15: both conditions of the article are facts the user gives; none is assumed."""

    huidig_verblijf: Literal["psychiatrisch_art9", "voortgezet_verblijf_art13", "anders"] = Field(
        description="waar de verzekerde nu verblijft: instelling art. 9 Bza wegens een psychiatrische aandoening, "
        "voortgezet verblijf art. 13 Bza, of anders"
    )
    indicatie_verblijf: Literal["somatisch", "psychogeriatrisch", "anders"] = Field(
        description="het nieuwe indicatiebesluit is voor verblijf (art. 9 Bza) wegens een somatische of "
        "psychogeriatrische aandoening, of anders"
    )
    indicatiedatum: date
    tekort_plaatsingsmogelijkheden: bool


class TandheelkundigeToestemmingInvoer(AanspraakInvoer):
    toestemming_vooraf: bool


class RolstoelAanspraakInvoer(AanspraakInvoer):
    loopfunctie: Literal["ontbreekt", "blijvend_gestoord", "langdurig_gestoord", "tijdelijk_gestoord", "normaal"]
