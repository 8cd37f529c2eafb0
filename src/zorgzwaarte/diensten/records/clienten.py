"""Use cases on clients: list and search, create, read, change, the timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.leescache import leescache
from zorgzwaarte.diensten.records.gemeenschappelijk import (
    _nl,
    beoordeling_omschrijving,
    controleer_versie,
    pagina_grenzen,
    uit_record,
)
from zorgzwaarte.diensten.toegang import eis, zichtbare_client, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.domein.records import (
    BsnZoekvraag,
    ClientNieuw,
    ClientWijziging,
    iso,
)
from zorgzwaarte.domein.uitvoer import ClientUit, Pagina, TijdlijnItem
from zorgzwaarte.fouten import Conflict, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Indicatiebesluit,
    Rapportage,
    Zorgleveringsovereenkomst,
    Zorgplan,
)


def client_uit(c: Client) -> ClientUit:
    return uit_record(ClientUit, c, naam=weergavenaam(c))


def weergavenaam(c: Client | Any) -> str:
    """The name as written (voorletters, voorvoegsel, geslachtsnaam) of a client record or row."""
    delen = [c.voorletters or "", c.voorvoegsel or "", c.geslachtsnaam]
    return " ".join(x for x in delen if x) + (" (fictief)" if c.fictief else "")


# the columns of a client as the answer shows it (ClientUit), read as plain rows: a list only reads
_CLIENT_KOLOMMEN = tuple(getattr(Client, naam) for naam in ClientUit.model_fields if hasattr(Client, naam))


def _client_uit_rij(rij: Any) -> ClientUit:
    velden = rij._asdict()
    velden.pop("totaal", None)
    velden["geboortedatum"] = iso(velden["geboortedatum"])
    velden["vastgelegd_op"] = iso(velden["vastgelegd_op"])
    return ClientUit(**velden, naam=weergavenaam(rij))


@leescache("clienten_lijst")
def clienten_lijst(uow: Werkeenheid, zoek: str | None, pagina: int, per_pagina: int) -> Pagina[ClientUit]:
    """One page of the clients the actor may see, with the number on all pages in the same statement (a window
    count); only a page past the end asks for the number apart."""
    actor = uow.ingelogd()
    poging = uow.log("client.lijst", "client", details=f"zoek {zoek!r}" if zoek else None)
    eis(actor, "client.lezen")
    start, aantal = pagina_grenzen(pagina, per_pagina)
    q = zichtbare_clienten(actor, select(*_CLIENT_KOLOMMEN, func.count().over().label("totaal")))
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
    rijen = uow.sessie.execute(q.order_by(Client.geslachtsnaam, Client.id).offset(start).limit(aantal)).all()
    totaal = rijen[0].totaal if rijen else uow.sessie.scalar(select(func.count()).select_from(q.subquery()))
    uow.pogingen.remove(poging)  # replaced by one line per client shown
    for c in rijen:
        uow.log("client.lijst", "client", c.id, c.id)
    if not rijen:
        uow.log("client.lijst", details="geen resultaten")
    return Pagina[ClientUit](
        items=[_client_uit_rij(c) for c in rijen], totaal=totaal or 0, pagina=pagina, per_pagina=per_pagina
    )


def geboortedatum_niet_na_vandaag(geboortedatum: date, vandaag: date) -> None:
    """A birth date is never after today: the Dutch calendar day on the unit's clock (which tests set), not the
    machine's `date.today()`."""
    if geboortedatum > vandaag:
        raise InvoerFout.een("geboortedatum", f"ligt in de toekomst: vandaag is het {_nl(vandaag)}")


def client_aanmaken(uow: Werkeenheid, invoer: Ontvangen[ClientNieuw]) -> ClientUit:
    actor = uow.ingelogd()
    poging = uow.log("client.aanmaken", "client")
    eis(actor, "client.aanmaken")
    nieuw = aanvaard(ClientNieuw, invoer)
    geboortedatum_niet_na_vandaag(nieuw.geboortedatum, vandaag_nl(uow.nu()))
    if client_met_bsn(uow, nieuw.bsn) is not None:
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
    return client_uit(c)


def client_met_bsn(uow: Werkeenheid, bsn: str) -> Client | None:
    """The client with this BSN that the actor may see (oldest first), or None. Records with this BSN outside the
    actor's view are never revealed: the caller registers its own record (the BSN is unique per registering
    organisation), so the answer is the same as for an unknown BSN. The attempt is audited with each such client
    (`client.bsn_elders_bekend`). Only a record the actor's own organisation registered and no longer sees (a
    zorgkantoor after the beoordelaar moved the client to another regio) is named: 409 (docs/api.md)."""
    actor = uow.ingelogd()
    zichtbaar = uow.sessie.scalars(
        zichtbare_clienten(actor, select(Client).where(Client.bsn == bsn)).order_by(Client.id)
    ).first()
    if zichtbaar is not None:
        return zichtbaar
    verborgen = list(uow.sessie.scalars(select(Client).where(Client.bsn == bsn).order_by(Client.id)))
    for c in verborgen:
        uow.log(
            "client.bsn_elders_bekend",
            "client",
            c.id,
            c.id,
            "BSN van een cliënt buiten het bereik van deze organisatie; eigen registratie gemaakt, bestaan niet getoond",
        )
    if actor.organisatie_id is not None and any(
        c.aangemaakt_door_organisatie_id == actor.organisatie_id for c in verborgen
    ):
        raise Conflict(
            "uw organisatie heeft deze cliënt al eerder geregistreerd, maar de cliënt hoort nu bij een andere regio; "
            "neem contact op met het indicatieorgaan"
        )
    return None


