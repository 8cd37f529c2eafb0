"""Issue 12, items 12 and 13 in the browser: the security headers hold, the pages (HTMX included) work under the
Content-Security-Policy without a single violation, and /docs and /redoc render from the app's own files."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import WACHTWOORD


def _schendingen(page: Any) -> list[str]:
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: meldingen.append(str(e)))
    return meldingen


def test_koppen_en_csp_bij_aanmelden_en_zoeken(pagina: Any, server: str) -> None:
    meldingen = _schendingen(pagina)
    buiten: list[str] = []
    pagina.on("request", lambda r: buiten.append(r.url) if not r.url.startswith(server) else None)
    antwoord = pagina.goto("/aanmelden")
    koppen = antwoord.all_headers()
    assert "frame-ancestors 'none'" in koppen["content-security-policy"]
    assert "'unsafe-inline'" not in koppen["content-security-policy"]
    assert koppen["x-frame-options"] == "DENY"
    assert koppen["x-content-type-options"] == "nosniff"
    assert koppen["referrer-policy"] == "no-referrer"
    pagina.fill("#gebruikersnaam", "beoordelaar")
    pagina.fill("#wachtwoord", WACHTWOORD["beoordelaar"])
    pagina.get_by_role("button", name="Aanmelden").click()
    pagina.wait_for_url("**/start")
    pagina.goto("/clienten")
    with pagina.expect_response(lambda r: "/clienten?" in r.url and r.request.headers.get("hx-request") == "true"):
        pagina.fill("input[name=zoek]", "a")  # HTMX live search works under the policy
    assert pagina.evaluate("typeof htmx") == "object"
    assert meldingen == [], meldingen
    assert buiten == [], buiten


def test_documentatie_werkt_offline_onder_de_csp(pagina: Any, server: str) -> None:
    meldingen = _schendingen(pagina)
    buiten: list[str] = []
    pagina.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server)
            else (buiten.append(route.request.url), route.abort())
        ),
    )
    pagina.goto("/docs")
    pagina.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "zorgzwaarte" in pagina.inner_text(".swagger-ui .info .title")
    pagina.goto("/redoc")
    pagina.wait_for_selector("h1", timeout=15000)
    assert "zorgzwaarte" in pagina.inner_text("h1")
    assert buiten == [], buiten
    assert [m for m in meldingen if "script" in m.lower()] == [], meldingen
