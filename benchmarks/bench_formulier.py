"""Render time of the assessment form (all questions, ~580 fields), run on demand:
`.venv/bin/python benchmarks/bench_formulier.py [N] [--json]`.

Two measurements, each N times after a warm-up, median and 95th percentile, wall clock and processor time:

- `sjabloon`: the template alone, as the server renders it (the real templates and form context, a filled-in
  draft);
- `pagina`: the whole page as a signed-in assessor gets it, through the app in this process (httpx's ASGI
  transport, SQLite with the demo data): the empty form for a new assessment and a stored draft of the demo,
  including the token check, the service call with its audit line and the HTML response.

Without `--json` the figures go into docs/benchmarks.md (its own section, with machine, date and the machine's
load: on a shared machine the wall clock says little, the processor time more). Never asserts a time (issue 15:
the target is 100 ms; speed is measured here, not in a test).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sectie import markeringen, schrijf_sectie

from zorgzwaarte.domein.beoordeling import BEOORDELINGSPRINCIPES, BRON_PRINCIPES
from zorgzwaarte.web.afhankelijkheden import SJABLONEN
from zorgzwaarte.web.beoordeling import aantal_zorgmomenten, eerste_waarde, formulier_context, invoer_naar_formulier

BEGIN, EINDE = markeringen("bench_formulier")
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


def sjabloon_context() -> dict[str, Any]:
    w = invoer_naar_formulier(INVOER, {"aanvraagdatum": "2014-02-20", "spoed": False})
    return {
        "request": SimpleNamespace(url=SimpleNamespace(path="/beoordelingen/1")),
        "csrf": "x" * 43,
        "actor": SimpleNamespace(naam="Demo", rol="beoordelaar", organisatie_naam="Demo"),
        "c": {"id": 1, "naam": "W. de Boer", "geboortedatum": "1938-05-02"},
        "b": {"id": 1, "status": "concept", "volgnummer": 1, "versie": 1, "invoer": INVOER},
        "u": None,
        "vgl": None,
        "w": w,
        "een": eerste_waarde(w),
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


def samenvatting(wand: list[float], proces: list[float]) -> dict[str, float]:
    def p95(x: list[float]) -> float:
        return sorted(x)[int(0.95 * (len(x) - 1))]

    return {
        "mediaan_ms": round(statistics.median(wand), 1),
        "p95_ms": round(p95(wand), 1),
        "mediaan_processor_ms": round(statistics.median(proces), 1),
        "p95_processor_ms": round(p95(proces), 1),
    }


async def herhaal(n: int, stap: Callable[[], Awaitable[Any]]) -> dict[str, float]:
    await stap()  # warm up (template compilation, code lists, connections)
    wand, proces = [], []
    for _ in range(n):
        w, p = time.perf_counter(), time.process_time()
        await stap()
        wand.append((time.perf_counter() - w) * 1000)
        proces.append((time.process_time() - p) * 1000)
    return samenvatting(wand, proces)


async def meet(n: int) -> dict[str, Any]:
    from zorgzwaarte.api.app import maak_app
    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling, vul_demo
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    context = sjabloon_context()
    html = SJABLONEN.get_template("beoordelingen/formulier.html").render(**context)
    uit: dict[str, Any] = {
        "velden": html.count("<input") + html.count("<select") + html.count("<textarea"),
        "kb": len(html) // 1024,
    }

    async def sjabloon() -> None:
        SJABLONEN.get_template("beoordelingen/formulier.html").render(**context)

    uit["sjabloon"] = await herhaal(n, sjabloon)
    with tempfile.TemporaryDirectory(prefix="zz-formulier-") as map_:
        engine = maak_engine(f"sqlite:///{Path(map_) / 'formulier.sqlite'}")
        migreer(engine)
        vul_demo(sessiefabriek(engine))
        laad_demo_aanvulling(sessiefabriek(engine))
        transport = httpx.ASGITransport(app=maak_app(engine))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            r = await c.post("/api/v1/auth/token", data={"username": "beoordelaar", "password": "demo-beoordelaar"})
            token = r.json()["access_token"]
            koppen = {"Authorization": f"Bearer {token}"}
            c.cookies.set("zz_sessie", token)
            clienten = (await c.get("/api/v1/clienten", headers=koppen)).json()["items"]
            beoordelingen = []
            for k in clienten:
                beoordelingen += (await c.get(f"/api/v1/clienten/{k['id']}/beoordelingen", headers=koppen)).json()
            concept = max(beoordelingen, key=lambda b: len(json.dumps(b["invoer"])))["id"]  # the most answers
            client = clienten[0]["id"]
            for naam, pad in (
                ("pagina_nieuw", f"/clienten/{client}/beoordelingen/nieuw"),
                ("pagina_concept", f"/beoordelingen/{concept}"),
            ):

                async def pagina(pad: str = pad) -> None:
                    antwoord = await c.get(pad)
                    if antwoord.status_code != 200 or "zz-score" not in antwoord.text:
                        raise SystemExit(f"{pad} gaf {antwoord.status_code}")

                uit[naam] = await herhaal(n, pagina)
        engine.dispose()
    return uit


def sectie(uit: dict[str, Any], n: int, belast: tuple[float, ...]) -> str:
    regels = [
        BEGIN,
        "## Het beoordelingsformulier (`benchmarks/bench_formulier.py`)",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} kernen, Python "
        f"{platform.python_version()}; belasting van de machine bij de start (1/5/15 min): {belast[0]:.1f} / "
        f"{belast[1]:.1f} / {belast[2]:.1f}. Het formulier met alle vragen: {uit['velden']} velden, {uit['kb']} kB "
        f"HTML; {n} keer per meting. Doel (issue 15): ≤ 100 ms. Op een gedeelde machine zegt de wandkloktijd weinig "
        "(het proces wacht op een kern); de processortijd is wat de pagina zelf kost.",
        "",
        "| meting | mediaan ms | p95 ms | processortijd mediaan ms | processortijd p95 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    namen = {
        "sjabloon": "alleen het sjabloon (ingevuld concept)",
        "pagina_nieuw": "hele pagina: nieuwe beoordeling (leeg formulier)",
        "pagina_concept": "hele pagina: opgeslagen concept van de demo",
    }
    for sleutel, naam in namen.items():
        m = uit[sleutel]
        regels.append(
            f"| {naam} | {m['mediaan_ms']} | {m['p95_ms']} | {m['mediaan_processor_ms']} | {m['p95_processor_ms']} |"
        )
    regels.append(EINDE)
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("n", nargs="?", type=int, default=100, help="aantal keer per meting (standaard 100)")
    p.add_argument("--json", action="store_true", help="één regel JSON op stdout; docs/ blijft ongemoeid")
    args = p.parse_args(argv)
    if args.n < 1:
        p.error("N moet 1 of meer zijn")
    belast = os.getloadavg()
    uit = asyncio.run(meet(args.n))
    if args.json:
        print(json.dumps(uit))
        return
    pad = schrijf_sectie("bench_formulier", sectie(uit, args.n, belast))
    print(json.dumps(uit, indent=2))
    print(f"geschreven naar {pad.relative_to(pad.parents[1])}")


if __name__ == "__main__":
    main()
