"""Load benchmark of the web application (run on demand: `.venv/bin/python benchmarks/bench_api.py`).

Starts its own server (`zorgzwaarte serveer --demo --workers N` on 127.0.0.1, SQLite in a temporary folder by
default, `--postgres` for a throwaway PostgreSQL server started the way the tests do), loads the demo data, and
drives a bounded closed-loop load: `--gebruikers N` simulated users, each sending its next request as soon as the
previous one is answered, for `--duur S` seconds per workload. Two workloads in the same run:

- `controle`: GET /gezondheid (the cost of the server and the load generator themselves);
- `mix`: 25% client list, 20% client, 15% timeline, 15% decisions of a client, 15% POST /api/v1/indiceer, 10%
  preview of an assessment (POST /api/v1/beoordelingen/{id}/voorbeeld).

`--json` prints one line `{"controle": {...}, "mix": {...}}` with req_per_s, p50_ms, p95_ms, p99_ms and fouten
(answers other than 2xx, and connection errors); the mix also has `per_soort`: the same figures per request kind
(where the tail comes from). Each workload also reports what the whole machine did meanwhile (Linux, from
/proc): `cpu_bezet_pct` (share of the cores' time not idle and not waiting for the disk), `schijf_kb_per_verzoek`
(kilobytes written to the block devices per request of the workload) and `schijf_mb_per_s`. The machine is
shared, so these include whatever else ran. Less disturbed by others: `server_cpu_ms_per_verzoek`, the processor
time of the server's processes (not a PostgreSQL server) per request, `server_schrijft_kb_per_verzoek` (what those
processes wrote to storage, /proc/PID/io; the file system's journal not included) and
`generator_cpu_ms_per_verzoek`. `verbindingen_per_werkproces`: the open connections each worker serves halfway
through the workload, most first (5/5 is an even split of 10 users over 2 workers). Without `--json` the figures go into docs/benchmarks.md (its own
section, with machine and date). Only talks to 127.0.0.1; stops the server itself. Never asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import numpy as np
from sectie import markeringen, schrijf_sectie

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
MIX = (  # (share, kind)
    (25, "clientenlijst"),
    (20, "client"),
    (15, "tijdlijn"),
    (15, "besluiten"),
    (15, "indiceer"),
    (10, "voorbeeld"),
)
DOELEN = (  # issue 15, on 2 cores: (database, users) -> p99 target in ms
    ("PostgreSQL", 100, 300),
    ("SQLite", 10, 60),
)


def sectienaam(args: argparse.Namespace) -> str:
    """Each configuration (database, workers, users) has its own section in docs/benchmarks.md."""
    return f"bench_api {'postgresql' if args.postgres else 'sqlite'} {args.workers}x{args.gebruikers}"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def database(postgres: bool) -> Iterator[dict[str, str]]:
    """The environment for the server: a temporary SQLite data folder, or a throwaway PostgreSQL server."""
    with tempfile.TemporaryDirectory(prefix="zz-bench-") as map_:
        env = {k: v for k, v in os.environ.items() if k != "ZORGZWAARTE_DATABASE_URL"}
        env["ZORGZWAARTE_DATA"] = str(Path(map_) / "data")
        if not postgres:
            yield env
            return
        sys.path.insert(0, str(ROOT))
        from tests.postgres import postgres_server

        with postgres_server() as url:
            yield {**env, "ZORGZWAARTE_DATABASE_URL": url}


@contextlib.contextmanager
def server(env: dict[str, str], workers: int) -> Iterator[tuple[str, int]]:
    poort = _vrije_poort()
    cmd = [sys.executable, "-m", "zorgzwaarte", "serveer", "--demo", "--host", HOST, "--poort", str(poort)]
    proces = subprocess.Popen(
        [*cmd, "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    basis = f"http://{HOST}:{poort}"
    try:
        for _ in range(1200):
            if proces.poll() is not None:
                raise SystemExit(f"de server stopte: {proces.stderr.read() if proces.stderr else ''}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{basis}/gezondheid", timeout=2).status_code == 200:
                    break
            time.sleep(0.1)
        else:
            raise SystemExit("de server startte niet binnen 120 seconden")
        yield basis, proces.pid
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


@dataclass
class Doelen:
    token: str
    clienten: list[int]
    beoordelingen: list[int]
    indiceer: dict[str, Any] = field(default_factory=dict)


def voorbereiden(basis: str) -> Doelen:
    """Sign in as the demo assessor and collect the ids the mix asks for."""
    with httpx.Client(base_url=basis, timeout=30) as c:
        r = c.post("/api/v1/auth/token", data={"username": "beoordelaar", "password": "demo-beoordelaar"})
        r.raise_for_status()
        token = r.json()["access_token"]
        c.headers["Authorization"] = f"Bearer {token}"
        clienten = [int(k["id"]) for k in c.get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]]
        beoordelingen = []
        for cid in clienten[:20]:
            for b in c.get(f"/api/v1/clienten/{cid}/beoordelingen").json():
                if c.post(f"/api/v1/beoordelingen/{b['id']}/voorbeeld").status_code == 200:
                    beoordelingen.append(int(b["id"]))
    if not clienten or not beoordelingen:
        raise SystemExit("de demogegevens bevatten geen cliënten of beoordelingen")
    indiceer = json.loads((ROOT / "examples" / "thuis_pv_vp.json").read_text(encoding="utf-8"))
    return Doelen(token, clienten, beoordelingen, indiceer)


def verzoek(soort: str, d: Doelen, rng: random.Random) -> tuple[str, str, Any]:
    cid = rng.choice(d.clienten)
    match soort:
        case "controle":
            return "GET", "/gezondheid", None
        case "clientenlijst":
            return "GET", f"/api/v1/clienten?pagina={rng.randint(1, 2)}", None
        case "client":
            return "GET", f"/api/v1/clienten/{cid}", None
        case "tijdlijn":
            return "GET", f"/api/v1/clienten/{cid}/tijdlijn", None
        case "besluiten":
            return "GET", f"/api/v1/clienten/{cid}/indicatiebesluiten", None
        case "indiceer":
            return "POST", "/api/v1/indiceer", d.indiceer
        case _:
            return "POST", f"/api/v1/beoordelingen/{rng.choice(d.beoordelingen)}/voorbeeld", None


def _machine() -> tuple[int, int, int]:
    """(jiffies busy, jiffies total, sectors of 512 bytes written to whole block devices) since boot; 0s off Linux."""
    try:
        velden = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        schijven = {p.name for p in Path("/sys/block").iterdir() if not p.name.startswith(("loop", "ram", "zram"))}
        sectoren = sum(
            int(r.split()[9]) for r in Path("/proc/diskstats").read_text().splitlines() if r.split()[2] in schijven
        )
    except (OSError, IndexError, ValueError):
        return 0, 0, 0
    rust = velden[3] + velden[4]  # idle + iowait
    return sum(velden[:8]) - rust, sum(velden[:8]), sectoren


def processen_boom(pid: int) -> tuple[float, int]:
    """(processor seconds, user + system; bytes the processes had written to storage) so far, of process `pid` and
    its descendants (Linux /proc; 0 elsewhere)."""
    ouders: dict[int, int] = {}
    tijden: dict[int, float] = {}
    geschreven: dict[int, int] = {}
    tik = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for d in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if not d.name.isdigit():
            continue
        try:
            velden = (d / "stat").read_text().rsplit(")", 1)[1].split()
            io = dict(r.split(": ") for r in (d / "io").read_text().splitlines())
        except (OSError, ValueError):
            continue
        ouders[int(d.name)] = int(velden[1])
        tijden[int(d.name)] = (int(velden[11]) + int(velden[12])) / tik
        geschreven[int(d.name)] = int(io.get("write_bytes", 0))
    boom, rand = {pid}, [pid]
    while rand:
        ouder = rand.pop()
        for kind, o in ouders.items():
            if o == ouder and kind not in boom:
                boom.add(kind)
                rand.append(kind)
    return sum(tijden.get(p, 0.0) for p in boom), sum(geschreven.get(p, 0) for p in boom)


def _kinderen(pid: int) -> list[int]:
    """The worker processes of server `pid` (children started by multiprocessing's spawn; not its resource tracker),
    in order of process id (Linux /proc)."""
    kinderen = []
    for d in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        if d.name.isdigit():
            try:
                ouder = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if ouder == pid and b"spawn_main" in (d / "cmdline").read_bytes():
                    kinderen.append(int(d.name))
            except (OSError, IndexError, ValueError):
                continue
    return sorted(kinderen)


def verdeling(server_pid: int, poort: int) -> list[int]:
    """How many open connections to `poort` each worker of the server serves now, most first (Linux /proc: the
    sockets among a worker's file descriptors matched with the established TCP connections on that local port);
    [] elsewhere. With SO_REUSEPORT the kernel hashes each new connection to a worker, so 10 kept-open connections
    split 5/5 in one run and 8/2 in another: the busier worker (one core, one GIL) then limits the run."""
    verbonden: set[str] = set()  # socket inodes of established connections whose local port is the server's
    for naam in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for regel in Path(f"/proc/net/{naam}").read_text().splitlines()[1:]:
                velden = regel.split()
                if velden[3] == "01" and int(velden[1].rsplit(":", 1)[1], 16) == poort:
                    verbonden.add(velden[9])
    tellingen = []
    for kind in _kinderen(server_pid):
        aantal = 0
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{kind}/fd").iterdir():
                with contextlib.suppress(OSError):
                    doel = os.readlink(fd)
                    aantal += doel.startswith("socket:[") and doel[8:-1] in verbonden
        tellingen.append(aantal)
    return sorted(tellingen, reverse=True) if any(tellingen) else []


def machinecijfers(
    voor: tuple[int, int, int], na: tuple[int, int, int], verzoeken: int, verstreken: float
) -> dict[str, float]:
    bezet, totaal, sectoren = (b - a for a, b in zip(voor, na, strict=True))
    kb = sectoren * 512 / 1024
    return {
        "cpu_bezet_pct": round(100 * bezet / totaal, 1) if totaal else 0.0,
        "schijf_kb_per_verzoek": round(kb / verzoeken, 2) if verzoeken else 0.0,
        "schijf_mb_per_s": round(kb / 1024 / verstreken, 2) if verstreken else 0.0,
    }


def cijfers(tijden: list[float], fouten: int, verstreken: float) -> dict[str, float | int]:
    ms = np.array(tijden) * 1000 if tijden else np.array([0.0])
    return {
        "req_per_s": round(len(tijden) / verstreken, 1),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
        "fouten": fouten,
    }


async def belasting(
    basis: str, d: Doelen, werklast: str, gebruikers: int, duur: float, server_pid: int = 0
) -> dict[str, Any]:
    """Closed loop: every user waits for its answer before it sends the next request, until the time is up.

    The load generator shares the processor cores with the server, so it uses aiohttp's client: about a tenth of
    the processor time per request of httpx's (measured on this machine: 0.1-0.15 ms against 1.2-1.4 ms)."""
    soorten = [s for aandeel, s in MIX for _ in range(aandeel)] if werklast == "mix" else ["controle"]
    tijden: dict[str, list[float]] = {s: [] for s in dict.fromkeys(soorten)}
    fouten = dict.fromkeys(tijden, 0)
    headers = {"Authorization": f"Bearer {d.token}"}
    verbinder = aiohttp.TCPConnector(limit=gebruikers)
    wachttijd = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(basis, headers=headers, connector=verbinder, timeout=wachttijd) as client:
        einde = time.perf_counter() + duur

        async def gebruiker(nummer: int) -> None:
            rng = random.Random(nummer)
            while time.perf_counter() < einde:
                soort = rng.choice(soorten)
                methode, pad, body = verzoek(soort, d, rng)
                start = time.perf_counter()
                try:
                    async with client.request(methode, pad, json=body) as r:
                        await r.read()
                        goed = 200 <= r.status < 300
                except (aiohttp.ClientError, TimeoutError):
                    goed = False
                tijden[soort].append(time.perf_counter() - start)
                fouten[soort] += not goed

        async def tel_verbindingen() -> list[int]:  # halfway: every user has its connection by then
            await asyncio.sleep(duur / 2)
            return verdeling(server_pid, poort) if server_pid else []

        poort = int(basis.rsplit(":", 1)[1])
        begin, machine_voor = time.perf_counter(), _machine()
        server_voor, generator_voor = processen_boom(server_pid), time.process_time()
        gesplitst, *_ = await asyncio.gather(tel_verbindingen(), *(gebruiker(i) for i in range(gebruikers)))
        verstreken, machine_na = time.perf_counter() - begin, _machine()
        server_na, generator_na = processen_boom(server_pid), time.process_time()
    alle = [t for ts in tijden.values() for t in ts]
    uit: dict[str, Any] = cijfers(alle, sum(fouten.values()), verstreken)
    uit.update(machinecijfers(machine_voor, machine_na, len(alle), verstreken))
    if alle:  # processor time per request of the server processes (not the database server) and of this generator
        uit["server_cpu_ms_per_verzoek"] = round((server_na[0] - server_voor[0]) * 1000 / len(alle), 3)
        uit["server_schrijft_kb_per_verzoek"] = round((server_na[1] - server_voor[1]) / 1024 / len(alle), 2)
        uit["generator_cpu_ms_per_verzoek"] = round((generator_na - generator_voor) * 1000 / len(alle), 3)
    if gesplitst:
        uit["verbindingen_per_werkproces"] = gesplitst
    if len(tijden) > 1:
        uit["per_soort"] = {s: cijfers(ts, fouten[s], verstreken) for s, ts in tijden.items()}
    return uit


def meet(args: argparse.Namespace) -> dict[str, Any]:
    """Both workloads, each after a short warm-up; with `--herhaal N` N rounds of control then mix on the same
    server. `controle` and `mix` are the first round (as with one round); `rondes` has the mix/control ratio and
    the connections per worker of every round, `verhouding_mediaan` the median ratio (the figure to compare on a
    shared machine, where one run differs from the next by ± 12%)."""
    with database(args.postgres) as env, server(env, args.workers) as (basis, pid):
        doelen = voorbereiden(basis)
        rondes: list[dict[str, Any]] = []
        for _ in range(args.herhaal):
            ronde = {}
            for werklast in ("controle", "mix"):
                asyncio.run(belasting(basis, doelen, werklast, args.gebruikers, min(2.0, args.duur)))  # warm up
                ronde[werklast] = asyncio.run(belasting(basis, doelen, werklast, args.gebruikers, args.duur, pid))
            rondes.append(ronde)
    uit: dict[str, Any] = dict(rondes[0])
    if args.herhaal > 1:
        uit["rondes"] = [
            {
                "verhouding": _verhouding(r),
                "controle_req_per_s": r["controle"]["req_per_s"],
                "mix_req_per_s": r["mix"]["req_per_s"],
                "mix_server_cpu_ms_per_verzoek": r["mix"].get("server_cpu_ms_per_verzoek"),
                "verbindingen_per_werkproces": {w: r[w].get("verbindingen_per_werkproces", []) for w in r},
            }
            for r in rondes
        ]
        uit["verhouding_mediaan"] = round(float(np.median([_verhouding(r) for r in rondes])), 3)
    return uit


def _verhouding(uit: dict[str, Any]) -> float:
    controle = uit["controle"]["req_per_s"]
    return round(uit["mix"]["req_per_s"] / controle, 3) if controle else 0.0


def sectie(args: argparse.Namespace, uit: dict[str, Any], belast: tuple[float, ...]) -> str:
    db = "PostgreSQL" if args.postgres else "SQLite"
    begin, einde = markeringen(sectienaam(args))
    regels = [
        begin,
        f"### {db}, {args.workers} werkprocessen, {args.gebruikers} gelijktijdige gebruikers",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} kernen, "
        f"Python {platform.python_version()}; belasting van de machine bij de start (1/5/15 min): "
        f"{belast[0]:.1f} / {belast[1]:.1f} / {belast[2]:.1f}. Gesloten lus, {args.duur:g} s per werklast; de "
        "belastingsgenerator draait op dezelfde machine.",
    ]
    if args.opmerking:
        regels += ["", f"**{args.opmerking}**"]
    regels += [
        "",
        "| werklast | verzoeken/s | p50 ms | p95 ms | p99 ms | fouten | processor bezet | kB naar schijf per verzoek |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    werklasten = {naam: uit[naam] for naam in ("controle", "mix")}
    for naam, m in werklasten.items():
        regels.append(
            f"| {naam} | {m['req_per_s']} | {m['p50_ms']} | {m['p95_ms']} | {m['p99_ms']} | {m['fouten']} "
            f"| {m['cpu_bezet_pct']}% | {m['schijf_kb_per_verzoek']} |"
        )
        for soort, ms in m.get("per_soort", {}).items():
            regels.append(
                f"| — {soort} | {ms['req_per_s']} | {ms['p50_ms']} | {ms['p95_ms']} | {ms['p99_ms']} | {ms['fouten']} | | |"
            )
    splits = [f"{naam} {'/'.join(map(str, m['verbindingen_per_werkproces']))}" for naam, m in werklasten.items()
              if m.get("verbindingen_per_werkproces")]  # fmt: skip
    if splits:
        regels += ["", "Verbindingen per werkproces (halverwege): " + ", ".join(splits) + "."]
    if "rondes" in uit:  # the median of the rounds, each one listed: the spread is part of the figure
        per_ronde = ", ".join(f"{r['verhouding']:.2f}×" for r in uit["rondes"])
        regels += [
            "",
            f"Mix tegenover controle, mediaan van {len(uit['rondes'])} rondes (controle en mix om en om): "
            f"**{uit['verhouding_mediaan']:.2f}×** (doel: ≥ 0,4×); per ronde {per_ronde}; de tabel is de eerste ronde.",
        ]
    else:
        regels += ["", f"Mix tegenover controle: **{_verhouding(uit):.2f}×** (doel: ≥ 0,4×)."]
    for doel_db, doel_gebruikers, doel_ms in DOELEN:
        if doel_db == db and doel_gebruikers == args.gebruikers:
            p99, fouten = uit["mix"]["p99_ms"], uit["mix"]["fouten"]
            gehaald = "gehaald" if p99 <= doel_ms and fouten == 0 else "niet gehaald"
            regels.append(
                f"Doel p99 ≤ {doel_ms} ms en 0 fouten voor de mix: p99 {p99} ms, {fouten} fouten: **{gehaald}**."
            )
    regels.append(einde)
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--postgres", action="store_true", help="PostgreSQL in plaats van SQLite")
    p.add_argument("--workers", type=int, default=2, help="werkprocessen van de server (standaard 2)")
    p.add_argument("--gebruikers", type=int, default=10, help="gelijktijdige gebruikers (standaard 10)")
    p.add_argument("--duur", type=float, default=20.0, help="seconden per werklast (standaard 20)")
    p.add_argument("--herhaal", type=int, default=1, help="rondes controle en mix om en om (standaard 1)")
    p.add_argument("--json", action="store_true", help="één regel JSON op stdout; docs/ blijft ongemoeid")
    p.add_argument("--opmerking", default="", help="zin die in docs/benchmarks.md bij de cijfers komt")
    args = p.parse_args(argv)
    if args.workers < 1 or args.gebruikers < 1 or args.duur <= 0 or args.herhaal < 1:
        p.error("--workers, --gebruikers en --herhaal moeten 1 of meer zijn, --duur meer dan 0")
    belast = os.getloadavg()
    uit = meet(args)
    if args.json:
        print(json.dumps(uit))
        return
    pad = schrijf_sectie(sectienaam(args), sectie(args, uit, belast))
    print(json.dumps(uit, indent=2))
    print(f"geschreven naar {pad.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
