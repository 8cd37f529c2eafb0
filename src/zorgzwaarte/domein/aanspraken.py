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
    "loopfunctie": "Loopfunctie",
}


def _veldtitel(naam: str, _: object) -> str:
    return VELDTITELS.get(naam, naam.replace("_", " ").capitalize())


class AanspraakInvoer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, field_title_generator=_veldtitel)
    peildatum: date = Field(description="datum waarop de regeling wordt toegepast; kiest de versie")


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
    soort: Literal["aanpassing", "herstel", "nieuw"]
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
    soort: Literal["extramuraal", "intramuraal"]
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
