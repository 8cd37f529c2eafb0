"""Clients: search (HTMX), register a new client, the client page with its timeline."""

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.schermen import client_scherm
from zorgzwaarte.fouten import DienstFout, InvoerFout
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd, WebFout, WebId, WebNummer
from zorgzwaarte.web.invoer import paginanummer

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
        c = scherm.doe(r.client_zoeken_bsn, {"bsn": form.een("bsn")})
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
        c = scherm.doe(r.client_aanmaken, {k: v for k, v in waarden.items() if k != "csrf" and v})
        return scherm.naar(f"/clienten/{c.id}")
    except InvoerFout as fout:
        fouten = {f.veld.split(".")[0]: f.melding for f in fout.fouten}
    except WebFout as fout:
        fouten["formulier"] = fout.fout.melding
    except DienstFout as fout:
        fouten["formulier"] = fout.melding
    return scherm.toon("clienten/nieuw.html", status=422, velden=CLIENT_VELDEN, w=waarden, fouten=fouten)


@router.get("/clienten/{client_id}")
def client(scherm: Ingelogd, client_id: WebId, besluit: WebNummer = 0, melding: str = "") -> Response:
    data = scherm.doe(client_scherm, client_id, besluit or None)
    return scherm.toon("clienten/client.html", **data, melding=melding or None)
