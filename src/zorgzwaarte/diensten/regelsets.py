"""The parameters of a regelset for a beheerder: path, value, validity and bron (``zorgzwaarte regelset toon``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from zorgzwaarte.fouten import InvoerFout
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
