"""Tariff tables and contracts in the system of record (use cases behind the API).

A zorgkantoor or beheerder loads a tariff table (CSV); the latest loaded table is the one in force. A zorgkantoor
records a contract with a zorgaanbieder per year; both parties may read it and ask for the effective daily
tariffs and the realisation against the production agreement. Every action is audited.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.tarieven import (
    ContractBasis,
    dagtarieven,
    lees_contract,
    lees_dag,
    lees_tarieftabel,
    realisatie_overzicht,
)
from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.grenzen import MAX_ID
from zorgzwaarte.domein.uitvoer_geld import (
    ContractUit,
    DagtariefUit,
    RealisatieUit,
    TarieftabelKenmerk,
    TarieftabelUit,
)
from zorgzwaarte.fouten import Conflict, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import Contract, Organisatie, Tarieftabel
from zorgzwaarte.regels.bekostiging.contract import Contract as ContractRegels
from zorgzwaarte.regels.bekostiging.contract import Tariefregel


def _tabel_uit(t: Tarieftabel) -> TarieftabelUit:
    return TarieftabelUit.model_validate(
        {
            "id": t.id,
            "naam": t.naam,
            "aantal_regels": len(t.regels),
            "vingerafdruk": t.vingerafdruk,
            "vastgelegd_op": t.vastgelegd_op.isoformat(),
            "fictief": any(r["fictief"] for r in t.regels),
            "regels": t.regels,
        }
    )


def tarieftabel_laden(uow: Werkeenheid, naam: str, tekst: str) -> TarieftabelUit:
    """Load a tarieftabel (the latest loaded applies), all or nothing. Takes the CSV text, not a model: each row is
    read with its line number in the error (`lees_tarieftabel`, "regel N.veld"), which only the text gives."""
    actor = uow.ingelogd()
    poging = uow.log("tarieftabel.laden", "tarieftabel", details=naam[:100])
    eis(actor, "tarieven.laden")
    if not naam.strip():
        raise InvoerFout.een("naam", "geef de tabel een naam")
    regels = lees_tarieftabel(tekst)
    t = Tarieftabel(
        naam=naam.strip()[:200],
        regels=[r.als_dict() for r in regels],
        vingerafdruk=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
        geladen_door_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(t)
    uow.sessie.flush()
    poging.object_id = t.id
    return _tabel_uit(t)


def _huidige_tabel(uow: Werkeenheid) -> Tarieftabel | None:
    return uow.sessie.scalars(select(Tarieftabel).order_by(Tarieftabel.id.desc())).first()


def tarieftabel_huidig(uow: Werkeenheid) -> TarieftabelUit:
    poging = uow.log("tarieftabel.lezen", "tarieftabel")
    eis(uow.ingelogd(), "tarieven.lezen")
    t = _huidige_tabel(uow)
    if t is None:
        raise NietGevonden("er is nog geen tarieftabel geladen")
    poging.object_id = t.id
    return _tabel_uit(t)


def _regels_van(t: Tarieftabel) -> list[Tariefregel]:
    return [
        Tariefregel(
            r["prestatiecode"],
            r["omschrijving"],
            Decimal(r["tarief"]),
            r["eenheid"],
            date.fromisoformat(r["ingangsdatum"]),
            date.fromisoformat(r["einddatum"]) if r["einddatum"] else None,
            r["bron"],
        )
        for r in t.regels
    ]


class ContractNieuw(ContractBasis):
    """The provider named by its id; the zorgkantoor is the caller's organisation."""

    zorgaanbieder_id: int = Field(ge=1, le=MAX_ID)


def _contract_uit(uow: Werkeenheid, c: Contract) -> ContractUit:
    zk = uow.sessie.get(Organisatie, c.zorgkantoor_id)
    za = uow.sessie.get(Organisatie, c.zorgaanbieder_id)
    return ContractUit.model_validate(
        {
            "id": c.id,
            "versie": c.versie,
            "zorgkantoor_id": c.zorgkantoor_id,
            "zorgkantoor": zk.naam if zk else None,
            "zorgaanbieder_id": c.zorgaanbieder_id,
            "aanbieder": za.naam if za else None,
            "jaar": c.jaar,
            "kwaliteitsopslag_per_dag": c.kwaliteitsopslag_per_dag,
            "afspraken": c.afspraken,
            "vastgelegd_op": c.vastgelegd_op.isoformat(),
        }
    )


def contract_aanmaken(uow: Werkeenheid, data: Ontvangen[ContractNieuw]) -> ContractUit:
    actor = uow.ingelogd()
    poging = uow.log("contract.aanmaken", "contract")
    eis(actor, "contract.schrijven")
    nieuw = aanvaard(ContractNieuw, data)
    aanbieder = uow.sessie.get(Organisatie, nieuw.zorgaanbieder_id)
    if aanbieder is None or aanbieder.soort != "zorgaanbieder":
        raise InvoerFout.een("zorgaanbieder_id", "is geen zorgaanbieder")
    c = Contract(
        zorgkantoor_id=actor.organisatie_id,
        zorgaanbieder_id=aanbieder.id,
        jaar=nieuw.jaar,
        kwaliteitsopslag_per_dag=str(nieuw.kwaliteitsopslag_per_dag),
        afspraken=[a.model_dump(mode="json") for a in nieuw.afspraken],
        vastgelegd_op=uow.nu(),
    )
    uow.sessie.add(c)
    try:
        uow.sessie.flush()
    except IntegrityError:
        raise Conflict(f"er is al een contract met deze zorgaanbieder voor {nieuw.jaar}") from None
    poging.object_id = c.id
    return _contract_uit(uow, c)


def _contract(uow: Werkeenheid, contract_id: int) -> Contract:
    actor = uow.ingelogd()
    eis(actor, "contract.lezen")
    c = uow.sessie.scalars(
        select(Contract).where(
            Contract.id == contract_id,
            or_(Contract.zorgkantoor_id == actor.organisatie_id, Contract.zorgaanbieder_id == actor.organisatie_id),
        )
    ).first()
    if c is None:
        raise NietGevonden("contract niet gevonden")
    return c


def _als_regels(uow: Werkeenheid, c: Contract) -> ContractRegels:
    d = _contract_uit(uow, c)
    return lees_contract(
        {
            "zorgkantoor": d.zorgkantoor or "-",
            "aanbieder": d.aanbieder or "-",
            "jaar": c.jaar,
            "kwaliteitsopslag_per_dag": c.kwaliteitsopslag_per_dag,
            "afspraken": c.afspraken,
        }
    )


def contract_lezen(uow: Werkeenheid, contract_id: int) -> ContractUit:
    uow.log("contract.lezen", "contract", contract_id)
    return _contract_uit(uow, _contract(uow, contract_id))


def contract_dagtarief(uow: Werkeenheid, contract_id: int, dag: str) -> DagtariefUit:
    uow.log("contract.dagtarief", "contract", contract_id, details=dag[:20])
    c = _contract(uow, contract_id)
    d = lees_dag(dag)
    t = _huidige_tabel(uow)
    if t is None:
        raise NietGevonden("er is nog geen tarieftabel geladen")
    uit = dagtarieven(_als_regels(uow, c), _regels_van(t), d)
    uit.tarieftabel = TarieftabelKenmerk(id=t.id, naam=t.naam, vingerafdruk=t.vingerafdruk)
    return uit


def contract_realisatie(uow: Werkeenheid, contract_id: int, declaratie: Any) -> RealisatieUit:
    uow.log("contract.realisatie", "contract", contract_id)
    c = _contract(uow, contract_id)
    return realisatie_overzicht(_als_regels(uow, c), declaratie)
