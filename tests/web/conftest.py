"""Browser tests: the real app (uvicorn, SQLite with demo data) driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LopendeKlok
from tests.sjablonen import snelle_wachtwoorden

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
AXE = Path(__file__).parent / "axe.min.js"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_WEB: dict[str, Any] = {}
# The one clock of the browser tests: the server under test runs on it and the demo is made on its day, so what a
# page calls "vandaag" is the demo's today (1 December 2014, the tests' day, tests/conftest.py). It runs on with
# real time from 09:00 UTC; a test that needs another day moves it with `klok_op` (and it comes back afterwards).
KLOK = LopendeKlok()


def vandaag() -> date:
    """Today for the server under test: the Dutch calendar day of its clock."""
    from zorgzwaarte.diensten.werkeenheid import vandaag_nl

    return vandaag_nl(KLOK())


@contextmanager
def klok_op(moment: datetime) -> Iterator[LopendeKlok]:
    """The server's clock at `moment` (running on from there) for the duration of the block; afterwards back where
    it would have been."""
    voor, vanaf = KLOK(), time.monotonic()
    KLOK.moment = moment
    try:
        yield KLOK
    finally:
        KLOK.moment = voor + timedelta(seconds=time.monotonic() - vanaf)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    import uvicorn

    from zorgzwaarte.api.app import maak_app
    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling, vul_demo
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek

    map_ = Path(tempfile.mkdtemp(prefix="zz-web-"))
    engine = maak_engine(f"sqlite:///{map_ / 'web.sqlite'}")
    migreer(engine)
    with snelle_wachtwoorden():  # the demo accounts' hashes cheap to check (tests/sjablonen.py)
        vul_demo(sessiefabriek(engine), aantal_clienten=30, vandaag=vandaag())  # the demo as on the server's day
    laad_demo_aanvulling(sessiefabriek(engine))  # as `serveer --demo` does: the background page's hours, in the db
    _WEB["engine"] = engine
    poort = _vrije_poort()
    config = uvicorn.Config(maak_app(engine, KLOK), host="127.0.0.1", port=poort, log_level="warning")
    srv = uvicorn.Server(config)
    draad = threading.Thread(target=srv.run, daemon=True)
    draad.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{poort}"
    srv.should_exit = True
    draad.join(timeout=10)
    engine.dispose()
    shutil.rmtree(map_, ignore_errors=True)


@pytest.fixture
def web_engine(server: str) -> Any:
    """The database behind the browser tests' server (to prepare a state the screens cannot make quickly)."""
    return _WEB["engine"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium ontbreekt (make system installeert het)")
    from playwright.sync_api import sync_playwright

    os.environ["HOME"] = tempfile.mkdtemp(prefix="zz-home-")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def pagina(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def axe_overtredingen(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A/AA rules) in the page; return the serious and critical violations."""
    # Evaluated through the browser's debugging protocol: the page's Content-Security-Policy forbids inline
    # script, so axe cannot be added as a <script> tag.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    uit = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"]} for v in uit if v["impact"] in ("serious", "critical")
    ]


SCHERMEN = Path(__file__).resolve().parents[2] / "docs" / "schermen"


def schermafdruk(page: Any, naam: str, breedte: int = 1280, hoogte: int = 900, hele_pagina: bool = False) -> Path:
    """A screenshot of the page. Only `make schermen` (ZZ_SCHERMEN=1) writes into docs/schermen; a normal test run
    writes to a temp folder, so `git status` stays clean."""
    doel = SCHERMEN if os.environ.get("ZZ_SCHERMEN") == "1" else Path(tempfile.gettempdir()) / "zz-schermen"
    doel.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": breedte, "height": hoogte})
    pad = doel / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=hele_pagina)
    return pad
