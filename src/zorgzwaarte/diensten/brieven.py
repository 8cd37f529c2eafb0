"""Letters for the client: what the decision letter says (the decision, the dates, why, and how to object).

The service gathers the letter's content under the reader's rights; the adapter renders it
(``rapporten.brieven.besluitbrief_pdf``): services import no adapter (docs/architectuur.md, "Lagen").
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import LEVENSDOMEINEN
from zorgzwaarte.opslag.modellen import Beoordeling, Organisatie
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.zorgplan import zorgplan_onderwerpen, zorgplan_plichten

# Trail steps about the organisation's own deadlines: for the file, not for the client's letter.
INTERN = ("Beslistermijn",)

BEZWAAR_BRON = (
    "Algemene wet bestuursrecht art. 6:7 (bezwaartermijn zes weken) en 6:8 (aanvang termijn); "
    "Beleidsregels indicatiestelling AWBZ 2014 en Wlz 2015: tegen het indicatiebesluit staat bezwaar en beroep open"
)


def uitleg_adres(zzp_code: str | None, basis_url: str = "") -> str | None:
    """Where the public explanation of the granted profile lives: $ZORGZWAARTE_URL (the public address) or the
    address the request came in on, plus /zzp/{code}."""
    z = zoek_zzp(zzp_code) if zzp_code else None
    if z is None:
        return None
    basis = (os.environ.get("ZORGZWAARTE_URL") or basis_url or "http://127.0.0.1:8000").rstrip("/")
    return f"{basis}/zzp/{z.code}"


def besluitbrief(uow: Werkeenheid, besluit_id: int, basis_url: str = "") -> dict[str, Any]:
    """The content of the decision letter; rights and audit as for reading the decision. The adapter renders it
    (``rapporten.brieven.besluitbrief_pdf``)."""
    besluit = r.besluit_lezen(uow, besluit_id).model_dump()
    client = r.client_lezen(uow, besluit["client_id"]).model_dump()
    afzender = None
    peildatum = None
    if besluit["beoordeling_id"]:
        b = uow.sessie.get(Beoordeling, besluit["beoordeling_id"])
        org = uow.sessie.get(Organisatie, b.organisatie_id) if b else None
        afzender = org.naam if org else None
        peildatum = (b.invoer or {}).get("peildatum") if b else None
    uow.log("besluit.brief", "indicatiebesluit", besluit_id, besluit["client_id"])
    return {
        "b": besluit,
        "res": besluit["resultaat"],
        "c": client,
        "afzender": afzender or "Het indicatieorgaan",
        "bezwaar_bron": BEZWAAR_BRON,
        "zzp_uitleg": uitleg_adres(besluit.get("zzp_code"), basis_url) if besluit["besluit"] == "toegekend" else None,
        "peildatum": peildatum,
        "bijlage": [s for s in besluit["resultaat"].get("toelichting") or [] if s.get("regel") not in INTERN],
    }


def zorgplanbrief(uow: Werkeenheid, zorgplan_id: int) -> dict[str, Any]:
    """The content of the zorgplan for the client (Wlz art. 8.1.3 lid 1: a copy to the client): the agreements per
    subject of the zorgplanbespreking (art. 8.1.1 lid 1) and per life domain, and what the provider still owes.
    Rights and audit as for reading the plan; the adapter renders it (``rapporten.brieven.zorgplanbrief_pdf``)."""
    plan = r.zorgplan_lezen(uow, zorgplan_id).model_dump()
    o = r.overeenkomst_lezen(uow, plan["overeenkomst_id"]).model_dump()
    client = r.client_lezen(uow, plan["client_id"]).model_dump()
    org = uow.sessie.get(Organisatie, o["zorgaanbieder_id"]) if o.get("zorgaanbieder_id") else None
    uow.log("zorgplan.brief", "zorgplan", zorgplan_id, plan["client_id"])
    return {
        "z": plan,
        "o": o,
        "c": client,
        "afzender": org.naam if org else "Uw zorgaanbieder",
        "domeinen": tuple(LEVENSDOMEINEN.items()),
        "onderwerpen": zorgplan_onderwerpen(),
        "plichten": zorgplan_plichten(date.fromisoformat(o["ingangsdatum"]), plan, uow.nu().date()),
    }
