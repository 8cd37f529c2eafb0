"""The batch engine and the per-client path give the same decisions on generated populations (one source of truth)."""

from __future__ import annotations

import math
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.batch.populatie import genereer
from zorgzwaarte.batch.indicatie import als_tabel, indiceer_tabel, uitkomst_van_besluit
from zorgzwaarte.batch.wat_als import UITKOMSTEN
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.indicatie.vector import PER_CLIENT_REDENEN
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING


def uitkomst(pc: dict[str, Any]) -> dict[str, Any]:
    """The per-client decision (``als_dict``) in the batch's output columns that are compared."""
    alles = uitkomst_van_besluit(pc)
    return {k: alles[k] for k in VERGELEKEN}


VERGELEKEN = (*UITKOMSTEN, "professioneel_oordeel", "meerzorg_mogelijk", "geldig_tot_overlijden", "ruleset_hash")


def per_client(b: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return bereken_indicatie(b, GEEN_AANVULLING).als_dict()
    except InvoerFout:
        return None


def verschillen_met_per_client(populatie: list[dict[str, Any]]) -> list[Any]:
    """Every row where the batch (vectorised or, per `per_client`, the per-client path) differs from the
    per-client path on the same assessment."""
    tabel, momenten = als_tabel(populatie)
    batch = indiceer_tabel(tabel, momenten).to_dicts()
    verschillen: list[Any] = []
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
    return verschillen


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batch_gelijk_aan_per_client(seed: int) -> None:
    """Every function the per-client path decides (PV, VP with gebruikelijke zorg, voorliggend and mantelzorg,
    kortdurend verblijf, verblijf and ZZP, and through the per-client path: begeleiding, behandeling, groepszorg,
    aanleren, later Wlz versions) comes out of the batch the same."""
    populatie = genereer(400, seed)
    verschillen = verschillen_met_per_client(populatie)
    assert not verschillen, verschillen[:3]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31), n=st.integers(1, 80))
def test_batch_gelijk_aan_per_client_hypothesis(seed: int, n: int) -> None:
    verschillen = verschillen_met_per_client(genereer(n, seed))
    assert not verschillen, verschillen[:3]


def test_batch_zegt_per_rij_waarom_per_client() -> None:
    """Rows with begeleiding individueel (bijlage 6) or a later Wlz version go through the per-client path and
    say so in `per_client`; the vectorised rows leave it empty."""
    populatie = genereer(300, 7)
    tabel, momenten = als_tabel(populatie)
    uit = indiceer_tabel(tabel, momenten)
    gezien = set()
    for invoer, rij in zip(populatie, uit.to_dicts(), strict=True):
        if rij["fout"] and not rij["per_client"]:  # the adapter could not read the row: no path computes it
            continue
        if invoer.get("begeleiding_individueel"):
            gezien.add("bg")
            assert rij["per_client"] and rij["per_client"].startswith("begeleiding individueel"), rij
        elif invoer["peildatum"] >= "2021-01-01":
            gezien.add("wlz")
            assert rij["per_client"] in PER_CLIENT_REDENEN[1:], rij  # this reason or an earlier one
    assert gezien == {"bg", "wlz"}
    assert uit["per_client"].is_not_null().sum() < uit.height / 2
    assert uit["per_client"].is_null().any()


def test_batch_blijvend_nooit_aangenomen_en_latere_wlz_per_client() -> None:
    """Wlz art. 3.2.1 lid 1: without `blijvend` and without a deciding prognose the row gets a `fout` naming
    `blijvend`, as the per-client path raises; a peildatum in a later Wlz version is not computed with the 2015
    rules but by the per-client path with its own version."""
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
    assert not uit[2]["fout"] and "Wlz vanaf 2021" in uit[2]["per_client"]
    assert uit[2]["ruleset_naam"] == per_client(rijen[2])["ruleset"]["naam"] != uit[1]["ruleset_naam"]  # type: ignore[index]
    assert uit[2]["besluit"] == per_client(rijen[2])["besluit"]  # type: ignore[index]


def test_zorgmomenten_vinden_hun_rij_ook_bij_een_dubbele_id() -> None:
    """The zorgmomenten table joins on `id`; an id that is twice in the assessments gets its moments at its first
    row, a moment whose id is not there is left out."""
    invoer = [
        {
            "peildatum": "2014-03-01",
            "client": {"geboortedatum": "1940-01-01"},
            "grondslagen": ["01"],
            "zorgmomenten": [{"per_week": 7, "handelingen": ["PV-1.1-1"]}],
        }
    ] * 2
    tabel, momenten = als_tabel(invoer)
    los = indiceer_tabel(tabel, momenten)
    assert los["pv_minuten"].to_list() == [70.0, 70.0]
    dubbel = indiceer_tabel(tabel.with_columns(pl.lit("a").alias("id")), momenten.with_columns(pl.lit("a").alias("id")))
    assert dubbel["pv_minuten"].to_list() == [140.0, None]
    vreemd = indiceer_tabel(tabel, momenten.with_columns(pl.lit("x").alias("id")))
    assert vreemd["pv_minuten"].null_count() == 2
