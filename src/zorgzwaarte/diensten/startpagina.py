"""The home page per role: what needs attention today (werkvoorraad, termijnen, aflopende indicaties)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select

from zorgzwaarte.diensten.records import weergavenaam, zorgplan_uit
from zorgzwaarte.diensten.toegang import Actor, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Contract,
    Indicatiebesluit,
    Organisatie,
    Toewijzing,
    Zorgleveringsovereenkomst,
    Zorgplan,
)
from zorgzwaarte.regels.indicatie.trechtermodel import termijn_concept
from zorgzwaarte.regels.zorgplan import zorgplan_plichten, zorgplan_plichten_gelden

AFLOPEND_DAGEN = 90  # indications ending within this many days are shown to the provider
EVALUATIE_DAGEN = 30


def startpagina(uow: Werkeenheid) -> dict[str, Any]:
    actor = uow.ingelogd()
    uow.log("startpagina", details=actor.rol)
    vandaag = uow.nu().date()
    uit: dict[str, Any] = {"rol": actor.rol, "vandaag": vandaag.isoformat()}
    if actor.rol == "beoordelaar":
        uit["werkvoorraad"] = _werkvoorraad(uow, actor, vandaag)
    elif actor.rol == "zorgaanbieder":
        uit.update(_aanbieder(uow, actor, vandaag))
    elif actor.rol == "zorgkantoor":
        uit.update(_zorgkantoor(uow, actor, vandaag))
    return uit


def _werkvoorraad(uow: Werkeenheid, actor: Actor, vandaag: date) -> list[dict[str, Any]]:
    """Draft assessments of the own organisation with their legal deadline by the law of their peildatum
    (AWBZ: Zorgindicatiebesluit art. 12; Wlz: Besluit langdurige zorg art. 3.2.4 of the version in force)."""
    rijen = []
    q = (
        select(Beoordeling, Client)
        .join(Client, Client.id == Beoordeling.client_id)
        .where(Beoordeling.status == "concept", Beoordeling.organisatie_id == actor.organisatie_id)
    )
    for b, c in uow.sessie.execute(q):
        aanvraag = b.aanvraagdatum or b.vastgelegd_op.date()
        t = termijn_concept(
            _datum(b.invoer.get("peildatum")),
            aanvraag,
            b.spoed,
            _datum(b.invoer.get("zorg_aangevangen_op")),
            b.invoer.get("verblijf_in_instelling")
            if isinstance(b.invoer.get("verblijf_in_instelling"), bool)
            else None,
        )
        rijen.append(
            {
                "beoordeling_id": b.id,
                "client_id": c.id,
                "client": weergavenaam(c),
                "aanvraagdatum": aanvraag.isoformat(),
                "spoed": t["kort"],
                "uiterste_beslisdatum": t["uiterste"].isoformat(),
                "dagen_over": (t["uiterste"] - vandaag).days,
                "termijn": t["termijn"],
            }
        )
    return sorted(rijen, key=lambda r: r["uiterste_beslisdatum"])


def _datum(waarde: Any) -> date | None:
    """A date from a draft's stored input (a draft may hold anything; what is not a date counts as absent)."""
    if isinstance(waarde, str):
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            return None
    return None


