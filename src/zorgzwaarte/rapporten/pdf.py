"""PDF documents: HTML templates (Jinja2, autoescaped) rendered by WeasyPrint."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from zorgzwaarte.domein.uitvoer_geld import DeclaratieRegel, DeclaratieUitkomst, RealisatieUit
from zorgzwaarte.rapporten.opmaak import (
    Staaf,
    codes_in_woorden,
    datum,
    euro,
    functienaam,
    getal,
    leesbaar,
    postcode,
    procent,
    staafgrafiek,
    voor_client,
)


def _omgeving() -> Environment:
    env = Environment(loader=PackageLoader("zorgzwaarte.rapporten", "sjablonen"), autoescape=select_autoescape())
    env.filters.update(
        euro=euro,
        datum=datum,
        getal=getal,
        postcode=postcode,
        procent=procent,
        voor_client=voor_client,
        leesbaar=leesbaar,
        functienaam=functienaam,
        codes_in_woorden=codes_in_woorden,
    )
    return env


def render_pdf(sjabloon: str, **context: Any) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is made

    html = _omgeving().get_template(sjabloon).render(**context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def casemix(regels: list[DeclaratieRegel]) -> list[dict[str, Any]]:
    """Per prestatie: number of clients, days and amount (the declaration's lines summed)."""
    per: dict[str, dict[str, Any]] = {}
    for r in regels:
        p = per.setdefault(r.prestatie, {"prestatie": r.prestatie, "clienten": set(), "dagen": 0, "bedrag": Decimal(0)})
        p["clienten"].add(r.client)
        p["dagen"] += r.dagen
        p["bedrag"] += Decimal(r.bedrag)
    return [{**p, "clienten": len(p["clienten"])} for p in sorted(per.values(), key=lambda x: x["prestatie"])]


def declaratie_pdf(
    uitkomst: DeclaratieUitkomst,
    *,
    aanbieder: str | None = None,
    realisatie: RealisatieUit | None = None,
    gemaakt_op: date,
) -> bytes:
    """A summary of one declaration period: totals, case-mix chart, lines with their explanation, realisation."""
    mix = casemix(uitkomst.regels)
    grafiek = staafgrafiek(
        "Omzet per prestatie",
        [Staaf(m["prestatie"], float(m["bedrag"]), f"{euro(m['bedrag'])} ({getal(m['dagen'])} dagen)") for m in mix],
    )
    return render_pdf(
        "declaratie.html",
        d=uitkomst,
        mix=mix,
        grafiek=Markup(grafiek),
        aanbieder=aanbieder,
        realisatie=realisatie,
        gemaakt_op=gemaakt_op,
    )
