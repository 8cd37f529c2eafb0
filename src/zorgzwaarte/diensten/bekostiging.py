"""Tariff tables and contracts in the system of record (use cases behind the API and the web pages).

A zorgkantoor or beheerder loads a tariff file (CSV): first a preview of what it does, then the load, which
replaces the years the file covers in the table in force and keeps the others (a new version of the table). A zorgkantoor
records a contract with a zorgaanbieder per year; both parties may read it and ask for the effective daily
tariffs and the realisation against the production agreement. Every action is audited.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, date, datetime
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
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.domein.grenzen import MAX_ID
from zorgzwaarte.domein.uitvoer_geld import (
    ContractUit,
    DagtariefUit,
    PeriodeOpen,
    RealisatieUit,
    TariefInJaar,
    TariefJaarTelling,
    TariefregelUit,
    TarieftabelKenmerk,
    TarieftabelUit,
    TarieftabelVoorbeeld,
    TariefWijzigingUit,
    TarievenInJaar,
)
from zorgzwaarte.fouten import Conflict, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import Contract, Organisatie, Tarieftabel
from zorgzwaarte.regels.bekostiging.contract import Contract as ContractRegels
from zorgzwaarte.regels.bekostiging.contract import Tariefregel
from zorgzwaarte.regels.bekostiging.tarieftabel import (
    SOORTEN,
    Vervanging,
    Wijziging,
    tarieven_in_jaar,
    vervang_perioden,
)


def _tabel_uit(t: Tarieftabel) -> TarieftabelUit:
    uit = {
        "id": t.id,
        "naam": t.naam,
        "aantal_regels": len(t.regels),
        "vingerafdruk": t.vingerafdruk,
        "vastgelegd_op": _moment(t.vastgelegd_op),
        "fictief": any(r["fictief"] for r in t.regels),
        "regels": t.regels,
    }
    if t.vorige_id is not None:
        uit["vorige_id"] = t.vorige_id
    if t.dekking:
        uit["dekking"] = t.dekking["tekst"]
    return TarieftabelUit.model_validate(uit)


def _moment(tijd: datetime) -> str:
    """A stored moment as the answers give it: ISO 8601 in UTC without offset, to the second."""
    if tijd.tzinfo is not None:
        tijd = tijd.astimezone(UTC).replace(tzinfo=None)
    return tijd.isoformat(timespec="seconds")


def _kenmerk(t: Tarieftabel) -> TarieftabelKenmerk:
    return TarieftabelKenmerk(id=t.id, naam=t.naam, vingerafdruk=t.vingerafdruk)


def _vergelijk(
    uow: Werkeenheid, naam: str, tekst: str, herkomst: tuple[str, str] | None = None
) -> tuple[Tarieftabel | None, Vervanging]:
    """Read the file (every error with its line) and lay it over the table in force: what a load would do. The
    file's rows carry `herkomst` (the load's name and moment) when they are to be stored."""
    if not naam.strip():
        raise InvoerFout.een("naam", "geef de tabel een naam")
    regels = [replace(r, herkomst=herkomst) for r in lees_tarieftabel(tekst)]
    huidig = _huidige_tabel(uow)
    return huidig, vervang_perioden(_regels_van(huidig) if huidig else [], regels)


def _voorbeeld(naam: str, tekst: str, huidig: Tarieftabel | None, v: Vervanging) -> TarieftabelVoorbeeld:
    per_jaar: dict[int, list[Wijziging]] = {}
    for w in v.wijzigingen:
        per_jaar.setdefault(w.regel.ingangsdatum.year, []).append(w)
    tellingen = [
        TariefJaarTelling(
            jaar=jaar,
            regels=sum(1 for w in lijst if w.soort != "vervalt"),
            prestaties=len({w.prestatiecode for w in lijst if w.soort != "vervalt"}),
            **{soort: sum(1 for w in lijst if w.soort == soort) for soort in SOORTEN},
        )
        for jaar, lijst in sorted(per_jaar.items())
    ]
    nieuw = [w.regel for w in v.wijzigingen if w.soort != "vervalt"]
    return TarieftabelVoorbeeld(
        naam=naam.strip()[:200],
        vingerafdruk=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
        basis=_kenmerk(huidig) if huidig else None,
        dekking=v.dekking.tekst(),
        perioden=[
            PeriodeOpen(van=van.isoformat(), tot=tot.isoformat() if tot else None) for van, tot in v.dekking.perioden()
        ],
        aantal_regels=len(nieuw),
        per_jaar=tellingen,
        **{soort: v.aantal(soort) for soort in SOORTEN},
        behouden=v.behouden,
        fictief=any(r.fictief for r in nieuw),
        wijzigingen=[
            TariefWijzigingUit(
                soort=w.soort,
                regel=TariefregelUit.model_validate(w.regel.als_dict()),
                oud=[TariefregelUit.model_validate(o.als_dict()) for o in w.oud],
                velden=list(w.velden),
            )
            for w in v.wijzigingen
        ],
    )


def tarieftabel_voorbeeld(uow: Werkeenheid, naam: str, tekst: str) -> TarieftabelVoorbeeld:
    """What loading this file would do, stored nowhere: per year the rows and what they do (nieuw, gewijzigd,
    ongewijzigd, vervalt) against the table in force, and which years it replaces. Same reading, checks and
    messages as `tarieftabel_laden` (the CSV text, for the line numbers)."""
    poging = uow.log("tarieftabel.voorbeeld", "tarieftabel", details=naam[:100])
    eis(uow.ingelogd(), "tarieven.laden")
    huidig, v = _vergelijk(uow, naam, tekst)
    poging.object_id = huidig.id if huidig else None
    return _voorbeeld(naam, tekst, huidig, v)


GEWIJZIGD = (
    "de tarieftabel is gewijzigd sinds het voorbeeld (een andere lading ging voor); bekijk het voorbeeld opnieuw"
)


def tarieftabel_laden(uow: Werkeenheid, naam: str, tekst: str, basis: int | None = None) -> TarieftabelUit:
    """Load a tariff file into the table in force, all or nothing: the years the file covers are replaced by its
    rows, every other year keeps its tariffs (regels.bekostiging.tarieftabel). Stored as a new version of the table
    built on the one in force; `basis` (the version the preview was made against, 0 for none) refuses the load if
    another load came first (409), as does a load racing another one on the same version (unique `vorige_id`) or,
    on an empty table, another first load (index `uq_tarieftabel_eerste_lading`, migration 0016): the database
    refuses the insert at the flush, nothing is stored, and the same 409 says so. Takes the CSV text, not
    a model: each row is read with its line number in the error (`lees_tarieftabel`, "regel N.veld"), which only
    the text gives."""
    actor = uow.ingelogd()
    poging = uow.log("tarieftabel.laden", "tarieftabel", details=naam[:100])
    eis(actor, "tarieven.laden")
    nu = uow.nu()
    herkomst = (naam.strip()[:200], _moment(nu))
    huidig, v = _vergelijk(uow, naam, tekst, herkomst)
    if basis is not None and (huidig.id if huidig else 0) != basis:
        raise Conflict(GEWIJZIGD)
    d = v.dekking
    t = Tarieftabel(
        naam=naam.strip()[:200],
        regels=[r.als_dict() for r in v.resultaat],
        vingerafdruk=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
        vorige_id=huidig.id if huidig else None,
        dekking={"jaren": sorted(d.jaren), "vanaf": d.vanaf, "tekst": d.tekst()},
        geladen_door_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        vastgelegd_op=nu,
    )
    uow.sessie.add(t)
    try:
        uow.sessie.flush()
    except IntegrityError:
        raise Conflict(GEWIJZIGD) from None
    poging.object_id = t.id
    poging.details = (
        f"{herkomst[0][:100]}; vervangt {d.tekst()}: "
        + ", ".join(f"{v.aantal(soort)} {soort}" for soort in SOORTEN)
        + f"; {v.behouden} behouden"
    )
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


EERSTE_JAAR = 2009  # the first year of the zorgzwaartepakketten (Aanwijzing invoering ZZP-bekostiging 2008)


def tarieven_per_jaar(uow: Werkeenheid, jaar: int | None = None) -> TarievenInJaar:
    """The table in force for one year (default: this year on the server's clock): per prestatie in the table its
    tariffs in that year with their source, and every part of the year without one as 'onbekend' (never 0)."""
    poging = uow.log("tarieftabel.lezen", "tarieftabel", details=None if jaar is None else str(jaar))
    eis(uow.ingelogd(), "tarieven.lezen")
    dit_jaar = vandaag_nl(uow.nu()).year
    if jaar is None:
        jaar = dit_jaar
    if not EERSTE_JAAR <= jaar <= 2100:
        raise InvoerFout.een("jaar", f"kies een jaar van {EERSTE_JAAR} tot en met 2100")
    t = _huidige_tabel(uow)
    regels = _regels_van(t) if t else []
    jaren = {jaar, dit_jaar} | {r.ingangsdatum.year for r in regels}
    jaren |= {r.einddatum.year for r in regels if r.einddatum}
    lijnen = []
    for j in tarieven_in_jaar(regels, jaar):
        r = j.regel
        lijnen.append(
            TariefInJaar(
                prestatiecode=j.prestatiecode,
                van=j.van.isoformat(),
                tot=j.tot.isoformat(),
                tarief=str(r.tarief) if r else None,
                omschrijving=r.omschrijving if r else None,
                eenheid=r.eenheid if r else None,
                bron=r.bron if r else None,
                fictief=r.fictief if r else False,
                geladen_met=r.herkomst[0] if r and r.herkomst else None,
                geladen_op=r.herkomst[1] if r and r.herkomst else None,
            )
        )
    poging.object_id = t.id if t else None
    return TarievenInJaar(
        jaar=jaar,
        jaren=list(range(max(EERSTE_JAAR, min(jaren)), max(jaren) + 1)),
        tabel=_kenmerk(t) if t else None,
        vastgelegd_op=t.vastgelegd_op.isoformat() if t else None,
        regels=lijnen,
        onbekend=sum(1 for x in lijnen if x.tarief is None),
    )


def _regels_van(t: Tarieftabel) -> list[Tariefregel]:
    """The rows of a stored version; a row stored without its load (a table loaded whole, before loads per year)
    came with that table, when the table was loaded whole (no previous version)."""
    heel = (t.naam, _moment(t.vastgelegd_op)) if t.vorige_id is None else None
    return [
        Tariefregel(
            r["prestatiecode"],
            r["omschrijving"],
            Decimal(r["tarief"]),
            r["eenheid"],
            date.fromisoformat(r["ingangsdatum"]),
            date.fromisoformat(r["einddatum"]) if r["einddatum"] else None,
            r["bron"],
            (r["geladen_met"], r["geladen_op"]) if r.get("geladen_met") else heel,
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
    uit.tarieftabel = _kenmerk(t)
    return uit


def contract_realisatie(uow: Werkeenheid, contract_id: int, declaratie: Any) -> RealisatieUit:
    uow.log("contract.realisatie", "contract", contract_id)
    c = _contract(uow, contract_id)
    return realisatie_overzicht(_als_regels(uow, c), declaratie)
