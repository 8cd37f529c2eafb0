"""Tariffs (every role may read them; zorgkantoor and beheerder may load them, as in the API): the table in force
per year with its source, 'onbekend' where no tariff is loaded; loading a file: first a preview of what changes
(nothing stored), then "Laden". The same services as `POST /api/v1/tarieven/voorbeeld` and `POST /api/v1/tarieven`.

The previewed file travels with the "Laden" form as base64 of its bytes (exact: a browser would turn the line ends
of a text field into CRLF), with the version of the table the preview compared against: if another load came
first, the page shows the new preview instead of loading something else than it said.
"""

import base64
import binascii
from pathlib import PurePath
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from zorgzwaarte.diensten.bekostiging import tarieftabel_laden, tarieftabel_voorbeeld, tarieven_per_jaar
from zorgzwaarte.diensten.tarieven import csv_tekst
from zorgzwaarte.diensten.toegang import mag
from zorgzwaarte.domein.uitvoer_geld import TarieftabelVoorbeeld
from zorgzwaarte.fouten import Conflict, Fout, InvoerFout
from zorgzwaarte.web.afhankelijkheden import Form, Formulier, Ingelogd, Scherm, WebFout

router = APIRouter(include_in_schema=False)
VELDNAMEN = {"naam": "Naam van de tabel", "bestand": "Tariefbestand", "formulier": "formulier", "jaar": "Jaar"}


def schermfouten(fouten: list[Fout]) -> list[dict[str, str]]:
    """The service's errors as the summary shows them, each linked to its field: 'regel 3.tarief' is line 3 of the
    file, column tarief (the line as an editor numbers it, the header is line 1); a column alone is the header."""
    uit = []
    for f in fouten:
        if f.veld in ("naam", "formulier", "jaar"):
            uit.append({"veld": VELDNAMEN[f.veld], "melding": f.melding, "id": f.veld})
            continue
        regel, _, kolom = f.veld.partition(".")
        if regel.startswith("regel "):
            veld = f"Regel {regel.removeprefix('regel ')}" + (f", kolom {kolom}" if kolom else "")
        elif f.veld == "bestand":
            veld = VELDNAMEN["bestand"]
        else:
            veld = f"Kopregel, kolom {f.veld}"
        uit.append({"veld": veld, "melding": f.melding, "id": "bestand"})
    return uit


def _veldfouten(lijst: list[dict[str, str]]) -> dict[str, str]:
    """The message at each field: the name's own, and at the file how many problems the summary lists."""
    uit = {f["id"]: f["melding"] for f in lijst if f["id"] == "naam"}
    in_bestand = [f for f in lijst if f["id"] == "bestand"]
    if len(in_bestand) == 1:
        uit["bestand"] = f"{in_bestand[0]['veld']}: {in_bestand[0]['melding']}"
    elif in_bestand:
        uit["bestand"] = f"het bestand heeft {len(in_bestand)} fouten; ze staan bovenaan de pagina, elk met de regel"
    return uit


def toon_tarieven(scherm: Scherm, jaar: int | None, fouten: list[Fout] | None = None, naam: str = "") -> Response:
    lijst = schermfouten(fouten or [])
    try:
        overzicht = scherm.doe(tarieven_per_jaar, jaar)
    except InvoerFout as fout:  # a year out of range in the address: this year, with the message
        overzicht = scherm.doe(tarieven_per_jaar, None)
        lijst += schermfouten(fout.fouten)
    return scherm.toon(
        "tarieven/tarieven.html",
        status=422 if lijst else 200,
        t=overzicht,
        jaar_keuzes=[(str(j), str(j)) for j in overzicht.jaren],
        mag_laden=mag(scherm.wie, "tarieven.laden"),
        fouten=lijst,
        fv=_veldfouten(lijst),
        naam=naam,
        melding=scherm.request.query_params.get("melding"),
    )


@router.get("/tarieven")
def tarieven(scherm: Ingelogd, jaar: str = "") -> Response:
    jaar = jaar.strip()
    if jaar and not jaar.isdigit():
        return toon_tarieven(scherm, None, [Fout("jaar", f"'{jaar[:20]}' is geen jaar; u ziet dit jaar")])
    return toon_tarieven(scherm, int(jaar[:4]) if jaar else None)


def _toon_voorbeeld(scherm: Scherm, v: TarieftabelVoorbeeld, inhoud: bytes, fout: str | None = None) -> Response:
    return scherm.toon(
        "tarieven/voorbeeld.html",
        status=409 if fout else 200,
        v=v,
        inhoud=base64.b64encode(inhoud).decode("ascii"),
        fouten={"formulier": fout} if fout else {},
    )


def _naam(form: Formulier, bestand: object) -> str:
    """The name typed, or else the file's name without its extension."""
    naam = form.een("naam")
    if not naam and isinstance(bestand, UploadFile) and bestand.filename:
        naam = PurePath(bestand.filename).stem
    return naam


@router.post("/tarieven/voorbeeld")
async def voorbeeld(scherm: Ingelogd, form: Form) -> Response:
    """What loading the chosen file would do; nothing is stored (audited as tarieftabel.voorbeeld)."""
    bestand = form.bestanden.get("bestand")
    naam = _naam(form, bestand)
    try:
        form.eis_csrf()
        inhoud = await bestand.read() if isinstance(bestand, UploadFile) else b""
        if not inhoud:
            raise InvoerFout.een("bestand", "kies een tariefbestand (CSV)")
        v = scherm.doe(tarieftabel_voorbeeld, naam, csv_tekst(inhoud))
    except InvoerFout as fout:
        return toon_tarieven(scherm, None, fout.fouten, naam)
    return _toon_voorbeeld(scherm, v, inhoud)


@router.post("/tarieven/laden")
def laden(scherm: Ingelogd, form: Form) -> Response:
    """Load the previewed file against the version it was compared with (409: show the new preview)."""
    naam = form.een("naam")
    try:
        form.eis_csrf()
        try:
            inhoud = base64.b64decode(form.een("inhoud"), validate=True)
        except binascii.Error:
            raise InvoerFout.een(
                "bestand", "het bestand van het voorbeeld is niet meegekomen; kies het opnieuw"
            ) from None
        tekst = csv_tekst(inhoud)
        basis = form.een("basis")
        try:
            t = scherm.doe(tarieftabel_laden, naam, tekst, int(basis) if basis.isdigit() else None)
        except WebFout as fout:  # another load came first: what loading would do now
            if not isinstance(fout.fout, Conflict):
                raise
            v = scherm.doe(tarieftabel_voorbeeld, naam, tekst)
            return _toon_voorbeeld(scherm, v, inhoud, fout.fout.melding)
    except InvoerFout as fout:
        return toon_tarieven(scherm, None, fout.fouten, naam)
    melding = f"Tabel '{t.naam}' geladen: {t.dekking or 'alle jaren'} vervangen. De andere jaren zijn niet veranderd."
    eerste = next((w for w in (t.dekking or "").replace(",", " ").split() if w.isdigit()), "")
    return scherm.naar(f"/tarieven?{urlencode({'jaar': eerste, 'melding': melding})}")
