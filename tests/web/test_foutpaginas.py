"""Error pages in the browser (issue: a 500 or an unknown address showed the API's JSON text): a web request gets a
Dutch page in the site's layout (title, lang="nl", a way back) for 404, 403, 422 and 500, checked by axe; the API
keeps its JSON {fouten} and every answer keeps the security headers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.web.conftest import axe_overtredingen, schermafdruk
from tests.web.test_web import aanmelden


def _is_foutpagina(pagina: Any, titel: str) -> None:
    assert pagina.evaluate("document.documentElement.lang") == "nl"
    assert pagina.title() == f"{titel} – zorgzwaarte"
    assert pagina.get_by_role("heading", level=1).inner_text() == titel
    assert "fouten" not in pagina.locator("body").inner_text()  # no JSON text
    assert pagina.get_by_role("link", name="Naar de startpagina").is_visible()
    assert axe_overtredingen(pagina) == []


def test_onbekend_adres_geeft_een_nederlandse_pagina(pagina: Any) -> None:
    antwoord = pagina.goto("/bestaat-niet")
    assert antwoord.status == 404
    assert antwoord.headers["x-frame-options"] == "DENY" and "content-security-policy" in antwoord.headers
    _is_foutpagina(pagina, "Pagina niet gevonden")
    assert "deze pagina bestaat niet" in pagina.get_by_role("alert").inner_text().lower()
    schermafdruk(pagina, "fout-404")
    pagina.get_by_role("link", name="Naar de startpagina").click()
    pagina.wait_for_url("**/aanmelden")  # not signed in: the start page sends to the login


def test_ingelogd_onbekend_adres_en_onmogelijk_nummer_houden_het_menu(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    pagina.goto("/clienten")
    antwoord = pagina.goto("/clienten/abc")
    assert antwoord.status == 422
    _is_foutpagina(pagina, "Invoer niet in orde")
    assert "nummer of keuze" in pagina.get_by_role("alert").inner_text()
    assert pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Cliënten").is_visible()
    pagina.get_by_role("link", name="Naar de startpagina").click()
    pagina.wait_for_url("**/start")
    assert pagina.goto("/clienten/1/bestaat-niet").status == 404
    _is_foutpagina(pagina, "Pagina niet gevonden")


def test_geen_toegang_geeft_een_nederlandse_pagina(pagina: Any) -> None:
    aanmelden(pagina, "beoordelaar")
    antwoord = pagina.goto("/audit")
    assert antwoord.status == 403
    _is_foutpagina(pagina, "Geen toegang")


def test_serverfout_geeft_een_nederlandse_pagina_met_beveiligingskoppen(
    pagina: Any, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    aanmelden(pagina, "beoordelaar")

    def kapot(*_: Any) -> Any:
        raise RuntimeError("kapot voor de test")

    monkeypatch.setattr("zorgzwaarte.web.routes.sessie.startpagina", kapot)
    antwoord = pagina.goto("/start")
    assert antwoord.status == 500
    koppen = antwoord.headers
    assert koppen["x-frame-options"] == "DENY" and koppen["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in koppen and koppen["content-type"].startswith("text/html")
    _is_foutpagina(pagina, "Er ging iets mis")
    assert "kapot" not in pagina.content() and "Traceback" not in pagina.content()
    assert "de beheerder is op de hoogte" in pagina.get_by_role("alert").inner_text()
    schermafdruk(pagina, "fout-500")
    # the API and other clients (no text/html asked) keep the JSON
    r = httpx.get(f"{server}/start", cookies={c["name"]: c["value"] for c in pagina.context.cookies()})
    assert r.status_code == 500 and r.json()["fouten"][0]["veld"] == "(server)"
    r = httpx.get(f"{server}/api/v1/bestaat-niet", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.json()["fouten"][0]["veld"] == "(adres)"
