"""Runs of the Wat als page (issue 16 §4): progress while it computes, the stored result for the downloads (no
second calculation), only for its owner, bounded in number."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.batch.populatie import genereer
from zorgzwaarte.batch import wat_als
from zorgzwaarte.batch.indicatie import als_tabel
from zorgzwaarte.diensten.varianten import variant_uit_tekst
from zorgzwaarte.fouten import NietGevonden
from zorgzwaarte.web import wat_als_runs

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "wat_als_pv_klasse3.yaml"


def wacht(run_id: str, eigenaar: int = 1) -> list[int]:
    gezien = []
    for _ in range(600):
        meta = wat_als_runs.status(run_id, eigenaar)
        gezien.append(meta["gedaan"])
        if meta["status"] != "bezig":
            assert meta["status"] == "klaar", meta
            return gezien
        time.sleep(0.05)
    raise AssertionError("niet klaar")


def test_voortgang_uitkomst_en_eigenaar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_WAT_ALS_MAP", str(tmp_path))
    tabel, momenten = als_tabel(genereer(3000, seed=4))
    variant = variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8"))
    stappen: list[int] = []
    echt = wat_als.wat_als_tabel

    def geteld(*args: Any) -> Any:
        stappen.append(1)
        return echt(*args)

    monkeypatch.setattr(wat_als, "wat_als_tabel", geteld)
    run_id = wat_als_runs.start(1, tabel, momenten, variant, None, {"x": 1})
    gezien = wacht(run_id)
    assert gezien == sorted(gezien) and gezien[-1] == 3000  # progress only goes up, to all rows
    assert len(stappen) == 3  # blocks of at least 1000 rows
    s, uit = wat_als_runs.uitkomst(run_id, 1)
    assert uit.height == 3000 and s["x"] == 1 and s["s"]["aantal"] == 3000
    wat_als_runs.uitkomst(run_id, 1)  # a download reads the stored result: no calculation again
    assert len(stappen) == 3
    with pytest.raises(NietGevonden):
        wat_als_runs.status(run_id, 2)  # another user does not see it
    with pytest.raises(NietGevonden):
        wat_als_runs.status("../../etc", 1)


def test_begrensd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_WAT_ALS_MAP", str(tmp_path))
    monkeypatch.setattr(wat_als_runs, "MAX_RUNS", 2)
    tabel, momenten = als_tabel(genereer(5, seed=4))
    variant = variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8"))
    ids = []
    for _ in range(4):
        ids.append(wat_als_runs.start(1, tabel, momenten, variant, None, {}))
        wacht(ids[-1])
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) <= 3  # the newest two and the one just started
    with pytest.raises(NietGevonden):
        wat_als_runs.status(ids[0], 1)
