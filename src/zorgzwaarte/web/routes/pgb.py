"""'Hoeveel pgb kan ik krijgen?': the pgb at stay (POST /api/v1/pgb) as a form, for every signed-in role (the API's
roles: any). Nothing is stored; the answer is the service's, with its steps and articles.

The form sends text; `pgb_uit_formulier` makes the API's JSON of it: a ja/nee question left on "weet ik niet" is
null (unknown, never 'nee'), the facts of the wooninitiatief only when one of them is given. Messages come from the
same validation as the API, each at its field on the screen and in the error summary.
"""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.diensten.pgb import PgbInvoer, WooninitiatiefInvoer, bereken_pgb, zzp_keuzes
from zorgzwaarte.domein.uitvoer_geld import PgbUitkomst
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.pgb import OPEN_FEITEN
from zorgzwaarte.web.afhankelijkheden import CSRF_MELDING, Form, Ingelogd, Scherm
from zorgzwaarte.web.routes.aanspraken import tekst_naar_json

router = APIRouter(include_in_schema=False)

# The questions of the form (name -> label as the screen shows it); the error summary names fields by these.
VRAGEN = {
    "zzp": "Zorgzwaartepakket",
    "van": "Eerste dag van de periode",
    "tot": "Laatste dag van de periode",
    "begeleiding_groep": "Krijgt de cliënt begeleiding in een groep?",
    "vervoer": "Is het vervoer naar die groep erbij?",
    "in_instelling": "Woont de cliënt in een instelling?",
    "bewoners_met_pgb": "Hoeveel bewoners hebben een pgb?",
    "gezamenlijke_inkoop": "Kopen de bewoners de zorg samen in?",
    "een_adres_of_binnen_straal": "Wonen de bewoners op één adres of binnen 100 meter van elkaar?",
    "gemeenschappelijke_ruimte": "Is er een gemeenschappelijke woonkamer of andere ruimte?",
    "inwonend_bij_ouder": "Woont de cliënt in bij een ouder of pleegouder?",
    "eerder_3lvg_met_pgb": "Had de cliënt vlak vóór 2015 ZZP 3 LVG met een pgb?",
}
JA_NEE = ("begeleiding_groep", "vervoer", "in_instelling")  # unknown = null: the answer says what it depends on
WOONINITIATIEF = tuple(WooninitiatiefInvoer.model_fields)
VORMNAMEN = {
    "persoonlijke_verzorging": "Persoonlijke verzorging",
    "verpleging": "Verpleging",
    "begeleiding_individueel": "Begeleiding individueel",
    "begeleiding_groep": "Begeleiding in een groep",
}


def pgb_uit_formulier(waarden: dict[str, list[str]]) -> dict[str, Any]:
    """The form's text as the API's JSON: an empty field is left out (a required one then gets the API's message),
    'weet ik niet' on a ja/nee question of the amount is null, ja/nee -> true/false."""

    def een(naam: str) -> str:
        return (waarden.get(naam) or [""])[0].strip()

    data: dict[str, Any] = {k: een(k) for k in ("zzp", "van", "tot") if een(k)}
    for k in JA_NEE:
        data[k] = tekst_naar_json("ja_nee", een(k)) if een(k) else None
    if een("eerder_3lvg_met_pgb"):
        data["eerder_3lvg_met_pgb"] = tekst_naar_json("ja_nee", een("eerder_3lvg_met_pgb"))
    woon = {k: tekst_naar_json("ja_nee" if k != "bewoners_met_pgb" else "geheel_getal", een(k)) for k in WOONINITIATIEF}
    if any(een(k) for k in WOONINITIATIEF):
        data["wooninitiatief"] = {k: w for k, w in woon.items() if w != ""}
    return data


def _toon(
    scherm: Scherm,
    waarden: dict[str, list[str]],
    fouten: dict[str, str] | None = None,
    uitkomst: PgbUitkomst | None = None,
    status: int = 200,
) -> Response:
    return scherm.toon(
        "pgb/formulier.html",
        status=status,
        waarden=waarden,
        fouten=fouten or {},
        uitkomst=uitkomst,
        keuzes=zzp_keuzes(),
        vragen=VRAGEN,
        vormnamen=VORMNAMEN,
        open_feiten=OPEN_FEITEN,
    )


@router.get("/pgb")
def pgb_formulier(scherm: Ingelogd) -> Response:
    return _toon(scherm, {})


@router.post("/pgb")
def pgb_berekenen(scherm: Ingelogd, form: Form) -> Response:
    if not form.csrf_ok:
        return _toon(scherm, form.waarden, {"formulier": CSRF_MELDING}, status=422)
    try:
        uitkomst = bereken_pgb(ontvang(PgbInvoer, pgb_uit_formulier(form.waarden)))
    except InvoerFout as fout:
        fouten: dict[str, str] = {}
        for f in fout.fouten:  # 'wooninitiatief.bewoners_met_pgb' -> the field 'bewoners_met_pgb' on the screen
            fouten.setdefault(str(f.veld).split(".")[-1] if f.veld else "formulier", f.melding)
        return _toon(scherm, form.waarden, fouten, status=422)
    return _toon(scherm, form.waarden, uitkomst=uitkomst)
