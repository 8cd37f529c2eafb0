"""Care delivery (provider): the overeenkomst, delivered hours per week, rapportage, and the zorgplan."""

from datetime import date
from typing import Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.brieven import zorgplanbrief
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.schermen import zorg_scherm, zorgplan_scherm
from zorgzwaarte.domein.records import (
    AfwezigheidReden,
    GeleverdeZorgInvoer,
    OvereenkomstNieuw,
    RapportageNieuw,
    ZorgplanInvoer,
    ZorgplanWijziging,
)
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.rapporten.brieven import zorgplanbrief_pdf
from zorgzwaarte.rapporten.opmaak import functienaam
from zorgzwaarte.regels.zorgplan import zorgplan_regels
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd, Scherm, WebFout, WebId, WebNummer
from zorgzwaarte.web.zorglevering import (
    DOMEINEN,
    FUNCTIES,
    PLAN_RIJEN,
    geleverd_naar_formulier,
    geleverd_uit_formulier,
    overeenkomst_keuzes,
    plan_fouten_op_scherm,
    plan_fouten_per_veld,
    plan_rijen,
    uren_grafieken,
    voorinvulling,
    zorg_fouten_op_scherm,
    zorgplan_naar_formulier,
    zorgplan_uit_formulier,
)

router = APIRouter(include_in_schema=False)
AFWEZIGHEID_REDENEN = get_args(AfwezigheidReden)


def toon_zorg(
    scherm: Scherm,
    client_id: int,
    fouten: list[Fout] | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
    status: int = 200,
    overeenkomst_id: int | None = None,
    corrigeer: str | None = None,
) -> Response:
    data = scherm.doe(zorg_scherm, client_id, overeenkomst_id)
    waarden = waarden or {}
    if corrigeer and not waarden:  # "corrigeren" next to a week: its hours in the form, marked as a correction
        week = next((w for w in data["weken"] if w["week"] == corrigeer), None)
        waarden = geleverd_naar_formulier(week) if week else {}
    return scherm.toon(
        "zorg/zorg.html",
        status=status,
        **data,
        grafieken=uren_grafieken(data["weken"], data["geindiceerd"]),
        overeenkomst_keuzes=overeenkomst_keuzes(data["overeenkomsten"]),
        fouten=zorg_fouten_op_scherm(fouten or [], waarden),
        w=waarden,
        melding=melding,
        functies=FUNCTIES,
        reden_keuzes=[(rd, rd.replace("_", " ")) for rd in AFWEZIGHEID_REDENEN],
    )


@router.get("/clienten/{client_id}/zorg")
def zorg(
    scherm: Ingelogd,
    client_id: WebId,
    melding: str = "",
    overeenkomst: WebNummer = 0,
    corrigeer: str = "",
    toewijzing: WebNummer = 0,
) -> Response:
    waarden = None
    if toewijzing:  # from the intake: the overeenkomst form filled with the zorgkantoor's toewijzing (AW33)
        t = scherm.doe(r.toewijzing_lezen, toewijzing)
        waarden = {
            "toewijzing_id": [str(t.id)],
            "leveringsvorm": [t.leveringsvorm],
            "ingangsdatum": [t.ingangsdatum or ""],
            "einddatum": [t.einddatum or ""],
        }
    return toon_zorg(
        scherm,
        client_id,
        waarden=waarden,
        melding=melding or None,
        overeenkomst_id=overeenkomst or None,
        corrigeer=corrigeer,
    )


