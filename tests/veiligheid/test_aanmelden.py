"""Issue 12, items 8, 11 and 14: login throttling (delay, lock, 429 with Retry-After, audit, unlock by a
beheerder), bounded hash work, sessions (idle timeout, absolute lifetime, logging out everywhere), and a BSN known
outside the caller's view answered exactly like an unknown one."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.api.conftest import WACHTWOORD, Api
from zorgzwaarte.diensten import aanmeldbeveiliging, auth
from zorgzwaarte.opslag.modellen import Gebruiker

TOKEN = "/api/v1/auth/token"


def _aanmelden(c: TestClient, naam: str, wachtwoord: str) -> Any:
    return c.post(TOKEN, data={"username": naam, "password": wachtwoord})


def _regels(api: Api, n: int) -> list[tuple[str, str]]:
    return [(a.actie, a.uitkomst) for a in api.audit_sinds(n)]


def test_tien_mislukte_pogingen_blokkeren_het_account(api: Api) -> None:
    """15 wrong passwords in a row no longer end with a login: a growing delay from the 3rd failure (429 with
    Retry-After, the password not even checked), a lock after the 10th, every failure and the lock audited; the
    beheerder unlocks."""
    c = TestClient(api.app)
    n = api.audit_aantal()
    for i in range(1, 11):
        r = _aanmelden(c, "beoordelaar", f"fout-{i}")
        assert r.status_code == 401, (i, r.text)
        if i >= 3:  # too soon after the previous failure
            te_snel = _aanmelden(c, "beoordelaar", WACHTWOORD["beoordelaar"])
            assert te_snel.status_code == 429, (i, te_snel.text)
            assert int(te_snel.headers["retry-after"]) >= 1
            assert "te veel mislukte aanmeldpogingen" in te_snel.json()["fouten"][0]["melding"]
        api.klok.moment += timedelta(seconds=61)
    regels = _regels(api, n)
    assert regels.count(("aanmelden", "geweigerd")) == 10 + 8  # 10 wrong passwords + 8 refused as too soon
    assert ("aanmelden.geblokkeerd", "geweigerd") in regels
    # locked: even the right password is refused for 15 minutes
    r = _aanmelden(c, "beoordelaar", WACHTWOORD["beoordelaar"])
    assert r.status_code == 429
    assert 800 < int(r.headers["retry-after"]) <= 900
    # the beheerder unlocks (others may not)
    with api.fabriek() as s:
        gid = s.scalars(select(Gebruiker.id).where(Gebruiker.gebruikersnaam == "beoordelaar")).one()
    assert api.als("linde").post(f"/api/v1/gebruikers/{gid}/ontgrendelen").status_code == 403
    lijst = api.als("beheerder").get("/api/v1/aanmeldblokkades").json()
    assert any(b["sleutel"] == "beoordelaar" and b["geblokkeerd_tot"] for b in lijst)
    r = api.als("beheerder").post(f"/api/v1/gebruikers/{gid}/ontgrendelen")
    assert r.status_code == 200, r.text
    assert _aanmelden(c, "beoordelaar", WACHTWOORD["beoordelaar"]).status_code == 200


def test_de_blokkade_loopt_af_en_een_goede_aanmelding_begint_opnieuw(api: Api) -> None:
    c = TestClient(api.app)
    for _ in range(10):
        _aanmelden(c, "linde", "fout")
        api.klok.moment += timedelta(seconds=61)
    assert _aanmelden(c, "linde", WACHTWOORD["linde"]).status_code == 429
    api.klok.moment += timedelta(minutes=16)
    assert _aanmelden(c, "linde", WACHTWOORD["linde"]).status_code == 200
    assert _aanmelden(c, "linde", "fout").status_code == 401  # counting starts afresh
    assert _aanmelden(c, "linde", WACHTWOORD["linde"]).status_code == 200


def test_onbekend_account_krijgt_dezelfde_antwoorden(api: Api) -> None:
    """The throttle does not reveal whether an account exists: an unknown name is counted and locked alike."""
    c = TestClient(api.app)
    antwoorden = []
    for naam in ("beoordelaar", "bestaat-niet"):
        reeks = []
        for _ in range(4):
            r = _aanmelden(c, naam, "fout")
            reeks.append((r.status_code, r.json()["fouten"][0]["melding"]))
        antwoorden.append(reeks)
        api.klok.moment += timedelta(hours=1)
    assert antwoorden[0] == antwoorden[1]


def test_per_adres_geblokkeerd_na_30_pogingen_op_verschillende_accounts(api: Api) -> None:
    c = TestClient(api.app)
    for i in range(30):
        assert _aanmelden(c, f"raden-{i}", "fout").status_code == 401
        api.klok.moment += timedelta(seconds=61)
    r = _aanmelden(c, "beheerder", WACHTWOORD["beheerder"])
    assert r.status_code == 429  # the same address is locked, whatever account it tries
    assert int(r.headers["retry-after"]) > 60


def test_hashcontrole_begrensd_in_geheugen_en_tijd(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """At most two password hashes are checked at once, whatever the number of parallel logins; a password of
    more than 1,000 characters is never hashed."""
    bezig, hoogste, aantal = 0, 0, 0
    slot = threading.Lock()
    echt = auth._hasher.verify

    def tellend(h: str, w: str) -> bool:
        nonlocal bezig, hoogste, aantal
        with slot:
            bezig += 1
            aantal += 1
            hoogste = max(hoogste, bezig)
        try:
            time.sleep(0.05)
            return echt(h, w)
        finally:
            with slot:
                bezig -= 1

    class Teller:
        verify = staticmethod(tellend)

    monkeypatch.setattr(auth, "_hasher", Teller())
    draden = [
        threading.Thread(target=lambda i=i: _aanmelden(TestClient(api.app), f"parallel-{i}", "fout")) for i in range(8)
    ]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert aantal == 8
    assert hoogste <= aanmeldbeveiliging.GELIJKTIJDIGE_CONTROLES
    aantal = 0
    r = _aanmelden(TestClient(api.app), "beheerder", "x" * 5000)
    assert r.status_code == 401 and aantal == 0


def test_sessie_verloopt_na_inactiviteit_en_na_de_maximale_duur(api: Api) -> None:
    """Idle timeout 30 minutes (each use extends it), absolute lifetime 8 hours."""
    c = api.als("beoordelaar")
    for _ in range(3):
        api.klok.moment += timedelta(minutes=29)
        assert c.get("/api/v1/mij").status_code == 200
    api.klok.moment += timedelta(minutes=31)
    r = c.get("/api/v1/mij")
    assert r.status_code == 401 and "verlopen" in r.json()["fouten"][0]["melding"]

    c2 = TestClient(api.app)
    t = _aanmelden(c2, "linde", WACHTWOORD["linde"]).json()["access_token"]
    c2.headers["Authorization"] = f"Bearer {t}"
    begin = api.klok.moment
    for _ in range(20):  # in use all day, every 29 minutes
        api.klok.moment += timedelta(minutes=29)
        if c2.get("/api/v1/mij").status_code != 200:
            break
    else:
        pytest.fail("de sessie bleef langer dan 8 uur geldig")
    assert timedelta(hours=8) <= api.klok.moment - begin < timedelta(hours=8, minutes=29)


def test_inactiviteit_is_instelbaar(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_SESSIE_INACTIEF_MINUTEN", "5")
    c = api.als("beoordelaar")
    api.klok.moment += timedelta(minutes=6)
    assert c.get("/api/v1/mij").status_code == 401


def test_uitloggen_op_alle_apparaten(api: Api) -> None:
    """API logout with alle=true revokes every token of the user; without, only its own."""
    a, b, d = TestClient(api.app), TestClient(api.app), TestClient(api.app)
    for c in (a, b, d):
        c.headers["Authorization"] = "Bearer " + _aanmelden(c, "linde", WACHTWOORD["linde"]).json()["access_token"]
    assert d.post("/api/v1/auth/uitloggen").status_code == 204
    assert d.get("/api/v1/mij").status_code == 401
    assert a.get("/api/v1/mij").status_code == 200
    n = api.audit_aantal()
    assert a.post("/api/v1/auth/uitloggen", params={"alle": "true"}).status_code == 204
    assert a.get("/api/v1/mij").status_code == 401
    assert b.get("/api/v1/mij").status_code == 401
    assert ("afmelden", "toegestaan") in _regels(api, n)


NIEUW = {"geslachtsnaam": "Proef", "geboortedatum": "1950-05-05", "woonplaats": "Zeist"}


def test_bsn_buiten_bereik_is_niet_te_onderscheiden_van_een_onbekend_bsn(api_beide: Api) -> None:
    """Item 8: a provider registering the BSN of a client it cannot see gets the same answer as for an unknown
    BSN (201, its own record); the attempt is audited with the client it concerns. A BSN it can see: 409."""
    api = api_beide
    anker = api.als("anker")
    zichtbaar = {c["id"] for c in anker.get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]}
    verborgen = next(
        c
        for c in api.als("beoordelaar").get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]
        if c["id"] not in zichtbaar
    )
    onbekend = "999990652"
    n = api.audit_aantal()
    r_verborgen = anker.post("/api/v1/clienten", json={**NIEUW, "bsn": verborgen["bsn"]})
    r_onbekend = anker.post("/api/v1/clienten", json={**NIEUW, "bsn": onbekend})
    assert r_verborgen.status_code == r_onbekend.status_code == 201, (r_verborgen.text, r_onbekend.text)
    a, b = r_verborgen.json(), r_onbekend.json()
    verschil = {k for k in a if a[k] != b[k]} - {"id", "bsn", "register_id", "vastgelegd_op"}
    assert verschil == set(), verschil
    assert a["id"] != verborgen["id"] and a["geslachtsnaam"] == "Proef"
    regels = [(x.actie, x.client_id) for x in api.audit_sinds(n)]
    assert ("client.bsn_elders_bekend", verborgen["id"]) in regels
    # the other organisation's record is untouched and still invisible to anker
    assert anker.get(f"/api/v1/clienten/{verborgen['id']}").status_code == 404
    assert (
        api.als("beoordelaar").get(f"/api/v1/clienten/{verborgen['id']}").json()["geslachtsnaam"]
        == verborgen["geslachtsnaam"]
    )
    # a BSN the provider can see (now its own): 409, as before
    assert anker.post("/api/v1/clienten", json={**NIEUW, "bsn": verborgen["bsn"]}).status_code == 409
    assert anker.post("/api/v1/clienten/zoeken", json={"bsn": verborgen["bsn"]}).json()["id"] == a["id"]


def test_wachtwoorden_met_argon2id_op_volle_sterkte() -> None:
    """The product hashes a password with argon2id at argon2-cffi's default cost (RFC 9106's second recommended
    profile: 64 MiB, 3 passes, 4 lanes). The tests' demo accounts are hashed at the lowest cost to keep logins quick
    (tests/sjablonen.py: snelle_wachtwoorden); this test keeps that from hiding a weaker setting in the product."""
    from argon2 import Type, extract_parameters

    parameters = extract_parameters(auth.hash_wachtwoord("een wachtwoord"))
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 64 * 1024 and parameters.time_cost >= 3 and parameters.parallelism >= 4
    assert auth._hasher.verify(auth.hash_wachtwoord("een wachtwoord"), "een wachtwoord")
