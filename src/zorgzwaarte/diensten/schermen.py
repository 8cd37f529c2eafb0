"""Page services for the web: one call per page, in one unit of work, gathering what the page shows.

The web routes make exactly one of these calls per page (or one plain service call from `records`); everything
a page derives from the rules (the herindicatie signal, the indicated hours) is computed here or in `regels`,
never in a route or a template.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.fouten import Fout, InvoerFout, Verboden
from zorgzwaarte.opslag.modellen import Organisatie
from zorgzwaarte.regels.regelset import tabel_op
from zorgzwaarte.regels.zorgplan import herindicatie_signaal


def client_scherm(uow: Werkeenheid, client_id: int, besluit_id: int | None = None) -> dict[str, Any]:
    """The client page: the client and the timeline the role may see; after recording a decision, that decision."""
    nieuw = r.besluit_lezen(uow, besluit_id).model_dump() if besluit_id else None
    if nieuw and nieuw["client_id"] != client_id:
        nieuw = None
    uit: dict[str, Any] = {
        "c": r.client_lezen(uow, client_id).model_dump(),
        "tijdlijn": [x.model_dump() for x in r.client_tijdlijn(uow, client_id)],
        "nieuw_besluit": nieuw,
    }
    assert uow.actor is not None
    if uow.actor.rol == "zorgkantoor":  # to assign the client's care to a provider (toewijzing, iWlz AW33)
        q = select(Organisatie).where(Organisatie.soort == "zorgaanbieder").order_by(Organisatie.naam)
        namen = {o.id: o.naam for o in uow.sessie.scalars(q)}
        uit["aanbieders"] = [(str(i), naam) for i, naam in namen.items()]
        uit["toewijzingen"] = [
            {**t.model_dump(), "aanbieder": namen.get(t.zorgaanbieder_id, "")}
            for t in r.toewijzingen_van_client(uow, client_id)
        ]
        uit["leveringsvormen"] = r.leveringsvormen_bij_besluit(r.geldend_besluit(uow, client_id))
    return uit


def nieuwe_beoordeling_scherm(uow: Werkeenheid, client_id: int) -> dict[str, Any]:
    """A new assessment form: only an assessor starts one."""
    c = r.client_lezen(uow, client_id).model_dump()
    assert uow.actor is not None
    if uow.actor.rol != "beoordelaar":
        raise Verboden("alleen een beoordelaar legt een beoordeling vast")
    return {"c": c, "b": None, "u": None, "fouten": []}


def beoordeling_scherm(uow: Werkeenheid, beoordeling_id: int) -> dict[str, Any]:
    """An assessment with its client; when final, the decision as it will be stored (from the stored foto)."""
    b = r.beoordeling_lezen(uow, beoordeling_id).model_dump()
    c = r.client_lezen(uow, b["client_id"]).model_dump()
    u, fouten = None, []
    if b["status"] != "concept":
        try:
            u = r.beoordeling_voorbeeld(uow, beoordeling_id).als_json()  # the screen reads the JSON shape
        except InvoerFout as fout:
            fouten = fout.fouten
    aanbieders = []
    if b["status"] == "definitief":  # to record the decision: the provider the client chooses (its intake)
        q = select(Organisatie).where(Organisatie.soort == "zorgaanbieder").order_by(Organisatie.naam)
        aanbieders = [(str(o.id), o.naam) for o in uow.sessie.scalars(q)]
    return {"c": c, "b": b, "u": u, "fouten": fouten, "zorgaanbieders": aanbieders}


def _geindiceerde_uren(besluit: dict[str, Any]) -> dict[str, float | None]:
    """Indicated hours per week per function (None: the indication gives no hours, e.g. a ZZP)."""
    uit: dict[str, float | None] = {}
    for f in besluit["resultaat"].get("functies") or []:
        m = f.get("minuten_per_week")
        uit[str(f.get("functie"))] = round(m / 60, 1) if m else None
    if besluit.get("zzp_code"):
        # {min, max, bron} when the law or the administrator gives the package's hours; the signal compares with max
        bereik = (besluit["resultaat"].get("zzp") or {}).get("uren_per_week") or {}
        uit["ZZP"] = float(bereik["max"]) if bereik.get("max") is not None else None
    return uit


def zorg_scherm(uow: Werkeenheid, client_id: int, overeenkomst_id: int | None = None) -> dict[str, Any]:
    """The provider's care page: own agreements (each with its indication, and the new one when it was replaced),
    plans, reports, delivered weeks of the chosen agreement and the herindicatie signal over the recent weeks."""
    assert uow.actor is not None
    vandaag = vandaag_nl(uow.nu())
    c = r.client_lezen(uow, client_id).model_dump()
    eigen = [
        o.model_dump()
        for o in r.overeenkomsten_van_client(uow, client_id)
        if o.zorgaanbieder_id == uow.actor.organisatie_id
    ]
    eigen.sort(key=lambda o: (o["ingangsdatum"], o["id"]))
    for o in eigen:
        o["besluit"] = r.besluit_lezen(uow, o["indicatiebesluit_id"]).model_dump() if o["indicatiebesluit_id"] else None
        vervanger = (o["besluit"] or {}).get("vervangen_door_id")
        o["nieuw_besluit"] = r.besluit_lezen(uow, vervanger).model_dump() if vervanger else None
    gekozen = next((o for o in eigen if o["id"] == overeenkomst_id), eigen[-1] if eigen else None)
    alle_weken = [x.model_dump() for x in r.geleverd_van_client(uow, client_id)]
    weken = sorted(
        (w for w in alle_weken if gekozen and w["overeenkomst_id"] == gekozen["id"]), key=lambda w: w["week"]
    )
    geindiceerd: dict[str, float | None] = {}
    herindicatie = None
    if gekozen and gekozen["besluit"]:
        besluit = gekozen["nieuw_besluit"] or gekozen["besluit"]
        geindiceerd = _geindiceerde_uren(besluit)
        venster = int(tabel_op("signalen.yaml")["herindicatie_venster_weken"]["waarde"])
        grens = (vandaag - timedelta(weeks=venster)).isoformat()
        recent = [w for w in weken if grens < w["week"] <= vandaag.isoformat()]  # weeks relative to today
        herindicatie = herindicatie_signaal(
            [w["signalen"] for w in recent], besluit["geldig_tot"], weken[-1]["week"] if weken else None
        )
    return {
        "c": c,
        "overeenkomsten": eigen,
        "gekozen": gekozen,
        "plannen": [x.model_dump() for x in r.zorgplannen_van_client(uow, client_id)],
        "rapportages": [x.model_dump() for x in r.rapportages_van_client(uow, client_id)],
        "weken": weken,
        "geindiceerd": geindiceerd,
        "herindicatie": herindicatie,
        "vandaag": vandaag.isoformat(),
        # the new overeenkomst is on the valid indicatiebesluit: which leveringsvormen it allows, and why not the others
        "leveringsvormen": r.leveringsvormen_bij_besluit(r.geldend_besluit(uow, client_id)),
    }


def zorgplan_scherm(
    uow: Werkeenheid, overeenkomst_id: int | None = None, zorgplan_id: int | None = None
) -> dict[str, Any]:
    """A zorgplan (existing, by id) or a new one on an agreement, with the client and the indication behind it."""
    z = r.zorgplan_lezen(uow, zorgplan_id).model_dump() if zorgplan_id is not None else None
    o = r.overeenkomst_lezen(uow, z["overeenkomst_id"] if z else overeenkomst_id or 0).model_dump()
    besluit = (
        r.besluit_lezen(uow, o["indicatiebesluit_id"]).model_dump() if o["indicatiebesluit_id"] and z is None else None
    )
    return {"c": r.client_lezen(uow, o["client_id"]).model_dump(), "o": o, "z": z, "besluit": besluit}


def als_fouten(fout: Exception) -> list[Fout]:
    """Any service refusal as form messages (for a page that shows it in its own form)."""
    if isinstance(fout, InvoerFout):
        return fout.fouten
    return [Fout("formulier", str(getattr(fout, "melding", fout)))]


def voorbeeld_scherm(uow: Werkeenheid, client_id: int, invoer: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The live preview: the decision computed from the values on screen for this client (nothing stored)."""
    c = r.client_lezen(uow, client_id).model_dump()
    data = {**invoer, **{k: v for k, v in meta.items() if v}, "client": {"geboortedatum": c["geboortedatum"]}}
    return bereken_indicatie(data, huidige_aanvulling(uow.sessie)).als_dict()
