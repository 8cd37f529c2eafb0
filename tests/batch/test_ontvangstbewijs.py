"""Batch and per-client carry the same receipt: regelset, kenmerk, geverifieerd_tot and waarschuwingen
(issue 11 item 18: a peildatum after the law texts the regelset was checked against still computes, with a warning)."""

from __future__ import annotations

from typing import Any

from tests.batch.populatie import genereer
from zorgzwaarte.batch.indicatie import als_tabel, indiceer_tabel
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING


def test_ontvangstbewijs_en_waarschuwingen_gelijk() -> None:
    populatie = genereer(150, 7)
    for b in populatie[::3]:  # a third after the newest Wlz texts were checked (01-01-2026)
        b["peildatum"] = "2026-06-01"
    tabel, momenten = als_tabel(populatie)
    batch = indiceer_tabel(tabel, momenten).to_dicts()
    vergeleken = 0
    for invoer, rij in zip(populatie, batch, strict=True):
        try:
            pc: dict[str, Any] = bereken_indicatie(invoer, GEEN_AANVULLING).als_dict()
        except InvoerFout:
            continue
        if rij["fout"]:  # the batch could not read this row
            continue
        r = pc["ruleset"]
        assert (rij["ruleset_naam"], rij["ruleset_hash"], rij["ruleset_geverifieerd_tot"]) == (
            r["naam"],
            r["hash"],
            r["geverifieerd_tot"],
        )
        regelset = [w for w in pc["waarschuwingen"] if rij["per_client"] or "gecontroleerd tegen de wetteksten" in w]
        assert (rij["waarschuwingen"] or "") == " ".join(regelset), invoer
        vergeleken += 1
    assert vergeleken > 0
    assert any(r["per_client"] for r in batch)  # the rows computed by the per-client path carry all its warnings