def _aanbieder(uow: Werkeenheid, actor: Actor, vandaag: date) -> dict[str, Any]:
    s = uow.sessie
    in_zorg = []
    aflopend = []
    vervangen: list[dict[str, Any]] = []
    q = (
        select(Zorgleveringsovereenkomst, Client)
        .join(Client, Client.id == Zorgleveringsovereenkomst.client_id)
        .where(
            Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id,
            or_(Zorgleveringsovereenkomst.einddatum.is_(None), Zorgleveringsovereenkomst.einddatum >= vandaag),
        )
        .order_by(Client.geslachtsnaam)
    )
    plichten: list[dict[str, Any]] = []
    for o, c in s.execute(q):
        in_zorg.append(
            {
                "client_id": c.id,
                "client": weergavenaam(c),
                "zzp_code": o.zzp_code,
                "leveringsvorm": o.leveringsvorm,
                "sinds": o.ingangsdatum.isoformat(),
            }
        )
        plichten.extend(_zorgplan_plichten(uow, o, c, vandaag))
        ib = s.get(Indicatiebesluit, o.indicatiebesluit_id) if o.indicatiebesluit_id else None
        if ib and ib.status == "vervangen" and ib.vervangen_door_id:
            nieuw = s.get(Indicatiebesluit, ib.vervangen_door_id)
            if nieuw is not None:
                vervangen.append(
                    {
                        "client_id": c.id,
                        "client": weergavenaam(c),
                        "overeenkomst_id": o.id,
                        "besluitdatum": nieuw.besluitdatum.isoformat(),
                        "besluit": nieuw.besluit,
                        "zzp_code": nieuw.zzp_code,
                    }
                )
        if ib and ib.geldig_tot and ib.geldig_tot <= vandaag + timedelta(days=AFLOPEND_DAGEN):
            aflopend.append(
                {
                    "client_id": c.id,
                    "client": weergavenaam(c),
                    "geldig_tot": ib.geldig_tot.isoformat(),
                    "zzp_code": ib.zzp_code,
                    "verlopen": ib.geldig_tot < vandaag,
                }
            )
    evaluaties = []
    laatste: dict[int, tuple[Zorgplan, Client]] = {}  # the current plan of each running agreement
    for z, c in s.execute(
        select(Zorgplan, Client)
        .join(Client, Client.id == Zorgplan.client_id)
        .join(Zorgleveringsovereenkomst, Zorgleveringsovereenkomst.id == Zorgplan.overeenkomst_id)
        .where(
            Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id,
            or_(Zorgleveringsovereenkomst.einddatum.is_(None), Zorgleveringsovereenkomst.einddatum >= vandaag),
        )
        .order_by(Zorgplan.id)
    ):
        laatste[z.overeenkomst_id] = (z, c)
    for z, c in laatste.values():
        for d in z.evaluatiedata or []:
            dag = date.fromisoformat(d)
            if dag <= vandaag + timedelta(days=EVALUATIE_DAGEN):
                evaluaties.append(
                    {
                        "client_id": c.id,
                        "client": weergavenaam(c),
                        "datum": d,
                        "te_laat": dag < vandaag,
                        "zorgplan_id": z.id,
                    }
                )
    evaluaties.sort(key=lambda r: r["datum"])
    intake = []
    eigen_besluiten = select(Zorgleveringsovereenkomst.indicatiebesluit_id).where(
        Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id,
        Zorgleveringsovereenkomst.indicatiebesluit_id.is_not(None),
    )
    for t, c, ib in s.execute(  # toewijzingen of the zorgkantoor (AW33) without an overeenkomst yet
        select(Toewijzing, Client, Indicatiebesluit)
        .join(Client, Client.id == Toewijzing.client_id)
        .join(Indicatiebesluit, Indicatiebesluit.id == Toewijzing.indicatiebesluit_id)
        .where(
            Toewijzing.zorgaanbieder_id == actor.organisatie_id,
            Toewijzing.overeenkomst_id.is_(None),
            Indicatiebesluit.status == "geldig",
            or_(Indicatiebesluit.geldig_tot.is_(None), Indicatiebesluit.geldig_tot >= vandaag),
            Indicatiebesluit.id.not_in(eigen_besluiten),
        )
        .order_by(Toewijzing.vastgelegd_op.desc())
    ):
        intake.append(_intake_regel(c, ib, t))
    for ib, c in s.execute(
        select(Indicatiebesluit, Client)
        .join(Client, Client.id == Indicatiebesluit.client_id)
        .where(
            Indicatiebesluit.zorgaanbieder_id == actor.organisatie_id,
            Indicatiebesluit.status == "geldig",
            Indicatiebesluit.besluit == "toegekend",
            or_(Indicatiebesluit.geldig_tot.is_(None), Indicatiebesluit.geldig_tot >= vandaag),
            Indicatiebesluit.id.not_in(eigen_besluiten),
        )
        .order_by(Indicatiebesluit.besluitdatum.desc())
    ):
        if all(r["besluit_id"] != ib.id for r in intake):  # a toewijzing of the same decision says more
            intake.append(_intake_regel(c, ib))
    return {
        "in_zorg": in_zorg,
        "aflopend": sorted(aflopend, key=lambda r: r["geldig_tot"]),
        "evaluaties": [e for e in evaluaties if not e["te_laat"]],
        "evaluaties_te_laat": [e for e in evaluaties if e["te_laat"]],
        "vervangen": vervangen,
        "intake": intake,
        "zorgplanplichten": plichten,
    }


