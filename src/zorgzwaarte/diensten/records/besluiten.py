"""Use cases on indicatiebesluiten: preview, record (with herindicatie), read; the stored form of a decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.leescache import leescache, regelsets_kenmerk
from zorgzwaarte.diensten.records.beoordelingen import _beoordeling, _beoordeling_in_status, _volledige_invoer
from zorgzwaarte.diensten.records.gemeenschappelijk import _nl, lijst_van_client, uit_record
from zorgzwaarte.diensten.toegang import eis, zichtbare_client
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.domein.records import (
    BesluitVastleggen,
    iso,
)
from zorgzwaarte.domein.uitvoer import BesluitUit, RegelsetBewijs
from zorgzwaarte.domein.uitvoer_regels import IndicatieUitkomst
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Indicatiebesluit,
    Organisatie,
    nieuwe_uuid,
)
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit as RegelBesluit


def besluit_uit(b: Indicatiebesluit) -> BesluitUit:
    ruleset = RegelsetBewijs(naam=b.ruleset_naam, versie=b.ruleset_versie, hash=b.ruleset_hash)
    return uit_record(BesluitUit, b, ruleset=ruleset, **wlzindicatie_velden(b))


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


@leescache("beoordeling_voorbeeld", extra=regelsets_kenmerk)
def beoordeling_voorbeeld(uow: Werkeenheid, beoordeling_id: int) -> IndicatieUitkomst:
    """Compute the decision from the current (draft) assessment without storing it."""
    poging = uow.log("beoordeling.voorbeeld", "beoordeling", beoordeling_id)
    eis(uow.ingelogd(), "beoordeling.lezen")
    b = _beoordeling(uow, beoordeling_id)
    poging.client_id = b.client_id
    try:
        invoer = _volledige_invoer(b)
        if b.status != "concept":  # final: the decision as it would be recorded today
            invoer, _ = _besluit_invoer(uow, b, None, None)
        return IndicatieUitkomst.model_validate(bereken_indicatie(invoer, huidige_aanvulling(uow.sessie)).als_dict())
    except InvoerFout as fout:
        raise InvoerFout([Fout(f"invoer.{f.veld}", f.melding) for f in fout.fouten]) from None


def peildatum_niet_na_vandaag(peildatum: date, vandaag: date, veld: str = "peildatum") -> None:
    """A decision (recorded through the API, the web or iWlz) is never about a peildatum after today (the Dutch
    calendar day): a 422 naming the field. A computation or preview may run, with a warning."""
    if peildatum > vandaag:
        raise InvoerFout.een(
            veld, f"ligt in de toekomst ({_nl(peildatum)}); een besluit gaat over een onderzoek dat al is gedaan"
        )


def besluitdatum_kiezen(
    vandaag: date, peildatum: date, gekozen: date | None, reden: str | None
) -> tuple[date, str | None]:
    """The date of the decision: the day it is recorded, or an earlier day the assessor gives with a reason; never
    in the future and never before the assessment (peildatum). Awb art. 3:40 (a decision takes effect when it is
    made known) and 6:8 (the objection period starts the day after it is sent)."""
    reden = (reden or "").strip() or None
    peildatum_niet_na_vandaag(peildatum, vandaag)
    if gekozen is None or gekozen == vandaag:
        return vandaag, None
    if gekozen > vandaag:
        raise InvoerFout.een("besluitdatum", "mag niet na vandaag liggen")
    if gekozen < peildatum:
        raise InvoerFout.een("besluitdatum", f"mag niet vóór de peildatum ({_nl(peildatum)}) liggen")
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


def besluit_vastleggen(
    uow: Werkeenheid, beoordeling_id: int, versie: int, keuze: Ontvangen[BesluitVastleggen] | None = None
) -> BesluitUit:
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
    k = BesluitVastleggen(versie=versie) if keuze is None else aanvaard(BesluitVastleggen, keuze)
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
    return besluit_uit(ib)


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


@leescache("besluiten_van_client")
def besluiten_van_client(uow: Werkeenheid, client_id: int) -> list[BesluitUit]:
    lijst_van_client(uow, client_id, "besluit.lijst", "indicatiebesluit", "besluit.lezen")
    rijen = uow.sessie.scalars(
        select(Indicatiebesluit).where(Indicatiebesluit.client_id == client_id).order_by(Indicatiebesluit.id.desc())
    )
    return [besluit_uit(b) for b in rijen]


def besluit_lezen(uow: Werkeenheid, besluit_id: int) -> BesluitUit:
    actor = uow.ingelogd()
    poging = uow.log("besluit.lezen", "indicatiebesluit", besluit_id)
    eis(actor, "besluit.lezen")
    b = uow.sessie.get(Indicatiebesluit, besluit_id)
    if b is None:
        raise NietGevonden("indicatiebesluit niet gevonden")
    zichtbare_client(uow.sessie, actor, b.client_id)
    poging.client_id = b.client_id
    return besluit_uit(b)


def geldend_besluit(uow: Werkeenheid, client_id: int) -> Indicatiebesluit | None:
    return uow.sessie.scalars(
        select(Indicatiebesluit)
        .where(Indicatiebesluit.client_id == client_id, Indicatiebesluit.status == "geldig")
        .order_by(Indicatiebesluit.id.desc())
    ).first()
