"""Wat als: the shift chart (SVG) and the PDF summary of a variant over a population (docs/wat-als.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from zorgzwaarte.rapporten.opmaak import Staaf, getal, staafgrafiek
from zorgzwaarte.rapporten.pdf import render_pdf

UITKOMST_NAMEN = {
    "besluit": "Besluit",
    "zzp": "Zorgzwaartepakket",
    "PV": "PV-klasse",
    "VP": "VP-klasse",
    "BG": "BG-klasse",
    "KVB": "KVB-etmalen",
}


def verschuivingsgrafiek(samenvatting: dict[str, Any], uitkomst: str) -> str:
    """Before -> after per value of one outcome as bars (basis and variant next to each other)."""
    staven = []
    for v in samenvatting["verdeling"][uitkomst]:
        if v["basis"] == v["variant"] == 0:
            continue
        naam = (
            f"{UITKOMST_NAMEN[uitkomst].split('-')[0]} {v['waarde']}"
            if uitkomst in ("PV", "VP", "BG", "KVB")
            else str(v["waarde"])
        )
        staven.append(Staaf(f"{naam} nu", float(v["basis"]), getal(v["basis"])))
        teken = f"{v['verschil']:+d}" if v["verschil"] else "gelijk"
        staven.append(Staaf(f"{naam} variant", float(v["variant"]), f"{getal(v['variant'])} ({teken})"))
    return staafgrafiek(f"{UITKOMST_NAMEN[uitkomst]}: nu en met de variant", staven)


def grafieken(samenvatting: dict[str, Any]) -> dict[str, Markup]:
    """A chart per outcome that shifts (none when nothing moves)."""
    return {
        k: Markup(verschuivingsgrafiek(samenvatting, k))
        for k in UITKOMST_NAMEN
        if samenvatting["verschuivingen"].get("zzp" if k == "zzp" else k)
    }


def wat_als_pdf(samenvatting: dict[str, Any], variant: dict[str, Any], gemaakt_op: date) -> bytes:
    return render_pdf(
        "wat_als.html",
        s=samenvatting,
        v=variant,
        grafieken=grafieken(samenvatting),
        namen=UITKOMST_NAMEN,
        gemaakt_op=gemaakt_op,
    )
