"""Use cases on the records: each one checks the role, limits to what the organisation may see, writes in one
transaction and logs every read and write of client data (see werkeenheid)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from zorgzwaarte.diensten.auth import hash_wachtwoord
from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.toegang import eis, zichtbare_client, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Poging, Werkeenheid, vandaag_nl
from zorgzwaarte.domein.beoordeling import Beoordeling as BeoordelingModel
from zorgzwaarte.domein.grenzen import MAX_PAGINA, MAX_PER_PAGINA
from zorgzwaarte.domein.records import (
    BeoordelingConcept,
    BeoordelingWijziging,
    BesluitVastleggen,
    ClientNieuw,
    ClientWijziging,
    GebruikerNieuw,
    GeleverdeZorgInvoer,
    OvereenkomstNieuw,
    OvereenkomstWijziging,
    RapportageNieuw,
    ZorgplanInvoer,
    ZorgplanWijziging,
    iso,
)
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout, NietGevonden, Verboden
from zorgzwaarte.opslag.modellen import (
    Auditregel,
    Beoordeling,
    Client,
    Gebruiker,
    GeleverdeZorg,
    Indicatiebesluit,
    Organisatie,
    Rapportage,
    Zorgleveringsovereenkomst,
    Zorgplan,
    nieuwe_uuid,
)
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit as RegelBesluit
from zorgzwaarte.regels.zorgplan import vergelijk_met_indicatie

# --- representations ------------------------------------------------------------------------------------------


def client_dict(c: Client) -> dict[str, Any]:
    return {
        "id": c.id,
        "bsn": c.bsn,
        "geslachtsnaam": c.geslachtsnaam,
        "voorvoegsel": c.voorvoegsel,
        "voorletters": c.voorletters,
        "voornamen": c.voornamen,
        "naam": weergavenaam(c),
        "geboortedatum": iso(c.geboortedatum),
        "geslacht": c.geslacht,
        "straat": c.straat,
        "huisnummer": c.huisnummer,
        "postcode": c.postcode,
        "woonplaats": c.woonplaats,
        "regio": c.regio,
        "fictief": c.fictief,
        "register_id": c.register_id,
        "versie": c.versie,
        "vastgelegd_op": iso(c.vastgelegd_op),
    }


def weergavenaam(c: Client) -> str:
    delen = [c.voorletters or "", c.voorvoegsel or "", c.geslachtsnaam]
    return " ".join(x for x in delen if x) + (" (fictief)" if c.fictief else "")


def beoordeling_dict(b: Beoordeling) -> dict[str, Any]:
    return {
        "id": b.id,
        "client_id": b.client_id,
        "status": b.status,
        "volgnummer": b.volgnummer,
        "vorige_id": b.vorige_id,
        "invoer": b.invoer,
        "aanvraagdatum": iso(b.aanvraagdatum),
        "spoed": b.spoed,
        "beoordelaar_id": b.beoordelaar_id,
        "vastgelegd_op": iso(b.vastgelegd_op),
        "definitief_op": iso(b.definitief_op),
        "versie": b.versie,
    }


def besluit_dict(b: Indicatiebesluit) -> dict[str, Any]:
    return {
        "id": b.id,
        "client_id": b.client_id,
        "beoordeling_id": b.beoordeling_id,
        "extern": b.extern,
        "besluit": b.besluit,
        "stelsel": b.stelsel,
        "verblijf": b.verblijf,
        "zzp_code": b.zzp_code,
        "zorgprofiel": b.zorgprofiel,
        "besluitdatum": iso(b.besluitdatum),
        "geldig_van": iso(b.geldig_van),
        "geldig_tot": iso(b.geldig_tot),
        "status": b.status,
        "vervangen_door_id": b.vervangen_door_id,
        "motivering_afwijkend": b.motivering_afwijkend,
        "zorgaanbieder_id": b.zorgaanbieder_id,
        "ruleset": {"naam": b.ruleset_naam, "versie": b.ruleset_versie, "hash": b.ruleset_hash},
        "resultaat": b.resultaat,
        "vastgelegd_op": iso(b.vastgelegd_op),
        "vervangen_op": iso(b.vervangen_op),
        "versie": b.versie,
        **wlzindicatie_velden(b),
    }


GEEN_WLZINDICATIE = (
    "Dit is geen Wlz-indicatie: een AWBZ-besluit met functies en klassen (of een ZZP van vóór 2015) heeft geen "
    "plaats in het Indicatieregister en krijgt daarom geen wlzindicatie_id."
)


def wlzindicatie_velden(b: Indicatiebesluit) -> dict[str, Any]:
    """How the decision stands in the Indicatieregister: its WlzIndicatie id, or why it has none."""
    return {
        "wlzindicatie_id": b.wlzindicatie_id,
        "vervaldatum": iso(b.vervaldatum),
        "indicatieregister": None if b.wlzindicatie_id else GEEN_WLZINDICATIE,
    }


def overeenkomst_dict(o: Zorgleveringsovereenkomst) -> dict[str, Any]:
    return {
        "id": o.id,
        "client_id": o.client_id,
        "zorgaanbieder_id": o.zorgaanbieder_id,
        "indicatiebesluit_id": o.indicatiebesluit_id,
        "zzp_code": o.zzp_code,
        "functies": o.functies,
        "leveringsvorm": o.leveringsvorm,
        "ingangsdatum": iso(o.ingangsdatum),
        "einddatum": iso(o.einddatum),
        "vastgelegd_op": iso(o.vastgelegd_op),
        "versie": o.versie,
    }


def zorgplan_dict(z: Zorgplan, signalen: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "id": z.id,
        "client_id": z.client_id,
        "overeenkomst_id": z.overeenkomst_id,
        "domeinen": z.domeinen,
        "gepland": z.gepland,
        "evaluatiedata": z.evaluatiedata,
        "vastgesteld_op": iso(z.vastgesteld_op),
        "besproken_op": iso(z.besproken_op),
        "afschrift_op": iso(z.afschrift_op),
        "zorgverleners": z.zorgverleners,
        "persoonlijk_plan": z.persoonlijk_plan,
        "vastgelegd_op": iso(z.vastgelegd_op),
        "versie": z.versie,
        "signalen": signalen or [],
    }


def rapportage_dict(r: Rapportage) -> dict[str, Any]:
    return {
        "id": r.id,
        "client_id": r.client_id,
        "auteur_id": r.auteur_id,
        "datum": iso(r.datum),
        "domein": r.domein,
        "tekst": r.tekst,
        "vastgelegd_op": iso(r.vastgelegd_op),
    }


def geleverd_dict(g: GeleverdeZorg, signalen: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "id": g.id,
        "client_id": g.client_id,
        "overeenkomst_id": g.overeenkomst_id,
        "week": iso(g.week),
        "uren": g.uren,
        "afwezigheid": g.afwezigheid,
        "vastgelegd_op": iso(g.vastgelegd_op),
        "versie": g.versie,
        "signalen": signalen or [],
    }


def pagina_grenzen(pagina: int, per_pagina: int) -> tuple[int, int]:
    if not 1 <= pagina <= MAX_PAGINA:
        raise InvoerFout.een("pagina", f"moet tussen 1 en {MAX_PAGINA} liggen")
    if not 1 <= per_pagina <= MAX_PER_PAGINA:
        raise InvoerFout.een("per_pagina", f"moet tussen 1 en {MAX_PER_PAGINA} liggen")
    return (pagina - 1) * per_pagina, per_pagina


def controleer_versie(gelezen: int, huidig: int) -> None:
    if gelezen != huidig:
        raise Conflict(
            f"het record is intussen gewijzigd (u had versie {gelezen}, nu is het versie {huidig}); laad het opnieuw"
        )


# --- clients --------------------------------------------------------------------------------------------------


def clienten_lijst(uow: Werkeenheid, zoek: str | None, pagina: int, per_pagina: int) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("client.lijst", "client", details=f"zoek {zoek!r}" if zoek else None)
    eis(actor, "client.lezen")
    start, aantal = pagina_grenzen(pagina, per_pagina)
    q = zichtbare_clienten(actor, select(Client))
    if zoek:
        patroon = f"%{zoek.lower()}%"
        # "de Boer" and "W. de Boer" find W. de Boer: the name as written, with voorvoegsel and initials
        volledig = (
            func.coalesce(Client.voorletters, "")
            + " "
            + func.coalesce(Client.voorvoegsel, "")
            + " "
            + Client.geslachtsnaam
        )
        met_voorvoegsel = func.coalesce(Client.voorvoegsel, "") + " " + Client.geslachtsnaam
        q = q.where(
            or_(
                func.lower(Client.geslachtsnaam).like(patroon),
                func.lower(Client.woonplaats).like(patroon),
                func.lower(met_voorvoegsel).like(patroon),
                func.lower(volledig).like(patroon),
            )
        )
    totaal = uow.sessie.scalar(select(func.count()).select_from(q.subquery())) or 0
    rijen = list(uow.sessie.scalars(q.order_by(Client.geslachtsnaam, Client.id).offset(start).limit(aantal)))
    uow.pogingen.remove(poging)  # replaced by one line per client shown
    for c in rijen:
        uow.log("client.lijst", "client", c.id, c.id)
    if not rijen:
        uow.log("client.lijst", details="geen resultaten")
    return {"items": [client_dict(c) for c in rijen], "totaal": totaal, "pagina": pagina, "per_pagina": per_pagina}


def client_aanmaken(uow: Werkeenheid, data: Any) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("client.aanmaken", "client")
    eis(actor, "client.aanmaken")
    nieuw = valideer(ClientNieuw, data)
    if uow.sessie.scalar(select(func.count()).where(Client.bsn == nieuw.bsn)):
        raise Conflict("er is al een cliënt met dit BSN; zoek de cliënt op BSN")
    regio = nieuw.regio or (actor.regio if actor.rol == "zorgaanbieder" else None)
    c = Client(
        **nieuw.model_dump(exclude={"regio"}),
        regio=regio,
        vastgelegd_op=uow.nu(),
        aangemaakt_door_organisatie_id=actor.organisatie_id,
    )
    uow.sessie.add(c)
    try:
        uow.sessie.flush()
    except IntegrityError:
        raise Conflict("er is al een cliënt met dit BSN") from None
    poging.object_id = poging.client_id = c.id
    return client_dict(c)


def client_lezen(uow: Werkeenheid, client_id: int) -> dict[str, Any]:
    actor = uow.ingelogd()
    uow.log("client.lezen", "client", client_id, client_id)
    eis(actor, "client.lezen")
    return client_dict(zichtbare_client(uow.sessie, actor, client_id))


def client_zoeken_bsn(uow: Werkeenheid, data: Any) -> dict[str, Any]:
    from zorgzwaarte.domein.records import BsnZoekvraag

    actor = uow.ingelogd()
    poging = uow.log("client.zoeken_bsn", "client")
    eis(actor, "client.lezen")
    vraag = valideer(BsnZoekvraag, data)
    c = uow.sessie.scalars(zichtbare_clienten(actor, select(Client).where(Client.bsn == vraag.bsn))).first()
    if c is None:
        raise NietGevonden("geen cliënt met dit BSN gevonden")
    poging.object_id = poging.client_id = c.id
    return client_dict(c)


def client_wijzigen(uow: Werkeenheid, client_id: int, data: Any) -> dict[str, Any]:
    actor = uow.ingelogd()
    uow.log("client.wijzigen", "client", client_id, client_id)
    eis(actor, "client.wijzigen")
    c = zichtbare_client(uow.sessie, actor, client_id)
    wijziging = valideer(ClientWijziging, data)
    controleer_versie(wijziging.versie, c.versie)
    velden = wijziging.model_dump(exclude={"versie"}, exclude_unset=True)
    if "regio" in velden and velden["regio"] != c.regio:
        eis(actor, "client.regio_wijzigen")
    for veld, waarde in velden.items():
        setattr(c, veld, waarde)
    uow.sessie.flush()
    return client_dict(c)


def client_tijdlijn(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    """Everything about the client this role may see, newest first."""
    actor = uow.ingelogd()
    uow.log("client.tijdlijn", "client", client_id, client_id)
    eis(actor, "client.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    items: list[dict[str, Any]] = []
    s = uow.sessie
    if actor.rol == "beoordelaar":
        for b in s.scalars(select(Beoordeling).where(Beoordeling.client_id == client_id)):
            items.append(
                {
                    "soort": "beoordeling",
                    "id": b.id,
                    "datum": iso(b.vastgelegd_op),
                    "omschrijving": f"Beoordeling versie {b.volgnummer} ({b.status})",
                }
            )
    for ib in s.scalars(select(Indicatiebesluit).where(Indicatiebesluit.client_id == client_id)):
        items.append(
            {
                "soort": "indicatiebesluit",
                "id": ib.id,
                "datum": iso(ib.vastgelegd_op),
                "omschrijving": f"Indicatiebesluit {ib.besluit}"
                + (f", {ib.zzp_code}" if ib.zzp_code else "")
                + f" ({ib.status})",
                "zzp_code": ib.zzp_code,
            }
        )
    for o in _overeenkomsten_query(uow, client_id):
        items.append(
            {
                "soort": "overeenkomst",
                "id": o.id,
                "datum": iso(o.vastgelegd_op),
                "omschrijving": f"Zorgleveringsovereenkomst ({o.leveringsvorm}) vanaf {_nl(o.ingangsdatum)}",
            }
        )
    if actor.rol == "zorgaanbieder":
        for z in s.scalars(
            select(Zorgplan)
            .join(Zorgleveringsovereenkomst, Zorgplan.overeenkomst_id == Zorgleveringsovereenkomst.id)
            .where(Zorgplan.client_id == client_id, Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id)
        ):
            items.append(
                {
                    "soort": "zorgplan",
                    "id": z.id,
                    "datum": iso(z.vastgelegd_op),
                    "omschrijving": f"Zorgplan vastgesteld {_nl(z.vastgesteld_op)}",
                }
            )
        for r in s.scalars(
            select(Rapportage).where(
                Rapportage.client_id == client_id, Rapportage.organisatie_id == actor.organisatie_id
            )
        ):
            items.append(
                {"soort": "rapportage", "id": r.id, "datum": iso(r.vastgelegd_op), "omschrijving": r.tekst[:80]}
            )
    return sorted(items, key=lambda i: i["datum"] or "", reverse=True)


# --- beoordelingen en besluiten -------------------------------------------------------------------------------


def _beoordeling(uow: Werkeenheid, beoordeling_id: int) -> Beoordeling:
    actor = uow.ingelogd()
    b = uow.sessie.get(Beoordeling, beoordeling_id)
    if b is None:
        raise NietGevonden("beoordeling niet gevonden")
    zichtbare_client(uow.sessie, actor, b.client_id)
    return b


def _met_client(invoer: dict[str, Any], c: Client) -> dict[str, Any]:
    """The client's birth date comes from the record, so an assessment cannot contradict it."""
    client = dict(invoer.get("client") or {})
    client["geboortedatum"] = c.geboortedatum.isoformat()
    return {**invoer, "client": client}


