"""The parameters of a regelset: path, value, validity and bron (``zorgzwaarte regelset toon`` and the web page
/regelsets, linked from Wat als)."""

from __future__ import annotations

from datetime import date
from typing import Any

from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.fouten import InvoerFout, NietGevonden
from zorgzwaarte.regels.regelset import onderwerpen, regelset_op, regelsets


def lees_peildatum(tekst: str, veld: str = "peildatum") -> date:
    """A date as the user types it: 31-12-2014 or 2014-12-31."""
    for kandidaat in (tekst.strip(), "-".join(reversed(tekst.strip().split("-")))):
        try:
            return date.fromisoformat(kandidaat)
        except ValueError:
            continue
    raise InvoerFout.een(veld, f"'{tekst}' is geen datum; schrijf bijvoorbeeld 31-12-2014")


def regelset_overzicht(onderwerp: str, peildatum: date | None) -> list[dict[str, Any]]:
    """The regelset of the peildatum (or every regelset of the onderwerp) with all the parameters it reads."""
    if onderwerp not in onderwerpen():
        raise InvoerFout.een("onderwerp", f"onbekend onderwerp '{onderwerp}'; kies uit: {', '.join(onderwerpen())}")
    sets = [regelset_op(onderwerp, peildatum)] if peildatum else regelsets(onderwerp)
    return [
        {
            "onderwerp": rs.onderwerp,
            "naam": rs.naam,
            "versie": rs.versie,
            "geldig_van": rs.geldig_van.isoformat(),
            "geldig_tot": rs.geldig_tot.isoformat() if rs.geldig_tot else None,
            "geverifieerd_tot": rs.geverifieerd_tot.isoformat(),
            "gelezen_op": rs.leesdatum.isoformat(),
            "kenmerk": rs.kenmerk,
            "bron": rs.bron,
            "parameters": [
                {k: v for k, v in p.items() if k != "verwijzingen"}
                | {"adressen": [v["adres"] for v in p["verwijzingen"] if v["adres"]]}
                for p in rs.parameterlijst()
            ],
        }
        for rs in sets
    ]


ONDERWERP_NAMEN = {
    "indicatie": "Indicatiestelling (AWBZ en Wlz)",
    "aanspraken": "Regeling zorgaanspraken AWBZ",
    "pgb": "Persoonsgebonden budget",
}


def regelsets_lijst(uow: Werkeenheid) -> list[dict[str, Any]]:
    """Every regelset per onderwerp (without its parameters), for the staff who may run Wat als (the page that
    shows them: policy and zorgkantoor staff and the beheerder choose a basis and parameter paths there)."""
    eis(uow.ingelogd(), "wat_als")
    return [
        {
            "onderwerp": o,
            "naam": ONDERWERP_NAMEN.get(o, o),
            "regelsets": [{k: v for k, v in rs.items() if k != "parameters"} for rs in regelset_overzicht(o, None)],
        }
        for o in onderwerpen()
    ]


def regelset_parameters(
    uow: Werkeenheid, onderwerp: str, versie: str, zoek: str = "", bestand: str = ""
) -> dict[str, Any]:
    """One regelset with its parameters (path, value, validity, structured bron), filtered on a search text (in the
    path, the description or the bron) and a file; NietGevonden for a regelset that does not exist."""
    eis(uow.ingelogd(), "wat_als")
    if onderwerp not in onderwerpen():
        raise NietGevonden(f"er is geen onderwerp '{onderwerp}'")
    gevonden = next((rs for rs in regelset_overzicht(onderwerp, None) if rs["versie"] == versie), None)
    if gevonden is None:
        raise NietGevonden(
            f"er is geen regelset met versie '{versie}' voor {ONDERWERP_NAMEN.get(onderwerp, onderwerp)}"
        )
    rs = next(x for x in regelsets(onderwerp) if x.versie == versie)
    woorden = zoek.casefold().split()
    parameters = []
    for p in rs.parameterlijst():
        tekst = " ".join(str(x) for x in (p["bestand"], p["pad"], p.get("beschrijving") or "", p["bron"])).casefold()
        if (bestand and p["bestand"] != bestand) or not all(w in tekst for w in woorden):
            continue
        parameters.append(p | {"parameter": f"{p['bestand']}:{p['pad']}"})
    return {
        **{k: v for k, v in gevonden.items() if k != "parameters"},
        "onderwerp_naam": ONDERWERP_NAMEN.get(onderwerp, onderwerp),
        "bestanden": sorted({p["bestand"] for p in rs.parameterlijst()}),
        "totaal": len(rs.parameterlijst()),
        "parameters": parameters,
    }
