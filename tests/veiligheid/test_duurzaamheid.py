"""Issue 12, item 16: no acknowledged write is lost. The real server (uvicorn in a child process, SQLite in WAL
mode with synchronous=FULL) takes concurrent writes, is killed with SIGKILL in the middle of them and started
again: every write that got a 2xx answer is there, with its audit line. Bounded: about 5 seconds, 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import select

from tests.api.conftest import WACHTWOORD
from zorgzwaarte.demo.gegevens import vul_demo
from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel, Rapportage


def _poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(url: str, poort: int) -> int:
    """The app in a forked child process (already imported: starts in well under a second); returns its pid."""
    pid = os.fork()
    if pid == 0:  # child: serve until killed, never return into pytest
        try:
            import uvicorn

            from zorgzwaarte.api.app import maak_app

            os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
            uvicorn.run(maak_app(maak_engine(url)), host="127.0.0.1", port=poort, log_level="critical")
        finally:
            os._exit(0)
    einde = time.monotonic() + 30
    while time.monotonic() < einde:
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.5):
                return pid
        except OSError:
            time.sleep(0.05)
    _stop(pid)
    raise AssertionError("de server startte niet binnen 30 seconden")


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def test_elke_bevestigde_schrijfactie_overleeft_kill_9(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'duurzaam.sqlite'}"
    engine = maak_engine(url)
    migreer(engine)
    vul_demo(sessiefabriek(engine), aantal_clienten=4)
    engine.dispose()  # no open connection crosses the fork
    poort = _poort()
    basis = f"http://127.0.0.1:{poort}/api/v1"
    pid = _start(url, poort)
    try:
        with httpx.Client(timeout=10, verify=False) as c:
            token = c.post(f"{basis}/auth/token", data={"username": "linde", "password": WACHTWOORD["linde"]}).json()
            kop = {"Authorization": f"Bearer {token['access_token']}"}
            clienten = c.get(f"{basis}/clienten", headers=kop).json()["items"]
        assert clienten
        bevestigd: list[int] = []
        slot = threading.Lock()
        stop = threading.Event()

        def schrijf(nr: int) -> None:
            with httpx.Client(headers=kop, timeout=5, verify=False) as c:
                i = 0
                while not stop.is_set():
                    i += 1
                    cid = clienten[(nr + i) % len(clienten)]["id"]
                    try:
                        r = c.post(
                            f"{basis}/clienten/{cid}/rapportages",
                            json={"datum": "2014-11-20", "tekst": f"schrijver {nr} regel {i}"},
                        )
                    except httpx.HTTPError:
                        continue  # no answer: not acknowledged
                    if 200 <= r.status_code < 300:
                        with slot:
                            bevestigd.append(r.json()["id"])

        draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(4)]
        for d in draden:
            d.start()
        time.sleep(2.5)
        _stop(pid)  # SIGKILL in the middle of the writes
        stop.set()
        for d in draden:
            d.join(10)
        assert len(bevestigd) >= 5, "te weinig schrijfacties om iets te bewijzen"
    finally:
        _stop(pid)
    # start again (recovery of the WAL) and check
    pid = _start(url, poort)
    try:
        engine = maak_engine(url)
        with sessiefabriek(engine)() as s:
            opgeslagen = set(s.scalars(select(Rapportage.id)))
            geaudit = set(
                s.scalars(
                    select(Auditregel.object_id).where(
                        Auditregel.actie == "rapportage.aanmaken", Auditregel.uitkomst == "toegestaan"
                    )
                )
            )
        verloren = [i for i in bevestigd if i not in opgeslagen]
        zonder_audit = [i for i in bevestigd if i not in geaudit]
        assert verloren == [], f"bevestigd maar verloren: {verloren}"
        assert zonder_audit == [], f"bevestigd zonder auditregel: {zonder_audit}"
        assert httpx.get(f"http://127.0.0.1:{poort}/gezondheid", verify=False).status_code == 200
    finally:
        _stop(pid)
        engine.dispose()
