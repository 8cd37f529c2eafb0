"""The audit log: read (paged, filtered) and export as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from zorgzwaarte.diensten.records.gemeenschappelijk import pagina_grenzen, uit_record
from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import NL, Werkeenheid
from zorgzwaarte.domein.uitvoer import AuditregelUit, Pagina
from zorgzwaarte.opslag.modellen import (
    Auditregel,
)


def begin_van_dag(dag: date) -> datetime:
    """The first moment of a Dutch calendar day as the audit log stores moments (UTC): 1 January 2026 begins at
    2025-12-31 23:00 UTC. The filter's `van` and `tot` are days as the beheerder reads them on the screen (times in
    Europe/Amsterdam, ``rapporten.opmaak.tijdstip``), not UTC days."""
    return datetime.combine(dag, time.min, tzinfo=NL).astimezone(UTC)


def _audit_query(
    client_id: int | None, gebruiker: str | None, actie: str | None, van: date | None, tot: date | None
) -> Any:
    """One query with every filter in SQL, the period as a range of moments (``begin_van_dag``): on client it
    searches ix_auditregel_client_id, on period alone ix_auditregel_tijdstip (tests/opslag/test_auditindexen.py)."""
    q = select(Auditregel)
    if client_id is not None:
        q = q.where(Auditregel.client_id == client_id)
    if gebruiker:
        q = q.where(Auditregel.gebruikersnaam == gebruiker)
    if actie:
        q = q.where(Auditregel.actie.like(f"{actie}%"))
    if van:
        q = q.where(Auditregel.tijdstip >= begin_van_dag(van))
    if tot:
        q = q.where(Auditregel.tijdstip < begin_van_dag(tot + timedelta(days=1)))
    return q


def audit_uit(a: Auditregel) -> AuditregelUit:
    return uit_record(AuditregelUit, a)


def audit_lijst(
    uow: Werkeenheid,
    client_id: int | None,
    gebruiker: str | None,
    actie: str | None,
    van: date | None,
    tot: date | None,
    pagina: int,
    per_pagina: int,
) -> Pagina[AuditregelUit]:
    uow.log("audit.lezen", "auditregel", None, None, f"filter client {client_id}" if client_id else None)
    eis(uow.ingelogd(), "audit.lezen")
    start, aantal = pagina_grenzen(pagina, per_pagina)
    q = _audit_query(client_id, gebruiker, actie, van, tot)
    totaal = uow.sessie.scalar(select(func.count()).select_from(q.subquery())) or 0
    rijen = uow.sessie.scalars(q.order_by(Auditregel.id.desc()).offset(start).limit(aantal))
    return Pagina[AuditregelUit](
        items=[audit_uit(a) for a in rijen], totaal=totaal, pagina=pagina, per_pagina=per_pagina
    )


def audit_export(uow: Werkeenheid, client_id: int | None, van: date | None, tot: date | None) -> str:
    uow.log("audit.exporteren", "auditregel")
    eis(uow.ingelogd(), "audit.lezen")
    buffer = io.StringIO()
    velden = [
        "id",
        "tijdstip",
        "gebruiker_id",
        "gebruikersnaam",
        "organisatie_id",
        "rol",
        "actie",
        "objecttype",
        "object_id",
        "client_id",
        "uitkomst",
        "details",
    ]
    schrijver = csv.DictWriter(buffer, fieldnames=velden, delimiter=";")
    schrijver.writeheader()
    for a in uow.sessie.scalars(_audit_query(client_id, None, None, van, tot).order_by(Auditregel.id)):
        schrijver.writerow(audit_uit(a).model_dump())
    return buffer.getvalue()
