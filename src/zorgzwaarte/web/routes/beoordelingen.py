"""The assessment (the "foto"): new, draft, final, the live preview, and recording the decision."""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.schermen import beoordeling_scherm, nieuwe_beoordeling_scherm, voorbeeld_scherm
from zorgzwaarte.diensten.werkeenheid import vandaag_nl
from zorgzwaarte.domein.beoordeling import BEOORDELINGSPRINCIPES, BRON_PRINCIPES
from zorgzwaarte.domein.records import BeoordelingConcept, BeoordelingWijziging, BesluitVastleggen
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd, Scherm, WebFout, WebId
from zorgzwaarte.web.beoordeling import (
    aantal_zorgmomenten,
    eerste_waarde,
    formulier_context,
    formulieractie,
    fouten_op_scherm,
    fouten_per_veld,
    invoer_naar_formulier,
    vergelijking,
)
from zorgzwaarte.web.beoordeling import formulier_naar_invoer as beoordeling_uit_formulier

router = APIRouter(include_in_schema=False)


def toon_beoordeling(
    scherm: Scherm,
    data: dict[str, Any],
    waarden: dict[str, list[str]],
    fouten: list[Fout] | None = None,
    melding: str | None = None,
    status: int = 200,
) -> Response:
    """The form page: the page service's data plus the form values and messages."""
    fouten = [*(fouten or []), *data.get("fouten", [])]
    u = data.get("u")
    return scherm.toon(
        "beoordelingen/formulier.html",
        status=status,
        c=data["c"],
        b=data["b"],
        u=u,
        vgl=vergelijking(u) if u else None,
        w=waarden,
        een=eerste_waarde(waarden),
        fouten=fouten_op_scherm(fouten),
        fv=fouten_per_veld(fouten),
        zm_aantal=aantal_zorgmomenten(waarden),
        zorgaanbieders=data.get("zorgaanbieders", []),
        melding=melding,
        principes=BEOORDELINGSPRINCIPES,
        principes_bron=BRON_PRINCIPES,
        vandaag=vandaag_nl(scherm.nu()),
        **formulier_context(),
    )


@router.get("/clienten/{client_id}/beoordelingen/nieuw")
def beoordeling_nieuw(scherm: Ingelogd, client_id: WebId) -> Response:
    return toon_beoordeling(scherm, scherm.doe(nieuwe_beoordeling_scherm, client_id), {})


@router.post("/clienten/{client_id}/beoordelingen")
def beoordeling_aanmaken(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    data = scherm.doe(nieuwe_beoordeling_scherm, client_id)
    gewijzigd = formulieractie(form.waarden, form.een("actie"))
    if gewijzigd is not None:  # a button that only changes the form: nothing is stored
        return toon_beoordeling(scherm, data, gewijzigd)
    invoer, meta = beoordeling_uit_formulier(form.waarden)
    try:
        form.eis_csrf()
        b = scherm.doe(r.beoordeling_aanmaken, client_id, ontvang(BeoordelingConcept, {"invoer": invoer, **meta}))
    except InvoerFout as fout:
        return toon_beoordeling(scherm, data, form.waarden, fout.fouten, status=422)
    return scherm.naar(f"/beoordelingen/{b.id}?opgeslagen=1")


@router.get("/beoordelingen/{beoordeling_id}")
def beoordeling_tonen(scherm: Ingelogd, beoordeling_id: WebId, opgeslagen: int = 0) -> Response:
    data = scherm.doe(beoordeling_scherm, beoordeling_id)
    waarden = invoer_naar_formulier(data["b"]["invoer"], data["b"])
    return toon_beoordeling(scherm, data, waarden, melding="Concept opgeslagen." if opgeslagen else None)


@router.post("/beoordelingen/{beoordeling_id}")
def beoordeling_actie(scherm: Ingelogd, form: Form, beoordeling_id: WebId) -> Response:
    actie = form.een("actie", "opslaan")
    tekst = form.een("versie", "0")
    versie = int(tekst) if tekst.isdigit() else 0  # 0: the service answers with a Dutch message on `versie`
    data = scherm.doe(beoordeling_scherm, beoordeling_id)
    gewijzigd = formulieractie(form.waarden, actie)
    if gewijzigd is not None and data["b"]["status"] == "concept":  # only changes the form: nothing is stored
        return toon_beoordeling(scherm, data, gewijzigd)
    try:
        form.eis_csrf()
        if actie == "besluit":
            keuze = {k: form.een(k) for k in ("besluitdatum", "besluitdatum_reden", "zorgaanbieder_id") if form.een(k)}
            besluit = scherm.doe(
                r.besluit_vastleggen, beoordeling_id, versie, ontvang(BesluitVastleggen, {**keuze, "versie": versie})
            )
            return scherm.naar(f"/clienten/{besluit.client_id}?besluit={besluit.id}")
        invoer, meta = beoordeling_uit_formulier(form.waarden)
        wijziging = ontvang(BeoordelingWijziging, {"invoer": invoer, **meta, "versie": versie})
        b = scherm.doe(r.beoordeling_wijzigen, beoordeling_id, wijziging)
        if actie == "definitief":
            scherm.doe(r.beoordeling_definitief, beoordeling_id, b.versie)
            return scherm.naar(f"/beoordelingen/{beoordeling_id}")
    except InvoerFout as fout:
        return toon_beoordeling(scherm, data, form.waarden, fout.fouten, status=422)
    except WebFout as fout:
        return toon_beoordeling(scherm, data, form.waarden, [Fout("formulier", fout.fout.melding)], status=409)
    return scherm.naar(f"/beoordelingen/{beoordeling_id}?opgeslagen=1")


@router.post("/beoordelingen/{beoordeling_id}/verwijderen")
def beoordeling_verwijderen(scherm: Ingelogd, form: Form, beoordeling_id: WebId) -> Response:
    """Delete a draft; back to the client with a message."""
    tekst = form.een("versie", "0")
    data = scherm.doe(beoordeling_scherm, beoordeling_id)
    try:
        form.eis_csrf()
        b = scherm.doe(r.beoordeling_verwijderen, beoordeling_id, int(tekst) if tekst.isdigit() else 0)
    except InvoerFout as fout:
        return toon_beoordeling(
            scherm, data, invoer_naar_formulier(data["b"]["invoer"], data["b"]), fout.fouten, status=422
        )
    except WebFout as fout:
        waarden = invoer_naar_formulier(data["b"]["invoer"], data["b"])
        return toon_beoordeling(scherm, data, waarden, [Fout("formulier", fout.fout.melding)], status=409)
    return scherm.naar(f"/clienten/{b.client_id}?melding=Het concept is verwijderd.")


@router.post("/clienten/{client_id}/voorbeeld")
def voorbeeld(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    """HTMX: the decision as it would be computed from the values on screen (nothing is stored)."""
    invoer, meta = beoordeling_uit_formulier(form.waarden)
    try:
        u = scherm.doe(voorbeeld_scherm, client_id, invoer, meta)
    except InvoerFout as fout:
        return scherm.toon("beoordelingen/voorbeeld.html", u=None, fouten=fouten_op_scherm(fout.fouten))
    except WebFout as fout:
        return scherm.toon("beoordelingen/voorbeeld.html", u=None, fouten=[Fout("formulier", fout.fout.melding)])
    return scherm.toon("beoordelingen/voorbeeld.html", u=u, vgl=vergelijking(u), fouten=[])
