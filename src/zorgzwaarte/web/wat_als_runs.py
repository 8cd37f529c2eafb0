"""Runs of the 'Wat als' page: the calculation in a thread of its own, its progress and its result in a folder
per run (shared by the worker processes of one host), so the page polls the status and the downloads read the
stored result instead of computing again. Bounded: the newest MAX_RUNS runs are kept, none older than MAX_LEEFTIJD.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import polars as pl

from zorgzwaarte.batch.wat_als import geldeffect, in_blokken, samenvatting
from zorgzwaarte.fouten import InvoerFout, NietGevonden
from zorgzwaarte.regels.regelset import Regelset

MAX_RUNS = 16
MAX_LEEFTIJD = 6 * 3600  # seconds
BLOKKEN = 20  # progress steps


def map_runs() -> Path:
    return Path(os.environ.get("ZORGZWAARTE_WAT_ALS_MAP") or Path(tempfile.gettempdir()) / "zorgzwaarte-wat-als")


def _map(run_id: str) -> Path:
    if not (len(run_id) == 32 and all(c in "0123456789abcdef" for c in run_id)):
        raise NietGevonden("deze berekening bestaat niet (meer)")
    return map_runs() / run_id


def _schrijf_json(pad: Path, inhoud: dict[str, Any]) -> None:
    tijdelijk = pad.with_suffix(".tmp")
    tijdelijk.write_text(json.dumps(inhoud, default=str), encoding="utf-8")
    tijdelijk.replace(pad)  # atomic: a poll never reads half a file


def _opruimen() -> None:
    runs = sorted((p for p in map_runs().iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for i, p in enumerate(runs):
        if i >= MAX_RUNS or time.time() - p.stat().st_mtime > MAX_LEEFTIJD:
            shutil.rmtree(p, ignore_errors=True)


def start(
    eigenaar: int,
    df: pl.DataFrame,
    zm: pl.DataFrame | None,
    variant: Regelset,
    tarieven: dict[str, Any] | None,
    extra: dict[str, Any],
) -> str:
    """Start a run in a thread; returns its id. ``extra`` (the variant summary, client ids) is stored with it."""
    map_runs().mkdir(parents=True, exist_ok=True)
    _opruimen()
    run_id = secrets.token_hex(16)
    m = _map(run_id)
    m.mkdir()
    meta = {"eigenaar": eigenaar, "status": "bezig", "gedaan": 0, "totaal": df.height, "melding": None}
    _schrijf_json(m / "meta.json", meta)

    def voortgang(gedaan: int) -> None:
        _schrijf_json(m / "meta.json", {**meta, "gedaan": gedaan})

    def reken() -> None:
        try:
            blok = max(1_000, -(-df.height // BLOKKEN))
            tabel, onder = in_blokken(df, zm, variant, blok, voortgang)
            s = samenvatting(tabel, variant, onder)
            if tarieven is not None:
                s["geld"] = geldeffect(tabel, tarieven)
            tabel.write_parquet(m / "tabel.parquet")
            _schrijf_json(m / "uitkomst.json", {"s": s, **extra})
            _schrijf_json(m / "meta.json", {**meta, "gedaan": df.height, "status": "klaar"})
        except InvoerFout as fout:
            melding = "; ".join(f"{f.veld}: {f.melding}" for f in fout.fouten)
            _schrijf_json(m / "meta.json", {**meta, "status": "fout", "melding": melding})
        except Exception:
            _schrijf_json(m / "meta.json", {**meta, "status": "fout", "melding": "de berekening is mislukt"})

    threading.Thread(target=reken, name=f"wat-als-{run_id[:8]}", daemon=True).start()
    return run_id


def status(run_id: str, eigenaar: int) -> dict[str, Any]:
    """The run's state for its owner (anyone else: not found)."""
    pad = _map(run_id) / "meta.json"
    if not pad.is_file():
        raise NietGevonden("deze berekening bestaat niet (meer)")
    meta: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8"))
    if meta["eigenaar"] != eigenaar:
        raise NietGevonden("deze berekening bestaat niet (meer)")
    return meta


def uitkomst(run_id: str, eigenaar: int) -> tuple[dict[str, Any], pl.DataFrame]:
    """The stored summary and table of a finished run."""
    if status(run_id, eigenaar)["status"] != "klaar":
        raise NietGevonden("deze berekening is nog niet klaar")
    m = _map(run_id)
    return json.loads((m / "uitkomst.json").read_text(encoding="utf-8")), pl.read_parquet(m / "tabel.parquet")
