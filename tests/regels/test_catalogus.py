"""Dates in the ZZP catalogue come from the law texts; no overlap of 9 VV with its successors 9a and 9b VV."""

from __future__ import annotations

from datetime import date

from zorgzwaarte.regels.profielen.catalogus import catalogus, zoek_zzp
from zorgzwaarte.regels.regelset import tabel_op


def test_elke_indiceerbaar_datum_heeft_een_bron() -> None:
    """Every van/tot of the AWBZ period names the text it comes from (issue 11 item 16: dates without a source)."""
    for z in tabel_op("zzp_catalogus.yaml")["zzp"]["waarde"]:
        periode = z.get("indiceerbaar") or {}
        if periode.get("van"):
            assert periode.get("bron_van") and "onbekend" not in periode["bron_van"], z["code"]
        if periode.get("tot"):
            assert periode.get("bron_tot") and "onbekend" not in periode["bron_tot"], z["code"]


def test_9vv_en_9a_9b_vv_overlappen_niet() -> None:
    """Rza versie 2012-01-01 bijlage 2 is the first text naming ZZP 9a and 9b VV (the versions of 2011 do not):
    9 VV until 31-12-2011, 9a/9b VV from 1-1-2012, never two of them on one day."""
    negen, a, b = zoek_zzp("9VV"), zoek_zzp("9aVV"), zoek_zzp("9bVV")
    assert negen and a and b
    assert negen.indiceerbaar_tot == date(2011, 12, 31)
    assert a.indiceerbaar_van == b.indiceerbaar_van == date(2012, 1, 1)
    assert (
        "versie 2012-01-01, bijlage 2" in a.indiceerbaar_bron and "versie 2012-01-01, bijlage 2" in b.indiceerbaar_bron
    )
    for dag, verwacht in ((date(2011, 12, 31), {"9VV"}), (date(2012, 1, 1), {"9aVV", "9bVV"})):
        assert {z.code for z in (negen, a, b) if z.indiceerbaar_in("AWBZ", dag)} == verwacht, dag


def test_geen_vv_nummer_twee_keer_op_een_dag() -> None:
    """Each VV number has at most one indicatable ZZP (9, 9a or 9b aside) on the first day of every AWBZ year."""
    for jaar in range(2009, 2015):
        dag = date(jaar, 1, 1)
        codes = [z.code for z in catalogus() if z.sector == "VV" and z.indiceerbaar_in("AWBZ", dag)]
        assert len(codes) == len(set(codes)) and not ({"9VV", "9aVV"} <= set(codes)), (jaar, codes)
