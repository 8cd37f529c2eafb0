"""What one request costs the database, counted (never timed; speed is measured in benchmarks/): the token check is
one query, all audit lines of a request go in one statement and one commit (a read's through the group commit,
tests/opslag/test_groepscommit.py), and
the statements of a list or a client's page do not grow with the number of rows shown (no query per row).
docs/benchmarks.md has the profile before and after."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from tests.api.conftest import Api
from zorgzwaarte.diensten import werkeenheid
from zorgzwaarte.diensten.leescache import leescache_van


@contextmanager
def teller(api: Api) -> Iterator[Counter[str]]:
    """Statements per kind (SELECT, INSERT INTO auditregel, ...), commits and connection checkouts."""
    tel: Counter[str] = Counter()

    def statement(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        woorden = sql.split()
        soort = woorden[0].upper()
        if soort == "INSERT":
            soort += " " + woorden[2].strip('"')
        tel[soort] += 1

    def commit(_c: Any) -> None:
        tel["COMMIT"] += 1

    def uitgifte(*_: Any) -> None:
        # the request's own checkouts; the group commit's thread takes one per group (not per request)
        committer = threading.current_thread().name == werkeenheid.DRAADNAAM
        tel["verbinding groepscommit" if committer else "verbinding"] += 1

    event.listen(api.engine, "before_cursor_execute", statement)
    event.listen(api.engine, "commit", commit)
    event.listen(api.engine, "checkout", uitgifte)
    try:
        yield tel
    finally:
        event.remove(api.engine, "before_cursor_execute", statement)
        event.remove(api.engine, "commit", commit)
        event.remove(api.engine, "checkout", uitgifte)


def test_clientenlijst_een_auditstatement_en_geen_query_per_client(api: Api) -> None:
    """NEN 7513 wants a line per client shown: 10 clients are 10 lines, written by one statement in one commit."""
    c = api.als("beoordelaar")
    # warm with another page size: the read cache (diensten/leescache.py) keys on the arguments, so both counted
    # requests below run the service (a hit would run no query at all)
    c.get("/api/v1/clienten", params={"per_pagina": 3})
    voor = api.audit_aantal()
    with teller(api) as klein:
        assert len(c.get("/api/v1/clienten", params={"per_pagina": 2}).json()["items"]) == 2
    with teller(api) as groot:
        assert len(c.get("/api/v1/clienten", params={"per_pagina": 10}).json()["items"]) == 10
    assert api.audit_aantal() == voor + 2 + 10  # still one audit line per client shown
    assert klein == groot, (klein, groot)  # the same statements for 2 and for 10 clients
    assert groot["INSERT auditregel"] == 1 and groot["COMMIT"] == 1


def test_token_controle_is_een_query(api: Api) -> None:
    c = api.als("beoordelaar")
    c.get("/api/v1/mij")
    with teller(api) as tel:
        assert c.get("/api/v1/mij").status_code == 200
    assert tel["SELECT"] == 1 and tel["COMMIT"] == 0 and tel["verbinding"] == 1, tel


def test_lezen_van_een_client_een_transactie(api: Api) -> None:
    """Reading a client from the read cache: one statement for the token and the data version together, the audit
    line, one commit (the audit line is durable before the answer leaves), all on one connection (the unit of work
    continues the token check's session, api/eendraad.py)."""
    c = api.als("beoordelaar")
    cid = api.eerste_client("beoordelaar")["id"]
    c.get(f"/api/v1/clienten/{cid}")
    voor = api.audit_aantal()
    with teller(api) as tel:
        assert c.get(f"/api/v1/clienten/{cid}").status_code == 200
    assert tel["INSERT auditregel"] == 1 and tel["COMMIT"] == 1, tel
    assert tel["SELECT"] == 1 and tel["verbinding"] == 1 and tel["verbinding groepscommit"] == 1, tel
    [regel] = api.audit_sinds(voor)
    assert (regel.actie, regel.client_id, regel.uitkomst) == ("client.lezen", cid, "toegestaan")


def test_tijdlijn_en_beoordelingen_groeien_niet_met_het_aantal_rijen(api: Api) -> None:
    """A client with more assessments costs no more statements (no query per row)."""
    c = api.als("beoordelaar")
    cid = api.eerste_client("beoordelaar")["id"]
    paden = (f"/api/v1/clienten/{cid}/tijdlijn", f"/api/v1/clienten/{cid}/beoordelingen")

    def kosten() -> list[tuple[int, dict[str, int]]]:
        """The statements of each request when it runs the service (not answered from the read cache)."""
        uit = []
        for pad in paden:
            leescache_van(api.engine).leeg()
            with teller(api) as tel:
                r = c.get(pad)
                assert r.status_code == 200
            uit.append((len(r.json()), dict(tel)))
        return uit

    kosten()
    voor = kosten()
    for _ in range(3):
        nieuw = c.post(f"/api/v1/clienten/{cid}/beoordelingen", json={"invoer": {"peildatum": "2014-03-10"}})
        assert nieuw.status_code == 201, nieuw.text
    na = kosten()
    assert [n for n, _ in na] == [n + 3 for n, _ in voor]
    assert [k for _, k in na] == [k for _, k in voor], (voor, na)


def test_indiceer_rekent_dezelfde_invoer_een_keer(api: Api, monkeypatch: Any) -> None:
    """POST /indiceer is a pure computation: the same input (and the same ZZP supplement) is computed once per
    app and process and answered the same; other input, or a newly loaded supplement, is computed again (with the
    supplement's fingerprint in the receipt); invalid input is refused every time."""
    import json
    from pathlib import Path

    from zorgzwaarte.api import app as app_module
    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling

    echt = app_module.bereken_indicatie
    berekend: list[Any] = []

    def tellend(data: Any, *args: Any, **kwargs: Any) -> Any:
        berekend.append(data)
        return echt(data, *args, **kwargs)

    monkeypatch.setattr(app_module, "bereken_indicatie", tellend)
    c = api.als("beoordelaar")
    invoer = json.loads((Path(__file__).parents[2] / "examples" / "thuis_pv_vp.json").read_text(encoding="utf-8"))
    eerste = c.post("/api/v1/indiceer", json=invoer)
    assert eerste.status_code == 200, eerste.text
    herschikt = dict(reversed(list(invoer.items())))  # the same input in another order: the same key
    assert c.post("/api/v1/indiceer", json=herschikt).json() == eerste.json()
    assert len(berekend) == 1
    anders = {**invoer, "peildatum": "2014-06-01"}
    assert c.post("/api/v1/indiceer", json=anders).status_code == 200
    assert len(berekend) == 2
    for _ in range(2):
        assert c.post("/api/v1/indiceer", json={**invoer, "peildatum": "1999-13-01"}).status_code == 422
    assert len(berekend) == 4
    laad_demo_aanvulling(api.fabriek)
    met = c.post("/api/v1/indiceer", json=invoer).json()
    assert len(berekend) == 5
    assert "+aanvulling-" in json.dumps(met["ruleset"]) and "+aanvulling-" not in json.dumps(eerste.json()["ruleset"])


def test_indiceer_leest_na_het_token_niets(api: Api) -> None:
    """POST /indiceer: the ZZP supplement is kept under the data version read with the token (the supplement's
    table raises that version), so a request at the same version reads nothing but the token, on one connection.
    A newly loaded supplement raises the version: the next request reads and uses it."""
    import json
    from pathlib import Path

    from zorgzwaarte.demo.gegevens import laad_demo_aanvulling

    c = api.als("beoordelaar")
    invoer = json.loads((Path(__file__).parents[2] / "examples" / "thuis_pv_vp.json").read_text(encoding="utf-8"))
    eerste = c.post("/api/v1/indiceer", json=invoer)
    assert eerste.status_code == 200, eerste.text
    with teller(api) as tel:
        assert c.post("/api/v1/indiceer", json=invoer).json() == eerste.json()
    assert dict(tel) == {"SELECT": 1, "verbinding": 1}, tel
    laad_demo_aanvulling(api.fabriek)
    with teller(api) as tel:
        met = c.post("/api/v1/indiceer", json=invoer).json()
    assert "+aanvulling-" in json.dumps(met["ruleset"]) and "+aanvulling-" not in json.dumps(eerste.json()["ruleset"])
    assert tel["verbinding"] == 1, tel
    with teller(api) as tel:
        assert c.post("/api/v1/indiceer", json=invoer).json() == met
    assert dict(tel) == {"SELECT": 1, "verbinding": 1}, tel
