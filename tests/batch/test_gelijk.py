"""The batch engine and the per-client path give the same decisions on generated populations (one source of truth)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.batch.populatie import genereer
from zorgzwaarte.batch.indicatie import als_tabel, indiceer_tabel
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING


def uitkomst(pc: dict[str, Any]) -> dict[str, Any]:
    """The per-client decision (``als_dict``) in the batch's output columns."""
    functies = {f["functie"]: f for f in pc["functies"]}
    zzp = pc.get("zzp") or {}
    return {
        "besluit": pc["besluit"],
        "verblijf": pc["verblijf"],
        "zzp_code": zzp.get("code"),
        "professioneel_oordeel": zzp.get("professioneel_oordeel_nodig", False) if pc["verblijf"] else False,
        "meerzorg_mogelijk": zzp.get("meerzorg_mogelijk") if zzp else None,
        "pv_klasse": functies.get("PV", {}).get("klasse"),
        "vp_klasse": functies.get("VP", {}).get("klasse"),
        "geldig_tot": pc["geldig_tot"],
        "geldig_tot_overlijden": pc["geldig_tot_overlijden"],
        "etmalen_verblijf": pc["etmalen_verblijf"],
    }


def per_client(b: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return bereken_indicatie(b, GEEN_AANVULLING).als_dict()
    except InvoerFout:
        return None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batch_gelijk_aan_per_client(seed: int) -> None:
    populatie = genereer(400, seed)
    tabel, momenten = als_tabel(populatie)
    batch = indiceer_tabel(tabel, momenten).to_dicts()
    verschillen = []
    for invoer, rij in zip(populatie, batch, strict=True):
        pc = per_client(invoer)
        if pc is None:
            assert rij["fout"], (invoer, rij)
            continue
        assert not rij["fout"], (rij["fout"], invoer)
        functies = {f["functie"]: f for f in pc["functies"]}
        zzp = pc.get("zzp") or {}
        verwacht = uitkomst(pc)
        gekregen = {k: rij[k] for k in verwacht}
        if zzp.get("afstand") is not None and not math.isclose(zzp["afstand"], rij["afstand"], abs_tol=1e-9):
            verschillen.append(("afstand", zzp["afstand"], rij["afstand"], invoer))
        for functie, kolom in (("PV", "pv_minuten"), ("VP", "vp_minuten")):
            if functie in functies and not math.isclose(functies[functie]["minuten_per_week"], rij[kolom]):
                verschillen.append((kolom, functies[functie]["minuten_per_week"], rij[kolom], invoer))
        if gekregen != verwacht:
            verschillen.append(
                ({k: (verwacht[k], gekregen[k]) for k in verwacht if verwacht[k] != gekregen[k]}, invoer)
            )
    assert not verschillen, verschillen[:3]


def test_batch_blijvend_nooit_aangenomen_en_latere_wlz_per_client() -> None:
    """Wlz art. 3.2.1 lid 1: without `blijvend` and without a deciding prognose the row gets a `fout` naming
    `blijvend`, as the per-client path raises; a peildatum in a later Wlz version is refused, not computed with
    the 2015 rules."""
    basis = {
        "client": {"geboortedatum": "1940-01-01"},
        "grondslagen": ["01"],
        "leefklimaat": {"permanent_toezicht": True},
        "beperkingscores": {"0101": 3},
    }
    rijen = [
        {**basis, "peildatum": "2016-06-01", "prognose": "5"},
        {**basis, "peildatum": "2016-06-01", "prognose": "4"},
        {**basis, "peildatum": "2022-06-01", "prognose": "4"},
    ]
    tabel, momenten = als_tabel(rijen)
    uit = indiceer_tabel(tabel, momenten).to_dicts()
    assert uit[0]["fout"].startswith("blijvend:")
    assert per_client(rijen[0]) is None
    assert not uit[1]["fout"] and uit[1]["besluit"] == "toegekend"
    assert uit[2]["fout"].startswith("peildatum:")
