"""Issue 12, item 14 in the web application: the CSRF cookie rotates at login, logging out needs a valid CSRF
token and then ends the session in the database (the old cookie no longer works), idle sessions end."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient

from tests.api.conftest import WACHTWOORD, Api


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html
    return m.group(1)


def _aangemeld(api: Api, naam: str = "beoordelaar") -> tuple[TestClient, str]:
    c = TestClient(api.app, follow_redirects=False)
    voor = _csrf(c.get("/aanmelden").text)
    r = c.post("/aanmelden", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD[naam], "csrf": voor})
    assert r.status_code == 303, r.text
    return c, voor


def test_csrf_wisselt_bij_aanmelden(api: Api) -> None:
    c, voor = _aangemeld(api)
    na = c.cookies.get("zz_csrf")
    assert na and na != voor
    assert _csrf(c.get("/start").text) == na


def test_afmelden_alleen_met_geldig_csrf_en_het_beeindigt_de_sessie(api: Api) -> None:
    c, _ = _aangemeld(api)
    sessie = c.cookies.get("zz_sessie")
    r = c.post("/afmelden", data={"csrf": "vervalst"})
    assert r.status_code == 422
    assert c.get("/start").status_code == 200  # still logged in
    r = c.post("/afmelden", data={"csrf": c.cookies.get("zz_csrf")})
    assert r.status_code == 303 and r.headers["location"] == "/aanmelden"
    # the old session cookie, replayed, no longer works: the session ended in the database
    oud = TestClient(api.app, follow_redirects=False, cookies={"zz_sessie": sessie or ""})
    assert oud.get("/start").headers.get("location") == "/aanmelden"


def test_websessie_verloopt_na_inactiviteit(api: Api) -> None:
    c, _ = _aangemeld(api)
    api.klok.moment += timedelta(minutes=20)
    assert c.get("/start").status_code == 200
    api.klok.moment += timedelta(minutes=31)
    assert c.get("/start").headers.get("location") == "/aanmelden"


def test_aanmelden_geblokkeerd_geeft_429_in_het_nederlands(api: Api) -> None:
    c = TestClient(api.app, follow_redirects=False)
    for _ in range(3):
        r = c.post(
            "/aanmelden",
            data={"gebruikersnaam": "linde", "wachtwoord": "fout", "csrf": _csrf(c.get("/aanmelden").text)},
        )
        assert r.status_code == 422
    r = c.post(
        "/aanmelden", data={"gebruikersnaam": "linde", "wachtwoord": "fout", "csrf": _csrf(c.get("/aanmelden").text)}
    )
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1
    assert "te veel mislukte aanmeldpogingen" in r.text
