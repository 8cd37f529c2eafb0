"""The declaration check (zorgkantoor, provider): upload, every line explained, case-mix, or the PDF summary."""

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from zorgzwaarte.diensten.declaratie import DeclaratieInvoer
from zorgzwaarte.diensten.declaratiecontrole import declaratie_controleren
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.werkeenheid import vandaag_nl
from zorgzwaarte.domein.validatie import OnleesbareJson, lees_json
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.rapporten.pdf import casemix, declaratie_pdf
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd

router = APIRouter(include_in_schema=False)


@router.post("/declaraties")
async def declaratie_uploaden(scherm: Ingelogd, form: Form) -> Response:
    """Upload a declaration (the JSON of `zorgzwaarte declareer`) and see every line explained, compared with the
    stored indicatie and overeenkomst (audited), the total in euros and the case-mix; `pdf=1` returns the PDF."""
    fouten: list[Fout] = []
    uitkomst = None
    try:
        form.eis_csrf()
        bestand = form.bestanden.get("bestand")
        inhoud = await bestand.read() if isinstance(bestand, UploadFile) else b""
        if not inhoud:
            raise InvoerFout.een("bestand", "kies een bestand (JSON, zoals 'zorgzwaarte declareer' het leest)")
        try:
            data = lees_json(inhoud, "bestand")
        except OnleesbareJson:  # not JSON at all: say what to choose instead, in words the reader knows
            melding = "dit bestand kunnen we niet lezen: kies het JSON-bestand van de declaratie (tekst, UTF-8)"
            raise InvoerFout.een("bestand", melding) from None
        uitkomst = scherm.doe(declaratie_controleren, ontvang(DeclaratieInvoer, data))
    except InvoerFout as fout:
        fouten = fout.fouten
    if uitkomst and form.een("pdf") == "1":
        return Response(
            declaratie_pdf(uitkomst, gemaakt_op=vandaag_nl(scherm.nu())),  # the day on the server's clock
            media_type="application/pdf",
            headers={"content-disposition": 'attachment; filename="declaratie.pdf"'},
        )
    return scherm.toon(
        "declaraties/declaratie.html",
        status=422 if fouten else 200,
        d=uitkomst,
        fouten=fouten,
        mix=casemix(uitkomst.regels) if uitkomst else [],
    )
