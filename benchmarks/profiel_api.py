"""Where a request spends its time (run on demand: `.venv/bin/python benchmarks/profiel_api.py [herhalingen]`).

Profiles each request kind of the `mix` workload of bench_api.py with pyinstrument, in one process: the app on a
temporary SQLite database with demo data, called through httpx's ASGI transport. FastAPI normally runs a sync
endpoint in a worker thread, which a single-thread profiler would not see; here it runs in the calling thread
(the same code, without the thread hop). Prints per kind the functions with the most time of their own and the
time per request. Never asserts a time; the figures go into docs/benchmarks.md by hand.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from pyinstrument import Profiler

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import MIX, Doelen, verzoek


async def _in_deze_draad(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def _zonder_draadwissel() -> None:
    import fastapi.dependencies.utils
    import fastapi.routing

    fastapi.routing.run_in_threadpool = _in_deze_draad  # type: ignore[assignment]
    fastapi.dependencies.utils.run_in_threadpool = _in_deze_draad  # type: ignore[assignment]


def _eigen_tijd(frame: Any, teller: Counter[str], per_pakket: Counter[str]) -> None:
    if frame is None:
        return
    bestand = (frame.file_path_short or "?").replace("\\", "/")
    teller[f"{frame.function} ({bestand}:{frame.line_no})"] += frame.total_self_time
    pakket = bestand.split("/")[0] if "/" in bestand else bestand
    per_pakket[pakket] += frame.total_self_time
    for kind in frame.children:
        _eigen_tijd(kind, teller, per_pakket)


async def profileer(herhalingen: int) -> None:
    from zorgzwaarte.api.app import maak_app
    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling, vul_demo
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    _zonder_draadwissel()
    with tempfile.TemporaryDirectory(prefix="zz-profiel-") as map_:
        engine = maak_engine(f"sqlite:///{Path(map_) / 'profiel.sqlite'}")
        migreer(engine)
        vul_demo(sessiefabriek(engine))
        laad_demo_aanvulling(sessiefabriek(engine))
        transport = httpx.ASGITransport(app=maak_app(engine))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            r = await c.post("/api/v1/auth/token", data={"username": "beoordelaar", "password": "demo-beoordelaar"})
            token = r.json()["access_token"]
            c.headers["Authorization"] = f"Bearer {token}"
            clienten = [int(k["id"]) for k in (await c.get("/api/v1/clienten?per_pagina=200")).json()["items"]]
            beoordelingen = []
            for cid in clienten[:10]:
                for b in (await c.get(f"/api/v1/clienten/{cid}/beoordelingen")).json():
                    if (await c.post(f"/api/v1/beoordelingen/{b['id']}/voorbeeld")).status_code == 200:
                        beoordelingen.append(int(b["id"]))
            root = Path(__file__).resolve().parents[1]
            doelen = Doelen(
                token, clienten, beoordelingen, json.loads((root / "examples" / "thuis_pv_vp.json").read_text())
            )
            for soort in ["controle", *(s for _, s in MIX)]:
                rng = random.Random(1)
                for _ in range(3):  # warm caches
                    methode, pad, body = verzoek(soort, doelen, rng)
                    await c.request(methode, pad, json=body)
                profiler = Profiler(interval=0.0005, async_mode="disabled")
                start = time.perf_counter()
                profiler.start()
                for _ in range(herhalingen):
                    methode, pad, body = verzoek(soort, doelen, rng)
                    antwoord = await c.request(methode, pad, json=body)
                    assert antwoord.status_code < 300, (pad, antwoord.text)
                profiler.stop()
                per_verzoek = (time.perf_counter() - start) / herhalingen * 1000
                teller: Counter[str] = Counter()
                per_pakket: Counter[str] = Counter()
                sessie = profiler.last_session
                _eigen_tijd(sessie.root_frame() if sessie else None, teller, per_pakket)
                totaal = sum(teller.values()) or 1
                print(f"\n## {soort}: {per_verzoek:.1f} ms per verzoek (onder de profiler)")
                print("  per pakket: " + ", ".join(f"{p} {t / totaal:.0%}" for p, t in per_pakket.most_common(6)))
                for naam, tijd in teller.most_common(8):
                    print(f"  {tijd / totaal:5.1%}  {naam}")
        engine.dispose()


if __name__ == "__main__":
    asyncio.run(profileer(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
