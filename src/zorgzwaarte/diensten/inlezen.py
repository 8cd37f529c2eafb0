"""Storing an indicatiebesluit that comes from elsewhere (an IO31 message or the Indicatieregister) in the records:
the client (new or existing), the scores as a definitive assessment, the decision marked extern; the client's
earlier valid decision is superseded. One function for both sources, so they store alike."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from zorgzwaarte.diensten.records import besluit_uit, client_met_bsn, client_uit, vervang_eerdere
from zorgzwaarte.diensten.toegang import zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.modellen import Beoordeling, Client, Indicatiebesluit


def extern_besluit_opslaan(uow: Werkeenheid, item: dict[str, Any], herkomst: dict[str, Any]) -> dict[str, Any]:
    """Store one read decision. `item` has the shape io31_lezen gives per client (client, grondslagen,
    stoornisscores, beperkingscores, functies, zzp, indicatie); `herkomst` names the source: bron, toelichting,
    ruleset_naam, ruleset_versie, ruleset_hash and, from the register, wlzindicatie_id and vervaldatum.

    From the register the same version twice stores once (same wlzindicatie_id and content hash); a changed version
    is a new record and the older one is superseded (bitemporal: both stay, each with its vastgelegd_op)."""
    actor = uow.actor
    assert actor is not None
    cl = item["client"]
    wlz_id = herkomst.get("wlzindicatie_id")
    if wlz_id:
        zelfde = uow.sessie.scalars(
            select(Indicatiebesluit).where(
                Indicatiebesluit.wlzindicatie_id == wlz_id,
                Indicatiebesluit.extern.is_(True),
                Indicatiebesluit.ruleset_hash == herkomst["ruleset_hash"],
            )
        ).first()
        # the stored copy is only handed back to an organisation that may see its client
        c0 = (
            uow.sessie.scalars(zichtbare_clienten(actor, select(Client).where(Client.id == zelfde.client_id))).first()
            if zelfde is not None
            else None
        )
        if zelfde is not None and c0 is not None:
            return {
                "client": client_uit(c0).model_dump(),
                "indicatiebesluit": besluit_uit(zelfde).model_dump(),
                "nieuw": False,
            }
    # a client with this BSN outside the reader's view is never revealed: the reader gets its own record
    c = client_met_bsn(uow, cl["bsn"])
    if c is None:
        naam = cl["naam"]
        c = Client(
            bsn=cl["bsn"],
            geslachtsnaam=naam["geslachtsnaam"],
            voorvoegsel=naam.get("voorvoegsel"),
            voorletters=naam.get("voorletters"),
            voornamen=naam.get("voornamen"),
            geboortedatum=date.fromisoformat(cl["geboortedatum"]),
            geslacht=cl["geslacht"] or "0",
            regio=actor.regio,
            aangemaakt_door_organisatie_id=actor.organisatie_id,
            vastgelegd_op=uow.nu(),
        )
        uow.sessie.add(c)
        uow.sessie.flush()
    ind = item["indicatie"]
    invoer = {
        "peildatum": ind["afgiftedatum"],
        "client": {"geboortedatum": cl["geboortedatum"]},
        "grondslagen": item["grondslagen"],
        "stoornisscores": item["stoornisscores"],
        "beperkingscores": item["beperkingscores"],
    }
    beo = Beoordeling(
        client_id=c.id,
        status="definitief",
        invoer=invoer,
        beoordelaar_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        vastgelegd_op=uow.nu(),
        definitief_op=uow.nu(),
    )
    uow.sessie.add(beo)
    uow.sessie.flush()
    zzp = item["zzp"] if isinstance(item["zzp"], dict) else None
    toegekend = bool(zzp or item["functies"])
    resultaat = {
        "besluit": "toegekend" if toegekend else "afgewezen",
        "verblijf": bool(zzp),
        "functies": item["functies"],
        "zzp": zzp,
        "extern": True,
        "bron": herkomst["bron"],
        "indicatie": ind,
        "grondslagen": item["grondslagen"],
        "besluitdatum": ind["afgiftedatum"],
        "geldig_van": ind["ingangsdatum"],
        "geldig_tot": ind["einddatum"],
        "toelichting": [
            {"regel": "Extern indicatiebesluit", "uitkomst": herkomst["toelichting"], "bron": herkomst["bron"]}
        ],
    }
    vervaldatum = herkomst.get("vervaldatum")
    ib = Indicatiebesluit(
        client_id=c.id,
        beoordeling_id=beo.id,
        extern=True,
        besluit=resultaat["besluit"],
        stelsel="Wlz" if ind["afgiftedatum"] >= "2015-01-01" else "AWBZ",
        verblijf=bool(zzp),
        zzp_code=zzp["code"] if zzp else None,
        zorgprofiel=None,
        besluitdatum=date.fromisoformat(ind["afgiftedatum"]),
        geldig_van=date.fromisoformat(ind["ingangsdatum"]),
        geldig_tot=date.fromisoformat(ind["einddatum"]) if ind["einddatum"] else None,
        resultaat=resultaat,
        ruleset_naam=herkomst["ruleset_naam"],
        ruleset_versie=herkomst["ruleset_versie"],
        ruleset_hash=herkomst["ruleset_hash"],
        vastgelegd_door_id=actor.gebruiker_id,
        vastgelegd_op=uow.nu(),
        wlzindicatie_id=wlz_id,
        vervaldatum=date.fromisoformat(vervaldatum) if vervaldatum else None,
    )
    uow.sessie.add(ib)
    uow.sessie.flush()
    vervang_eerdere(uow, ib)
    return {"client": client_uit(c).model_dump(), "indicatiebesluit": besluit_uit(ib).model_dump(), "nieuw": True}