@leescache("client_lezen")
def client_lezen(uow: Werkeenheid, client_id: int) -> ClientUit:
    actor = uow.ingelogd()
    uow.log("client.lezen", "client", client_id, client_id)
    eis(actor, "client.lezen")
    return client_uit(zichtbare_client(uow.sessie, actor, client_id))


def client_zoeken_bsn(uow: Werkeenheid, invoer: Ontvangen[BsnZoekvraag]) -> ClientUit:
    actor = uow.ingelogd()
    poging = uow.log("client.zoeken_bsn", "client")
    eis(actor, "client.lezen")
    vraag = aanvaard(BsnZoekvraag, invoer)
    c = uow.sessie.scalars(
        zichtbare_clienten(actor, select(Client).where(Client.bsn == vraag.bsn)).order_by(Client.id)
    ).first()
    if c is None:
        raise NietGevonden("geen cliënt met dit BSN gevonden")
    poging.object_id = poging.client_id = c.id
    return client_uit(c)


def client_wijzigen(uow: Werkeenheid, client_id: int, invoer: Ontvangen[ClientWijziging]) -> ClientUit:
    actor = uow.ingelogd()
    uow.log("client.wijzigen", "client", client_id, client_id)
    eis(actor, "client.wijzigen")
    c = zichtbare_client(uow.sessie, actor, client_id)
    wijziging = aanvaard(ClientWijziging, invoer)
    controleer_versie(wijziging.versie, c.versie)
    velden = wijziging.model_dump(exclude={"versie"}, exclude_unset=True)
    if "regio" in velden and velden["regio"] != c.regio:
        eis(actor, "client.regio_wijzigen")
    for veld, waarde in velden.items():
        setattr(c, veld, waarde)
    uow.sessie.flush()
    return client_uit(c)


@leescache("client_tijdlijn")
def client_tijdlijn(uow: Werkeenheid, client_id: int) -> list[TijdlijnItem]:
    """Everything about the client this role may see, newest first (plain rows of the columns it shows)."""
    actor = uow.ingelogd()
    uow.log("client.tijdlijn", "client", client_id, client_id)
    eis(actor, "client.lezen")
    zichtbare_client(uow.sessie, actor, client_id)
    items: list[TijdlijnItem] = []
    s = uow.sessie
    if actor.rol == "beoordelaar":
        B = Beoordeling
        peildatum = B.invoer["peildatum"].as_string()  # only the peildatum, not the whole assessment
        for b in s.execute(
            select(B.id, B.vastgelegd_op, peildatum.label("peildatum"), B.volgnummer, B.status).where(
                B.client_id == client_id
            )
        ):
            omschrijving = beoordeling_omschrijving({"peildatum": b.peildatum}, b.volgnummer, b.status)
            items.append(
                TijdlijnItem(soort="beoordeling", id=b.id, datum=iso(b.vastgelegd_op), omschrijving=omschrijving)
            )
    IB = Indicatiebesluit
    for ib in s.execute(
        select(IB.id, IB.vastgelegd_op, IB.besluit, IB.zzp_code, IB.status).where(IB.client_id == client_id)
    ):
        items.append(
            TijdlijnItem(
                soort="indicatiebesluit",
                id=ib.id,
                datum=iso(ib.vastgelegd_op),
                omschrijving=f"Indicatiebesluit {ib.besluit}"
                + (f", {ib.zzp_code}" if ib.zzp_code else "")
                + f" ({ib.status})",
                zzp_code=ib.zzp_code,
            )
        )
    Z = Zorgleveringsovereenkomst
    overeenkomsten = select(Z.id, Z.vastgelegd_op, Z.leveringsvorm, Z.ingangsdatum).where(Z.client_id == client_id)
    if actor.rol == "zorgaanbieder":
        overeenkomsten = overeenkomsten.where(Z.zorgaanbieder_id == actor.organisatie_id)
    for o in s.execute(overeenkomsten.order_by(Z.id.desc())):
        items.append(
            TijdlijnItem(
                soort="overeenkomst",
                id=o.id,
                datum=iso(o.vastgelegd_op),
                omschrijving=f"Zorgleveringsovereenkomst ({o.leveringsvorm}) vanaf {_nl(o.ingangsdatum)}",
            )
        )
    if actor.rol == "zorgaanbieder":
        for z in s.execute(
            select(Zorgplan.id, Zorgplan.vastgelegd_op, Zorgplan.vastgesteld_op)
            .join(Z, Zorgplan.overeenkomst_id == Z.id)
            .where(Zorgplan.client_id == client_id, Z.zorgaanbieder_id == actor.organisatie_id)
        ):
            items.append(
                TijdlijnItem(
                    soort="zorgplan",
                    id=z.id,
                    datum=iso(z.vastgelegd_op),
                    omschrijving=f"Zorgplan vastgesteld {_nl(z.vastgesteld_op)}",
                )
            )
        for r in s.execute(
            select(Rapportage.id, Rapportage.vastgelegd_op, func.substr(Rapportage.tekst, 1, 80).label("tekst")).where(
                Rapportage.client_id == client_id, Rapportage.organisatie_id == actor.organisatie_id
            )
        ):
            items.append(TijdlijnItem(soort="rapportage", id=r.id, datum=iso(r.vastgelegd_op), omschrijving=r.tekst))
    return sorted(items, key=lambda i: i.datum or "", reverse=True)
