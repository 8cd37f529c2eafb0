"""The audit log for the beheerder: filters, newest first, 50 a page, and the CSV export with the same filters."""

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import Field

from zorgzwaarte.diensten import records as r
from zorgzwaarte.domein.grenzen import MAX_ID
from zorgzwaarte.domein.records import Invoer
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.web.afhankelijkheden import Ingelogd
from zorgzwaarte.web.invoer import naar_iso, paginanummer

router = APIRouter(include_in_schema=False)


class AuditFilter(Invoer):
    gebruiker: str | None = None
    actie: str | None = None
    client_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    van: date | None = None
    tot: date | None = None


def _filter(filters: dict[str, str]) -> AuditFilter:
    return valideer(AuditFilter, {k: naar_iso(v.strip()) for k, v in filters.items() if v.strip()})


@router.get("/audit")
def audit(
    scherm: Ingelogd,
    gebruiker: str = "",
    actie: str = "",
    client_id: str = "",
    van: str = "",
    tot: str = "",
    pagina_nr: str = "",
) -> Response:
    filters = {"gebruiker": gebruiker, "actie": actie, "client_id": client_id, "van": van, "tot": tot}
    fouten: dict[str, str] = {}
    try:
        f = _filter(filters)
    except InvoerFout as fout:
        fouten = {x.veld: x.melding for x in fout.fouten}
        f = AuditFilter()
    nummer, paginamelding = paginanummer(pagina_nr)
    lijst = scherm.doe(r.audit_lijst, f.client_id, f.gebruiker, f.actie, f.van, f.tot, nummer, 50)
    return scherm.toon(
        "audit/audit.html",
        status=422 if fouten else 200,
        lijst=lijst,
        filters=filters,
        fouten=fouten,
        paginamelding=paginamelding,
        query=urlencode({k: v for k, v in filters.items() if v}),
    )


@router.get("/audit/export")
def audit_export(scherm: Ingelogd, client_id: str = "", van: str = "", tot: str = "") -> Response:
    try:
        f = _filter({"client_id": client_id, "van": van, "tot": tot})
    except InvoerFout as fout:
        return scherm.toon("fout.html", status=422, melding="; ".join(f"{x.veld}: {x.melding}" for x in fout.fouten))
    tekst = scherm.doe(r.audit_export, f.client_id, f.van, f.tot)
    return Response(
        tekst,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="audit.csv"'},
    )
