"""Public pages (no login) that explain every zorgzwaartepakket and Wlz zorgprofiel to clients and families.

``/zzp`` (overview by sector, search), ``/zzp/vergelijk?a=..&b=..`` (two profiles side by side) and
``/zzp/{code}`` (one profile). The texts come from ``regels.profielen.publiek``; hours the law gives only as an
image come from the administrator's supplement (``zorgzwaarte beheer zzp-aanvulling``), shown as indicative.
"""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from zorgzwaarte.diensten.beheer import aanvulling_uit_database
from zorgzwaarte.regels.profielen.catalogus import Zzp, catalogus, zoek_zzp
from zorgzwaarte.regels.profielen.publiek import ProfielUitleg, getal, leg_uit, overzicht, teksten, vergelijk, zoek
from zorgzwaarte.web.afhankelijkheden import SJABLONEN, Open, Scherm

router = APIRouter(include_in_schema=False)
TITEL = "Zorgzwaartepakketten en zorgprofielen uitgelegd"
SJABLONEN.filters["getal"] = getal  # 25.5 -> '25,5' in the zzp templates


def _uitleggen(scherm: Scherm) -> tuple[list[Zzp], list[ProfielUitleg]]:
    lijst = catalogus()
    items = aanvulling_uit_database(scherm.fabriek).items()
    return lijst, [leg_uit(z, items) for z in lijst]


@router.get("/zzp")
def zzp_overzicht(scherm: Open, q: str = "") -> Response:
    lijst, uitleggen = _uitleggen(scherm)
    gevonden = zoek(q, uitleggen, lijst) if q.strip() else None
    return scherm.toon(
        "zzp/overzicht.html",
        TITEL=TITEL,
        inleiding=teksten()["inleiding"],
        groepen=overzicht(uitleggen),
        q=q,
        gevonden=gevonden,
    )


@router.get("/zzp/vergelijk")
def zzp_vergelijk(scherm: Open, a: str = "", b: str = "") -> Response:
    lijst, uitleggen = _uitleggen(scherm)
    per_code = {u.code: u for u in uitleggen}
    fouten: dict[str, str] = {}
    gekozen: dict[str, ProfielUitleg] = {}
    for veld, waarde, label in (("a", a, "Eerste pakket"), ("b", b, "Tweede pakket")):
        if not waarde.strip():
            if a or b:
                fouten[veld] = f"{label}: kies een zorgzwaartepakket."
            continue
        z = zoek_zzp(waarde, lijst)
        if z is None:
            fouten[veld] = f"{label}: '{waarde}' is geen zorgzwaartepakket. Kies er een uit de lijst."
        else:
            gekozen[veld] = per_code[z.code]
    uitkomst = vergelijk(gekozen["a"], gekozen["b"]) if len(gekozen) == 2 and not fouten else None
    return scherm.toon(
        "zzp/vergelijk.html",
        status=422 if fouten else 200,
        uitleg=teksten()["vergelijk"]["uitleg"],
        uitleggen=uitleggen,
        a=gekozen["a"].code if "a" in gekozen else a,
        b=gekozen["b"].code if "b" in gekozen else b,
        fouten=fouten,
        v=uitkomst,
    )


@router.get("/zzp/{code}")
def zzp_profiel(scherm: Open, code: str) -> Response:
    lijst, uitleggen = _uitleggen(scherm)
    z = zoek_zzp(code, lijst)
    if z is None:
        return scherm.toon("zzp/onbekend.html", status=404, code=code)
    if z.code != code:
        return RedirectResponse(f"/zzp/{z.code}", status_code=301)
    u = next(x for x in uitleggen if x.code == z.code)
    zelfde_sector = [x for x in uitleggen if x.sector == u.sector and x.code != u.code]
    return scherm.toon("zzp/profiel.html", u=u, zelfde_sector=zelfde_sector)