def _intake_regel(c: Client, ib: Indicatiebesluit, t: Toewijzing | None = None) -> dict[str, Any]:
    """One client in the provider's intake: chosen in the decision, or assigned by the zorgkantoor (toewijzing, AW33)
    with the leveringsvorm and start date the overeenkomst form is filled with."""
    regel: dict[str, Any] = {
        "client_id": c.id,
        "client": weergavenaam(c),
        "besluit_id": ib.id,
        "besluit": ib.besluit,
        "besluitdatum": ib.besluitdatum.isoformat(),
        "zzp_code": ib.zzp_code,
        "toewijzing_id": None,
    }
    if t is not None:
        regel.update(toewijzing_id=t.id, leveringsvorm=t.leveringsvorm, ingangsdatum=t.ingangsdatum.isoformat())
    return regel


def _zorgplan_plichten(
    uow: Werkeenheid, o: Zorgleveringsovereenkomst, c: Client, vandaag: date
) -> list[dict[str, Any]]:
    """Wlz art. 8.1.1 and 8.1.3 for care in natura under the Wlz (not pgb: art. 8.1.1 lid 1 'anders dan op grond
    van artikel 3.3.3'), on the newest zorgplan of the agreement."""
    if not zorgplan_plichten_gelden(o.ingangsdatum, o.leveringsvorm):
        return []
    z = uow.sessie.scalars(
        select(Zorgplan).where(Zorgplan.overeenkomst_id == o.id).order_by(Zorgplan.id.desc()).limit(1)
    ).first()
    plan = zorgplan_uit(z).model_dump() if z else None
    return [
        {"client_id": c.id, "client": weergavenaam(c), "zorgplan_id": z.id if z else None, **signaal}
        for signaal in zorgplan_plichten(o.ingangsdatum, plan, vandaag)
    ]


def _zorgkantoor(uow: Werkeenheid, actor: Actor, vandaag: date) -> dict[str, Any]:
    """Current decisions in the region (not ended: geldig_tot and the registered vervaldatum, e.g. death) and the
    contracts."""
    s = uow.sessie
    besluiten = []
    q = zichtbare_clienten(actor, select(Client))
    clienten = {c.id: c for c in s.scalars(q)}
    if clienten:
        for ib in s.scalars(
            select(Indicatiebesluit)
            .where(
                Indicatiebesluit.client_id.in_(list(clienten)),
                Indicatiebesluit.status == "geldig",
                or_(Indicatiebesluit.geldig_tot.is_(None), Indicatiebesluit.geldig_tot >= vandaag),
                or_(Indicatiebesluit.vervaldatum.is_(None), Indicatiebesluit.vervaldatum >= vandaag),
            )
            .order_by(Indicatiebesluit.besluitdatum.desc())
            .limit(25)
        ):
            c = clienten[ib.client_id]
            besluiten.append(
                {
                    "client_id": c.id,
                    "client": weergavenaam(c),
                    "besluit": ib.besluit,
                    "zzp_code": ib.zzp_code,
                    "besluitdatum": ib.besluitdatum.isoformat(),
                    "geldig_tot": ib.geldig_tot.isoformat() if ib.geldig_tot else None,
                }
            )
    contracten = []
    for k in s.scalars(select(Contract).where(Contract.zorgkantoor_id == actor.organisatie_id).order_by(Contract.jaar)):
        aanbieder = s.get(Organisatie, k.zorgaanbieder_id)
        contracten.append(
            {
                "id": k.id,
                "jaar": k.jaar,
                "aanbieder": aanbieder.naam if aanbieder else "?",
                "afspraken": len(k.afspraken),
            }
        )
    return {"besluiten": besluiten, "contracten": contracten}
