"""Beheer (beheerder): user management — create, disable or enable, set a new password, unlock after too many
failed logins."""

from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.aanmeldbeveiliging import ontgrendel_gebruiker
from zorgzwaarte.diensten.gebruikers import (
    NieuwWachtwoord,
    gebruiker_actief,
    gebruikers_lijst,
    wachtwoord_instellen,
)
from zorgzwaarte.diensten.invoer import ontvang
from zorgzwaarte.domein.records import GebruikerNieuw
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.web.afhankelijkheden import Form, Ingelogd, Scherm, WebFout, WebId

router = APIRouter(include_in_schema=False)
VELDEN = ("gebruikersnaam", "naam", "wachtwoord", "rol", "organisatie_id")
NAMEN = {
    "gebruikersnaam": "Gebruikersnaam",
    "naam": "Naam",
    "wachtwoord": "Wachtwoord",
    "rol": "Rol",
    "organisatie_id": "Organisatie",
    "formulier": "formulier",
}


def toon_gebruikers(
    scherm: Scherm, w: dict[str, str] | None = None, fouten: dict[str, str] | None = None, status: int = 200
) -> Response:
    melding = scherm.request.query_params.get("melding")
    data = scherm.doe(gebruikers_lijst)
    keuzes = [(str(o.id), f"{o.naam} ({o.soort})") for o in data.organisaties]
    return scherm.toon(
        "beheer/gebruikers.html",
        status=status,
        gebruikers=data.gebruikers,
        organisaties=data.organisaties,
        organisatie_keuzes=keuzes,
        w=w or {},
        fouten=fouten or {},
        namen={**NAMEN, **{f"wachtwoord-{g.id}": f"Nieuw wachtwoord voor {g.gebruikersnaam}" for g in data.gebruikers}},
        melding=melding,
    )


def _terug(melding: str) -> Response:
    return RedirectResponse(f"/beheer/gebruikers?{urlencode({'melding': melding})}", status_code=303)


@router.get("/beheer/gebruikers")
def gebruikers(scherm: Ingelogd) -> Response:
    return toon_gebruikers(scherm)


@router.post("/beheer/gebruikers")
def gebruiker_nieuw(scherm: Ingelogd, form: Form) -> Response:
    w = {k: form.een(k) for k in VELDEN}
    try:
        form.eis_csrf()
        data: dict[str, object] = {k: v for k, v in w.items() if v}
        if w["organisatie_id"].isdigit():
            data["organisatie_id"] = int(w["organisatie_id"])
        g = scherm.doe(r.gebruiker_aanmaken, ontvang(GebruikerNieuw, data))
    except InvoerFout as fout:
        return toon_gebruikers(scherm, w, {f.veld.split(".")[0]: f.melding for f in fout.fouten}, status=422)
    except WebFout as fout:
        return toon_gebruikers(scherm, w, {"formulier": fout.fout.melding}, status=409)
    return _terug(f"Gebruiker {g.gebruikersnaam} aangemaakt.")


@router.post("/beheer/gebruikers/{gebruiker_id}")
def gebruiker_actie(scherm: Ingelogd, form: Form, gebruiker_id: WebId) -> Response:
    """One handler for the buttons next to a user: uitschakelen, inschakelen, wachtwoord, ontgrendelen."""
    actie = form.een("actie")
    try:
        form.eis_csrf()
        if actie == "wachtwoord":
            wachtwoord = ontvang(NieuwWachtwoord, {"wachtwoord": form.een("wachtwoord")})
            g = scherm.doe(wachtwoord_instellen, gebruiker_id, wachtwoord)
            return _terug(f"Nieuw wachtwoord ingesteld voor {g.gebruikersnaam}; de open sessies zijn beëindigd.")
        if actie == "ontgrendelen":
            g = scherm.doe(ontgrendel_gebruiker, gebruiker_id)
            return _terug(f"{g.gebruikersnaam} is ontgrendeld en kan direct weer aanmelden.")
        g = scherm.doe(gebruiker_actief, gebruiker_id, actie == "inschakelen")
    except InvoerFout as fout:
        fouten = {f"wachtwoord-{gebruiker_id}": f.melding for f in fout.fouten}
        return toon_gebruikers(scherm, fouten=fouten, status=422)
    except WebFout as fout:
        return toon_gebruikers(scherm, fouten={"formulier": fout.fout.melding}, status=409)
    return _terug(f"Gebruiker {g.gebruikersnaam} is {'ingeschakeld' if g.actief else 'uitgeschakeld'}.")
