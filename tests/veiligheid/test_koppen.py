"""Issue 12, items 12 and 13: security headers on every response; /docs and /redoc without a CDN."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import Api
from zorgzwaarte.api.app import maak_app


def _controleer(koppen: dict[str, str] | object) -> None:
    h = koppen  # httpx.Headers, case-insensitive
    csp = h["content-security-policy"]  # type: ignore[index]
    script = re.search(r"script-src ([^;]*)", csp)
    assert script and "'unsafe-inline'" not in script.group(1) and "'unsafe-eval'" not in script.group(1)
    assert "frame-ancestors 'none'" in csp
    assert h["x-frame-options"] == "DENY"  # type: ignore[index]
    assert h["x-content-type-options"] == "nosniff"  # type: ignore[index]
    assert h["referrer-policy"] == "no-referrer"  # type: ignore[index]


@pytest.mark.parametrize(
    ("methode", "pad", "status"),
    [
        ("GET", "/api/v1/mij", 200),
        ("GET", "/api/v1/clienten/999999", 404),
        ("GET", "/api/v1/bestaat-niet", 404),
        ("GET", "/aanmelden", 200),
        ("GET", "/static/thema.css", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/docs", 200),
        ("GET", "/redoc", 200),
        ("GET", "/gezondheid", 200),
        ("GET", "/gereed", 200),
        ("POST", "/api/v1/clienten", 422),
    ],
)
def test_beveiligingskoppen_op_elk_antwoord(api: Api, methode: str, pad: str, status: int) -> None:
    r = api.als("beoordelaar").request(methode, pad, content=b"{" if methode == "POST" else None)
    assert r.status_code == status, r.text
    _controleer(r.headers)
    assert "strict-transport-security" not in r.headers


def test_hsts_als_veilige_cookies_aan_staan(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_VEILIGE_COOKIES", "1")
    r = TestClient(maak_app(api.engine, api.klok)).get("/aanmelden")
    assert r.headers["strict-transport-security"].startswith("max-age=")


def test_te_groot_antwoord_heeft_ook_koppen(api: Api) -> None:
    r = api.anoniem.post("/api/v1/auth/token", content=b"a" * 2_000_000, headers={"content-type": FORM})
    assert r.status_code == 413
    _controleer(r.headers)


FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize("pad", ["/docs", "/redoc"])
def test_documentatie_zonder_cdn(api: Api, pad: str) -> None:
    """Item 13: the documentation pages load only scripts and styles served by the app itself."""
    html = api.anoniem.get(pad).text
    bronnen = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert bronnen, html
    for bron in bronnen:
        assert bron.startswith("/"), f"{pad} laadt {bron} van buiten"
        assert api.anoniem.get(bron).status_code == 200, bron
    assert "<script>" not in html  # no inline script


@pytest.mark.parametrize(
    "eigen",
    [
        [],
        [(b"x-frame-options", b"SAMEORIGIN")],
        [(b"Referrer-Policy", b"same-origin"), (b"cache-control", b"no-store")],
    ],
)
def test_kop_die_de_route_zelf_zet_blijft_en_komt_niet_dubbel(eigen: list[tuple[bytes, bytes]]) -> None:
    """The guard adds each security header once, after the answer's own headers, except one the route set itself
    (whatever its case); the answer's own headers stay as they were, in their order."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from zorgzwaarte.api.beveiliging import Beveiliging, _gecodeerd, beveiligingskoppen

    async def route(scope: object, receive: object, send: object) -> None:
        basis = [(b"content-length", b"2"), (b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": basis + eigen})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b"{}"})  # type: ignore[operator]

    verzonden: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        verzonden.append(message)

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/x", "query_string": b"", "headers": []}
    # in a thread of its own: asyncio.run refuses a thread with a running loop (Playwright's, after browser tests)
    with ThreadPoolExecutor(1) as draad:
        draad.submit(asyncio.run, Beveiliging(route)(scope, receive, send)).result()  # type: ignore[arg-type]
    koppen = verzonden[0]["headers"]
    assert isinstance(koppen, list)
    eigen_namen = {k.lower() for k, _ in eigen}
    verwacht = [(b"content-length", b"2"), (b"content-type", b"application/json"), *eigen] + [
        kop for kop in _gecodeerd(beveiligingskoppen("/x", False)) if kop[0] not in eigen_namen
    ]
    assert koppen == verwacht
    assert len({k.lower() for k, _ in koppen}) == len(koppen)
