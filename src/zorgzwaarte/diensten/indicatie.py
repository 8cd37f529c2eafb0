"""Compute an indicatiebesluit from raw input (JSON-like dict), as every adapter does."""

from __future__ import annotations

from functools import partial
from typing import Any

from zorgzwaarte.diensten.beheer import huidige_aanvulling
from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit
from zorgzwaarte.regels.indicatie.trechtermodel import ProfielKeuze, indiceer
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling
from zorgzwaarte.regels.profielen.keuze import kies_profiel
from zorgzwaarte.regels.regelset import Regelset
from zorgzwaarte.regels.uitleg import Ontvangstbewijs


def bereken_indicatie(
    data: Any, aanvulling: Aanvulling | None = None, variant: Regelset | None = None
) -> Indicatiebesluit:
    """Validate the assessment and run the trechtermodel; raises InvoerFout with every problem in Dutch.

    With a ``variant`` (docs/wat-als.md) its changed parameters apply and the receipt is the variant's.
    The administrator's supplement (image-only figures loaded as data) is read unless one is passed; when it
    is used, its fingerprint becomes part of the receipt so the result names everything it came from.
    """
    beoordeling = valideer(Beoordeling, data)
    if aanvulling is None:
        aanvulling = huidige_aanvulling()
    besluit = indiceer(beoordeling, profielkeuze=_profielkeuze(aanvulling), variant=variant)
    if aanvulling.inhoud:
        r = besluit.ruleset
        besluit.ruleset = Ontvangstbewijs(r.naam, f"{r.versie}+aanvulling-{aanvulling.hash}", r.hash)
    return besluit


def _profielkeuze(aanvulling: Aanvulling = GEEN_AANVULLING) -> ProfielKeuze:
    return partial(kies_profiel, aanvulling=aanvulling)