def beoordeling_aanmaken(uow: Werkeenheid, client_id: int, data: Any) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.aanmaken", "beoordeling", None, client_id)
    eis(actor, "beoordeling.schrijven")
    c = zichtbare_client(uow.sessie, actor, client_id)
    concept = valideer(BeoordelingConcept, data)
    b = Beoordeling(
        client_id=c.id,
        status="concept",
        invoer=_met_client(concept.invoer, c),
        beoordelaar_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        aanvraagdatum=concept.aanvraagdatum,
        spoed=concept.spoed,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(b)
    uow.sessie.flush()
    poging.object_id = b.id
    return beoordeling_dict(b)


def beoordelingen_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("beoordeling.lijst", "beoordeling", None, client_id)
    eis(actor, "beoordeling.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    rijen = uow.sessie.scalars(
        select(Beoordeling).where(Beoordeling.client_id == client_id).order_by(Beoordeling.id.desc())
    )
    return [beoordeling_dict(b) for b in rijen]


def beoordeling_lezen(uow: Werkeenheid, beoordeling_id: int) -> dict[str, Any]:
    poging = uow.log("beoordeling.lezen", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.lezen")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    return beoordeling_dict(b)


def beoordeling_wijzigen(uow: Werkeenheid, beoordeling_id: int, data: Any) -> dict[str, Any]:
    poging = uow.log("beoordeling.wijzigen", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.schrijven")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    wijziging = valideer(BeoordelingWijziging, data)
    controleer_versie(wijziging.versie, b.versie)
    if b.status != "concept":
        raise Conflict("een definitieve beoordeling is onveranderlijk; maak een correctie (nieuwe versie)")
    c = uow.sessie.get(Client, b.client_id)
    assert c is not None
    b.invoer = _met_client(wijziging.invoer, c)
    b.aanvraagdatum, b.spoed = wijziging.aanvraagdatum, wijziging.spoed
    uow.sessie.flush()
    return beoordeling_dict(b)


def _beoordeling_in_status(
    uow: Werkeenheid, poging: Poging, recht: str, beoordeling_id: int, versie: int, status: str, melding: str
) -> Beoordeling:
    """The assessment an action works on: the right checked, the version read, in the status the action needs."""
    eis(uow.ingelogd(), recht)
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    controleer_versie(versie, b.versie)
    if b.status != status:
        raise Conflict(melding)
    return b


def beoordeling_verwijderen(uow: Werkeenheid, beoordeling_id: int, versie: int) -> dict[str, Any]:
    """Delete a draft assessment (a final one is kept: it may carry a decision). The audit line stays."""
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.verwijderen", "beoordeling", beoordeling_id)
    melding = "alleen een concept kan worden verwijderd; een definitieve beoordeling blijft bewaard"
    b = _beoordeling_in_status(uow, poging, "beoordeling.schrijven", beoordeling_id, versie, "concept", melding)
    if b.organisatie_id != actor.organisatie_id:
        raise Verboden("alleen de eigen organisatie verwijdert een concept")
    uit = beoordeling_dict(b)
    uow.sessie.delete(b)
    uow.sessie.flush()
    return uit


def _volledige_invoer(b: Beoordeling) -> dict[str, Any]:
    invoer = dict(b.invoer)
    if b.aanvraagdatum and "aanvraagdatum" not in invoer:
        invoer["aanvraagdatum"] = b.aanvraagdatum.isoformat()
    if b.spoed:
        invoer["spoed"] = True
    return invoer


def beoordeling_definitief(uow: Werkeenheid, beoordeling_id: int, versie: int) -> dict[str, Any]:
    poging = uow.log("beoordeling.definitief", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.schrijven")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    controleer_versie(versie, b.versie)
    if b.status != "concept":
        raise Conflict("deze beoordeling is al definitief")
    try:
        valideer(BeoordelingModel, _volledige_invoer(b))
        bereken_indicatie(_volledige_invoer(b))  # also checks codes, handelingen and ruleset
    except InvoerFout as fout:
        raise InvoerFout([Fout(f"invoer.{f.veld}", f.melding) for f in fout.fouten]) from None
    b.status, b.definitief_op = "definitief", uow.nu()
    uow.sessie.flush()
    return beoordeling_dict(b)


def beoordeling_correctie(uow: Werkeenheid, beoordeling_id: int) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("beoordeling.correctie", "beoordeling", beoordeling_id)
    eis(actor, "beoordeling.schrijven")
    oud = _beoordeling(uow, beoordeling_id)
    poging.client_id = oud.client_id
    if oud.status != "definitief":
        raise Conflict("alleen een definitieve beoordeling krijgt een correctie; een concept kunt u zelf wijzigen")
    nieuw = Beoordeling(
        client_id=oud.client_id,
        status="concept",
        volgnummer=oud.volgnummer + 1,
        vorige_id=oud.id,
        invoer=dict(oud.invoer),
        beoordelaar_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        aanvraagdatum=oud.aanvraagdatum,
        spoed=oud.spoed,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(nieuw)
    uow.sessie.flush()
    return beoordeling_dict(nieuw)


def beoordeling_voorbeeld(uow: Werkeenheid, beoordeling_id: int) -> dict[str, Any]:
    """Compute the decision from the current (draft) assessment without storing it."""
    poging = uow.log("beoordeling.voorbeeld", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.lezen")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    try:
        invoer = _volledige_invoer(b)
        if b.status != "concept":  # final: the decision as it would be recorded today
            invoer, _ = _besluit_invoer(uow, b, None, None)
        return bereken_indicatie(invoer, huidige_aanvulling(uow.sessie)).als_dict()
    except InvoerFout as fout:
        raise InvoerFout([Fout(f"invoer.{f.veld}", f.melding) for f in fout.fouten]) from None


def besluitdatum_kiezen(
    vandaag: date, peildatum: date, gekozen: date | None, reden: str | None
) -> tuple[date, str | None]:
    """The date of the decision: the day it is recorded, or an earlier day the assessor gives with a reason; never
    in the future and never before the assessment (peildatum). Awb art. 3:40 (a decision takes effect when it is
    made known) and 6:8 (the objection period starts the day after it is sent)."""
    reden = (reden or "").strip() or None
    if peildatum > vandaag:
        raise InvoerFout.een(
            "peildatum", f"ligt in de toekomst ({_nl(peildatum)}); een besluit gaat over een onderzoek dat al is gedaan"
        )
    if gekozen is None or gekozen == vandaag:
        return vandaag, None
    if gekozen > vandaag:
        raise InvoerFout.een("besluitdatum", "mag niet na vandaag liggen")
    if gekozen < peildatum:
        raise InvoerFout.een("besluitdatum", f"mag niet vóór de peildatum ({peildatum.strftime('%d-%m-%Y')}) liggen")
    if reden is None:
        raise InvoerFout.een("besluitdatum_reden", "geef de reden voor een besluitdatum vóór vandaag")
    return gekozen, reden


def _besluit_invoer(
    uow: Werkeenheid, b: Beoordeling, gekozen: date | None, reden: str | None
) -> tuple[dict[str, Any], str | None]:
    """The assessment as the rules read it for the decision, dated on the day of recording (or the chosen day)."""
    invoer = _volledige_invoer(b)
    try:
        peildatum = date.fromisoformat(str(invoer.get("peildatum")))
    except ValueError:
        peildatum = date.min
    dag, reden = besluitdatum_kiezen(vandaag_nl(uow.nu()), peildatum, gekozen, reden)
    return {**invoer, "besluitdatum": dag.isoformat()}, reden


def besluit_vastleggen(uow: Werkeenheid, beoordeling_id: int, versie: int, keuze: Any = None) -> dict[str, Any]:
    """Issue the indicatiebesluit of a definitive assessment; a previous valid decision is superseded (herindicatie).

    The decision is dated on the day it is recorded, unless `keuze` gives an earlier `besluitdatum` with a
    `besluitdatum_reden` (stored with the decision and shown in its trail)."""
    actor = uow.ingelogd()
    poging = uow.log(
        "besluit.vastleggen",
        "indicatiebesluit",
        details=f"beoordeling {beoordeling_id}",
        bron=("beoordeling", beoordeling_id),
    )
    melding = "maak de beoordeling eerst definitief"
    b = _beoordeling_in_status(uow, poging, "besluit.vastleggen", beoordeling_id, versie, "definitief", melding)
    if uow.sessie.scalar(select(func.count()).where(Indicatiebesluit.beoordeling_id == b.id)):
        raise Conflict("voor deze beoordeling is al een besluit vastgelegd")
    k = valideer(BesluitVastleggen, {**(keuze or {}), "versie": versie})
    invoer, reden = _besluit_invoer(uow, b, k.besluitdatum, k.besluitdatum_reden)
    besluit = bereken_indicatie(invoer, huidige_aanvulling(uow.sessie))
    ib = besluit_record(b.client_id, b.id, besluit, actor.gebruiker_id, uow.nu())
    if reden:
        ib.resultaat = {**ib.resultaat, "besluitdatum_reden": reden}
    if k.zorgaanbieder_id is not None:
        aanbieder = uow.sessie.get(Organisatie, k.zorgaanbieder_id)
        if aanbieder is None or aanbieder.soort != "zorgaanbieder":
            raise InvoerFout.een("zorgaanbieder_id", "is geen zorgaanbieder")
        ib.zorgaanbieder_id = aanbieder.id
    uow.sessie.add(ib)
    uow.sessie.flush()
    vervang_eerdere(uow, ib)
    poging.object_id = ib.id
    return besluit_dict(ib)


def vervang_eerdere(uow: Werkeenheid, ib: Indicatiebesluit) -> None:
    """The new decision supersedes the client's earlier valid ones; a Wlz decision is announced to the register's
    subscribers through the outbox, in this same transaction (delivery happens later, outside this request)."""
    from zorgzwaarte.diensten.register import EVENT_NIEUW, notificaties_plaatsen

    for oud in uow.sessie.scalars(
        select(Indicatiebesluit).where(
            Indicatiebesluit.client_id == ib.client_id,
            Indicatiebesluit.status == "geldig",
            Indicatiebesluit.id != ib.id,
        )
    ):
        oud.status, oud.vervangen_door_id, oud.vervangen_op = "vervangen", ib.id, uow.nu()
    if not ib.extern:
        notificaties_plaatsen(uow, ib, EVENT_NIEUW)


def besluit_record(
    client_id: int, beoordeling_id: int, besluit: RegelBesluit, door_id: int, op: datetime
) -> Indicatiebesluit:
    """The stored form of a computed indicatiebesluit: key fields as columns, the whole result with its trail."""
    uit = besluit.als_dict()
    zzp = uit.get("zzp") or {}
    return Indicatiebesluit(
        client_id=client_id,
        beoordeling_id=beoordeling_id,
        besluit=besluit.besluit,
        stelsel=besluit.stelsel,
        verblijf=besluit.verblijf,
        zzp_code=zzp.get("code"),
        zorgprofiel=zzp.get("zorgprofiel_wlz"),
        besluitdatum=besluit.besluitdatum,
        geldig_van=besluit.geldig_van,
        geldig_tot=besluit.geldig_tot,
        resultaat=uit,
        ruleset_naam=besluit.ruleset.naam,
        ruleset_versie=besluit.ruleset.versie,
        ruleset_hash=besluit.ruleset.hash,
        motivering_afwijkend=zzp.get("motivering"),
        vastgelegd_door_id=door_id,
        vastgelegd_op=op,
        wlzindicatie_id=nieuwe_uuid() if besluit.stelsel == "Wlz" else None,
    )


def besluiten_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("besluit.lijst", "indicatiebesluit", None, client_id)
    eis(actor, "besluit.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    rijen = uow.sessie.scalars(
        select(Indicatiebesluit).where(Indicatiebesluit.client_id == client_id).order_by(Indicatiebesluit.id.desc())
    )
    return [besluit_dict(b) for b in rijen]


def besluit_lezen(uow: Werkeenheid, besluit_id: int) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("besluit.lezen", "indicatiebesluit", besluit_id)
    eis(actor, "besluit.lezen")
    b = uow.sessie.get(Indicatiebesluit, besluit_id)
    if b is None:
        raise NietGevonden("indicatiebesluit niet gevonden")
    zichtbare_client(uow.sessie, actor, b.client_id)
    poging.client_id = b.client_id
    return besluit_dict(b)


def geldend_besluit(uow: Werkeenheid, client_id: int) -> Indicatiebesluit | None:
    return uow.sessie.scalars(
        select(Indicatiebesluit)
        .where(Indicatiebesluit.client_id == client_id, Indicatiebesluit.status == "geldig")
        .order_by(Indicatiebesluit.id.desc())
    ).first()


# --- zorgleveringsovereenkomst ----------------------------------------------------------------------------------


def _overeenkomsten_query(uow: Werkeenheid, client_id: int) -> list[Zorgleveringsovereenkomst]:
    actor = uow.ingelogd()
    q = select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.client_id == client_id)
    if actor.rol == "zorgaanbieder":
        q = q.where(Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id)
    return list(uow.sessie.scalars(q.order_by(Zorgleveringsovereenkomst.id.desc())))


def _overeenkomst(uow: Werkeenheid, overeenkomst_id: int) -> Zorgleveringsovereenkomst:
    actor = uow.ingelogd()
    o = uow.sessie.get(Zorgleveringsovereenkomst, overeenkomst_id)
    if o is None or (actor.rol == "zorgaanbieder" and o.zorgaanbieder_id != actor.organisatie_id):
        raise NietGevonden("zorgleveringsovereenkomst niet gevonden")
    zichtbare_client(uow.sessie, actor, o.client_id)
    return o


def overeenkomst_aanmaken(uow: Werkeenheid, client_id: int, data: Any) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("overeenkomst.aanmaken", "zorgleveringsovereenkomst", None, client_id)
    eis(actor, "overeenkomst.schrijven")
    zichtbare_client(uow.sessie, actor, client_id)
    nieuw = valideer(OvereenkomstNieuw, data)
    if actor.rol == "zorgaanbieder":
        if nieuw.zorgaanbieder_id not in (None, actor.organisatie_id):
            raise Verboden("een zorgaanbieder legt alleen eigen overeenkomsten vast")
        aanbieder_id = actor.organisatie_id
    else:
        if nieuw.zorgaanbieder_id is None:
            raise InvoerFout.een("zorgaanbieder_id", "is verplicht voor een zorgkantoor")
        aanbieder_id = nieuw.zorgaanbieder_id
    aanbieder = uow.sessie.get(Organisatie, aanbieder_id)
    if aanbieder is None or aanbieder.soort != "zorgaanbieder":
        raise InvoerFout.een("zorgaanbieder_id", "is geen zorgaanbieder")
    if nieuw.indicatiebesluit_id is not None:
        ib = uow.sessie.get(Indicatiebesluit, nieuw.indicatiebesluit_id)
        if ib is None or ib.client_id != client_id:
            raise InvoerFout.een("indicatiebesluit_id", "hoort niet bij deze cliënt")
    else:
        ib = geldend_besluit(uow, client_id)
        if ib is None:
            raise InvoerFout.een("indicatiebesluit_id", "de cliënt heeft geen geldend indicatiebesluit")
    if ib.besluit != "toegekend":
        raise InvoerFout.een("indicatiebesluit_id", "het besluit is afgewezen; er is geen zorg om te leveren")
    controleer_overeenkomst_op_indicatie(nieuw.leveringsvorm, nieuw.ingangsdatum, nieuw.einddatum, ib)
    functies = [
        {"functie": f["functie"], "klasse": f["klasse"], "klasse_code": f["klasse_code"]}
        for f in ib.resultaat.get("functies", [])
    ]
    o = Zorgleveringsovereenkomst(
        client_id=client_id,
        zorgaanbieder_id=aanbieder_id,
        indicatiebesluit_id=ib.id,
        zzp_code=ib.zzp_code,
        functies=functies,
        leveringsvorm=nieuw.leveringsvorm,
        ingangsdatum=nieuw.ingangsdatum,
        einddatum=nieuw.einddatum,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(o)
    uow.sessie.flush()
    poging.object_id = o.id
    uit = overeenkomst_dict(o)
    uit["waarschuwingen"] = gelijktijdige_overeenkomsten(uow, o)
    return uit


def _nl(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def controleer_overeenkomst_op_indicatie(
    leveringsvorm: str, ingangsdatum: date, einddatum: date | None, ib: Indicatiebesluit
) -> None:
    """An overeenkomst delivers what the indication allows, while it holds (Wlz art. 3.3.3: the care the
    indicatiebesluit gives a right to; a leveringsvorm at home with a full package needs a zorgzwaartepakket)."""
    fouten = []
    if ingangsdatum < ib.geldig_van:
        fouten.append(Fout("ingangsdatum", f"ligt vóór het begin van het indicatiebesluit ({_nl(ib.geldig_van)})"))
    if ib.geldig_tot and ingangsdatum > ib.geldig_tot:
        fouten.append(Fout("ingangsdatum", f"ligt na het einde van het indicatiebesluit ({_nl(ib.geldig_tot)})"))
    if einddatum and einddatum < ingangsdatum:
        fouten.append(Fout("einddatum", "ligt vóór de ingangsdatum"))
    if leveringsvorm == "verblijf" and not ib.verblijf:
        fouten.append(Fout("leveringsvorm", "verblijf vraagt een indicatie met verblijf"))
    if leveringsvorm == "vpt" and not ib.zzp_code:
        fouten.append(
            Fout(
                "leveringsvorm",
                "een volledig pakket thuis vraagt een indicatie met een zorgzwaartepakket; "
                "deze indicatie geeft functies en klassen",
            )
        )
    if fouten:
        raise InvoerFout(fouten)


def gelijktijdige_overeenkomsten(uow: Werkeenheid, o: Zorgleveringsovereenkomst) -> list[str]:
    """A warning (not a refusal) when the client has another agreement over the same period."""
    uit = []
    alle = select(Zorgleveringsovereenkomst).where(
        Zorgleveringsovereenkomst.client_id == o.client_id, Zorgleveringsovereenkomst.id != o.id
    )
    for ander in uow.sessie.scalars(alle):
        overlapt = (ander.einddatum is None or ander.einddatum >= o.ingangsdatum) and (
            o.einddatum is None or o.einddatum >= ander.ingangsdatum
        )
        if overlapt:
            org = uow.sessie.get(Organisatie, ander.zorgaanbieder_id)
            naam = org.naam if org and ander.zorgaanbieder_id == o.zorgaanbieder_id else "een andere zorgaanbieder"
            uit.append(
                f"Let op: de cliënt heeft in dezelfde periode ook een overeenkomst met {naam} "
                f"(vanaf {_nl(ander.ingangsdatum)}). Controleer of de zorg niet dubbel wordt geleverd."
            )
    return uit


def controleer_evaluatiedata(vastgesteld_op: date, evaluatiedata: list[date]) -> None:
    """An evaluation of a zorgplan lies on or after the day the plan was made."""
    fouten = [
        Fout(f"evaluatiedata.{i}", f"ligt vóór de datum van het zorgplan ({_nl(vastgesteld_op)})")
        for i, d in enumerate(evaluatiedata)
        if d < vastgesteld_op
    ]
    if fouten:
        raise InvoerFout(fouten)


def overeenkomsten_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("overeenkomst.lijst", "zorgleveringsovereenkomst", None, client_id)
    eis(actor, "overeenkomst.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    return [overeenkomst_dict(o) for o in _overeenkomsten_query(uow, client_id)]


def overeenkomst_lezen(uow: Werkeenheid, overeenkomst_id: int) -> dict[str, Any]:
    poging = uow.log("overeenkomst.lezen", "zorgleveringsovereenkomst", overeenkomst_id)
    eis(uow.ingelogd(), "overeenkomst.lezen")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    return overeenkomst_dict(o)


def overeenkomst_wijzigen(uow: Werkeenheid, overeenkomst_id: int, data: Any) -> dict[str, Any]:
    poging = uow.log("overeenkomst.wijzigen", "zorgleveringsovereenkomst", overeenkomst_id)
    eis(uow.ingelogd(), "overeenkomst.schrijven")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    wijziging = valideer(OvereenkomstWijziging, data)
    controleer_versie(wijziging.versie, o.versie)
    if wijziging.einddatum and wijziging.einddatum < o.ingangsdatum:
        raise InvoerFout.een("einddatum", "ligt vóór de ingangsdatum")
    o.einddatum = wijziging.einddatum
    uow.sessie.flush()
    return overeenkomst_dict(o)


# --- zorgplan ---------------------------------------------------------------------------------------------------


def _signalen(
    uow: Werkeenheid, overeenkomst: Zorgleveringsovereenkomst, regels: list[dict[str, Any]]
) -> list[dict[str, str]]:
    ib = (
        uow.sessie.get(Indicatiebesluit, overeenkomst.indicatiebesluit_id) if overeenkomst.indicatiebesluit_id else None
    )
    return vergelijk_met_indicatie(ib.resultaat, regels) if ib else []


def zorgplan_aanmaken(uow: Werkeenheid, overeenkomst_id: int, data: Any) -> dict[str, Any]:
    poging = uow.log(
        "zorgplan.aanmaken",
        "zorgplan",
        details=f"overeenkomst {overeenkomst_id}",
        bron=("zorgleveringsovereenkomst", overeenkomst_id),
    )
    eis(uow.ingelogd(), "zorgplan.schrijven")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    plan = valideer(ZorgplanInvoer, data)
    controleer_evaluatiedata(plan.vastgesteld_op, plan.evaluatiedata)
    z = Zorgplan(
        client_id=o.client_id,
        overeenkomst_id=o.id,
        domeinen=plan.model_dump(mode="json")["domeinen"],
        gepland=[g.model_dump() for g in plan.gepland],
        evaluatiedata=[d.isoformat() for d in plan.evaluatiedata],
        vastgesteld_op=plan.vastgesteld_op,
        besproken_op=plan.besproken_op,
        afschrift_op=plan.afschrift_op,
        zorgverleners=plan.zorgverleners,
        persoonlijk_plan=plan.persoonlijk_plan,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(z)
    uow.sessie.flush()
    poging.object_id = z.id
    return zorgplan_dict(z, _signalen(uow, o, z.gepland))


def zorgplan_lezen(uow: Werkeenheid, zorgplan_id: int) -> dict[str, Any]:
    poging = uow.log("zorgplan.lezen", "zorgplan", zorgplan_id)
    eis(uow.ingelogd(), "zorgplan.lezen")
    z = uow.sessie.get(Zorgplan, zorgplan_id)
    if z is None:
        raise NietGevonden("zorgplan niet gevonden")
    o = _overeenkomst(uow, z.overeenkomst_id)
    poging.client_id = z.client_id
    return zorgplan_dict(z, _signalen(uow, o, z.gepland))


def zorgplannen_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("zorgplan.lijst", "zorgplan", None, client_id)
    eis(actor, "zorgplan.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    uit = []
    for o in _overeenkomsten_query(uow, client_id):
        for z in uow.sessie.scalars(
            select(Zorgplan).where(Zorgplan.overeenkomst_id == o.id).order_by(Zorgplan.id.desc())
        ):
            uit.append(zorgplan_dict(z, _signalen(uow, o, z.gepland)))
    return uit


def zorgplan_wijzigen(uow: Werkeenheid, zorgplan_id: int, data: Any) -> dict[str, Any]:
    poging = uow.log("zorgplan.wijzigen", "zorgplan", zorgplan_id)
    eis(uow.ingelogd(), "zorgplan.schrijven")
    z = uow.sessie.get(Zorgplan, zorgplan_id)
    if z is None:
        raise NietGevonden("zorgplan niet gevonden")
    o = _overeenkomst(uow, z.overeenkomst_id)
    poging.client_id = z.client_id
    plan = valideer(ZorgplanWijziging, data)
    controleer_evaluatiedata(plan.vastgesteld_op, plan.evaluatiedata)
    controleer_versie(plan.versie, z.versie)
    z.domeinen = plan.model_dump(mode="json")["domeinen"]
    z.gepland = [g.model_dump() for g in plan.gepland]
    z.evaluatiedata = [d.isoformat() for d in plan.evaluatiedata]
    z.vastgesteld_op = plan.vastgesteld_op
    z.besproken_op, z.afschrift_op = plan.besproken_op, plan.afschrift_op
    z.zorgverleners, z.persoonlijk_plan = plan.zorgverleners, plan.persoonlijk_plan
    uow.sessie.flush()
    return zorgplan_dict(z, _signalen(uow, o, z.gepland))


# --- rapportage en geleverde zorg -------------------------------------------------------------------------------


def rapportage_aanmaken(uow: Werkeenheid, client_id: int, data: Any) -> dict[str, Any]:
    actor = uow.ingelogd()
    poging = uow.log("rapportage.aanmaken", "rapportage", None, client_id)
    eis(actor, "rapportage.schrijven")
    zichtbare_client(uow.sessie, actor, client_id)
    if not _overeenkomsten_query(uow, client_id):
        raise Verboden("rapporteren kan alleen bij een cliënt met een overeenkomst met uw organisatie")
    nieuw = valideer(RapportageNieuw, data)
    r = Rapportage(
        client_id=client_id,
        auteur_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        datum=nieuw.datum,
        domein=nieuw.domein,
        tekst=nieuw.tekst,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(r)
    uow.sessie.flush()
    poging.object_id = r.id
    return rapportage_dict(r)


def rapportages_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("rapportage.lijst", "rapportage", None, client_id)
    eis(actor, "rapportage.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    rijen = uow.sessie.scalars(
        select(Rapportage)
        .where(Rapportage.client_id == client_id, Rapportage.organisatie_id == actor.organisatie_id)
        .order_by(Rapportage.datum.desc(), Rapportage.id.desc())
    )
    return [rapportage_dict(r) for r in rijen]


def geleverd_registreren(uow: Werkeenheid, client_id: int, data: Any) -> dict[str, Any]:
    poging = uow.log("geleverd.registreren", "geleverde_zorg", None, client_id)
    eis(uow.ingelogd(), "geleverd.schrijven")
    invoer = valideer(GeleverdeZorgInvoer, data)
    o = _overeenkomst(uow, invoer.overeenkomst_id)
    if o.client_id != client_id:
        raise InvoerFout.een("overeenkomst_id", "hoort niet bij deze cliënt")
    zondag = invoer.week + timedelta(days=6)
    if zondag < o.ingangsdatum:
        raise InvoerFout.een("week", f"ligt vóór de ingangsdatum van de overeenkomst ({_nl(o.ingangsdatum)})")
    if o.einddatum and invoer.week > o.einddatum:
        raise InvoerFout.een("week", f"ligt na de einddatum van de overeenkomst ({_nl(o.einddatum)})")
    bestaand = uow.sessie.scalars(
        select(GeleverdeZorg).where(GeleverdeZorg.overeenkomst_id == o.id, GeleverdeZorg.week == invoer.week)
    ).first()
    if bestaand is not None and invoer.vervangen:  # a correction of that week: audited as such
        poging.actie = "geleverd.corrigeren"
        bestaand.uren = [u.model_dump() for u in invoer.uren]
        bestaand.afwezigheid = [a.model_dump(mode="json") for a in invoer.afwezigheid]
        bestaand.vastgelegd_op = uow.nu()
        uow.sessie.flush()
        poging.object_id = bestaand.id
        return geleverd_dict(bestaand, _signalen(uow, o, bestaand.uren))
    if bestaand is not None:
        raise Conflict(
            f"voor de week van {_nl(invoer.week)} is al zorg geregistreerd; "
            "kies 'dit is een correctie' om de uren van die week te vervangen"
        )
    g = GeleverdeZorg(
        client_id=client_id,
        overeenkomst_id=o.id,
        week=invoer.week,
        uren=[u.model_dump() for u in invoer.uren],
        afwezigheid=[a.model_dump(mode="json") for a in invoer.afwezigheid],
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(g)
    uow.sessie.flush()
    poging.object_id = g.id
    return geleverd_dict(g, _signalen(uow, o, g.uren))


def geleverd_van_client(uow: Werkeenheid, client_id: int) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    uow.log("geleverd.lijst", "geleverde_zorg", None, client_id)
    eis(actor, "geleverd.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    uit = []
    for o in _overeenkomsten_query(uow, client_id):
        for g in uow.sessie.scalars(
            select(GeleverdeZorg).where(GeleverdeZorg.overeenkomst_id == o.id).order_by(GeleverdeZorg.week)
        ):
            uit.append(geleverd_dict(g, _signalen(uow, o, g.uren)))
    return uit


# --- beheer en audit --------------------------------------------------------------------------------------------


def gebruiker_aanmaken(uow: Werkeenheid, data: Any) -> dict[str, Any]:
    poging = uow.log("gebruiker.aanmaken", "gebruiker")
    eis(uow.ingelogd(), "beheer")
    nieuw = valideer(GebruikerNieuw, data)
    org = uow.sessie.get(Organisatie, nieuw.organisatie_id)
    if org is None:
        raise InvoerFout.een("organisatie_id", "bestaat niet")
    passend = {
        "beoordelaar": "indicatieorgaan",
        "zorgaanbieder": "zorgaanbieder",
        "zorgkantoor": "zorgkantoor",
        "beheerder": "beheer",
    }
    if org.soort != passend[nieuw.rol]:
        raise InvoerFout.een("rol", f"rol {nieuw.rol} hoort bij een organisatie van soort {passend[nieuw.rol]}")
    if uow.sessie.scalar(select(func.count()).where(Gebruiker.gebruikersnaam == nieuw.gebruikersnaam)):
        raise Conflict("deze gebruikersnaam bestaat al")
    g = Gebruiker(
        gebruikersnaam=nieuw.gebruikersnaam,
        naam=nieuw.naam,
        wachtwoord_hash=hash_wachtwoord(nieuw.wachtwoord),
        rol=nieuw.rol,
        organisatie_id=org.id,
    )
    uow.sessie.add(g)
    uow.sessie.flush()
    poging.object_id = g.id
    return {
        "id": g.id,
        "gebruikersnaam": g.gebruikersnaam,
        "naam": g.naam,
        "rol": g.rol,
        "organisatie_id": g.organisatie_id,
    }


def organisaties_lijst(uow: Werkeenheid) -> list[dict[str, Any]]:
    actor = uow.ingelogd()
    q = select(Organisatie).order_by(Organisatie.soort, Organisatie.naam)
    if actor.rol != "beheerder":
        q = q.where(or_(Organisatie.id == actor.organisatie_id, Organisatie.soort == "zorgaanbieder"))
    return [
        {
            "id": o.id,
            "naam": o.naam,
            "soort": o.soort,
            "agb_code": o.agb_code,
            "uzovi": o.uzovi,
            "regio": o.regio,
            "fictief": o.fictief,
        }
        for o in uow.sessie.scalars(q)
    ]


def _audit_query(
    client_id: int | None, gebruiker: str | None, actie: str | None, van: date | None, tot: date | None
) -> Any:
    q = select(Auditregel)
    if client_id is not None:
        q = q.where(Auditregel.client_id == client_id)
    if gebruiker:
        q = q.where(Auditregel.gebruikersnaam == gebruiker)
    if actie:
        q = q.where(Auditregel.actie.like(f"{actie}%"))
    if van:
        q = q.where(Auditregel.tijdstip >= datetime.combine(van, datetime.min.time()))
    if tot:
        q = q.where(Auditregel.tijdstip < datetime.combine(date.fromordinal(tot.toordinal() + 1), datetime.min.time()))
    return q


def audit_dict(a: Auditregel) -> dict[str, Any]:
    return {
        "id": a.id,
        "tijdstip": iso(a.tijdstip),
        "gebruiker_id": a.gebruiker_id,
        "gebruikersnaam": a.gebruikersnaam,
        "organisatie_id": a.organisatie_id,
        "rol": a.rol,
        "actie": a.actie,
        "objecttype": a.objecttype,
        "object_id": a.object_id,
        "client_id": a.client_id,
        "uitkomst": a.uitkomst,
        "details": a.details,
    }


def audit_lijst(
    uow: Werkeenheid,
    client_id: int | None,
    gebruiker: str | None,
    actie: str | None,
    van: date | None,
    tot: date | None,
    pagina: int,
    per_pagina: int,
) -> dict[str, Any]:
    uow.log("audit.lezen", "auditregel", None, None, f"filter client {client_id}" if client_id else None)
    eis(uow.ingelogd(), "audit.lezen")
    start, aantal = pagina_grenzen(pagina, per_pagina)
    q = _audit_query(client_id, gebruiker, actie, van, tot)
    totaal = uow.sessie.scalar(select(func.count()).select_from(q.subquery())) or 0
    rijen = uow.sessie.scalars(q.order_by(Auditregel.id.desc()).offset(start).limit(aantal))
    return {"items": [audit_dict(a) for a in rijen], "totaal": totaal, "pagina": pagina, "per_pagina": per_pagina}


def audit_export(uow: Werkeenheid, client_id: int | None, van: date | None, tot: date | None) -> str:
    uow.log("audit.exporteren", "auditregel")
    eis(uow.ingelogd(), "audit.lezen")
    buffer = io.StringIO()
    velden = [
        "id",
        "tijdstip",
        "gebruiker_id",
        "gebruikersnaam",
        "organisatie_id",
        "rol",
        "actie",
        "objecttype",
        "object_id",
        "client_id",
        "uitkomst",
        "details",
    ]
    schrijver = csv.DictWriter(buffer, fieldnames=velden, delimiter=";")
    schrijver.writeheader()
    for a in uow.sessie.scalars(_audit_query(client_id, None, None, van, tot).order_by(Auditregel.id)):
        schrijver.writerow(audit_dict(a))
    return buffer.getvalue()