@router.post("/clienten/{client_id}/overeenkomsten")
def overeenkomst_nieuw(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    """The provider records a zorgleveringsovereenkomst on the client's valid indicatiebesluit."""
    try:
        form.eis_csrf()
        data = {k: form.een(k) for k in ("leveringsvorm", "ingangsdatum", "einddatum", "toewijzing_id") if form.een(k)}
        o = scherm.doe(r.overeenkomst_aanmaken, client_id, ontvang(OvereenkomstNieuw, data))
    except InvoerFout as fout:
        return toon_zorg(scherm, client_id, fout.fouten, form.waarden, status=422)
    melding = " ".join(["Overeenkomst vastgelegd.", *o.waarschuwingen])
    return scherm.naar(f"/clienten/{client_id}/zorg?{urlencode({'melding': melding, 'overeenkomst': o.id})}")


@router.post("/clienten/{client_id}/zorg")
def zorg_post(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    """One form handler for the two forms on the page: a rapportage or a week of delivered care."""
    try:
        form.eis_csrf()
        if form.een("soort") == "rapportage":
            rapportage = {"datum": form.een("datum"), "domein": form.een("domein") or None, "tekst": form.een("tekst")}
            scherm.doe(r.rapportage_aanmaken, client_id, ontvang(RapportageNieuw, rapportage))
            melding = "Rapportage vastgelegd."
        else:
            tekst = form.een("overeenkomst_id", "0")
            overeenkomst = int(tekst) if tekst.isdigit() else 0  # 0: the service says it does not exist
            data = geleverd_uit_formulier(form.waarden, overeenkomst)
            scherm.doe(r.geleverd_registreren, client_id, ontvang(GeleverdeZorgInvoer, data))
            melding = "Week gecorrigeerd." if data["vervangen"] else "Week geregistreerd."
            return scherm.naar(
                f"/clienten/{client_id}/zorg?{urlencode({'melding': melding, 'overeenkomst': overeenkomst})}"
            )
    except InvoerFout as fout:
        return toon_zorg(
            scherm,
            client_id,
            fout.fouten,
            form.waarden,
            status=422,
            overeenkomst_id=_getal(form.een("overeenkomst_id")),
        )
    except WebFout as fout:  # e.g. the week is already registered: the form stays filled, with the way out
        fouten = [Fout("week", fout.fout.melding)]
        return toon_zorg(
            scherm, client_id, fouten, form.waarden, status=409, overeenkomst_id=_getal(form.een("overeenkomst_id"))
        )
    return scherm.naar(f"/clienten/{client_id}/zorg?{urlencode({'melding': melding})}")


def _getal(tekst: str) -> int | None:
    return int(tekst) if tekst.isdigit() else None


def toon_plan(
    scherm: Scherm,
    data: dict[str, Any],
    waarden: dict[str, list[str]],
    fouten: list[Fout] | None = None,
    status: int = 200,
    melding: str | None = None,
) -> Response:
    fouten = fouten or []
    rijen = plan_rijen(waarden)
    return scherm.toon(
        "zorg/zorgplan.html",
        status=status,
        c=data["c"],
        o=data["o"],
        z=data["z"],
        w=waarden,
        fouten=plan_fouten_op_scherm(fouten, rijen),
        domeinen=DOMEINEN,
        functie_keuzes=[(f, f"{functienaam(f)} ({f})") for f in FUNCTIES],
        rijen=PLAN_RIJEN,
        melding=melding,
        fv=plan_fouten_per_veld(fouten, rijen),
        plan_regels=zorgplan_regels(date.fromisoformat(str(data["o"]["ingangsdatum"])), data["o"]["leveringsvorm"]),
    )


@router.get("/overeenkomsten/{overeenkomst_id}/zorgplan")
def zorgplan_nieuw(scherm: Ingelogd, overeenkomst_id: WebId) -> Response:
    data = scherm.doe(zorgplan_scherm, overeenkomst_id)
    return toon_plan(scherm, data, voorinvulling(data["besluit"]))


@router.post("/overeenkomsten/{overeenkomst_id}/zorgplan")
def zorgplan_aanmaken(scherm: Ingelogd, form: Form, overeenkomst_id: WebId) -> Response:
    data = scherm.doe(zorgplan_scherm, overeenkomst_id)
    try:
        form.eis_csrf()
        z = scherm.doe(
            r.zorgplan_aanmaken, overeenkomst_id, ontvang(ZorgplanInvoer, zorgplan_uit_formulier(form.waarden))
        )
    except InvoerFout as fout:
        return toon_plan(scherm, data, form.waarden, fout.fouten, status=422)
    return scherm.naar(f"/zorgplannen/{z.id}?opgeslagen=1")


@router.get("/zorgplannen/{zorgplan_id}")
def zorgplan_tonen(scherm: Ingelogd, zorgplan_id: WebId, opgeslagen: int = 0) -> Response:
    data = scherm.doe(zorgplan_scherm, None, zorgplan_id)
    melding = "Zorgplan opgeslagen." if opgeslagen else None
    return toon_plan(scherm, data, zorgplan_naar_formulier(data["z"]), melding=melding)


@router.post("/zorgplannen/{zorgplan_id}")
def zorgplan_bewaren(scherm: Ingelogd, form: Form, zorgplan_id: WebId) -> Response:
    data = scherm.doe(zorgplan_scherm, None, zorgplan_id)
    try:
        form.eis_csrf()
        scherm.doe(r.zorgplan_wijzigen, zorgplan_id, ontvang(ZorgplanWijziging, zorgplan_uit_formulier(form.waarden)))
    except InvoerFout as fout:
        return toon_plan(scherm, data, form.waarden, fout.fouten, status=422)
    except WebFout as fout:
        return toon_plan(scherm, data, form.waarden, [Fout("formulier", fout.fout.melding)], status=409)
    return scherm.naar(f"/zorgplannen/{zorgplan_id}?opgeslagen=1")


@router.get("/zorgplannen/{zorgplan_id}/zorgplan.pdf")
def zorgplan_pdf(scherm: Ingelogd, zorgplan_id: WebId) -> Response:
    """The zorgplan as a PDF for the client (Wlz art. 8.1.3 lid 1), for whoever may read the plan."""
    pdf = zorgplanbrief_pdf(scherm.doe(zorgplanbrief, zorgplan_id))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="zorgplan-{zorgplan_id}.pdf"'},
    )
