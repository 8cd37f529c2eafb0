"""Compute an indicatiebesluit from an assessment (the model an adapter parsed, or raw JSON in-process)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from zorgzwaarte.diensten.invoer import Json, Ontvangen, aanvaard
from zorgzwaarte.diensten.leescache import Leesantwoord, geleverd
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


T = TypeVar("T")


class Uitkomstgeheugen(Generic[T]):
    """The outcome of the pure computation `bereken_indicatie` by its input, per app and process (the most recent
    `grootte` inputs): the key is the SHA-256 of the input as canonical JSON plus the supplement's fingerprint.
    The rules core has no clock, database or other input, and the rule tables of a peildatum are fixed for the
    life of the process, so the same key gives the same outcome (and names the same regelset in its receipt).
    Only for input the caller sent itself: the outcome holds nothing of anyone else. Refused input (`Geweigerd`)
    has no key and is not kept: it raises again, with its Dutch errors, every time. A kept outcome is reported to
    whoever follows the call (`leescache.volg`), which keeps its serialised bytes with it (as the read cache does)."""

    def __init__(self, grootte: int = 256) -> None:
        self.grootte = grootte
        self._uitkomsten: OrderedDict[tuple[str, str], Leesantwoord] = OrderedDict()
        self._slot = threading.Lock()

    @staticmethod
    def sleutel(data: Any, aanvulling: Aanvulling) -> tuple[str, str] | None:
        """The input as canonical JSON (a parsed model in its fields' order, raw JSON with sorted keys), hashed."""
        if isinstance(data, BaseModel):
            tekst = data.model_dump_json()
        elif isinstance(data, Mapping):
            tekst = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
        else:
            return None
        return hashlib.sha256(tekst.encode("utf-8")).hexdigest(), aanvulling.hash

    def geef(self, data: Any, aanvulling: Aanvulling, bereken: Callable[[], T]) -> T:
        sleutel = self.sleutel(data, aanvulling)
        if sleutel is None:
            return bereken()
        with self._slot:
            if (bekend := self._uitkomsten.get(sleutel)) is not None:
                self._uitkomsten.move_to_end(sleutel)
        if bekend is None:
            bekend = Leesantwoord(bereken(), ())
            with self._slot:
                self._uitkomsten[sleutel] = bekend
                while len(self._uitkomsten) > self.grootte:
                    self._uitkomsten.popitem(last=False)
        geleverd(bekend)
        return bekend.antwoord  # type: ignore[no-any-return]
