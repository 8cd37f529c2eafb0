"""Care delivery in the browser (provider): zorgplan per life domain, rapportage, weekly delivered hours, chart.

Form <-> service conversions and the delivered-vs-indicated chart; the routes live in web/routes/zorg.py.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from zorgzwaarte.rapporten.opmaak import Staaf, staafgrafiek

DOMEINEN = (
    ("wonen", "Wonen"),
    ("werken_dagbesteding", "Werken en dagbesteding"),
    ("leren", "Leren"),
    ("sociale_contacten", "Sociale contacten"),
)
LIJSTEN = ("doelen", "wensen", "hulpbronnen")
FUNCTIES = ("ZZP", "PV", "VP", "BG-IND", "BG-GRP", "BH-IND", "BH-GRP", "KVB")
PLAN_RIJEN = 4


def _regels(tekst: str) -> list[str]:
    return [r.strip() for r in tekst.splitlines() if r.strip()]


def zorgplan_uit_formulier(f: dict[str, list[str]]) -> dict[str, Any]:
    def een(naam: str) -> str:
        return (f.get(naam) or [""])[0]

    domeinen = {}
    for d, _ in DOMEINEN:
        domeinen[d] = {
            **{k: _regels(een(f"{d}_{k}")) for k in LIJSTEN},
            "mogelijkheden": een(f"{d}_mogelijkheden").strip(),
            "beperkingen": een(f"{d}_beperkingen").strip(),
        }
    gepland = []
    for i in range(PLAN_RIJEN):
        functie, uren = een(f"plan{i}_functie"), een(f"plan{i}_uren").strip().replace(",", ".")
        if functie or uren:
            gepland.append({"functie": functie, "uren_per_week": uren or "0"})
    data: dict[str, Any] = {
        "domeinen": domeinen,
        "gepland": gepland,
        "evaluatiedata": [d for d in (een("evaluatie1"), een("evaluatie2")) if d],
        "vastgesteld_op": een("vastgesteld_op") or None,
    }
    if een("versie"):
        data["versie"] = int(een("versie")) if een("versie").isdigit() else een("versie")
    return data


def zorgplan_naar_formulier(z: dict[str, Any]) -> dict[str, list[str]]:
    f: dict[str, list[str]] = {"vastgesteld_op": [z.get("vastgesteld_op") or ""]}
    for d, _ in DOMEINEN:
        dom = (z.get("domeinen") or {}).get(d) or {}
        for k in LIJSTEN:
            f[f"{d}_{k}"] = ["\n".join(dom.get(k) or [])]
        f[f"{d}_mogelijkheden"] = [dom.get("mogelijkheden") or ""]
        f[f"{d}_beperkingen"] = [dom.get("beperkingen") or ""]
    for i, g in enumerate((z.get("gepland") or [])[:PLAN_RIJEN]):
        f[f"plan{i}_functie"] = [g["functie"]]
        f[f"plan{i}_uren"] = [str(g["uren_per_week"]).replace(".", ",")]
    for i, d in enumerate((z.get("evaluatiedata") or [])[:2]):
        f[f"evaluatie{i + 1}"] = [d]
    if z.get("versie"):
        f["versie"] = [str(z["versie"])]
    return f


def voorinvulling(besluit: dict[str, Any] | None) -> dict[str, list[str]]:
    """A new zorgplan starts from the indication: the client's level per domain as limitations, functions as plan."""
    if not besluit:
        return {}
    res = besluit.get("resultaat") or {}
    f: dict[str, list[str]] = {}
    niveaus = [
        f"{d['naam']}: niveau {str(d['client_niveau']).replace('.', ',')} ({d.get('client_toelichting') or ''})"
        for d in ((res.get("zzp") or {}).get("domeinen") or [])
        if d.get("client_niveau") is not None
    ]
    if niveaus:
        f["wonen_beperkingen"] = ["Uit de indicatie (0 = geen hulp, 3 = volledige hulp):\n" + "\n".join(niveaus)]
    rijen = [
        (fn["functie"], round((fn.get("minuten_per_week") or 0) / 60, 1))
        for fn in res.get("functies") or []
        if fn.get("functie")
    ]
    if besluit.get("verblijf"):
        rijen = [("ZZP", 0.0), *rijen]
    for i, (functie, uren) in enumerate(rijen[:PLAN_RIJEN]):
        f[f"plan{i}_functie"] = [functie]
        f[f"plan{i}_uren"] = [str(uren).replace(".", ",")]
    return f


def geleverd_uit_formulier(f: dict[str, list[str]], overeenkomst_id: int) -> dict[str, Any]:
    def een(naam: str) -> str:
        return (f.get(naam) or [""])[0].strip()

    uren = []
    for functie in FUNCTIES:
        w = een(f"uren_{functie}").replace(",", ".")
        if w:
            uren.append({"functie": functie, "uren": w})
    afwezigheid = []
    if een("afwezig_van") or een("afwezig_tot") or een("afwezig_reden"):
        afwezigheid.append({"van": een("afwezig_van"), "tot": een("afwezig_tot"), "reden": een("afwezig_reden")})
    return {"overeenkomst_id": overeenkomst_id, "week": een("week"), "uren": uren, "afwezigheid": afwezigheid}


def uren_grafiek(weken: list[dict[str, Any]], geindiceerd: float | None) -> Markup:
    """Delivered hours per week as bars, with the indicated hours per week in the title and each label."""
    staven = []
    for w in weken[-12:]:
        totaal = sum(float(u["uren"]) for u in w["uren"])
        tekst = f"{totaal:.1f}".replace(".", ",") + " uur"
        if geindiceerd:
            tekst += f" ({round(100 * totaal / geindiceerd)}% van {str(geindiceerd).replace('.', ',')})"
        staven.append(Staaf(f"week van {w['week']}", totaal, tekst))
    titel = "Geleverde uren per week" + (
        f" tegenover {str(geindiceerd).replace('.', ',')} geïndiceerde uren"
        if geindiceerd
        else " (geïndiceerde uren onbekend)"
    )
    return Markup(staafgrafiek(titel, staven))


def plan_fouten_per_veld(fouten: list[Any]) -> dict[str, str]:
    """The zorgplan's field paths to form ids: gepland.0.uren_per_week -> plan0_uren, evaluatiedata.1 -> evaluatie2."""
    uit: dict[str, str] = {}
    for f in fouten:
        d = str(f.veld).split(".")
        if d[0] == "gepland" and len(d) > 2:
            sleutel = f"plan{d[1]}_{'uren' if d[2] == 'uren_per_week' else d[2]}"
        elif d[0] == "evaluatiedata" and len(d) > 1 and d[1].isdigit():
            sleutel = f"evaluatie{int(d[1]) + 1}"
        elif d[0] == "domeinen" and len(d) > 2:
            sleutel = f"{d[1]}_{d[2]}"
        else:
            sleutel = d[0]
        uit.setdefault(sleutel, f.melding)
    return uit
