"""Compute an indicatiebesluit from raw input (JSON-like dict), as every adapter does."""

from __future__ import annotations

from typing import Any

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit
from zorgzwaarte.regels.indicatie.trechtermodel import indiceer


def bereken_indicatie(data: Any) -> Indicatiebesluit:
    """Validate the assessment and run the trechtermodel; raises InvoerFout with every problem in Dutch."""
    beoordeling = valideer(Beoordeling, data)
    return indiceer(beoordeling, profielkeuze=_profielkeuze())


def _profielkeuze() -> Any:
    try:
        from zorgzwaarte.regels.profielen.keuze import kies_profiel
    except ImportError:  # profile module not present in this build
        return None
    return kies_profiel
