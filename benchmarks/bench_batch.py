"""Population-scale speed (run on demand: `.venv/bin/python benchmarks/bench_batch.py [aantal]`).

Measures: indicating N assessments from Parquet with the batch engine (default 1,000,000; in a process of its own,
with its peak memory) against looping the per-client path over the same rows (sampled and extrapolated), and a
month's declaration for 300,000 clients. Prints the figures and, for 1,000,000, writes its own section of
docs/benchmarks.md (with the machine's load). Never asserts a time.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
from sectie import machine, schrijf_sectie, sectie

from zorgzwaarte.batch.declaratie import declareer_tabel
from zorgzwaarte.batch.kolommen import invoer_uit_rij
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING

ROOT = Path(__file__).resolve().parents[1]
SCORES_S = ["0101", "0102", "0103", "0104", "0201", "0202", "0203", "0204", "0401", "0402", "0403", "0601", "0602"]
SCORES_B = ["0101", "0102", "0104", "0111", "0201", "0208", "0211", "0301", "0302", "0303", "0305", "0306", "0401"]


def populatie(n: int, seed: int = 2014) -> tuple[pl.DataFrame, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    start = np.where(rng.random(n) < 0.7, date(2014, 1, 1).toordinal(), date(2016, 1, 1).toordinal()) + rng.integers(
        0, 365, n
    )
    peil = pl.Series((start - date(1970, 1, 1).toordinal()).astype(np.int32)).cast(pl.Date)
    geboren = pl.Series(
        (start - rng.integers(20 * 365, 95 * 365, n) - date(1970, 1, 1).toordinal()).astype(np.int32)
    ).cast(pl.Date)
    gr = np.array(["02", "01", "05", "04", "06", "03", "01;04", "02;01"])[rng.integers(0, 8, n)]
    kolommen = {
        "id": np.arange(n).astype(str),
        "peildatum": peil,
        "geboortedatum": geboren,
        "grondslagen": gr,
        "beschermende_woonomgeving": rng.random(n) < 0.5,
        "therapeutisch_leefklimaat": rng.random(n) < 0.05,
        "permanent_toezicht": rng.random(n) < 0.5,
        "etmalen_per_week": rng.choice([0, 3, 4, 7, 7], n),
        "prognose": rng.choice(["2", "3", "4"], n),
        "verpleegkundige_aandacht": rng.integers(0, 4, n),
        "begeleidingsdoel": rng.choice(["ontwikkeling", "stabilisatie", "begeleiding_bij_achteruitgang"], n),
        # the facts the rules never assume (bijlage 5 §3, Wlz art. 3.2.1, Zir art. 1 lid 5, bijlage 8 §2.2)
        "vp_medische_noodzaak": rng.random(n) < 0.8,
        "blijvend": rng.random(n) < 0.9,
        "overgang_2014_uitzondering": rng.choice(["geen", "geen", "geen", "nuluren"], n),
        "zelfstandig_wonen_leerbaar": rng.random(n) < 0.5,
    }
    for q in SCORES_S:
        kolommen[f"s{q}"] = rng.choice([0, 1, 2, 3, 9], n, p=[0.3, 0.25, 0.2, 0.2, 0.05])
    for q in SCORES_B:
        kolommen[f"b{q}"] = rng.choice([0, 1, 2, 3, 9], n, p=[0.25, 0.25, 0.25, 0.2, 0.05])
    df = pl.DataFrame(kolommen)
    # the handelingen of the normtijden tables, without thuisbeademing (bijlage 5 §5.3: those need the beademing
    # given, and go through the per-client path)
    handelingen = np.array([h for h in laatste_normtijden() if not h.startswith("VP-TB")])
    m = n  # about one zorgmoment per assessment
    zm = pl.DataFrame(
        {
            "id": rng.integers(0, n, m).astype(str),
            "per_week": rng.choice([1.0, 3.0, 7.0, 14.0], m),
            "handelingen": [";".join(x) for x in handelingen[rng.integers(0, len(handelingen), (m, 2))]],
            "twee_zorgverleners": rng.random(m) < 0.1,
            "medisch_specialist_verantwoordelijk": rng.random(m) < 0.3,
        }
    )
    return df, zm


def declaratie_populatie(n: int, seed: int = 2016) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    van = date(2016, 3, 1).toordinal()
    epoch = date(1970, 1, 1).toordinal()
    opname = van - rng.integers(-20, 2000, n)
    ontslag = np.where(rng.random(n) < 0.05, van + rng.integers(0, 40, n), -1)
    pop = pl.DataFrame(
        {
            "id": np.arange(n).astype(str),
            "prestatie": rng.choice(["4VV", "5VV", "6VV", "4VG", "6LG"], n),
            "opname": pl.Series((opname - epoch).astype(np.int32)).cast(pl.Date),
            "ontslag": pl.Series(np.where(ontslag > 0, ontslag - epoch, 0).astype(np.int32)).cast(pl.Date),
        }
    )
    pop = pop.with_columns(pl.when(pl.Series(ontslag > 0)).then(pl.col("ontslag")).otherwise(None).alias("ontslag"))
    m = n // 2
    begin = van - rng.integers(-30, 250, m)
    afw = pl.DataFrame(
        {
            "id": rng.integers(0, n, m).astype(str),
            "van": pl.Series((begin - epoch).astype(np.int32)).cast(pl.Date),
            "tot": pl.Series((begin + rng.integers(0, 60, m) - epoch).astype(np.int32)).cast(pl.Date),
            "reden": rng.choice(["vakantie", "detentie", "ziekenhuis", "ggz", "weekendverlof", "overig"], m),
            "toestemming": rng.random(m) < 0.2,
        }
    )
    tarieven = pl.DataFrame(
        {
            "prestatie": ["4VV", "5VV", "6VV", "4VG", "6LG"],
            "bedrag_per_dag": ["140.00", "150.25", "171.10", "133.33", "190.00"],
        }
    )
    return pop, afw, tarieven


KIND = """
import json, resource, sys, time
from pathlib import Path
import polars as pl
from zorgzwaarte.batch.indicatie import indiceer_tabel, lees, smal
tmp = Path(sys.argv[1])
# warm the caches on 1000 rows, read as such (reading the whole file for them would raise the peak)
indiceer_tabel(smal(pl.scan_parquet(tmp / "in.parquet").head(1000)), smal(pl.scan_parquet(tmp / "zm.parquet").head(1000)))
t0, c0 = time.perf_counter(), time.process_time()
uit = indiceer_tabel(lees(tmp / "in.parquet"), lees(tmp / "zm.parquet"))
duur, cpu = time.perf_counter() - t0, time.process_time() - c0
fouten = int(uit["fout"].is_not_null().sum())
status = Path("/proc/self/status")  # VmHWM: this process's own peak (ru_maxrss keeps the parent's across exec)
regels = [r for r in status.read_text().splitlines() if r.startswith("VmHWM")] if status.exists() else []
piek = int(regels[0].split()[1]) / 1024 if regels else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconden": duur, "cpu": cpu, "fouten": fouten, "piek_mb": piek}))
"""


def batch_in_eigen_proces(df: pl.DataFrame, zm: pl.DataFrame) -> dict[str, float]:
    """The batch from Parquet files in a process of its own, so its peak memory is its own."""
    with tempfile.TemporaryDirectory() as tmp:
        df.write_parquet(Path(tmp) / "in.parquet")
        zm.write_parquet(Path(tmp) / "zm.parquet")
        uit = subprocess.run([sys.executable, "-c", KIND, tmp], check=True, capture_output=True, text=True)
    return dict(json.loads(uit.stdout))


def per_client_ms(df: pl.DataFrame, zm: pl.DataFrame, steekproef: int = 1000) -> tuple[float, float]:
    """Milliseconds per assessment through the per-client path (the same rows, as `zorgzwaarte indiceer`): wall
    and CPU time (the CPU time hardly depends on the other work on the machine)."""
    deel = df.head(steekproef)
    momenten: dict[str, list[dict[str, object]]] = {}
    for m in zm.filter(pl.col("id").is_in(deel["id"].implode())).to_dicts():
        momenten.setdefault(str(m["id"]), []).append(m)
    invoer = [invoer_uit_rij(r, momenten.get(r["id"], [])) for r in deel.to_dicts()]
    bereken_indicatie(invoer[0], GEEN_AANVULLING)
    t0, c0 = time.perf_counter(), time.process_time()
    for b in invoer:
        with contextlib.suppress(Exception):  # invalid rows count as work too
            bereken_indicatie(b, GEEN_AANVULLING)
    return (time.perf_counter() - t0) / steekproef * 1000, (time.process_time() - c0) / steekproef * 1000


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    waar = machine()
    df, zm = populatie(n)
    batch = batch_in_eigen_proces(df, zm)
    batch_s, batch_cpu = batch["seconden"], batch["cpu"]
    ms, ms_cpu = per_client_ms(df, zm)
    lus_s = ms / 1000 * n
    del df, zm

    pop, afw, tarieven = declaratie_populatie(300_000)
    declareer_tabel(pop.head(1000), afw, tarieven, date(2016, 3, 1), date(2016, 3, 31))
    t0, c0 = time.perf_counter(), time.process_time()
    decl = declareer_tabel(pop, afw, tarieven, date(2016, 3, 1), date(2016, 3, 31))
    decl_s, decl_cpu = time.perf_counter() - t0, time.process_time() - c0
    totaal = int(decl["bedrag_centen"].sum())
    belast = os.getloadavg()[0] > (os.cpu_count() or 1)
    tekst = sectie(
        "bench_batch",
        "Batch (`benchmarks/bench_batch.py`)",
        waar,
        [
            f"- Indiceren: {n:,} beoordelingen (Parquet in, met {n:,} zorgmomenten) in **{batch_s:.2f} s** met de "
            f"batch-engine ({n / batch_s:,.0f} per seconde; {int(batch['fouten']):,} rijen met een fout), "
            f"processortijd {batch_cpu:.2f} s (beide kernen samen), in een eigen proces: piekgeheugen "
            f"**{batch['piek_mb']:,.0f} MB** (VmHWM)",
            f"- per-cliëntpad in dezelfde run: {ms:.3f} ms per beoordeling (processortijd {ms_cpu:.3f} ms; "
            f"steekproef 1000); als lus geschat {lus_s:,.0f} s voor {n:,}",
            f"- verhouding: **{lus_s / batch_s:,.0f}x** sneller (in processortijd: {ms_cpu / 1000 * n / batch_cpu:,.0f}x, "
            "de batch op twee kernen tegen het per-cliëntpad op één)",
            f"- Declareren: een kalendermaand voor 300.000 cliënten met {len(afw):,} afwezigheden: **{decl_s:.2f} s** "
            f"(processortijd {decl_cpu:.2f} s); {int(decl['dagen'].sum()):,} dagen, totaal "
            f"€ {totaal // 100:,}.{totaal % 100:02d} (fictieve tarieven)",
            *(
                [
                    "",
                    "**Gemeten op een belaste machine** (meer werk dan kernen): de tijd op de klok zegt hier weinig; "
                    "de processortijd en de verhouding in processortijd zeggen meer. Meet opnieuw op een stille machine.",
                ]
                if belast
                else []
            ),
        ],
    )
    print(tekst)
    if n == 1_000_000:
        schrijf_sectie("bench_batch", tekst)


if __name__ == "__main__":
    main()
