"""A read-cache hit goes out as the JSON bytes kept with the answer (api/eendraad.py, diensten/leescache.py): the
same bytes, status and headers as the uncached answer that FastAPI serialises itself, every hit still has its own
audit line, and the kept answer is serialised once (not at every hit)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import Api
from zorgzwaarte.api.eendraad import EenDraadRoute
from zorgzwaarte.diensten.leescache import Leesantwoord, Spoor, leescache_van

GEBRUIKERS = ("beoordelaar", "linde", "anker", "zorgkantoor", "beheerder")
LEESADRESSEN = (
    "/api/v1/clienten",
    "/api/v1/clienten?pagina=2&per_pagina=3",
    "/api/v1/clienten?zoek=a",
    "/api/v1/clienten/{cid}",
    "/api/v1/clienten/{cid}/tijdlijn",
    "/api/v1/clienten/{cid}/indicatiebesluiten",
)


@pytest.fixture
def api_met_ids(api: Api) -> Iterator[tuple[Api, list[int], list[int]]]:
    clienten = [int(c["id"]) for c in api.als("beoordelaar").get("/api/v1/clienten?per_pagina=200").json()["items"]]
    beoordelingen = [
        int(b["id"])
        for cid in clienten[:4]
        for b in api.als("beoordelaar").get(f"/api/v1/clienten/{cid}/beoordelingen").json()
    ]
    yield api, clienten, beoordelingen


def _verzoek(api: Api, gebruiker: str, methode: str, adres: str) -> tuple[int, bytes, dict[str, str]]:
    r = api.als(gebruiker).request(methode, adres)
    return r.status_code, r.content, {k: v for k, v in r.headers.items() if k != "date"}


def _zonder_cache(api: Api, gebruiker: str, methode: str, adres: str) -> tuple[int, bytes, dict[str, str]]:
    cache = leescache_van(api.engine)
    grootte, cache.grootte = cache.grootte, 0  # the services run, FastAPI validates and serialises the answer
    try:
        return _verzoek(api, gebruiker, methode, adres)
    finally:
        cache.grootte = grootte


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_treffer_byte_voor_byte_gelijk_aan_ongecacht_antwoord(
    api_met_ids: tuple[Api, list[int], list[int]], data: Any
) -> None:
    """Any demo user, any client (also one the user may not see: 404 stays 404), any read of the mix: the first
    answer (kept), the hit after it (its bytes) and the answer without the cache are the same, byte for byte, with
    the same status and headers."""
    api, clienten, beoordelingen = api_met_ids
    gebruiker = data.draw(st.sampled_from(GEBRUIKERS))
    if beoordelingen and data.draw(st.booleans()):
        methode, adres = "POST", f"/api/v1/beoordelingen/{data.draw(st.sampled_from(beoordelingen))}/voorbeeld"
    else:
        methode, adres = (
            "GET",
            data.draw(st.sampled_from(LEESADRESSEN)).format(cid=data.draw(st.sampled_from(clienten))),
        )
    eerst = _verzoek(api, gebruiker, methode, adres)
    treffer = _verzoek(api, gebruiker, methode, adres)
    ongecacht = _zonder_cache(api, gebruiker, methode, adres)
    assert eerst == treffer == ongecacht, (gebruiker, methode, adres)


def test_treffer_wordt_een_keer_geserialiseerd_en_heeft_een_eigen_auditregel(
    api_met_ids: tuple[Api, list[int], list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept answer is serialised at its first request only; each hit after it writes its own audit line (the
    same line as the first), on disk before its answer is sent."""
    api, clienten, _ = api_met_ids
    geserialiseerd: list[str] = []
    origineel = EenDraadRoute.json

    def tel(route: EenDraadRoute, uitkomst: Any) -> bytes:
        geserialiseerd.append(route.name)
        return origineel(route, uitkomst)

    monkeypatch.setattr(EenDraadRoute, "json", tel)
    adres = f"/api/v1/clienten/{clienten[0]}/tijdlijn"
    eerste = api.als("beoordelaar").get(adres)
    assert eerste.status_code == 200 and geserialiseerd == ["tijdlijn"]
    for n in range(3):
        voor = api.audit_aantal()
        treffer = api.als("beoordelaar").get(adres)
        assert treffer.content == eerste.content
        regels = api.audit_sinds(voor)
        assert len(regels) == 1, n
        assert (regels[0].actie, regels[0].client_id, regels[0].uitkomst) == (
            "client.tijdlijn",
            clienten[0],
            "toegestaan",
        )
    assert geserialiseerd == ["tijdlijn"]


def test_alleen_het_bewaarde_antwoord_zelf_krijgt_zijn_bytes() -> None:
    """An answer built from the kept one (another object, even an equal one) is not served from its bytes; each
    key has its own bytes, made once."""
    spoor = Spoor()
    assert spoor.vorm([1], "a", lambda u: b"x") is None  # nothing kept
    bewaard = Leesantwoord([1, 2], ())
    spoor.laatste = bewaard
    gemaakt: list[str] = []

    def maak(sleutel: str) -> Any:
        return lambda u: gemaakt.append(sleutel) or repr(u).encode()

    assert spoor.vorm(list(bewaard.antwoord), "a", maak("a")) is None
    assert spoor.vorm(bewaard.antwoord, "a", maak("a")) == b"[1, 2]"
    assert spoor.vorm(bewaard.antwoord, "a", maak("a")) == b"[1, 2]"
    assert spoor.vorm(bewaard.antwoord, "b", maak("b")) == b"[1, 2]"
    assert gemaakt == ["a", "b"]


VOORBEELD = json.loads((Path(__file__).resolve().parents[2] / "examples" / "thuis_pv_vp.json").read_text("utf-8"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    peildatum=st.dates(min_value=date(2009, 1, 1), max_value=date(2024, 12, 31)),
    score=st.integers(min_value=0, max_value=3),
    per_week=st.integers(min_value=1, max_value=14),
)
def test_indiceer_uit_het_geheugen_byte_voor_byte_gelijk_aan_fastapi(
    api: Api, monkeypatch: pytest.MonkeyPatch, peildatum: date, score: int, per_week: int
) -> None:
    """POST /indiceer keeps its outcome per input (Uitkomstgeheugen): the first answer and the one from memory are
    the bytes FastAPI itself makes of the same outcome (the route's own serialisation switched off)."""
    invoer = {**VOORBEELD, "peildatum": peildatum.isoformat(), "aanvraagdatum": peildatum.isoformat()}
    invoer["beperkingscores"] = {**invoer["beperkingscores"], "0302": score}
    invoer["zorgmomenten"] = [{**invoer["zorgmomenten"][0], "per_week": per_week}, *invoer["zorgmomenten"][1:]]
    c = api.als("beoordelaar")
    eerst, treffer = c.post("/api/v1/indiceer", json=invoer), c.post("/api/v1/indiceer", json=invoer)
    with monkeypatch.context() as m:
        m.setattr(Spoor, "vorm", lambda spoor, uitkomst, sleutel, maak: None)  # no kept bytes: FastAPI serialises
        fastapi_zelf = c.post("/api/v1/indiceer", json=invoer)
    assert eerst.status_code == treffer.status_code == fastapi_zelf.status_code
    assert eerst.content == treffer.content == fastapi_zelf.content
    assert {k: v for k, v in eerst.headers.items() if k != "date"} == {
        k: v for k, v in fastapi_zelf.headers.items() if k != "date"
    }
