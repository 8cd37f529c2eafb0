"""Compute an indicatiebesluit from an assessment (the model an adapter parsed, or raw JSON in-process)."""

from __future__ import annotations

from functools import partial

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit
from zorgzwaarte.regels.indicatie.trechtermodel import ProfielKeuze, indiceer
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, Aanvulling
from zorgzwaarte.regels.profielen.keuze import kies_profiel
from zorgzwaarte.regels.regelset import Regelset
from zorgzwaarte.regels.uitleg import Ontvangstbewijs


def bereken_indicatie(
    data: Ontvangen[Beoordeling] | Json, aanvulling: Aanvulling = GEEN_AANVULLING, variant: Regelset | None = None
) -> Indicatiebesluit:
    """Take the assessment and run the trechtermodel; raises InvoerFout with every problem in Dutch.

    With a ``variant`` (docs/wat-als.md) its changed parameters apply and the receipt is the variant's.
    Pass the administrator's supplement (image-only figures loaded as data, `diensten.beheer.huidige_aanvulling`)
    where one applies; when it has content, its fingerprint becomes part of the receipt so the result names
    everything it came from.
    """
    beoordeling = aanvaard(Beoordeling, data)
    besluit = indiceer(beoordeling, profielkeuze=_profielkeuze(aanvulling), variant=variant)
    if aanvulling.inhoud:
        r = besluit.ruleset
        besluit.ruleset = Ontvangstbewijs(r.naam, f"{r.versie}+aanvulling-{aanvulling.hash}", r.hash)
    return besluit


def _profielkeuze(aanvulling: Aanvulling = GEEN_AANVULLING) -> ProfielKeuze:
    return partial(kies_profiel, aanvulling=aanvulling)
