"""One request, one trip to a worker thread (api/eendraad.py, issue 15): the login dependency only takes the token;
the token is checked in the thread that runs the route, and the order of refusals stays 401 -> 422 -> 403/404.
Counted, never timed."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import fastapi.dependencies.utils
import fastapi.routing
import pytest

import zorgzwaarte.api.eendraad
from tests.api.conftest import Api
from zorgzwaarte.domein.grenzen import MAX_ID

A = "/api/v1"


@pytest.fixture
def sprongen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Every hop to the thread pool, by the module that made it (FastAPI's own or the route's)."""
    tel: Counter[str] = Counter()

    def teller(module: Any) -> Callable[..., Any]:
        echt = module.run_in_threadpool

        async def geteld(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            tel[module.__name__] += 1
            return await echt(func, *args, **kwargs)

        return geteld

    for module in (fastapi.routing, fastapi.dependencies.utils, zorgzwaarte.api.eendraad):
        monkeypatch.setattr(module, "run_in_threadpool", teller(module))
    yield tel


@pytest.mark.parametrize(
    ("gebruiker", "methode", "pad"),
    [
        ("beheerder", "GET", "/audit?client_id={cid}"),
        ("beheerder", "GET", "/aanmeldblokkades"),
        ("beheerder", "GET", "/audit/export?client_id={cid}"),
        ("beheerder", "GET", "/iwlz/notificaties"),
    ],
)
def test_een_verzoek_is_een_sprong_naar_de_draadpool(
    api: Api, sprongen: Counter[str], gebruiker: str, methode: str, pad: str
) -> None:
    """Token check, service call and the answer's validation: one hop in all (was three: the login dependency,
    the endpoint, the validation of its answer). A short read on SQLite takes none (tests/api/test_in_de_lus.py)."""
    c = api.als(gebruiker)
    url = A + pad.format(cid=api.eerste_client("beoordelaar")["id"])
    sprongen.clear()
    r = c.request(methode, url)
    assert r.status_code == 200, r.text
    assert sprongen == Counter({"zorgzwaarte.api.eendraad": 1}), sprongen


def test_tokencontrole_en_dienst_in_dezelfde_draad(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The token is checked in the thread that then runs the service (not in the event loop)."""
    draden: dict[str, int] = {}
    echt_token = zorgzwaarte.api.eendraad.actor_voor_token

    def token(*args: Any, **kwargs: Any) -> Any:
        draden["token"] = threading.get_ident()
        return echt_token(*args, **kwargs)

    from zorgzwaarte.diensten import records

    echt_lijst = records.organisaties_lijst

    def lijst(*args: Any, **kwargs: Any) -> Any:
        draden["dienst"] = threading.get_ident()
        return echt_lijst(*args, **kwargs)

    c = api.als("beoordelaar")
    monkeypatch.setattr(zorgzwaarte.api.eendraad, "actor_voor_token", token)
    monkeypatch.setattr(records, "organisaties_lijst", lijst)
    assert c.get(f"{A}/organisaties").status_code == 200
    assert draden["token"] == draden["dienst"] != threading.get_ident(), draden


@pytest.mark.parametrize(
    ("methode", "pad", "body"),
    [
        ("GET", f"/clienten/{MAX_ID + 1}", None),  # a bad id in the address
        ("GET", "/clienten?per_pagina=100000", None),  # a bad query
        ("POST", "/clienten", {"naam": 3}),  # a bad body
        ("GET", "/organisaties?x=1", None),  # a valid request (any role)
        ("POST", "/iwlz/retour", None),  # an empty message (its body is read before the token is checked)
        ("POST", "/tarieven?naam=t", None),
    ],
)
def test_onbekend_token_eerst_401_ook_bij_ongeldige_invoer(api: Api, methode: str, pad: str, body: Any) -> None:
    """401 comes before 422: a wrong token on an invalid request is refused as not signed in, without an audit
    line (nobody is known to audit); without a token likewise."""
    for koppen in ({"Authorization": "Bearer onzin"}, {}):
        voor = api.audit_aantal()
        r = api.anoniem.request(methode, A + pad, json=body, headers=koppen)
        assert r.status_code == 401, r.text
        assert r.headers["WWW-Authenticate"] == "Bearer"
        assert r.json()["fouten"][0]["veld"] == "authorization"
        assert api.audit_aantal() == voor


def test_ingetrokken_token_bij_ongeldige_invoer_401(api: Api) -> None:
    """A token signed out is refused at once, also on an invalid request (no 422 with an audit line for it)."""
    c = api.als("linde")
    assert c.post(f"{A}/auth/uitloggen").status_code == 204
    voor = api.audit_aantal()
    assert c.get(f"{A}/clienten/{MAX_ID + 1}").status_code == 401
    assert c.get(f"{A}/mij").status_code == 401
    assert api.audit_aantal() == voor


def test_geldig_token_ongeldige_invoer_422_met_auditregel_daarna_403(api: Api) -> None:
    """A valid token: invalid input is 422 with an audit line naming the user; a valid request the role may not
    make is 403 (the service's refusal, audited as refused)."""
    c = api.als("zorgkantoor")
    voor = api.audit_aantal()
    r = c.post(f"{A}/clienten/{MAX_ID + 1}/beoordelingen", json={})
    assert r.status_code == 422, r.text
    [regel] = api.audit_sinds(voor)
    assert (regel.actie, regel.uitkomst, regel.gebruikersnaam) == ("verzoek.ongeldig", "ongeldig", "zorgkantoor")
    cid = api.eerste_client("zorgkantoor")["id"]
    voor = api.audit_aantal()
    r = c.post(f"{A}/clienten/{cid}/beoordelingen", json={})
    assert r.status_code == 403, r.text
    assert [a.uitkomst for a in api.audit_sinds(voor)] == ["geweigerd"]


def test_ruwe_inhoud_in_de_werkdraad_gecontroleerd(api: Api, sprongen: Counter[str]) -> None:
    """Routes with a raw body (XML, CSV) read it in the event loop and do the rest in the one worker thread: an
    empty message is 422 with its Dutch message, in one hop."""
    c = api.als("zorgkantoor")
    sprongen.clear()
    r = c.post(f"{A}/iwlz/retour", content=b"  ", headers={"content-type": "application/xml"})
    assert r.status_code == 422, r.text
    assert r.json()["fouten"] == [{"veld": "bestand", "melding": "het bericht is leeg"}]
    assert sprongen["zorgzwaarte.api.eendraad"] == 1 and sprongen.total() == 1, sprongen
