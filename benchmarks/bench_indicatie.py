"""Speed of the per-client indication path (run on demand: `.venv/bin/python benchmarks/bench_indicatie.py`).

Prints figures; never asserts a time. The batch engine (issue "Financing ... batch engine") is measured
against this path.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING

ROOT = Path(__file__).resolve().parents[1]


def meet(naam: str, invoer: dict[str, object], n: int) -> None:
    bereken_indicatie(invoer, GEEN_AANVULLING)  # warm the parameter caches
    tijden = []
    for _ in range(n):
        t0 = time.perf_counter()
        bereken_indicatie(invoer, GEEN_AANVULLING)
        tijden.append(time.perf_counter() - t0)
    mediaan = statistics.median(tijden)
    print(
        f"{naam:32} n={n:5}  mediaan {mediaan * 1e3:7.3f} ms  p95 {sorted(tijden)[int(n * 0.95)] * 1e3:7.3f} ms  "
        f"≈ {1 / mediaan:8.0f} besluiten/s"
    )


def main() -> None:
    thuis = json.loads((ROOT / "examples" / "thuis_pv_vp.json").read_text(encoding="utf-8"))
    verblijf = {
        "peildatum": "2014-03-03",
        "client": {"geboortedatum": "1935-01-01"},
        "grondslagen": ["02"],
        "leefklimaat": {"beschermende_woonomgeving": True},
        "etmalen_per_week": 7,
        "stoornisscores": {"0101": 3, "0102": 3, "0201": 3, "0401": 1},
        "beperkingscores": {"0101": 3, "0301": 2, "0201": 2},
        "verpleegkundige_aandacht": 2,
    }
    meet("zonder verblijf (PV + VP)", thuis, 2000)
    meet("met verblijf (profielkeuze)", verblijf, 2000)


if __name__ == "__main__":
    main()
