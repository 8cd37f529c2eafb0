"""Clients: search (HTMX), register a new client, the client page with its timeline."""

from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.schermen import client_scherm
from zorgzwaarte.domein.records import BsnZoekvraag, ClientNieuw, ToewijzingNieuw
from zorgzwaarte.fouten import DienstFout, InvoerFout
from zorgzwaarte.iwlz import uitwisseling as iwlz
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd, WebFout, WebId, WebNummer
from zorgzwaarte.web.invoer import paginanummer
from zorgzwaarte.web.zorglevering import zorg_fouten_op_scherm

router = APIRouter(include_in_schema=False)

CLIENT_VELDEN = (
    ("bsn", "Burgerservicenummer", "text"),
    ("geslachtsnaam", "Achternaam", "text"),
    ("voorvoegsel", "Tussenvoegsel (niet verplicht)", "text"),
    ("voorletters", "Voorletters (niet verplicht)", "text"),
    ("geboortedatum", "Geboortedatum", "date"),
    ("straat", "Straat (niet verplicht)", "text"),
    ("huisnummer", "Huisnummer (niet verplicht)", "text"),
    ("postcode", "Postcode (niet verplicht)", "text"),
    ("woonplaats", "Woonplaats (niet verplicht)", "text"),
    ("regio", "Zorgkantoorregio (niet verplicht)", "text"),
)


@router.get("/clienten")
def clienten(scherm: Ingelogd, zoek: str = "", pagina_nr: str = "") -> Response:
    nummer, paginamelding = paginanummer(pagina_nr)
    lijst = scherm.doe(r.clienten_lijst, zoek.strip() or None, nummer, 25)
    sjabloon = "clienten/resultaten.html" if scherm.request.headers.get("HX-Request") else "clienten/lijst.html"
    return scherm.toon(sjabloon, lijst=lijst, zoek=zoek, paginamelding=paginamelding)


@router.post("/clienten/bsn")
def client_op_bsn(scherm: Ingelogd, form: Form) -> Response:
    """Search a client by BSN: exact, audited, and never in an address (a POST, like the API)."""
    fouten: dict[str, str] = {}
    try:
        form.eis_csrf()
        c = scherm.doe(r.client_zoeken_bsn, ontvang(BsnZoekvraag, {"bsn": form.een("bsn")}))
        return scherm.naar(f"/clienten/{c.id}")
    except InvoerFout as fout:
        fouten = {"bsn": fout.fouten[0].melding if fout.fouten[0].veld in ("bsn", "formulier") else str(fout)}
    except WebFout as fout:
        fouten = {"bsn": fout.fout.melding}
    lijst = scherm.doe(r.clienten_lijst, None, 1, 25)
    return scherm.toon(
        "clienten/lijst.html", status=422, lijst=lijst, zoek="", bsn=form.een("bsn"), bsn_fout=fouten["bsn"]
    )


@router.get("/clienten/nieuw")
def client_nieuw(scherm: Ingelogd) -> Response:
    return scherm.toon("clienten/nieuw.html", velden=CLIENT_VELDEN, w={}, fouten={})


@router.post("/clienten/nieuw")
def client_nieuw_post(scherm: Ingelogd, form: Form) -> Response:
    waarden = {k: form.een(k) for k in form.waarden}
    fouten: dict[str, str] = {}
    try:
        form.eis_csrf()
        c = scherm.doe(r.client_aanmaken, ontvang(ClientNieuw, {k: v for k, v in waarden.items() if k != "csrf" and v}))
        return scherm.naar(f"/clienten/{c.id}")
    except InvoerFout as fout:
        fouten = {f.veld.split(".")[0]: f.melding for f in fout.fouten}
    except WebFout as fout:
        fouten["formulier"] = fout.fout.melding
    except DienstFout as fout:
        fouten["formulier"] = fout.melding
    namen = {naam: label for naam, label, _ in CLIENT_VELDEN} | {"geslacht": "Geslacht"}
    return scherm.toon("clienten/nieuw.html", status=422, velden=CLIENT_VELDEN, w=waarden, fouten=fouten, namen=namen)


@router.get("/clienten/{client_id}")
def client(scherm: Ingelogd, client_id: WebId, besluit: WebNummer = 0, melding: str = "") -> Response:
    data = scherm.doe(client_scherm, client_id, besluit or None)
    return scherm.toon("clienten/client.html", **data, melding=melding or None, w={}, fouten=[])


@router.post("/clienten/{client_id}/toewijzingen")
def toewijzing_nieuw(scherm: Ingelogd, form: Form, client_id: WebId) -> Response:
    """The zorgkantoor assigns the client's care to a provider (toewijzing, iWlz AW33): it lands in its intake."""
    try:
        form.eis_csrf()
        velden = ("zorgaanbieder_id", "leveringsvorm", "ingangsdatum", "einddatum")
        data = {k: form.een(k) for k in velden if form.een(k)}
        t = scherm.doe(r.toewijzing_aanmaken, client_id, ontvang(ToewijzingNieuw, data))
    except InvoerFout as fout:
        gegevens = scherm.doe(client_scherm, client_id)
        fouten = zorg_fouten_op_scherm(fout.fouten, form.waarden)
        return scherm.toon("clienten/client.html", status=422, **gegevens, melding=None, w=form.waarden, fouten=fouten)
    naam = dict(scherm.doe(client_scherm, client_id)["aanbieders"]).get(str(t.zorgaanbieder_id), "de zorgaanbieder")
    melding = f"Toegewezen aan {naam}. De cliënt staat nu bij die zorgaanbieder bij de nieuwe cliënten."
    return scherm.naar(f"/clienten/{client_id}?{urlencode({'melding': melding})}#toewijzen")


@router.get("/toewijzingen/{toewijzing_id}/aw33")
def toewijzing_aw33(scherm: Ingelogd, toewijzing_id: WebId) -> Response:
    """The AW33 message of a toewijzing, as the zorgkantoor sends it to the provider; what the message cannot be
    made without (an address, a coordinator) is shown on the client page, naming the field."""
    try:
        xml = scherm.doe(iwlz.bericht_van_toewijzing, toewijzing_id)
    except InvoerFout as fout:
        client_id = scherm.doe(r.toewijzing_lezen, toewijzing_id).client_id
        gegevens = scherm.doe(client_scherm, client_id)
        fouten = zorg_fouten_op_scherm(fout.fouten, {})
        return scherm.toon("clienten/client.html", status=422, **gegevens, melding=None, w={}, fouten=fouten)
    return Response(
        xml,
        media_type="application/xml",
        headers={"content-disposition": f'attachment; filename="aw33-toewijzing-{toewijzing_id}.xml"'},
    )
