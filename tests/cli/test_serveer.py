"""`zorgzwaarte serveer --workers N`: migrations and demo data once, then N worker processes on one database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.cli.helpers import fouten, zorgzwaarte


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _werkprocessen(pid: int) -> list[str]:
    """Command lines of the worker processes (multiprocessing spawn children) of the server process."""
    kinderen = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    regels = []
    for kind in kinderen:
        try:
            regels.append(Path(f"/proc/{kind}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return [r for r in regels if "spawn_main" in r]


def _luisterende_sockets(poort: int) -> int:
    """How many sockets listen on 127.0.0.1:poort (Linux /proc/net/tcp: state 0A is LISTEN)."""
    adres = f"0100007F:{poort:04X}"
    regels = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for r in regels if r.split()[1] == adres and r.split()[3] == "0A")


def test_serveer_met_twee_werkprocessen(tmp_path: Path) -> None:
    poort = _vrije_poort()
    env = {**os.environ, "ZORGZWAARTE_DATA": str(tmp_path / "data")}
    env.pop("ZORGZWAARTE_DATABASE_URL", None)
    proces = subprocess.Popen(
        [sys.executable, "-m", "zorgzwaarte", "serveer", "--workers", "2", "--demo", "--poort", str(poort)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(600):
            try:
                if httpx.get(f"{basis}/gezondheid", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proces.poll() is None, proces.stderr.read() if proces.stderr else ""
            time.sleep(0.1)
        else:
            raise AssertionError("de server startte niet binnen 60 seconden")
        assert len(_werkprocessen(proces.pid)) == 2
        # each worker listens on a socket of its own (SO_REUSEPORT): the kernel spreads connections over them
        for _ in range(600):
            if _luisterende_sockets(poort) == 2:
                break
            time.sleep(0.1)
        assert _luisterende_sockets(poort) == 2
        # the demo supplement, loaded once before the workers started, is what every worker shows
        for _ in range(4):
            pagina = httpx.get(f"{basis}/zzp/9bVV", timeout=10)
            assert pagina.status_code == 200 and "18 tot 22 uur per week" in pagina.text
        token = httpx.post(
            f"{basis}/api/v1/auth/token", data={"username": "beoordelaar", "password": "demo-beoordelaar"}, timeout=10
        )
        assert token.status_code == 200, token.text
    finally:
        proces.terminate()
        uit, _ = proces.communicate(timeout=30)
    assert "Werkprocessen: 2" in uit


def test_serveer_zonder_werkprocessen_is_een_fout() -> None:
    meldingen = fouten(zorgzwaarte("serveer", "--workers", "0"))
    assert "1 of meer" in meldingen["--workers"]


def test_serveer_zonder_draden_is_een_fout() -> None:
    meldingen = fouten(zorgzwaarte("serveer", "--draden", "0"))
    assert "1 of meer" in meldingen["--draden"]


def test_serveer_op_een_bezette_poort_is_een_fout(tmp_path: Path) -> None:
    """A port another program listens on: a Dutch error naming --poort (exit 2), before anything is migrated,
    instead of two servers sharing the port's connections."""
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        env = {**os.environ, "ZORGZWAARTE_DATA": str(tmp_path / "data")}
        env.pop("ZORGZWAARTE_DATABASE_URL", None)
        uit = subprocess.run(
            [sys.executable, "-m", "zorgzwaarte", "serveer", "--workers", "2", "--poort", str(poort)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert uit.returncode == 2, uit.stderr
    assert "al in gebruik" in fouten(uit)["--poort"]
    assert not (tmp_path / "data" / "zorgzwaarte.sqlite").exists()
