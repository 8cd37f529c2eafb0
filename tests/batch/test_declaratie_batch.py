"""Batch declaration equals the single declaration (same engine), and the batch CLI commands work end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from tests.batch.populatie import genereer, genereer_declaratie
from tests.cli.helpers import fouten, zorgzwaarte
from zorgzwaarte.batch.declaratie import declareer_tabel
from zorgzwaarte.batch.indicatie import als_tabel
from zorgzwaarte.diensten.declaratie import declareer

TARIEVEN = [
    {"prestatie": "5VV", "bedrag_per_dag": "150.25"},
    {"prestatie": "6VV", "bedrag_per_dag": "171.10"},
    {"prestatie": "4VG", "bedrag_per_dag": "133.33"},
]


def tabellen(clienten: list[dict[str, Any]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    pop = pl.DataFrame(
        [
            {
                "id": c["id"],
                "prestatie": c["prestatie"],
                "opname": c["opname"],
                "ontslag": c["ontslag"],
                "behandeling": c.get("behandeling"),
            }
            for c in clienten
        ],
        schema={"id": pl.Utf8, "prestatie": pl.Utf8, "opname": pl.Utf8, "ontslag": pl.Utf8, "behandeling": pl.Boolean},
    )
    afw = pl.DataFrame(
        [{"id": c["id"], **a} for c in clienten for a in c["afwezigheid"]],
        schema={"id": pl.Utf8, "van": pl.Utf8, "tot": pl.Utf8, "reden": pl.Utf8, "toestemming": pl.Boolean},
    )
    return pop, afw


@pytest.mark.parametrize(
    ("van", "tot"),
    [
        (date(2016, 3, 1), date(2016, 3, 31)),
        (date(2014, 12, 15), date(2015, 1, 11)),
        (date(2015, 12, 21), date(2016, 1, 17)),
    ],
)
def test_batch_gelijk_aan_enkele_declaratie(van: date, tot: date) -> None:
    clienten = genereer_declaratie(300, van, seed=van.toordinal())
    enkel = declareer(
        {"periode": {"van": van.isoformat(), "tot": tot.isoformat()}, "tarieven": TARIEVEN, "clienten": clienten}
    )
    pop, afw = tabellen(clienten)
    batch = declareer_tabel(pop, afw, pl.DataFrame(TARIEVEN), van, tot)
    assert batch["dagen"].to_list() == [r.dagen for r in enkel.regels]
    assert batch["bedrag"].to_list() == [r.bedrag for r in enkel.regels]
    totaal = int(batch["bedrag_centen"].sum())
    assert f"{totaal // 100}.{totaal % 100:02d}" == enkel.totaal


def test_batch_cli(tmp_path: Path) -> None:
    populatie = genereer(200, seed=7)
    tabel, momenten = als_tabel(populatie)
    tabel.write_parquet(tmp_path / "in.parquet")
    momenten.write_csv(tmp_path / "zm.csv")
    p = zorgzwaarte(
        "batch",
        "indiceer",
        str(tmp_path / "in.parquet"),
        "--zorgmomenten",
        str(tmp_path / "zm.csv"),
        "--uit",
        str(tmp_path / "uit.csv"),
        "--blok",
        "64",
    )
    assert p.returncode == 0, p.stderr
    uit = pl.read_csv(tmp_path / "uit.csv")
    assert uit.height == 200 and {"besluit", "zzp_code", "geldig_tot", "ruleset_hash"} <= set(uit.columns)
    tabel.drop("grondslagen").write_csv(tmp_path / "zonder.csv")
    meldingen = fouten(zorgzwaarte("batch", "indiceer", str(tmp_path / "zonder.csv"), "--uit", str(tmp_path / "x.csv")))
    assert meldingen == {"grondslagen": "verplichte kolom ontbreekt"}
    assert not (tmp_path / "x.csv").exists()
    clienten = genereer_declaratie(50, date(2016, 3, 1))
    pop, afw = tabellen(clienten)
    pop.write_csv(tmp_path / "pop.csv")
    afw.write_csv(tmp_path / "afw.csv")
    pl.DataFrame(TARIEVEN).write_csv(tmp_path / "tar.csv")
    p = zorgzwaarte(
        "batch",
        "declareer",
        str(tmp_path / "pop.csv"),
        "--tarieven",
        str(tmp_path / "tar.csv"),
        "--van",
        "2016-03-01",
        "--tot",
        "2016-03-31",
        "--afwezigheid",
        str(tmp_path / "afw.csv"),
        "--uit",
        str(tmp_path / "decl.parquet"),
    )
    assert p.returncode == 0, p.stderr
    assert pl.read_parquet(tmp_path / "decl.parquet").height == 50
    assert "periode" in fouten(
        zorgzwaarte(
            "batch",
            "declareer",
            str(tmp_path / "pop.csv"),
            "--tarieven",
            str(tmp_path / "tar.csv"),
            "--van",
            "2016-03-01",
            "--tot",
            "2016-03-20",
            "--uit",
            str(tmp_path / "d.csv"),
        )
    )
