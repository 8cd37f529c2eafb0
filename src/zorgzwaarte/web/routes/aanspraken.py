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


# A list input (soort "rijen") has at most this many rows on the form.
MAX_RIJEN = 20


def _toon(
    scherm: Open,
    regel: AanspraakRegel,
    waarden: dict[str, list[str]],
    fouten: dict[str, str] | None = None,
    uitkomst: dict[str, Any] | None = None,
    status: int = 200,
    melding: str | None = None,
    focus: str | None = None,
) -> Response:
    """The form of a rule: its fields (a list input with its rows), the messages, the outcome."""
    rijen = {v.veld: aantal_rijen(v, waarden) for v in regel.invoer if v.soort == "rijen"}
    namen = {v.veld: v.titel for v in regel.invoer}
    for v in regel.invoer:
        for i in range(1, rijen.get(v.veld, 0) + 1):
            rij = f"{(v.rij_titel or 'rij').lower()} {i}"
            namen.update({f"{v.veld}-{i}-{k.veld}": f"{k.titel} van {rij}" for k in v.kolommen})
    return scherm.toon(
        "aanspraken/aanspraak.html",
        status=status,
        regel=regel,
        waarden=waarden,
        fouten=fouten or {},
        uitkomst=uitkomst,
        rijen=rijen,
        namen=namen,
        melding=melding,
        focus=focus,
    )


@router.get("/aanspraken/{naam}")
def aanspraak_form(scherm: Open, naam: str) -> Response:
    regel = _regel(naam)
    if regel is None:
        return scherm.toon("fout.html", status=404, melding=f"'{naam}' is geen regel")
    return _toon(scherm, regel, {})


@router.post("/aanspraken/{naam}")
def aanspraak_post(scherm: Open, form: Form, naam: str) -> Response:
    regel = _regel(naam)
    if regel is None:
        return scherm.toon("fout.html", status=404, melding=f"'{naam}' is geen regel")
    fouten: dict[str, str] = {}
    uitkomst: dict[str, Any] | None = None  # the template shows the outcome fields the rule names
    actie = form.een("actie")
    if not form.csrf_ok:
        fouten["formulier"] = CSRF_MELDING
    elif actie:  # a row added or removed: the form again, nothing computed
        waarden, melding, focus = rij_actie(regel.invoer, form.waarden, actie)
        return _toon(scherm, regel, waarden, melding=melding, focus=focus)
    else:
        verstuurd: dict[str, list[int]] = {}
        try:
            data = aanspraak_uit_formulier(regel.invoer, form.waarden, verstuurd)
            uitkomst = bereken_aanspraak(naam, ontvang(aanspraak_invoermodel(naam), data)).als_json()
        except InvoerFout as fout:
            fouten = {}
            for f in fout.fouten:
                fouten.setdefault(_sleutel(f.veld, verstuurd), f.melding)
    return _toon(scherm, regel, form.waarden, fouten, uitkomst, status=422 if fouten else 200)


def _sleutel(pad: str, verstuurd: dict[str, list[int]]) -> str:
    """The form name of a message's field: 'wijzigingen.0.prijs' -> 'wijzigingen-2-prijs' when the first row sent
    was the form's row 2 (empty rows are not sent); any other path -> its first part."""
    d = str(pad).split(".")
    rijen = verstuurd.get(d[0])
    if rijen and len(d) > 2 and d[1].isdigit() and int(d[1]) < len(rijen):
        return f"{d[0]}-{rijen[int(d[1])]}-{d[2]}"
    return d[0]


def aantal_rijen(v: AanspraakVeld, waarden: dict[str, list[str]]) -> int:
    """How many rows a list input shows: as the form said (`<veld>-rijen`), at least one, at most MAX_RIJEN."""
    tekst = (waarden.get(f"{v.veld}-rijen") or ["1"])[0].strip()
    return max(1, min(MAX_RIJEN, int(tekst) if tekst.isdigit() else 1))


def rij_actie(
    velden: list[AanspraakVeld], waarden: dict[str, list[str]], actie: str
) -> tuple[dict[str, list[str]], str | None, str | None]:
    """'toevoegen:<veld>' adds an empty row, 'verwijderen:<veld>:<n>' removes row n (the rows after it move up):
    the new form values, a status message and the id of the field to focus."""
    delen = actie.split(":")
    v = next((x for x in velden if x.soort == "rijen" and len(delen) > 1 and x.veld == delen[1]), None)
    if v is None:
        return waarden, None, None
    waarden = dict(waarden)
    n = aantal_rijen(v, waarden)
    naam = v.rij_titel or "Rij"
    eerste = v.kolommen[0].veld if v.kolommen else ""
    if delen[0] == "toevoegen":
        if n >= MAX_RIJEN:
            return waarden, f"Er kunnen niet meer dan {MAX_RIJEN} rijen bij {v.titel.lower()}.", None
        waarden[f"{v.veld}-rijen"] = [str(n + 1)]
        return waarden, None, f"veld-{v.veld}-{n + 1}-{eerste}"
    if delen[0] == "verwijderen" and len(delen) > 2 and delen[2].isdigit() and 1 <= int(delen[2]) <= n:
        weg = int(delen[2])
        for i in range(weg, n):  # the rows after the removed one move up
            for k in v.kolommen:
                waarden[f"{v.veld}-{i}-{k.veld}"] = waarden.get(f"{v.veld}-{i + 1}-{k.veld}", [""])
        for k in v.kolommen:
            waarden.pop(f"{v.veld}-{n}-{k.veld}", None)
        waarden[f"{v.veld}-rijen"] = [str(max(1, n - 1))]
        return waarden, f"{naam} {weg} is verwijderd.", None
    return waarden, None, None


def tekst_naar_json(soort: str, w: str) -> Any:
    if soort == "ja_nee":
        return {"ja": True, "nee": False}.get(w, w)
    if soort in ("getal", "geheel_getal"):
        return w.replace(".", "").replace(",", ".") if "," in w else w
    return w


def aanspraak_uit_formulier(
    velden: list[AanspraakVeld], waarden: dict[str, list[str]], verstuurd: dict[str, list[int]] | None = None
) -> dict[str, Any]:
    """Form values (all text) to the rule's JSON input: empty = not given, '3,5' = 3.5, ja/nee = true/false; a list
    input's rows (`<veld>-<n>-<kolom>`) as a list of objects, empty rows left out (`verstuurd` gets the form row
    numbers that were sent, to put a message at its row)."""
    uit: dict[str, Any] = {}
    for v in velden:
        if v.soort == "rijen":
            rijen = []
            for i in range(1, aantal_rijen(v, waarden) + 1):
                rij = {
                    k.veld: tekst_naar_json(k.soort, w)
                    for k in v.kolommen
                    if (w := (waarden.get(f"{v.veld}-{i}-{k.veld}") or [""])[0].strip())
                }
                if rij:
                    rijen.append(rij)
                    if verstuurd is not None:
                        verstuurd.setdefault(v.veld, []).append(i)
            uit[v.veld] = rijen
            continue
        lijst = [w.strip() for w in waarden.get(v.veld, []) if w.strip()]
        if v.soort == "meerkeuze":
            if v.keuzes:
                uit[v.veld] = lijst
            elif lijst:
                uit[v.veld] = [x.strip() for x in lijst[0].split(",") if x.strip()]
            continue
        if not lijst:
            continue
        uit[v.veld] = tekst_naar_json(v.soort, lijst[0])
    return uit
