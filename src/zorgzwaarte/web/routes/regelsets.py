"""Regelsets and their parameters (zorgkantoor, beheerder: whoever may run Wat als): read-only, so the paths for a
variant are found on the web instead of with `zorgzwaarte regelset toon`."""

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten.regelsets import regelset_parameters, regelsets_lijst
from zorgzwaarte.web.afhankelijkheden import Ingelogd

router = APIRouter(include_in_schema=False)


@router.get("/regelsets")
def regelsets(scherm: Ingelogd) -> Response:
    return scherm.toon("regelsets/lijst.html", onderwerpen=scherm.doe(regelsets_lijst))


@router.get("/regelsets/{onderwerp}/{versie}")
def regelset(scherm: Ingelogd, onderwerp: str, versie: str, zoek: str = "", bestand: str = "") -> Response:
    rs = scherm.doe(regelset_parameters, onderwerp, versie, zoek.strip()[:200], bestand.strip()[:200])
    sjabloon = "regelsets/parameters.html" if scherm.request.headers.get("HX-Request") else "regelsets/regelset.html"
    return scherm.toon(sjabloon, rs=rs, zoek=zoek, bestand=bestand, bestand_keuzes=[(b, b) for b in rs["bestanden"]])
