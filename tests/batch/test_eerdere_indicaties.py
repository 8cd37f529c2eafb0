"""Overgangsrecht ZZP 1-2 en 3 VV in the batch (Wijzigingsregeling Rza 2012 art. II-III): the column
`eerdere_indicaties` carries the earlier indicatiebesluiten; such a row goes through the per-client path, with the
reason, and gets the same decision as `zorgzwaarte indiceer`."""

from __future__ import annotations

from typing import Any

from tests.regels.test_overgangsrecht import BASIS
from zorgzwaarte.batch.indicatie import als_tabel, indiceer_tabel
from zorgzwaarte.batch.kolommen import invoer_uit_rij
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING

EERDER_2VV = [{"zzp": "2VV", "geldig_van": "2012-01-01", "geldig_tot": "2012-12-31"}]


def zzp(invoer: dict[str, Any]) -> str:
    return str(bereken_indicatie(invoer, GEEN_AANVULLING).als_dict()["zzp"]["code"])


def test_eerder_besluit_voor_2vv_houdt_zzp_1_en_2_vv_open_in_de_batch() -> None:
    """Art. II lid 1 onder a: on 31 December 2012 an indicatiebesluit for ZZP 2 VV keeps ZZP 1 and 2 VV open in 2014;
    without the column the batch leaves them out, as the per-client path without eerdere_indicaties."""
    zonder = dict(BASIS["vv"])
    met = {**zonder, "eerdere_indicaties": EERDER_2VV}
    tabel, momenten = als_tabel([zonder, met])
    assert tabel["eerdere_indicaties"].to_list() == [None, "2VV:2012-01-01:2012-12-31"]
    uit = indiceer_tabel(tabel, momenten).to_dicts()
    assert uit[0]["zzp_code"] == zzp(zonder) and uit[0]["per_client"] is None
    assert uit[1]["zzp_code"] == zzp(met) == "1VV" != uit[0]["zzp_code"]
    assert "eerdere indicaties" in uit[1]["per_client"] and "art. II-III" in uit[1]["per_client"]


def test_kolom_heen_en_terug() -> None:
    """The cell text and the per-client input carry the same facts: several besluiten, an open end, `geen` (an empty
    list: established that there is none); an empty cell is 'not established'."""
    eerder = [*EERDER_2VV, {"zzp": "4VV", "geldig_van": "2013-02-01"}]
    for lijst, tekst in ((eerder, "2VV:2012-01-01:2012-12-31;4VV:2013-02-01"), ([], "geen")):
        tabel, _ = als_tabel([{**BASIS["vv"], "eerdere_indicaties": lijst}])
        assert tabel["eerdere_indicaties"].to_list() == [tekst]
        assert invoer_uit_rij(tabel.to_dicts()[0], [])["eerdere_indicaties"] == lijst
    assert "eerdere_indicaties" not in invoer_uit_rij({"eerdere_indicaties": ""}, [])


def test_onbekend_zzp_is_een_fout_op_het_veld() -> None:
    """An unknown ZZP code or a missing date: the row's `fout` names eerdere_indicaties.N.<veld>, the rest goes on."""
    tabel, momenten = als_tabel([BASIS["vv"], BASIS["vv"], BASIS["vv"]])
    tabel = tabel.with_columns(
        tabel["eerdere_indicaties"]
        .scatter([0, 1], ["2VV:2012-01-01;12XX:2011-01-01", "2VV"])
        .alias("eerdere_indicaties")
    )
    fout = indiceer_tabel(tabel, momenten)["fout"].to_list()
    assert fout[0] is not None and fout[0].startswith("eerdere_indicaties.1.zzp")
    assert fout[1] is not None and fout[1].startswith("eerdere_indicaties.0.geldig_van")
    assert fout[2] is None
