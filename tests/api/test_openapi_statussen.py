"""The error statuses in /openapi.json are true (issue 13 §3): an operation documents what it gives when called, and
no status it can never give. Checked by calling the operations: with every role (the roles table of
test_rollen_en_audit, whose statuses that test asserts), with an unknown record id, and by signing in wrongly."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest
from sqlalchemy import create_engine

from tests.api.conftest import Api
from tests.api.test_rollen_en_audit import EINDPUNTEN, ZONDER_CLIENTGEGEVENS, Eindpunt, maak_ctx
from zorgzwaarte.api.app import maak_app
from zorgzwaarte.domein.grenzen import MAX_ID

A = "/api/v1"
ROLLEN = ("beoordelaar", "linde", "anker", "zorgkantoor", "beheerder")
# where the roles table sends an invalid body (to show the 422), a valid one: the unknown id must give the 404
GELDIGE_BODY = {f"{A}/indicatiebesluiten/{{besluit_id}}/vervallen": {"vervaldatum": "2015-06-01", "versie": 1}}


@functools.cache
def _document() -> dict[str, Any]:
    """/openapi.json, made once per test process (it costs half a second): every app that `maak_app` makes documents
    the same operations, whatever its database or clock (the document is built from the routes alone)."""
    return maak_app(create_engine("sqlite://")).openapi()


def _gedocumenteerd(methode: str, pad: str) -> set[int]:
    op = _document()["paths"][pad][methode.lower()]
    return {int(s) for s in op["responses"] if s[0] in "45"}


@pytest.mark.parametrize("eindpunt", EINDPUNTEN, ids=[f"{e.methode} {e.pad}" for e in EINDPUNTEN])
def test_403_precies_waar_een_rol_wordt_geweigerd(eindpunt: Eindpunt) -> None:
    """Each role's status (asserted by test_rol_en_organisatie_per_eindpunt) is documented, and 403 is documented
    only where some role really gets it."""
    gedocumenteerd = _gedocumenteerd(eindpunt.methode, eindpunt.pad)
    gegeven = {s for s in eindpunt.verwacht.values() if s >= 400}
    assert gegeven <= gedocumenteerd, f"niet gedocumenteerd: {gegeven - gedocumenteerd}"
    assert (403 in gedocumenteerd) == (403 in gegeven)


def test_zonder_rolcontrole_geen_403(api: Api) -> None:
    """The operations outside the roles table: called as every role, a 403 comes only where it is documented."""
    bodies: dict[str, Any] = {"/aanspraken/{naam}": {"peildatum": "2014-01-01"}}
    for methode, pad in sorted(ZONDER_CLIENTGEGEVENS):
        if "graphql" in pad or not pad.startswith(A) or pad.endswith("/uitloggen") or pad.endswith("/token"):
            continue
        url = pad.replace("{naam}", "meerzorg")
        gegeven = set()
        for rol in ROLLEN:
            kwargs = {"json": bodies.get(pad.removeprefix(A), {})} if methode == "POST" else {}
            gegeven.add(api.als(rol).request(methode, url, **kwargs).status_code)
        assert (403 in _gedocumenteerd(methode, pad)) == (403 in gegeven), (methode, pad, gegeven)


@pytest.mark.parametrize(
    "eindpunt",
    [e for e in EINDPUNTEN if "_id}" in e.pad],
    ids=[f"{e.methode} {e.pad}" for e in EINDPUNTEN if "_id}" in e.pad],
)
def test_404_bij_een_onbekend_id(api: Api, eindpunt: Eindpunt) -> None:
    """An operation that documents 404 for an id in its path gives it: to an organisation that may not see the
    record (the roles table), or else for an id that does not exist."""
    assert 404 in _gedocumenteerd(eindpunt.methode, eindpunt.pad)
    if 404 in eindpunt.verwacht.values():
        return
    ctx = maak_ctx(api)
    rol = next(r for r, s in eindpunt.verwacht.items() if s != 403)  # a role the operation serves
    url = re.sub(r"\{[a-z_]+_id\}", str(MAX_ID), eindpunt.pad)
    if eindpunt.xml:
        r = api.als(rol).request(
            eindpunt.methode, url, content=eindpunt.xml(ctx), headers={"content-type": eindpunt.inhoudstype}
        )
    else:
        body = GELDIGE_BODY.get(eindpunt.pad, eindpunt.body(ctx) if eindpunt.body else None)
        r = api.als(rol).request(eindpunt.methode, url, json=body)
    assert r.status_code == 404, r.text[:300]


def test_aanmelden_geeft_429_na_herhaalde_mislukkingen(api: Api) -> None:
    """The only throttled operation (docs/api.md, Aanmelden) really answers 429 with Retry-After."""
    assert 429 in _gedocumenteerd("POST", f"{A}/auth/token")
    statussen = []
    for _ in range(5):
        r = api.anoniem.post(f"{A}/auth/token", data={"username": "beheerder", "password": "fout-wachtwoord"})
        statussen.append(r.status_code)
    assert statussen[0] == 401 and 429 in statussen, statussen
    assert int(r.headers["Retry-After"]) >= 1


def test_openbaar_schema_geeft_wat_het_documenteert(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Indicatieregister's public GraphQL schema reads no database: while the database cannot be reached it still
    answers 200, so it documents no 503 (which the other operations give, tests/veiligheid); the 422 it documents
    it gives for a NUL in the address."""
    from sqlalchemy.exc import OperationalError

    pad = f"{A}/iwlz/indicatieregister/schema.graphql"
    assert _gedocumenteerd("GET", pad) == {422}
    beoordelaar = api.als("beoordelaar")  # signed in before the database goes away

    def kapot(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(api.engine.pool, "connect", kapot)
    r = api.anoniem.get(pad)
    assert r.status_code == 200 and "type Query" in r.text, r.text[:300]
    assert beoordelaar.get(f"{A}/clienten").status_code == 503  # the database is really away
    r = api.anoniem.get(pad, params={"q": "a\x00b"})
    assert r.status_code == 422 and r.json()["fouten"][0]["veld"], r.text
