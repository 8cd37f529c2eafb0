"""Render time of the assessment form (~535 fields), run on demand: `.venv/bin/python benchmarks/bench_formulier.py`.

Renders the page as the server does (the real templates and form context, a filled-in draft), N times, and prints
the median and the 95th percentile in milliseconds, and the number of form fields. Never asserts a time (issue 14:
the target is under 100 ms; speed is measured here, not in a test).
"""

from __future__ import annotations

import statistics
import sys
import time
from types import SimpleNamespace
from typing import Any

from zorgzwaarte.domein.beoordeling import BEOORDELINGSPRINCIPES, BRON_PRINCIPES
from zorgzwaarte.web.afhankelijkheden import SJABLONEN
from zorgzwaarte.web.beoordeling import aantal_zorgmomenten, formulier_context, invoer_naar_formulier

INVOER: dict[str, Any] = {
    "peildatum": "2014-03-10",
    "grondslagen": ["01", "04"],
    "stoornisscores": {"0301": 2, "0303": 2},
    "beperkingscores": {"0301": 3, "0302": 2},
    "zorgmomenten": [
        {"per_week": 7, "handelingen": ["PV-1.1-2", "PV-1.2-1"], "omschrijving": "ochtend"},
        {"per_week": 7, "handelingen": ["PV-1.2-5"], "omschrijving": "avond"},
    ],
}


def render(context: dict[str, Any]) -> str:
    return SJABLONEN.get_template("beoordelingen/formulier.html").render(**context)


def main(n: int = 200) -> None:
    w = invoer_naar_formulier(INVOER, {"aanvraagdatum": "2014-02-20", "spoed": False})
    context = {
        "request": SimpleNamespace(url=SimpleNamespace(path="/beoordelingen/1")),
        "csrf": "x" * 43,
        "actor": SimpleNamespace(naam="Demo", rol="beoordelaar", organisatie_naam="Demo"),
        "c": {"id": 1, "naam": "W. de Boer", "geboortedatum": "1938-05-02"},
        "b": {"id": 1, "status": "concept", "volgnummer": 1, "versie": 1},
        "u": None,
        "vgl": None,
        "w": w,
        "fouten": [],
        "fv": {},
        "melding": None,
        "principes": BEOORDELINGSPRINCIPES,
        "principes_bron": BRON_PRINCIPES,
        "vandaag": "2026-11-29",
        "zm_aantal": aantal_zorgmomenten(w),
        "zorgaanbieders": [],
        **formulier_context(),
    }
    html = render(context)  # warm up (template compilation, code lists)
    velden = html.count("<input") + html.count("<select") + html.count("<textarea")
    tijden = []
    for _ in range(n):
        start = time.perf_counter()
        render({**context, "fouten": [], "fv": {}})
        tijden.append((time.perf_counter() - start) * 1000)
    tijden.sort()
    p95 = tijden[int(0.95 * (len(tijden) - 1))]
    print(f"beoordelingsformulier: {velden} velden, {len(html) // 1024} kB HTML")
    print(f"render: mediaan {statistics.median(tijden):.1f} ms, 95e percentiel {p95:.1f} ms over {n} keer")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
