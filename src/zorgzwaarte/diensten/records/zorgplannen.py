"""Use cases on zorgplannen: create, read, change; signals against the indicatiebesluit."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.records.gemeenschappelijk import _nl, controleer_versie, lijst_van_client, uit_record
from zorgzwaarte.diensten.records.overeenkomsten import _overeenkomst, _overeenkomsten_query
from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Poging, Werkeenheid
from zorgzwaarte.domein.records import (
    GeplandeZorg,
    ZorgplanInvoer,
    ZorgplanWijziging,
)
from zorgzwaarte.domein.uitvoer import Signaal, ZorgplanUit
from zorgzwaarte.fouten import Fout, InvoerFout, NietGevonden
from zorgzwaarte.opslag.modellen import (
    Indicatiebesluit,
    Zorgleveringsovereenkomst,
    Zorgplan,
)
from zorgzwaarte.regels.leveringsvormen import (
    logeeropvang_eigen_zorglocatie,
    logeeropvang_te_veel,
    niet_in_leveringsvorm,
)
from zorgzwaarte.regels.uitleg import Toelichting
from zorgzwaarte.regels.zorgplan import vergelijk_met_indicatie


def zorgplan_uit(z: Zorgplan, signalen: list[dict[str, str]] | None = None) -> ZorgplanUit:
    return uit_record(ZorgplanUit, z, signalen=[Signaal(**s) for s in signalen or []])


def controleer_evaluatiedata(vastgesteld_op: date, evaluatiedata: list[date]) -> None:
    """An evaluation of a zorgplan lies on or after the day the plan was made."""
    fouten = [
        Fout(f"evaluatiedata.{i}", f"ligt vóór de datum van het zorgplan ({_nl(vastgesteld_op)})")
        for i, d in enumerate(evaluatiedata)
        if d < vastgesteld_op
    ]
    if fouten:
        raise InvoerFout(fouten)


def _signalen(
    uow: Werkeenheid, overeenkomst: Zorgleveringsovereenkomst, regels: list[dict[str, Any]]
) -> list[dict[str, str]]:
    ib = (
        uow.sessie.get(Indicatiebesluit, overeenkomst.indicatiebesluit_id) if overeenkomst.indicatiebesluit_id else None
    )
    return vergelijk_met_indicatie(ib.resultaat, regels) if ib else []


def zorgplan_aanmaken(uow: Werkeenheid, overeenkomst_id: int, invoer: Ontvangen[ZorgplanInvoer]) -> ZorgplanUit:
    poging = uow.log(
        "zorgplan.aanmaken",
        "zorgplan",
        details=f"overeenkomst {overeenkomst_id}",
        bron=("zorgleveringsovereenkomst", overeenkomst_id),
    )
    eis(uow.ingelogd(), "zorgplan.schrijven")
    o = _overeenkomst(uow, overeenkomst_id)
    poging.client_id = o.client_id
    plan = aanvaard(ZorgplanInvoer, invoer)
    controleer_evaluatiedata(plan.vastgesteld_op, plan.evaluatiedata)
    controleer_zorgplan_op_leveringsvorm(uow, o, plan.vastgesteld_op, plan.gepland)
    z = Zorgplan(
        client_id=o.client_id,
        overeenkomst_id=o.id,
        domeinen=plan.model_dump(mode="json")["domeinen"],
        gepland=[g.model_dump(exclude_none=True) for g in plan.gepland],
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
    return zorgplan_uit(z, _signalen(uow, o, z.gepland))


def _zorgplan(uow: Werkeenheid, poging: Poging, zorgplan_id: int) -> tuple[Zorgplan, Zorgleveringsovereenkomst]:
    """The zorgplan and its overeenkomst as the actor may see them (404 otherwise); the attempt names the client."""
    z = uow.sessie.get(Zorgplan, zorgplan_id)
    if z is None:
        raise NietGevonden("zorgplan niet gevonden")
    o = _overeenkomst(uow, z.overeenkomst_id)
    poging.client_id = z.client_id
    return z, o


def zorgplan_lezen(uow: Werkeenheid, zorgplan_id: int) -> ZorgplanUit:
    poging = uow.log("zorgplan.lezen", "zorgplan", zorgplan_id)
    eis(uow.ingelogd(), "zorgplan.lezen")
    z, o = _zorgplan(uow, poging, zorgplan_id)
    return zorgplan_uit(z, _signalen(uow, o, z.gepland))


def zorgplannen_van_client(uow: Werkeenheid, client_id: int) -> list[ZorgplanUit]:
    lijst_van_client(uow, client_id, "zorgplan.lijst", "zorgplan", "zorgplan.lezen")
    uit = []
    for o in _overeenkomsten_query(uow, client_id):
        for z in uow.sessie.scalars(
            select(Zorgplan).where(Zorgplan.overeenkomst_id == o.id).order_by(Zorgplan.id.desc())
        ):
            uit.append(zorgplan_uit(z, _signalen(uow, o, z.gepland)))
    return uit


def zorgplan_wijzigen(uow: Werkeenheid, zorgplan_id: int, invoer: Ontvangen[ZorgplanWijziging]) -> ZorgplanUit:
    poging = uow.log("zorgplan.wijzigen", "zorgplan", zorgplan_id)
    eis(uow.ingelogd(), "zorgplan.schrijven")
    z, o = _zorgplan(uow, poging, zorgplan_id)
    plan = aanvaard(ZorgplanWijziging, invoer)
    controleer_evaluatiedata(plan.vastgesteld_op, plan.evaluatiedata)
    controleer_zorgplan_op_leveringsvorm(uow, o, plan.vastgesteld_op, plan.gepland)
    controleer_versie(plan.versie, z.versie)
    z.domeinen = plan.model_dump(mode="json")["domeinen"]
    z.gepland = [g.model_dump(exclude_none=True) for g in plan.gepland]
    z.evaluatiedata = [d.isoformat() for d in plan.evaluatiedata]
    z.vastgesteld_op = plan.vastgesteld_op
    z.besproken_op, z.afschrift_op = plan.besproken_op, plan.afschrift_op
    z.zorgverleners, z.persoonlijk_plan = plan.zorgverleners, plan.persoonlijk_plan
    uow.sessie.flush()
    return zorgplan_uit(z, _signalen(uow, o, z.gepland))


def _eigen_zorglocatie(i: int, g: GeplandeZorg, leveringsvorm: str, dag: date) -> list[Fout]:
    """Logeeropvang on a place the client arranges himself from his pgb: only where Blz art. 3.1.3 lid 2 (2026)
    allows it, and only with the zeer complexe zorgbehoefte stated (never assumed)."""
    if g.zeer_complexe_zorgbehoefte is not None and not g.eigen_zorglocatie:
        return [
            Fout(f"gepland.{i}.zeer_complexe_zorgbehoefte", "hoort alleen bij logeeropvang op een eigen zorglocatie")
        ]
    if not g.eigen_zorglocatie:
        return []
    if g.functie != "KVB":
        return [Fout(f"gepland.{i}.eigen_zorglocatie", "een eigen zorglocatie hoort alleen bij logeeropvang (KVB)")]
    uitleg = Toelichting()
    mag = logeeropvang_eigen_zorglocatie(leveringsvorm, g.zeer_complexe_zorgbehoefte, dag, uitleg)
    stap = uitleg.stappen[-1]
    if mag is None:
        return [
            Fout(
                f"gepland.{i}.zeer_complexe_zorgbehoefte",
                "geef aan of de cliënt een zeer complexe zorgbehoefte heeft (ja of nee): alleen dan mag hij voor de "
                f"logeeropvang zelf een zorglocatie regelen. Wie dat is omschrijft een ministeriële regeling die niet "
                f"in de bronnen van dit systeem staat ({stap.bron})",
            )
        ]
    if not mag:
        return [
            Fout(
                f"gepland.{i}.eigen_zorglocatie",
                "logeeropvang op een zorglocatie die de cliënt zelf regelt kan hier niet: "
                f"{stap.uitkomst.removeprefix('Niet: ')} ({stap.bron})",
            )
        ]
    return []


def controleer_zorgplan_op_leveringsvorm(
    uow: Werkeenheid, o: Zorgleveringsovereenkomst, vastgesteld_op: date, gepland: list[GeplandeZorg]
) -> None:
    """A zorgplan plans only care the leveringsvorm includes (Wlz art. 3.3.2 lid 1 en 2, art. 3.3.3 lid 1) and no more
    logeeropvang than Blz art. 3.1.3 allows in the calendar year of the plan, by the version in force that day."""
    fouten = [
        Fout(f"gepland.{i}.functie", melding)
        for i, melding in niet_in_leveringsvorm(o.leveringsvorm, [g.functie for g in gepland], vastgesteld_op)
    ]
    ib = uow.sessie.get(Indicatiebesluit, o.indicatiebesluit_id) if o.indicatiebesluit_id else None
    for i, g in enumerate(gepland):
        fouten += _eigen_zorglocatie(i, g, o.leveringsvorm, vastgesteld_op)
        if g.etmalen_per_jaar is None:
            continue
        if g.functie != "KVB":
            fouten.append(Fout(f"gepland.{i}.etmalen_per_jaar", "etmalen per jaar horen alleen bij logeeropvang (KVB)"))
            continue
        if ib is None:
            continue
        te_veel = logeeropvang_te_veel(
            g.etmalen_per_jaar, vastgesteld_op.year, ib.geldig_van, ib.geldig_tot, "gepland in het zorgplan"
        )
        if te_veel:
            fouten.append(Fout(f"gepland.{i}.etmalen_per_jaar", te_veel))
    if fouten:
        raise InvoerFout(fouten)
