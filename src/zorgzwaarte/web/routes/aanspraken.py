"""Regeling zorgaanspraken: "Wat is mijn aanspraak?" — public, no personal data, nothing stored."""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten.aanspraken import aanspraak_invoermodel, bereken_aanspraak, lijst_regels, versies
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.domein.uitvoer_regels import AanspraakRegel, AanspraakVeld
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.web.afhankelijkheden import CSRF_MELDING, Form, Open

router = APIRouter(include_in_schema=False)


def _regel(naam: str) -> AanspraakRegel | None:
    return next((x for x in lijst_regels() if x.naam == naam), None)


@router.get("/aanspraken")
def aanspraken(scherm: Open) -> Response:
    return scherm.toon("aanspraken/lijst.html", regels=lijst_regels(), versies=versies())


@router.get("/aanspraken/{naam}")
def aanspraak_form(scherm: Open, naam: str) -> Response:
    regel = _regel(naam)
    if regel is None:
        return scherm.toon("fout.html", status=404, melding=f"'{naam}' is geen regel")
    return scherm.toon("aanspraken/aanspraak.html", regel=regel, waarden={}, fouten={}, uitkomst=None)


@router.post("/aanspraken/{naam}")
def aanspraak_post(scherm: Open, form: Form, naam: str) -> Response:
    regel = _regel(naam)
    if regel is None:
        return scherm.toon("fout.html", status=404, melding=f"'{naam}' is geen regel")
    fouten: dict[str, str] = {}
    uitkomst: dict[str, Any] | None = None  # the template shows the outcome fields the rule names
    if not form.csrf_ok:
        fouten["formulier"] = CSRF_MELDING
    else:
        try:
            invoer = ontvang(aanspraak_invoermodel(naam), aanspraak_uit_formulier(regel.invoer, form.waarden))
            uitkomst = bereken_aanspraak(naam, invoer).als_json()
        except InvoerFout as fout:
            fouten = {f.veld.split(".")[0]: f.melding for f in fout.fouten}
    return scherm.toon(
        "aanspraken/aanspraak.html",
        status=422 if fouten else 200,
        regel=regel,
        waarden=form.waarden,
        fouten=fouten,
        uitkomst=uitkomst,
    )


def aanspraak_uit_formulier(velden: list[AanspraakVeld], waarden: dict[str, list[str]]) -> dict[str, Any]:
    """Form values (all text) to the rule's JSON input: empty = not given, '3,5' = 3.5, ja/nee = true/false."""
    uit: dict[str, Any] = {}
    for v in velden:
        lijst = [w.strip() for w in waarden.get(v.veld, []) if w.strip()]
        if v.soort == "meerkeuze":
            if v.keuzes:
                uit[v.veld] = lijst
            elif lijst:
                uit[v.veld] = [x.strip() for x in lijst[0].split(",") if x.strip()]
            continue
        if not lijst:
            continue
        w = lijst[0]
        if v.soort == "ja_nee":
            uit[v.veld] = {"ja": True, "nee": False}.get(w, w)
        elif v.soort in ("getal", "geheel_getal"):
            uit[v.veld] = w.replace(".", "").replace(",", ".") if "," in w else w
        else:
            uit[v.veld] = w
    return uit
