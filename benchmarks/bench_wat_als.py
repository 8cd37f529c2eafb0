"""Wat als at population scale (run on demand: `.venv/bin/python benchmarks/bench_wat_als.py [aantal]`).

Runs N assessments (default 300,000) through the basis and the example variant (PV klasse 3 from 3,5 uur) with
their zorgmomenten, and prints the time and the summary counts; for 300,000 it writes its own section of
docs/benchmarks.md (with the machine's load). Target (issue 16 §6): 300,000 assessments, basis and variant, in at
most 5 s on 2 cores. Never asserts a time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import polars as pl
from bench_batch import populatie  # the same generated population as the batch benchmark
from sectie import machine, schrijf_sectie, sectie

from zorgzwaarte.batch.wat_als import samenvatting, wat_als_tabel
from zorgzwaarte.diensten.varianten import variant_uit_tekst

ROOT = Path(__file__).resolve().parents[1]
DOEL_SECONDEN = 5.0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    waar = machine()
    df, zm = populatie(n)
    variant = variant_uit_tekst((ROOT / "examples" / "wat_als_pv_klasse3.yaml").read_text(encoding="utf-8"))
    wat_als_tabel(df.head(100), zm, variant)  # warm the caches (parameter tables, profile table)
    start = time.perf_counter()
    tabel, onder = wat_als_tabel(df, zm, variant)
    duur = time.perf_counter() - start
    s = samenvatting(tabel, variant, np.asarray(onder))
    print(
        f"wat als: {n:,} beoordelingen, basis en variant, in {duur:.2f} s "
        f"(doel {DOEL_SECONDEN:.0f} s bij 300.000); {s['gewijzigd']:,} gewijzigd, {s['met_fout']:,} met een fout"
    )
    print(pl.DataFrame(s["verschuivingen"]["PV"]) if s["verschuivingen"]["PV"] else "geen verschuiving in PV")
    tekst = sectie(
        "bench_wat_als",
        "Wat als (`benchmarks/bench_wat_als.py`)",
        waar,
        [
            f"- {n:,} beoordelingen met zorgmomenten, basis en variant (`examples/wat_als_pv_klasse3.yaml`): "
            f"**{duur:.2f} s** (doel ≤ {DOEL_SECONDEN:.0f} s); {s['gewijzigd']:,} gewijzigd, {s['met_fout']:,} met een fout",
        ],
    )
    if n == 300_000:
        schrijf_sectie("bench_wat_als", tekst)


if __name__ == "__main__":
    main()
