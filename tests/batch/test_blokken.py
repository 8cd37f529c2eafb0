"""The batch in blocks on two threads gives the same table as in one block; the reader keeps scores narrow."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from tests.batch.populatie import genereer
from zorgzwaarte.batch.indicatie import als_tabel, indiceer_tabel, lees


def test_blokken_geven_dezelfde_tabel() -> None:
    """Blocks of 37 rows (the per-client rows, the errors and the zorgmomenten of each block included) give the
    table of one block, row for row, and the progress hears every block."""
    tabel, momenten = als_tabel(genereer(300, 11))
    een = indiceer_tabel(tabel, momenten)
    gehoord: list[int] = []
    blokken = indiceer_tabel(tabel, momenten, blok=37, voortgang=gehoord.append)
    assert_frame_equal(blokken, een)
    assert gehoord == [*range(37, 300, 37), 300]
    assert een["per_client"].is_not_null().any() and een["fout"].is_not_null().any()


def test_dubbele_id_over_blokken_heen() -> None:
    """An id twice, in two blocks: its zorgmomenten count at its first row, as in one block."""
    tabel, momenten = als_tabel(genereer(60, 12, uitgebreid=False))
    ids = tabel["id"].to_list()
    ids[50] = ids[3]
    tabel = tabel.with_columns(pl.Series("id", ids))
    assert_frame_equal(indiceer_tabel(tabel, momenten, blok=16), indiceer_tabel(tabel, momenten))


def test_lezen_houdt_scores_smal(tmp_path: Path) -> None:
    """Score columns come in as Int8 (a million rows hold 1 byte per score, not 8); a score beyond Int8 still
    gets its Dutch error naming the column."""
    tabel, _ = als_tabel(genereer(5, 13, uitgebreid=False))
    tabel = tabel.with_columns(
        pl.Series("s0101", [500, 2, -300, 1, 12], dtype=pl.Int64), pl.col("b0101").cast(pl.Int64)
    )
    for naam in ("in.parquet", "in.csv"):
        pad = tmp_path / naam
        tabel.write_parquet(pad) if naam.endswith("parquet") else tabel.write_csv(pad)
        gelezen = lees(pad)
        assert gelezen["s0101"].dtype == pl.Int8 and gelezen["b0101"].dtype == pl.Int8
        fout = indiceer_tabel(gelezen)["fout"].to_list()
        assert fout[0] == "s0101: score hoger dan 126 bestaat niet (0, 1, 2, 3 of 9)"
        assert fout[2] == "s0101: score lager dan -127 bestaat niet (0, 1, 2, 3 of 9)"
        assert fout[4] == "s0101: score 12 bestaat niet (0, 1, 2, 3 of 9)"
        assert fout[1] is None or not fout[1].startswith("s0101")
