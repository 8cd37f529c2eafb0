"""Letters for the client: the indicatiebesluit as a PDF (the decision, the dates, why, and how to object)."""

from __future__ import annotations

from typing import Any

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.modellen import Beoordeling, Organisatie
from zorgzwaarte.rapporten.pdf import render_pdf

BEZWAAR_BRON = (
    "Algemene wet bestuursrecht art. 6:7 (bezwaartermijn zes weken) en 6:8 (aanvang termijn); "
    "Beleidsregels indicatiestelling AWBZ 2014 en Wlz 2015: tegen het indicatiebesluit staat bezwaar en beroep open"
)


def besluitbrief(uow: Werkeenheid, besluit_id: int) -> tuple[bytes, dict[str, Any]]:
    """The decision letter (PDF) and the decision it is about; rights and audit as for reading the decision."""
    besluit = r.besluit_lezen(uow, besluit_id)
    client = r.client_lezen(uow, besluit["client_id"])
    afzender = None
    if besluit["beoordeling_id"]:
        b = uow.sessie.get(Beoordeling, besluit["beoordeling_id"])
        org = uow.sessie.get(Organisatie, b.organisatie_id) if b else None
        afzender = org.naam if org else None
    uow.log("besluit.brief", "indicatiebesluit", besluit_id, besluit["client_id"])
    pdf = render_pdf(
        "besluitbrief.html",
        b=besluit,
        res=besluit["resultaat"],
        c=client,
        afzender=afzender or "Het indicatieorgaan",
        bezwaar_bron=BEZWAAR_BRON,
    )
    return pdf, besluit
