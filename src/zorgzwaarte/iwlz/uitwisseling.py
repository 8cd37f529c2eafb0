"""iWlz use cases: IO31 out of an assessment or a stored decision, IO31 into the records, AW33/AW35/AW39 out of
an agreement, and reading the retour messages. Header options and defaults are documented in docs/iwlz.md."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from sqlalchemy import select

from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.inlezen import extern_besluit_opslaan
from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.diensten.records import _overeenkomst, geldend_besluit, peildatum_niet_na_vandaag
from zorgzwaarte.diensten.records.toewijzingen import _toewijzing
from zorgzwaarte.diensten.toegang import eis, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, nu_utc, vandaag_nl
from zorgzwaarte.domein.records import Invoer, normaliseer_bsn, normaliseer_postcode
from zorgzwaarte.domein.uitvoer_beheer import RetourUitkomst
from zorgzwaarte.fouten import Fout, InvoerFout, NietGevonden, Verboden
from zorgzwaarte.iwlz import berichten
from zorgzwaarte.iwlz.lezen import io31_lezen, retour_lezen
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Indicatiebesluit,
    Organisatie,
    Toewijzing,
    Zorgleveringsovereenkomst,
)
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling

STANDAARD_ONTVANGER = "5509"


class Naam(Invoer):
    geslachtsnaam: str = Field(min_length=1, max_length=200)
    voorvoegsel: str | None = Field(default=None, max_length=10)
    voorletters: str | None = Field(default=None, max_length=20)
    voornamen: str | None = Field(default=None, max_length=200)


class Adres(Invoer):
    straat: str | None = None
    huisnummer: str | None = None
    postcode: str | None = None
    woonplaats: str | None = None

    @field_validator("postcode")
    @classmethod
    def _pc(cls, v: str | None) -> str | None:
        return normaliseer_postcode(v)


class ExportClient(Invoer):
    bsn: str
    geboortedatum: date
    geslacht: Literal["0", "1", "2"] = "0"
    naam: Naam
    adres: Adres | None = None
    leefeenheid: Literal["1", "2", "3", "4", "5", "6", "7", "9"] = "9"
    geheim: bool = False

    @field_validator("bsn")
    @classmethod
    def _bsn(cls, v: str) -> str:
        return normaliseer_bsn(v)


class ExportIo31(Invoer):
    client: ExportClient
    beoordeling: dict[str, Any]


def client_voor_bericht(c: ExportClient | Client) -> dict[str, Any]:
    if isinstance(c, Client):
        return {
            "bsn": c.bsn,
            "geboortedatum": c.geboortedatum.isoformat(),
            "geslacht": c.geslacht,
            "naam": {
                "geslachtsnaam": c.geslachtsnaam,
                "voorvoegsel": c.voorvoegsel,
                "voorletters": c.voorletters,
                "voornamen": c.voornamen,
            },
            "adres": {
                "straat": c.straat,
                "huisnummer": c.huisnummer,
                "postcode": c.postcode,
                "woonplaats": c.woonplaats,
            },
        }
    return {
        "bsn": c.bsn,
        "geboortedatum": c.geboortedatum.isoformat(),
        "geslacht": c.geslacht,
        "leefeenheid": c.leefeenheid,
        "geheim": "1" if c.geheim else "2",
        "naam": c.naam.model_dump(),
        "adres": c.adres.model_dump() if c.adres else None,
    }


def besluitnummer_uit(*delen: Any) -> int:
    """A stable besluitnummer (1..999999999) when none is given: derived from the content."""
    return int(hashlib.sha256("|".join(map(str, delen)).encode()).hexdigest()[:8], 16) % 999_999_999 + 1


def controleer_ontvanger(ontvanger: str) -> str:
    if ontvanger not in berichten.codes()["LDT_ZorgkantoorCode"]:
        raise InvoerFout.een(
            "ontvanger", f"'{ontvanger}' is geen zorgkantoorcode (LDT_ZorgkantoorCode, bijvoorbeeld 5509)"
        )
    return ontvanger


def exporteer_io31(
    data: Ontvangen[ExportIo31] | Json,
    ontvanger: str = STANDAARD_ONTVANGER,
    besluitnummer: int | None = None,
    dagtekening: date | None = None,
    aanvulling: Aanvulling = GEEN_AANVULLING,
    vandaag: date | None = None,
) -> bytes:
    """IO31 for the decision the rules core computes from the assessment in `data`; a decision message is never
    about a peildatum after today (`vandaag`, default the Dutch calendar day)."""
    invoer = aanvaard(ExportIo31, data)
    controleer_ontvanger(ontvanger)
    beoordeling = {
        **invoer.beoordeling,
        "client": {
            **(invoer.beoordeling.get("client") or {}),
            "geboortedatum": invoer.client.geboortedatum.isoformat(),
        },
    }
    try:
        besluit = bereken_indicatie(beoordeling, aanvulling).als_dict()
    except InvoerFout as fout:
        raise InvoerFout([Fout(f"beoordeling.{f.veld}", f.melding) for f in fout.fouten]) from None
    peildatum_niet_na_vandaag(
        date.fromisoformat(str(beoordeling["peildatum"])), vandaag or vandaag_nl(nu_utc()), "beoordeling.peildatum"
    )
    if besluitnummer is not None and not 1 <= besluitnummer <= 999_999_999:
        raise InvoerFout.een("besluitnummer", "moet tussen 1 en 999999999 liggen")
    nummer = besluitnummer or besluitnummer_uit(invoer.client.bsn, besluit["ruleset"]["hash"], besluit["besluitdatum"])
    dag = dagtekening or date.fromisoformat(besluit["besluitdatum"])
    kop = berichten.Kop(ontvanger, berichten.berichtidentificatie("io31", nummer, dag), dag)
    return berichten.io31(kop, client_voor_bericht(invoer.client), besluit, beoordeling, nummer)


def io31_van_besluit(uow: Werkeenheid, besluit_id: int) -> bytes:
    actor = uow.ingelogd()
    poging = uow.log("iwlz.io31_export", "indicatiebesluit", besluit_id)
    eis(actor, "besluit.lezen")
    if actor.rol not in ("beoordelaar", "zorgkantoor"):
        raise Verboden("alleen het indicatieorgaan en het zorgkantoor wisselen IO31 uit")
    ib = uow.sessie.get(Indicatiebesluit, besluit_id)
    c = (
        None
        if ib is None
        else uow.sessie.scalars(zichtbare_clienten(actor, select(Client).where(Client.id == ib.client_id))).first()
    )
    if ib is None or c is None:
        raise NietGevonden("indicatiebesluit niet gevonden")
    poging.client_id = c.id
    beo = uow.sessie.get(Beoordeling, ib.beoordeling_id) if ib.beoordeling_id else None
    zk = _zorgkantoor_code(uow, c)
    dag = ib.besluitdatum
    kop = berichten.Kop(zk, berichten.berichtidentificatie("io31", ib.id, dag), dag)
    return berichten.io31(kop, client_voor_bericht(c), ib.resultaat, beo.invoer if beo else {}, ib.id)


def _zorgkantoor_code(uow: Werkeenheid, c: Client) -> str:
    zk = uow.sessie.scalars(
        select(Organisatie).where(Organisatie.soort == "zorgkantoor", Organisatie.regio == c.regio)
    ).first()
    return zk.iwlz_code if zk is not None and zk.iwlz_code else STANDAARD_ONTVANGER


def importeer_io31(uow: Werkeenheid, xml: bytes) -> dict[str, Any]:
    """Import an IO31 into the records: client (new or existing), the assessment scores, the decision marked extern.

    Takes the raw message, not a model: reading it is the work of this use case (XSD first, then every element with
    its XPath in the error, iwlz.lezen), and a refused message is audited here like any attempt."""
    actor = uow.ingelogd()
    poging = uow.log("iwlz.io31_import", "indicatiebesluit")
    if actor.rol not in ("beoordelaar", "zorgkantoor"):
        raise Verboden("alleen het indicatieorgaan en het zorgkantoor lezen IO31 in")
    gelezen = io31_lezen(xml)
    herkomst = {
        "bron": "iWlz 2.2 IO31",
        "toelichting": f"Ingelezen uit IO31 {gelezen['header']['identificatie']}",
        "ruleset_naam": "extern (iWlz IO31)",
        "ruleset_versie": str(gelezen["header"]["identificatie"]),
        "ruleset_hash": hashlib.sha256(xml).hexdigest()[:16],
    }
    vandaag = vandaag_nl(uow.nu())
    for i, item in enumerate(gelezen["clienten"]):  # all checked before anything is stored
        afgifte = date.fromisoformat(item["indicatie"]["afgiftedatum"])  # the peildatum of the imported decision
        peildatum_niet_na_vandaag(
            afgifte, vandaag, "peildatum" if len(gelezen["clienten"]) == 1 else f"clienten.{i}.peildatum"
        )
    resultaten = []
    for item in gelezen["clienten"]:
        uit = extern_besluit_opslaan(uow, item, herkomst)
        uow.log("iwlz.io31_import", "indicatiebesluit", uit["indicatiebesluit"]["id"], uit["client"]["id"])
        resultaten.append({"client": uit["client"], "indicatiebesluit": uit["indicatiebesluit"]})
    uow.pogingen.remove(poging)
    return {"ingelezen": len(resultaten), "resultaten": resultaten}


class Mutatie(Invoer):
    mutatiecode: Literal["12", "17", "18", "19", "20", "21"]
    mutatiedatum: date
    # the AGB code of the receiving instelling: required with 17 (overplaatsing) and 21 (overdracht), and only
    # then (iWlz business rule CD020)
    instelling_bestemming: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    # with a ZZP and 18 or 20 the client waits ('wacht op voorkeur'): why, as LDT_LeveringsstatusClassificatie 13-19
    leveringsstatus_classificatie: Literal["13", "14", "15", "16", "17", "18", "19"] | None = None

    @model_validator(mode="after")
    def _bestemming(self) -> Mutatie:
        overgang = self.mutatiecode in ("17", "21")
        if overgang and not self.instelling_bestemming:
            raise ValueError(
                "bij overplaatsing (17) of overdracht (21) is de AGB-code van de nieuwe instelling nodig "
                "(instelling_bestemming; iWlz-bedrijfsregel CD020)"
            )
        if not overgang and self.instelling_bestemming:
            raise ValueError("instelling_bestemming hoort alleen bij overplaatsing (17) of overdracht (21) (CD020)")
        return self


def _aw33(
    uow: Werkeenheid,
    o: Zorgleveringsovereenkomst | Toewijzing,
    sleutel: tuple[Any, ...],
    c: Client,
    agb_code: str,
    ib: Indicatiebesluit,
    zk: str,
) -> bytes:
    """AW33 for a toewijzing of the indication to the provider with this AGB code (from a stored agreement or a
    stored toewijzing: both carry the leveringsvorm, the period and the moment it was recorded)."""
    # CS023: the message is dated the day of the toewijzing (not before it), the Dutch calendar day as the
    # decision's Afgiftedatum is (a toewijzing just after midnight in the Netherlands is still the previous day in UTC)
    dag = vandaag_nl(o.vastgelegd_op)
    kop = berichten.Kop(agb_code, berichten.berichtidentificatie(*sleutel), dag, zk)
    toewijzing = {
        "instelling": agb_code,
        "zorgkantoor": zk,
        "datum": dag.isoformat(),
        "tijd": berichten.tijd(o.vastgelegd_op),
        "ingangsdatum": o.ingangsdatum.isoformat(),
        "einddatum": o.einddatum.isoformat() if o.einddatum else None,
        "leveringsvorm": berichten.LEVERINGSVORM[o.leveringsvorm],
    }
    beo = uow.sessie.get(Beoordeling, ib.beoordeling_id) if ib.beoordeling_id else None
    return berichten.aw33(kop, client_voor_bericht(c), ib.resultaat, beo.invoer if beo else {}, ib.id, toewijzing)


def bericht_van_toewijzing(uow: Werkeenheid, toewijzing_id: int) -> bytes:
    """AW33 of a toewijzing the zorgkantoor recorded: the message it sends to the provider."""
    actor = uow.ingelogd()
    poging = uow.log("iwlz.aw33_export", "toewijzing", toewijzing_id)
    eis(actor, "toewijzing.lezen")
    t = _toewijzing(uow, toewijzing_id)
    poging.client_id = t.client_id
    c = uow.sessie.get(Client, t.client_id)
    aanbieder = uow.sessie.get(Organisatie, t.zorgaanbieder_id)
    ib = uow.sessie.get(Indicatiebesluit, t.indicatiebesluit_id)
    assert c is not None and aanbieder is not None and ib is not None
    if not aanbieder.agb_code:
        raise InvoerFout.een("zorgaanbieder_id", "de zorgaanbieder heeft geen AGB-code")
    return _aw33(uow, t, ("aw33t", t.id, t.versie), c, aanbieder.agb_code, ib, _zorgkantoor_code(uow, c))


def bericht_van_overeenkomst(
    uow: Werkeenheid, overeenkomst_id: int, soort: str, data: Ontvangen[Mutatie] | None = None
) -> bytes:
    """AW33 (zorgkantoor), AW35 or AW39 (zorgaanbieder) from a stored agreement."""
    actor = uow.ingelogd()
    poging = uow.log(f"iwlz.{soort}_export", "zorgleveringsovereenkomst", overeenkomst_id)
    eis(actor, "overeenkomst.lezen")
    verwacht = "zorgkantoor" if soort == "aw33" else "zorgaanbieder"
    if actor.rol != verwacht:
        raise Verboden(f"{soort.upper()} wordt verstuurd door het {verwacht}")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    c = uow.sessie.get(Client, o.client_id)
    aanbieder = uow.sessie.get(Organisatie, o.zorgaanbieder_id)
    ib = (
        uow.sessie.get(Indicatiebesluit, o.indicatiebesluit_id)
        if o.indicatiebesluit_id
        else geldend_besluit(uow, o.client_id)
    )
    assert c is not None and aanbieder is not None
    if ib is None:
        raise InvoerFout.een("indicatiebesluit_id", "de overeenkomst heeft geen indicatiebesluit")
    if not aanbieder.agb_code:
        raise InvoerFout.een("zorgaanbieder_id", "de zorgaanbieder heeft geen AGB-code")
    zk = _zorgkantoor_code(uow, c)
    zzp = ib.resultaat.get("zzp") or {}
    functies = ib.resultaat.get("functies") or []
    leveringsvorm = berichten.LEVERINGSVORM[o.leveringsvorm]
    if soort == "aw33":
        return _aw33(uow, o, ("aw33", o.id, o.versie), c, aanbieder.agb_code, ib, zk)
    basis = {
        "besluitnummer": ib.id,
        "zzp_cod163": zzp.get("cod163"),
        "functies": functies,
        "instelling": aanbieder.agb_code,
        "toewijzing_ingangsdatum": o.ingangsdatum.isoformat(),
        "begindatum": o.ingangsdatum.isoformat(),
        "leveringsvorm": leveringsvorm,
        "klasse": f"KE{ib.resultaat.get('etmalen_verblijf') or 7}",
    }
    if soort == "aw35":
        kop = berichten.Kop(zk, berichten.berichtidentificatie("aw35", o.id), o.ingangsdatum, aanbieder.agb_code)
        return berichten.aw35(kop, client_voor_bericht(c), basis)
    m = aanvaard(Mutatie, {} if data is None else data)
    wacht = bool(zzp.get("cod163")) and m.mutatiecode in ("18", "20")
    if wacht != bool(m.leveringsstatus_classificatie):
        raise InvoerFout.een(
            "leveringsstatus_classificatie",
            "bij een zorgzwaartepakket met mutatiecode 18 of 20 wacht de cliënt op zijn voorkeur: geef de reden "
            "(LDT_LeveringsstatusClassificatie 13 tot en met 19); bij andere mutaties hoort er geen"
            " (iWlz-bedrijfsregels CD090 en CS131)",
        )
    kop = berichten.Kop(
        zk,
        berichten.berichtidentificatie("aw39", o.id, m.mutatiecode, m.mutatiedatum),
        m.mutatiedatum,
        aanbieder.agb_code,
    )
    return berichten.aw39(
        kop,
        client_voor_bericht(c),
        {
            **basis,
            "mutatiecode": m.mutatiecode,
            "mutatiedatum": m.mutatiedatum.isoformat(),
            "instelling_bestemming": m.instelling_bestemming,
            "leveringsstatus_classificatie": m.leveringsstatus_classificatie,
        },
    )


def lees_retour(uow: Werkeenheid, xml: bytes) -> RetourUitkomst:
    """A retourbericht (AW34, AW36, AW310) with its retourcodes in Dutch. Takes the raw message, not a model:
    reading it (XSD, then the elements, iwlz.lezen) is the work of this use case, audited like any attempt."""
    actor = uow.ingelogd()
    uow.log("iwlz.retour_lezen", "bericht")
    if actor.rol == "beheerder":
        raise Verboden(
            "retourberichten bevatten cliëntgegevens; lees ze in als zorgkantoor, aanbieder of indicatieorgaan"
        )
    return RetourUitkomst.model_validate(retour_lezen(xml))
