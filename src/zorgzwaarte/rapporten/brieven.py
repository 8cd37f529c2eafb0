"""Letters as PDF: the decision letter and the zorgplan from the content the service gathered (diensten.brieven)."""

from __future__ import annotations

from typing import Any

from zorgzwaarte.rapporten.opmaak import aanhef
from zorgzwaarte.rapporten.pdf import render_pdf


def besluitbrief_pdf(inhoud: dict[str, Any]) -> bytes:
    """The decision letter: the decision, the dates, why (every step with its bron) and how to object."""
    c = inhoud["c"]
    return render_pdf(
        "besluitbrief.html",
        **inhoud,
        aanhef=aanhef(c.get("geslacht"), c.get("voorvoegsel"), c["geslachtsnaam"]),
    )


def zorgplanbrief_pdf(inhoud: dict[str, Any]) -> bytes:
    """The zorgplan for the client: the agreements per subject of Wlz art. 8.1.1 lid 1 and per life domain."""
    c = inhoud["c"]
    return render_pdf(
        "zorgplan.html", **inhoud, aanhef=aanhef(c.get("geslacht"), c.get("voorvoegsel"), c["geslachtsnaam"])
    )
