"""`zorgzwaarte serveer --workers N`: migrations and demo data once, then N worker processes on one database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

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


def _open_verbinding(poort: int) -> socket.socket:
    """A kept-open HTTP/1.1 connection that has had one answer (so a worker serves it)."""
    s = socket.create_connection(("127.0.0.1", poort), timeout=30)
    s.sendall(b"GET /gezondheid HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    antwoord = b""
    while b'"ok"' not in antwoord:
        stuk = s.recv(4096)
        assert stuk, antwoord
        antwoord += stuk
    return s


def _werkproces_van(verbinding: socket.socket, pid: int) -> int:
    """The process id of the worker that serves this connection (its socket among the worker's descriptors)."""
    eigen = verbinding.getsockname()[1]
    inodes = set()
    for regel in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        velden = regel.split()
        if int(velden[2].rsplit(":", 1)[1], 16) == eigen and velden[3] == "01":
            inodes.add(velden[9])
    for kind in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        for fd in Path(f"/proc/{kind}/fd").iterdir():
            try:
                doel = os.readlink(fd)
            except OSError:
                continue
            if doel.startswith("socket:[") and doel[8:-1] in inodes:
                return int(kind)
    raise AssertionError("geen werkproces bedient deze verbinding")


def test_verbindingen_gelijk_over_de_werkprocessen(tmp_path: Path) -> None:
    """Kept-open connections (a reverse proxy's pool, the load benchmark's users) are spread evenly: each new one
    goes to the worker with the fewest open connections, also after some closed (was the kernel's hash: 7/3 or 8/2
    in some runs)."""
    proces, basis = _start(tmp_path, "--workers", "2")
    poort = int(basis.rsplit(":", 1)[1])
    verbindingen: list[socket.socket] = []
    try:
        _wacht_tot_hij_antwoordt(proces, basis)
        for _ in range(600):  # until both workers have started and taken part
            for v in verbindingen:
                v.close()
            verbindingen = [_open_verbinding(poort) for _ in range(10)]
            per = Counter(_werkproces_van(v, proces.pid) for v in verbindingen)
            if sorted(per.values()) == [5, 5]:
                break
            time.sleep(0.2)
        assert sorted(per.values()) == [5, 5], per
        eerste = next(iter(per))
        for v in [v for v in verbindingen if _werkproces_van(v, proces.pid) == eerste]:
            verbindingen.remove(v)
            v.close()
        time.sleep(1)  # the worker tells the parent each closed connection
        nieuw = [_open_verbinding(poort) for _ in range(5)]
        verbindingen += nieuw
        assert {_werkproces_van(v, proces.pid) for v in nieuw} == {eerste}
        assert httpx.get(f"{basis}/gereed", timeout=10).status_code == 200
    finally:
        for v in verbindingen:
            v.close()
        _ctrl_c(proces)


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
        _wacht_tot_hij_antwoordt(proces, basis)
        assert len(_werkprocessen(proces.pid)) == 2
        # the parent listens and hands each connection to a worker (cli/werkprocessen.py, Verdeler)
        assert _luisterende_sockets(poort) == 1
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


@pytest.mark.parametrize("werkprocessen", [1, 2])
def test_serveer_op_een_bezette_poort_is_een_fout(tmp_path: Path, werkprocessen: int) -> None:
    """A port another program listens on: a Dutch error naming --poort (exit 2), before anything is migrated,
    instead of two servers sharing the port's connections. With one worker (`make run`) this was uvicorn's English
    error and exit 3, after migrating and after the URL was printed."""
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        env = {**os.environ, "ZORGZWAARTE_DATA": str(tmp_path / "data")}
        env.pop("ZORGZWAARTE_DATABASE_URL", None)
        uit = subprocess.run(
            [sys.executable, "-m", "zorgzwaarte", "serveer", "--workers", str(werkprocessen), "--poort", str(poort)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert uit.returncode == 2, uit.stderr
    assert fouten(uit)["--poort"] == f"poort {poort} op adres 127.0.0.1 is al in gebruik"
    assert not (tmp_path / "data" / "zorgzwaarte.sqlite").exists()


ZORGZWAARTE = Path(sys.executable).with_name("zorgzwaarte")  # the installed command, as `make run` starts it


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """`zorgzwaarte serveer --demo` in a process group of its own, as a terminal runs it (Ctrl-C reaches the group)."""
    poort = _vrije_poort()
    env = {**os.environ, "ZORGZWAARTE_DATA": str(tmp_path / "data")}
    env.pop("ZORGZWAARTE_DATABASE_URL", None)
    proces = subprocess.Popen(
        [str(ZORGZWAARTE), "serveer", "--demo", "--poort", str(poort), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return proces, f"http://127.0.0.1:{poort}"


def _wacht_tot_hij_antwoordt(proces: subprocess.Popen[str], basis: str) -> None:
    for _ in range(1200):
        try:
            if httpx.get(f"{basis}/gereed", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert proces.poll() is None, proces.communicate()
        time.sleep(0.1)
    raise AssertionError("de server startte niet binnen 120 seconden")


def _ctrl_c(proces: subprocess.Popen[str]) -> tuple[str, str]:
    """Ctrl-C as the terminal gives it: SIGINT to every process of the foreground group."""
    os.killpg(proces.pid, signal.SIGINT)
    try:
        return proces.communicate(timeout=60)
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)


@pytest.mark.parametrize("werkprocessen", [1, 2])
def test_ctrl_c_stopt_alle_werkprocessen_zonder_traceback(tmp_path: Path, werkprocessen: int) -> None:
    """As a new user sees it: the URL and the demo accounts in Dutch; Ctrl-C stops the server and every worker, with
    exit 0 and nothing on stderr (with two workers each used to print a KeyboardInterrupt traceback)."""
    proces, basis = _start(tmp_path, "--workers", str(werkprocessen))
    try:
        _wacht_tot_hij_antwoordt(proces, basis)
        kinderen = _werkprocessen(proces.pid)
        assert len(kinderen) == (werkprocessen if werkprocessen > 1 else 0)
        pids = [int(p) for p in Path(f"/proc/{proces.pid}/task/{proces.pid}/children").read_text().split()]
    finally:
        uit, fout = _ctrl_c(proces)
    assert proces.returncode == 0, (proces.returncode, fout)
    assert fout.strip() == ""
    assert f"zorgzwaarte draait op {basis}" in uit and "Demo-accounts (fictief):" in uit
    assert "gebruikersnaam beoordelaar  wachtwoord demo-beoordelaar" in uit
    assert _alle_weg(pids), [Path(f"/proc/{p}/cmdline").read_bytes() for p in pids if Path(f"/proc/{p}").exists()]


def _alle_weg(pids: list[int]) -> bool:
    """The workers are joined before the parent ends; multiprocessing's resource tracker ends a moment later."""
    for _ in range(100):
        if not any(Path(f"/proc/{p}").exists() for p in pids):
            return True
        time.sleep(0.1)
    return False


def test_ctrl_c_terwijl_de_werkprocessen_starten(tmp_path: Path) -> None:
    """Ctrl-C while the workers are still loading the program: no traceback of any worker, all of them stop."""
    proces, _ = _start(tmp_path, "--workers", "2")
    try:
        for _ in range(1200):  # the parent prints this just before it starts the workers
            if len(_werkprocessen(proces.pid)) == 2:
                break
            assert proces.poll() is None, proces.communicate()
            time.sleep(0.1)
        time.sleep(0.2)
    finally:
        _, fout = _ctrl_c(proces)
    assert "Traceback" not in fout and "KeyboardInterrupt" not in fout, fout
    assert proces.returncode == 0, (proces.returncode, fout)


def test_ctrl_c_terwijl_het_programma_laadt(tmp_path: Path) -> None:
    """Ctrl-C while the command is still importing itself: 'Afgebroken.' and the shell's exit code 130, no
    traceback (the import is inside `zorgzwaarte.cli.start`)."""
    proces, _ = _start(tmp_path)
    time.sleep(0.3)
    _, fout = _ctrl_c(proces)
    assert "Traceback" not in fout, fout
    assert proces.returncode in (130, -signal.SIGINT), (proces.returncode, fout)
