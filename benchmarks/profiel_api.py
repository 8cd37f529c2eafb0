"""Where a request spends its time (run on demand: `.venv/bin/python benchmarks/profiel_api.py [herhalingen]`).

Profiles each request kind of the `mix` workload of bench_api.py with pyinstrument, in one process: the app on a
temporary SQLite database with demo data, called through httpx's ASGI transport. The API runs a route's work in a
worker thread (api/eendraad.py; FastAPI's own hops too; a short read on SQLite runs in the event loop itself),
which a single-thread profiler would not see; here every route runs in the calling thread (the same code, without
the thread hop). Prints per kind: the processor time per request measured without the
profiler (a request waiting for a core on a shared machine is not charged; httpx's side of the call is included,
see `controle`), the statements per request, the share of the named steps (token check, the service, the audit
lines and their commit, the ZZP supplement, the rules core, serialisation) and the functions with the most time
of their own. Never asserts a time; the figures go into docs/benchmarks.md by hand.
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
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import MIX, Doelen, verzoek

# step -> (function names as pyinstrument reports them, or a path fragment of the file); time counted once per step
STAPPEN: dict[str, tuple[str, ...]] = {
    "token": ("actor_voor_token",),
    "dienst (zonder audit)": ("zorgzwaarte/diensten/records",),
    "auditregels + commit": ("Werkeenheid.__exit__",),
    "ZZP-aanvulling": ("huidige_aanvulling", "aanvulling_uit_database"),
    "rekenhart": ("bereken_indicatie",),
    "serialiseren": ("serialize_response", "JSONResponse.render"),
    "sessie openen/sluiten": ("Werkeenheid.__enter__", "Session.close"),
}


async def _in_deze_draad(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def _zonder_draadwissel() -> None:
    import fastapi.dependencies.utils
    import fastapi.routing

    import zorgzwaarte.api.eendraad

    fastapi.routing.run_in_threadpool = _in_deze_draad  # type: ignore[assignment]
    fastapi.dependencies.utils.run_in_threadpool = _in_deze_draad  # type: ignore[assignment]
    zorgzwaarte.api.eendraad.run_in_threadpool = _in_deze_draad  # type: ignore[assignment]


def _stap(frame: Any) -> str | None:
    naam = f"{frame.class_name}.{frame.function}" if frame.class_name else (frame.function or "")
    bestand = (frame.file_path or "").replace("\\", "/")
    for stap, kenmerken in STAPPEN.items():
        if any(k == naam or ("/" in k and k in bestand) for k in kenmerken):
            return stap
    return None


def _meet(frame: Any, eigen: Counter[str], stappen: Counter[str], binnen: frozenset[str] = frozenset()) -> None:
    if frame is None:
        return
    bestand = (frame.file_path_short or "?").replace("\\", "/")
    eigen[f"{frame.function} ({bestand}:{frame.line_no})"] += frame.total_self_time
    stap = _stap(frame)
    if stap and stap not in binnen:
        stappen[stap] += frame.time
        binnen = binnen | {stap}
    if "auditregels + commit" in binnen and frame.function == "Connection.commit" and frame.class_name is None:
        stappen["  waarvan commit"] += frame.time
    for kind in frame.children:
        _meet(kind, eigen, stappen, binnen)


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
        telling = Counter[str]()

        @event.listens_for(engine, "before_cursor_execute")
        def _tel(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
            telling[sql.split(None, 1)[0].upper()] += 1

        @event.listens_for(engine, "commit")
        def _commit(_c: Any) -> None:
            telling["COMMIT"] += 1

        @event.listens_for(engine, "checkout")
        def _uitgifte(*_: Any) -> None:
            telling["verbinding"] += 1

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
                telling.clear()
                begin = time.thread_time()
                for _ in range(herhalingen):  # processor time and statements per request, without the profiler
                    methode, pad, body = verzoek(soort, doelen, rng)
                    await c.request(methode, pad, json=body)
                processor = (time.thread_time() - begin) / herhalingen * 1000
                per_stuk = {k: v / herhalingen for k, v in sorted(telling.items())}
                profiler = Profiler(interval=0.0002, async_mode="disabled")
                profiler.start()
                for _ in range(herhalingen):
                    methode, pad, body = verzoek(soort, doelen, rng)
                    antwoord = await c.request(methode, pad, json=body)
                    assert antwoord.status_code < 300, (pad, antwoord.text)
                profiler.stop()
                eigen: Counter[str] = Counter()
                stappen: Counter[str] = Counter()
                sessie = profiler.last_session
                _meet(sessie.root_frame() if sessie else None, eigen, stappen)
                totaal = sum(eigen.values()) or 1
                print(f"\n## {soort}: {processor:.2f} ms processortijd per verzoek (zonder profiler)")
                print("  per verzoek: " + ", ".join(f"{k} {v:g}" for k, v in per_stuk.items()))
                print("  aandeel (profiler): " + ", ".join(f"{s} {t / totaal:.0%}" for s, t in stappen.most_common()))
                for naam, tijd in eigen.most_common(8):
                    print(f"  {tijd / totaal:5.1%}  {naam}")
        engine.dispose()


if __name__ == "__main__":
    asyncio.run(profileer(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
