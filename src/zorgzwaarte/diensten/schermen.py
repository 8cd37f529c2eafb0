"""Page services for the web: one call per page, in one unit of work, gathering what the page shows.

The web routes make exactly one of these calls per page (or one plain service call from `records`); everything
a page derives from the rules (the herindicatie signal, the indicated hours) is computed here or in `regels`,
never in a route or a template.
"""

from __future__ import annotations

from typing import Any

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import Fout, InvoerFout, Verboden
from zorgzwaarte.regels.zorgplan import herindicatie_signaal


def client_scherm(uow: Werkeenheid, client_id: int, besluit_id: int | None = None) -> dict[str, Any]:
    """The client page: the client and the timeline the role may see; after recording a decision, that decision."""
    nieuw = r.besluit_lezen(uow, besluit_id) if besluit_id else None
    if nieuw and nieuw["client_id"] != client_id:
        nieuw = None
    return {"c": r.client_lezen(uow, client_id), "tijdlijn": r.client_tijdlijn(uow, client_id), "nieuw_besluit": nieuw}


def nieuwe_beoordeling_scherm(uow: Werkeenheid, client_id: int) -> dict[str, Any]:
    """A new assessment form: only an assessor starts one."""
    c = r.client_lezen(uow, client_id)
    assert uow.actor is not None
    if uow.actor.rol != "beoordelaar":
        raise Verboden("alleen een beoordelaar legt een beoordeling vast")
    return {"c": c, "b": None, "u": None, "fouten": []}


def beoordeling_scherm(uow: Werkeenheid, beoordeling_id: int) -> dict[str, Any]:
    """An assessment with its client; when final, the decision as it will be stored (from the stored foto)."""
    b = r.beoordeling_lezen(uow, beoordeling_id)
    c = r.client_lezen(uow, b["client_id"])
    u, fouten = None, []
    if b["status"] != "concept":
        try:
            u = r.beoordeling_voorbeeld(uow, beoordeling_id)
        except InvoerFout as fout:
            fouten = fout.fouten
    return {"c": c, "b": b, "u": u, "fouten": fouten}


def _geindiceerde_uren(besluit: dict[str, Any]) -> float | None:
    minuten = [f.get("minuten_per_week") for f in (besluit["resultaat"].get("functies") or [])]
    return round(sum(m for m in minuten if m) / 60, 1) if any(minuten) else None


def zorg_scherm(uow: Werkeenheid, client_id: int) -> dict[str, Any]:
    """The provider's care page: own agreements, plans, reports, delivered weeks and the herindicatie signal."""
    assert uow.actor is not None
    c = r.client_lezen(uow, client_id)
    overeenkomsten = r.overeenkomsten_van_client(uow, client_id)
    eigen = [o for o in overeenkomsten if o["zorgaanbieder_id"] == uow.actor.organisatie_id]
    weken = r.geleverd_van_client(uow, client_id)
    geindiceerd = herindicatie = None
    if eigen and eigen[-1]["indicatiebesluit_id"]:
        besluit = r.besluit_lezen(uow, eigen[-1]["indicatiebesluit_id"])
        herindicatie = herindicatie_signaal(
            [wk["signalen"] for wk in weken], besluit["geldig_tot"], weken[-1]["week"] if weken else None
        )
        geindiceerd = _geindiceerde_uren(besluit)
    return {
        "c": c,
        "overeenkomsten": eigen,
        "plannen": r.zorgplannen_van_client(uow, client_id),
        "rapportages": r.rapportages_van_client(uow, client_id),
        "weken": weken,
        "geindiceerd": geindiceerd,
        "herindicatie": herindicatie,
    }


def zorgplan_scherm(
    uow: Werkeenheid, overeenkomst_id: int | None = None, zorgplan_id: int | None = None
) -> dict[str, Any]:
    """A zorgplan (existing, by id) or a new one on an agreement, with the client and the indication behind it."""
    z = r.zorgplan_lezen(uow, zorgplan_id) if zorgplan_id is not None else None
    o = r.overeenkomst_lezen(uow, z["overeenkomst_id"] if z else overeenkomst_id or 0)
    besluit = r.besluit_lezen(uow, o["indicatiebesluit_id"]) if o["indicatiebesluit_id"] and z is None else None
    return {"c": r.client_lezen(uow, o["client_id"]), "o": o, "z": z, "besluit": besluit}


def als_fouten(fout: Exception) -> list[Fout]:
    """Any service refusal as form messages (for a page that shows it in its own form)."""
    if isinstance(fout, InvoerFout):
        return fout.fouten
    return [Fout("formulier", str(getattr(fout, "melding", fout)))]


def voorbeeld_scherm(uow: Werkeenheid, client_id: int, invoer: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The live preview: the decision computed from the values on screen for this client (nothing stored)."""
    c = r.client_lezen(uow, client_id)
    data = {**invoer, **{k: v for k, v in meta.items() if v}, "client": {"geboortedatum": c["geboortedatum"]}}
    return bereken_indicatie(data).als_dict()
