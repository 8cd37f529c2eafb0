"""Care delivery in the browser (provider): zorgplan per life domain, rapportage, weekly delivered hours, chart.

Form <-> service conversions and the delivered-vs-indicated chart; the routes live in web/routes/zorg.py.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from zorgzwaarte.domein.records import LEVENSDOMEINEN
from zorgzwaarte.rapporten.opmaak import Staaf, datum, staafgrafiek
from zorgzwaarte.regels.codes import FUNCTIE_NAMEN

DOMEINEN = tuple(LEVENSDOMEINEN.items())
LIJSTEN = ("doelen", "wensen", "hulpbronnen")
FUNCTIES = ("ZZP", "PV", "VP", "BG-IND", "BG-GRP", "BH-IND", "BH-GRP", "KVB")
PLAN_RIJEN = 4
# The leveringsvormen as a form offers them (toewijzing, overeenkomst): code, words a client understands.
LEVERINGSVORMEN = (
    ("verblijf", "verblijf in een instelling"),
    ("vpt", "volledig pakket thuis"),
    ("mpt", "modulair pakket thuis"),
    ("pgb", "persoonsgebonden budget"),
)


def leveringsvorm_naam(code: str | None) -> str:
    """A leveringsvorm in words ('mpt' -> 'modulair pakket thuis'); an unknown code stays itself, none is '—'."""
    return dict(LEVERINGSVORMEN).get(code, code) if code else "—"


def leveringsvorm_keuzes(redenen: dict[str, str | None] | None) -> tuple[list[tuple[str, str]], str | None]:
    """The leveringsvormen the overeenkomst form proposes: those the valid indicatiebesluit allows (`redenen`: per
    leveringsvorm why not, None: allowed; from the service), and the help text that says why the others are not
    there. Without a granted indicatiebesluit all four (the service says why it refuses)."""
    if redenen is None:
        return list(LEVERINGSVORMEN), None
    keuzes = [(c, t) for c, t in LEVERINGSVORMEN if not redenen.get(c)]
    niet = [f"{t}, want {redenen[c]}" for c, t in LEVERINGSVORMEN if redenen.get(c)]
    if not niet:
        return keuzes, None
    wel = " of ".join(t for _, t in keuzes)
    return keuzes, (
        f"U kiest hoe de zorg uit het geldende indicatiebesluit wordt geleverd: {wel}. Niet mogelijk bij dit "
        f"indicatiebesluit: {'; '.join(niet)}."
    )


def _regels(tekst: str) -> list[str]:
    return [r.strip() for r in tekst.splitlines() if r.strip()]


# Wlz art. 8.1.1 and 8.1.3: the bespreking, the copy to the client, the caregivers, the persoonlijk plan.
WLZ_AFSPRAKEN = ("besproken_op", "afschrift_op", "zorgverleners", "persoonlijk_plan")


# The KVB facts of a planned row (Blz 2026 art. 3.1.3 lid 2): the service's field -> the form's suffix; ja/nee.
KVB_VELDEN = {"eigen_zorglocatie": "eigen", "zeer_complexe_zorgbehoefte": "complex"}
JA_NEE: dict[str, Any] = {"ja": True, "nee": False}


def plan_rijen(f: dict[str, list[str]]) -> list[int]:
    """The rows of the planned-care table that were filled in: `gepland.N` of the service is row plan_rijen[N]."""
    delen = ("functie", "uren", "etmalen", *KVB_VELDEN.values())
    return [i for i in range(PLAN_RIJEN) if any((f.get(f"plan{i}_{d}") or [""])[0].strip() for d in delen)]


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
    for i in plan_rijen(f):
        functie, uren = een(f"plan{i}_functie"), een(f"plan{i}_uren").strip().replace(",", ".")
        etmalen = een(f"plan{i}_etmalen").strip()
        kvb = {k: JA_NEE.get(een(f"plan{i}_{kort}"), een(f"plan{i}_{kort}")) for k, kort in KVB_VELDEN.items()}
        rij: dict[str, Any] = {"functie": functie, "uren_per_week": uren or None}
        if etmalen:
            rij["etmalen_per_jaar"] = etmalen
        rij.update({k: v for k, v in kvb.items() if v != ""})
        gepland.append(rij)
    data: dict[str, Any] = {
        "domeinen": domeinen,
        "gepland": gepland,
        "evaluatiedata": [d for d in (een("evaluatie1"), een("evaluatie2")) if d],
        "vastgesteld_op": een("vastgesteld_op") or None,
        **{k: een(k).strip() or None for k in WLZ_AFSPRAKEN},
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
        f[f"plan{i}_etmalen"] = [str(g["etmalen_per_jaar"]) if g.get("etmalen_per_jaar") is not None else ""]
        for k, kort in KVB_VELDEN.items():
            f[f"plan{i}_{kort}"] = [{True: "ja", False: "nee"}.get(g.get(k), "")]
    for i, d in enumerate((z.get("evaluatiedata") or [])[:2]):
        f[f"evaluatie{i + 1}"] = [d]
    for k in WLZ_AFSPRAKEN:
        f[k] = [z.get(k) or ""]
    if z.get("versie"):
        f["versie"] = [str(z["versie"])]
    return f


# The level of a domain in the client's words: the four-point scale for beperkingen of the Beleidsregels
# indicatiestelling AWBZ 2014, bijlage 1 §3.1 (score 1: een ander moet toezien of stimuleren; 2: een ander moet helpen;
# 3: een ander moet het overnemen), rounded to the nearest whole score; 0 (no help) is not listed.
HULP_IN_WOORDEN = {
    1: "u doet het zelf, maar iemand moet erop letten of u aanmoedigen",
    2: "u kunt het maar voor een deel zelf, iemand moet u helpen",
    3: "u kunt het niet zelf, iemand moet het van u overnemen",
}


def hulp_in_woorden(domeinen: list[dict[str, Any]]) -> list[str]:
    """Per domain of the indication where the client needs help: its name and the help in words (no averages)."""
    uit = []
    for d in domeinen:
        niveau = d.get("client_niveau")
        if niveau is None:
            continue
        heel = min(3, int(float(niveau) + 0.5))
        if heel in HULP_IN_WOORDEN:
            uit.append(f"{d['naam']}: {HULP_IN_WOORDEN[heel]}")
    return uit


def zzp_uren(zzp: dict[str, Any]) -> tuple[str, str]:
    """The hours a ZZP's uren_per_week ({min, max, bron}) make known: the figure when min and max are equal, else
    nothing, with a hint naming the range; never a false 0."""
    bereik = zzp.get("uren_per_week") or {}
    laag, hoog = bereik.get("min"), bereik.get("max")
    if laag is None and hoog is None:
        return "", "De uren van dit zorgzwaartepakket zijn onbekend: vul de geplande uren zelf in."
    tekst = {k: str(v).replace(".", ",") for k, v in (("min", laag), ("max", hoog)) if v is not None}
    if laag is not None and hoog is not None and float(laag) == float(hoog):
        return tekst["min"], ""
    van_tot = " tot ".join(tekst[k] for k in ("min", "max") if k in tekst)
    return "", f"Het zorgzwaartepakket geeft {van_tot} uur per week: vul de geplande uren zelf in."


def voorinvulling(besluit: dict[str, Any] | None) -> dict[str, list[str]]:
    """A new zorgplan starts from the indication: where the client needs help per domain (in words) as limitations,
    functions with their indicated hours as plan (a ZZP's hours only when known, never a false 0)."""
    if not besluit:
        return {}
    res = besluit.get("resultaat") or {}
    zzp = res.get("zzp") or {}
    f: dict[str, list[str]] = {}
    hulp = hulp_in_woorden(zzp.get("domeinen") or [])
    if hulp:
        f["wonen_beperkingen"] = ["Uit de indicatie:\n" + "\n".join(hulp)]
    rijen: list[tuple[str, str, str]] = [
        (fn["functie"], str(round((fn.get("minuten_per_week") or 0) / 60, 1)).replace(".", ","), "")
        for fn in res.get("functies") or []
        if fn.get("functie")
    ]
    if besluit.get("verblijf"):
        rijen = [("ZZP", *zzp_uren(zzp)), *rijen]
    for i, (functie, uren, hint) in enumerate(rijen[:PLAN_RIJEN]):
        f[f"plan{i}_functie"] = [functie]
        f[f"plan{i}_uren"] = [uren]
        if hint:
            f[f"plan{i}_hint"] = [hint]
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
    return {
        "overeenkomst_id": overeenkomst_id,
        "week": een("week"),
        "uren": uren,
        "afwezigheid": afwezigheid,
        "vervangen": een("vervangen") == "ja",
    }


def _nl_getal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def uren_grafieken(weken: list[dict[str, Any]], geindiceerd: dict[str, float | None]) -> list[Markup]:
    """Per function: the delivered hours of the last 12 weeks as bars, the indicated hours as a dashed line."""
    functies = [f for f in FUNCTIES if f in geindiceerd or any(u["functie"] == f for w in weken for u in w["uren"])]
    grafieken = []
    for functie in functies:
        norm = geindiceerd.get(functie)
        staven = []
        for w in weken[-12:]:
            uren = sum(float(u["uren"]) for u in w["uren"] if u["functie"] == functie)
            tekst = _nl_getal(uren) + " uur" + (f" ({round(100 * uren / norm)}%)" if norm else "")
            staven.append(Staaf(f"week van {datum(w['week'])}", uren, tekst))
        naam = f"{FUNCTIE_NAMEN.get(functie, functie)} ({functie})"
        titel = f"{naam}: geleverde uren per week" + (
            f" tegenover {_nl_getal(norm)} geïndiceerde uren" if norm else " (geïndiceerde uren onbekend)"
        )
        lijn_tekst = f"indicatie {_nl_getal(norm)} uur" if norm else ""
        grafieken.append(Markup(staafgrafiek(titel, staven, lijn=norm, lijn_tekst=lijn_tekst)))
    return grafieken


def geleverd_naar_formulier(w: dict[str, Any]) -> dict[str, list[str]]:
    """A registered week back into the form, to correct it."""
    f: dict[str, list[str]] = {"week": [w["week"]], "overeenkomst_id": [str(w["overeenkomst_id"])], "vervangen": ["ja"]}
    for u in w["uren"]:
        f[f"uren_{u['functie']}"] = [_nl_getal(float(u["uren"])).removesuffix(",0")]
    for a in w["afwezigheid"][:1]:
        f.update(afwezig_van=[a["van"]], afwezig_tot=[a["tot"]], afwezig_reden=[a["reden"]])
    return f


# a planned row's fields: (form id suffix, label on screen)
PLAN_KOLOMMEN = {
    "functie": ("functie", "Functie"),
    "uren_per_week": ("uren", "Uren per week"),
    "etmalen_per_jaar": ("etmalen", "Etmalen logeeropvang per jaar"),
    "eigen_zorglocatie": ("eigen", "Zorglocatie voor het logeren"),
    "zeer_complexe_zorgbehoefte": ("complex", "Zeer complexe zorgbehoefte"),
}


def _rij(nummer: str, rijen: list[int] | None) -> int:
    """The form row of the service's `gepland.N` (empty rows are not sent, see `plan_rijen`)."""
    n = int(nummer) if nummer.isdigit() else 0
    return rijen[n] if rijen is not None and n < len(rijen) else n


def plan_veld_id(pad: str, rijen: list[int] | None = None) -> str:
    """A zorgplan field path as the form's id: gepland.0.uren_per_week -> plan0_uren (the first filled row),
    evaluatiedata.1 -> evaluatie2."""
    d = str(pad).split(".")
    if d[0] == "gepland" and len(d) > 2:
        return f"plan{_rij(d[1], rijen)}_{PLAN_KOLOMMEN.get(d[2], (d[2], ''))[0]}"
    if d[0] == "evaluatiedata" and len(d) > 1 and d[1].isdigit():
        return f"evaluatie{int(d[1]) + 1}"
    if d[0] == "domeinen" and len(d) > 2:
        return f"{d[1]}_{d[2]}"
    return d[0]


def plan_fouten_per_veld(fouten: list[Any], rijen: list[int] | None = None) -> dict[str, str]:
    """Each zorgplan message by the id of its field (`plan_veld_id`), the first per field."""
    uit: dict[str, str] = {}
    for f in fouten:
        uit.setdefault(plan_veld_id(f.veld, rijen), f.melding)
    return uit


ZORG_VELDEN = {
    "week": "Een dag in de week",
    "ingangsdatum": "Ingangsdatum",
    "einddatum": "Einddatum",
    "leveringsvorm": "Leveringsvorm",
    "indicatiebesluit_id": "Indicatiebesluit",
    "zorgaanbieder_id": "Zorgaanbieder",
    "toewijzing_id": "Toewijzing",
    "overeenkomst_id": "Overeenkomst",
    "afwezigheid": "Afwezigheid",
    "datum": "Datum",
    "tekst": "Rapportage",
    "domein": "Levensdomein",
    "formulier": "formulier",
}


def zorg_fouten_op_scherm(fouten: list[Any], waarden: dict[str, list[str]]) -> list[dict[str, str]]:
    """The care page's messages with each field named as the screen names it ('Uren PV', not `uren.0.uren`)."""
    geleverd = [f for f in FUNCTIES if (waarden.get(f"uren_{f}") or [""])[0].strip()]
    uit = []
    for f in fouten:
        d = str(f.veld).split(".")
        if d[0] == "uren" and len(d) > 1 and d[1].isdigit() and int(d[1]) < len(geleverd):
            naam, id_ = f"Uren {geleverd[int(d[1])]}", f"uren_{geleverd[int(d[1])]}"
        elif d[0] == "afwezigheid":
            naam, id_ = ZORG_VELDEN["afwezigheid"], "afwezig_van"
        else:
            naam, id_ = ZORG_VELDEN.get(d[0], d[0].replace("_", " ").capitalize()), d[0]
        uit.append({"veld": naam, "melding": f.melding, "id": "" if id_ == "formulier" else id_})
    return uit


def overeenkomst_keuzes(overeenkomsten: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (
            str(o["id"]),
            f"Overeenkomst {o['id']}: {leveringsvorm_naam(o['leveringsvorm'])} vanaf {datum(o['ingangsdatum'])}",
        )
        for o in overeenkomsten
    ]


def plan_fouten_op_scherm(fouten: list[Any], rijen: list[int] | None = None) -> list[dict[str, str]]:
    """The zorgplan's messages with each field named as on screen ('Eerste evaluatie', 'Uren per week 2')."""
    namen = dict(DOMEINEN)
    uit = []
    for f in fouten:
        d = str(f.veld).split(".")
        if d[0] == "evaluatiedata" and len(d) > 1 and d[1].isdigit():
            naam = ("Eerste", "Tweede")[min(int(d[1]), 1)] + " evaluatie"
        elif d[0] == "gepland" and len(d) > 2 and d[1].isdigit():
            naam = f"{PLAN_KOLOMMEN.get(d[2], ('', 'Functie'))[1]} {_rij(d[1], rijen) + 1}"
        elif d[0] == "domeinen" and len(d) > 2:
            naam = f"{namen.get(d[1], d[1])}: {d[2]}"
        else:
            naam = {"vastgesteld_op": "Vastgesteld op", "versie": "Versie"}.get(d[0], d[0])
        uit.append(
            {"veld": naam, "melding": f.melding, "id": "" if naam == "formulier" else plan_veld_id(f.veld, rijen)}
        )
    return uit
