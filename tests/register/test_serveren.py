"""Indicatieregister, serve: the project's own schema against the official Indicatieregister 2 v1.6.5 (read from
../shared at test time, never copied), the query templates QIR-0001/QIR-0002 as the only accepted queries, RFC0040
status codes and media type, every code in an answer in its COD list, identity and audit."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
    parse,
    print_ast,
    validate,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.api.conftest import Api
from zorgzwaarte.iwlz.register.schema import schema, sdl
from zorgzwaarte.iwlz.register.sjablonen import WLZINDICATIE, Boom, query_tekst
from zorgzwaarte.opslag.modellen import Auditregel

REGISTER = Path(__file__).resolve().parents[3] / "shared" / "iwlz" / "register"
if not REGISTER.exists():
    REGISTER = Path("/work/shared/iwlz/register")
OFFICIEEL_SDL = REGISTER / "iWlz-indicatie@index-02a2a8f" / "gql-specificatie" / "Indicatieregister.graphql"
SJABLONEN = {
    "QIR-0001": REGISTER / "iWlz-indicatie@Indicatieregister-2" / "gql-query" / "zorgkantoor" / "QIR-0001-ZKi.graphql",
    "QIR-0002": REGISTER / "iWlz-indicatie@index-02a2a8f" / "gql-query" / "zorgaanbieder" / "QIR-0002-ZA.graphql",
}
CODELIJSTEN = REGISTER / "iWlz-codelijsten-APiWlz" / "codelijsten"
URL = "/api/v1/iwlz/indicatieregister/graphql"
MEDIA = "application/graphql-response+json"


def officieel() -> Any:
    return build_schema(OFFICIEEL_SDL.read_text(encoding="utf-8"))


# --- the schema -------------------------------------------------------------------------------------------------


def test_schema_zonder_brekende_wijziging_in_beide_richtingen() -> None:
    """Own SDL vs Indicatieregister 2 v1.6.5: no breaking (nor dangerous) change either way, same deprecations."""
    eigen, off = schema(), officieel()
    assert find_breaking_changes(off, eigen) == []
    assert find_breaking_changes(eigen, off) == []
    assert find_dangerous_changes(off, eigen) == [] and find_dangerous_changes(eigen, off) == []
    for naam, t in off.type_map.items():
        if isinstance(t, GraphQLObjectType) and not naam.startswith("__"):
            eigen_t = eigen.type_map[naam]
            assert isinstance(eigen_t, GraphQLObjectType)
            for veld, f in t.fields.items():
                assert bool(eigen_t.fields[veld].deprecation_reason) == bool(f.deprecation_reason), f"{naam}.{veld}"


def test_eigen_schema_is_geen_kopie() -> None:
    """Written for this project: the published SDL text is not in the product."""
    assert sdl().strip() != OFFICIEEL_SDL.read_text(encoding="utf-8").strip()
    assert "Indicatieregsiter" not in sdl()  # the published file's typo is not ours


@pytest.mark.parametrize("naam", sorted(SJABLONEN))
def test_gepubliceerd_sjabloon_valideert_en_is_wat_wij_sturen(naam: str) -> None:
    tekst = SJABLONEN[naam].read_text(encoding="utf-8")
    assert validate(schema(), parse(tekst)) == []
    assert print_ast(parse(query_tekst(naam))) == print_ast(parse(tekst))


def test_schema_als_sdl_opvraagbaar(api: Api) -> None:
    r = api.anoniem.get("/api/v1/iwlz/indicatieregister/schema.graphql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    assert find_breaking_changes(officieel(), build_schema(r.text)) == []


# --- helpers ----------------------------------------------------------------------------------------------------


def wlz_besluiten(api: Api) -> list[dict[str, Any]]:
    uit = []
    b = api.als("beoordelaar")
    for c in b.get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]:
        uit += [x for x in b.get(f"/api/v1/clienten/{c['id']}/indicatiebesluiten").json() if x["wlzindicatie_id"]]
    assert uit, "de demo heeft Wlz-besluiten"
    vandaag = api.klok.moment.date().isoformat()
    assert all(x["besluitdatum"] <= vandaag for x in uit), "de klok van de registertests ligt vóór een demobesluit"
    return uit


def vraag(api: Api, wie: str, sjabloon: str, wlz_id: str, code: str, **headers: str) -> Any:
    variabelen = {"wlzIndicatieID": wlz_id}
    variabelen["initieelVerantwoordelijkZorgkantoor" if sjabloon == "QIR-0001" else "agbCodeInstelling"] = code
    return api.als(wie).post(URL, json={"query": query_tekst(sjabloon), "variables": variabelen}, headers=headers)


def aanbieder_van(api: Api, client_id: int) -> tuple[str, str]:
    """(gebruiker, agb) of the provider with an agreement for the client, in the demo."""
    for wie, agb in (("linde", "73730001"), ("anker", "73730002")):
        if (
            api.als(wie).get(f"/api/v1/clienten/{client_id}/overeenkomsten").status_code == 200
            and api.als(wie).get(f"/api/v1/clienten/{client_id}/overeenkomsten").json()
        ):
            return wie, agb
    raise AssertionError("geen aanbieder")


def cod_per_veld() -> dict[tuple[str, str], list[str]]:
    """(type, field) -> COD lists, from the comments in the official SDL (`zzpCode: String! #COD163!`)."""
    uit: dict[tuple[str, str], list[str]] = {}
    type_ = None
    for regel in OFFICIEEL_SDL.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"\s*type (\w+)", regel):
            type_ = m.group(1)
        elif type_ and (m := re.match(r"\s*(\w+): [^#]*#(.*)", regel)) and "COD" in m.group(2):
            uit[(type_, m.group(1))] = re.findall(r"COD\d+", m.group(2).split(":")[0])
    return uit


def codes(lijst: str) -> set[str]:
    data = json.loads((CODELIJSTEN / lijst / f"{lijst}.json").read_text(encoding="utf-8"))
    return {w["id"] for w in data["Codelijst"]["Codewaarden"]}


def controleer_codes(waarde: Any, t: Any, per_veld: dict[tuple[str, str], list[str]], gezien: list[str]) -> None:
    while isinstance(t, GraphQLNonNull | GraphQLList):
        if isinstance(t, GraphQLList):
            for x in waarde or []:
                controleer_codes(x, t.of_type, per_veld, gezien)
            return
        t = t.of_type
    if not isinstance(t, GraphQLObjectType) or waarde is None:
        return
    for veld, w in waarde.items():
        lijsten = per_veld.get((t.name, veld))
        if lijsten and w is not None:
            assert any(w in codes(lijst) for lijst in lijsten), f"{t.name}.{veld} = {w!r} niet in {lijsten}"
            gezien.append(f"{t.name}.{veld}")
        controleer_codes(w, t.fields[veld].type, per_veld, gezien)


# --- answers ----------------------------------------------------------------------------------------------------


def test_qir_0001_zorgkantoor_krijgt_de_indicatie_met_geldige_codes(api: Api) -> None:
    """QIR-0001 with the own UZOVI: 200, graphql-response+json, one WlzIndicatie; every code in its COD list;
    every ID a version-4 UUID, the same on a second query."""
    b = wlz_besluiten(api)[0]
    r = vraag(api, "zorgkantoor", "QIR-0001", b["wlzindicatie_id"], "5509")
    assert r.status_code == 200 and r.headers["content-type"].startswith(MEDIA)
    (w,) = r.json()["data"]["wlzIndicatie"]
    assert w["wlzindicatieID"] == b["wlzindicatie_id"] and w["initieelVerantwoordelijkZorgkantoor"] == "5509"
    gezien: list[str] = []
    controleer_codes(
        r.json()["data"]["wlzIndicatie"], schema().query_type.fields["wlzIndicatie"].type, cod_per_veld(), gezien
    )  # type: ignore[union-attr]
    assert {
        "WlzIndicatie.soortWlzindicatie",
        "Grondslag.grondslag",
        "Client.geslacht",
        "BeperkingScore.beperkingVraag",
    } <= set(gezien)
    tekst = json.dumps(w)
    ids = re.findall(r'"\w*ID": "([0-9a-f-]{36})"', tekst)
    assert ids and all(uuid.UUID(i).version == 4 for i in ids)
    assert vraag(api, "zorgkantoor", "QIR-0001", b["wlzindicatie_id"], "5509").json()["data"]["wlzIndicatie"][0] == w


def test_qir_0002_alleen_de_aanbieder_met_overeenkomst(api: Api) -> None:
    b = wlz_besluiten(api)[0]
    wie, agb = aanbieder_van(api, b["client_id"])
    r = vraag(api, wie, "QIR-0002", b["wlzindicatie_id"], agb)
    assert r.status_code == 200 and len(r.json()["data"]["wlzIndicatie"]) == 1
    ander, ander_agb = ("anker", "73730002") if wie == "linde" else ("linde", "73730001")
    r = vraag(api, ander, "QIR-0002", b["wlzindicatie_id"], ander_agb)
    assert r.status_code == 200 and r.json() == {"data": {"wlzIndicatie": []}}  # nothing leaks
    r = vraag(api, ander, "QIR-0002", b["wlzindicatie_id"], agb)  # someone else's AGB code
    assert r.status_code == 403 and "eigen AGB-code" in r.json()["errors"][0]["message"]


def test_onbekend_id_geeft_lege_lijst_en_vreemde_uzovi_403(api: Api) -> None:
    r = vraag(api, "zorgkantoor", "QIR-0001", str(uuid.uuid4()), "5509")
    assert r.status_code == 200 and r.json() == {"data": {"wlzIndicatie": []}}
    r = vraag(api, "zorgkantoor", "QIR-0001", wlz_besluiten(api)[0]["wlzindicatie_id"], "5501")
    assert r.status_code == 403 and "data" not in r.json()
    r = vraag(api, "beoordelaar", "QIR-0001", wlz_besluiten(api)[0]["wlzindicatie_id"], "5509")
    assert r.status_code == 403


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("{ __schema { types { name } } }", 403),  # introspection is not a template
        ("{ wlzIndicatie { bsn } }", 403),  # no filter
        ('{ wlzIndicatie(where: {initieelVerantwoordelijkZorgkantoor: {eq: "5509"}}) { bsn } }', 403),
        (
            '{ wlzIndicatie(where: {wlzindicatieID: {eq: "$ID"}, initieelVerantwoordelijkZorgkantoor: {eq: "5509"}, raadpleegDatum: "2020-01-01"}) { bsn } }',
            403,
        ),
        (
            '{ wlzIndicatie(where: {wlzindicatieID: {eq: "$ID"}, initieelVerantwoordelijkZorgkantoor: {eq: "5509"}}) { client { id } } }',
            403,
        ),
        (
            '{ wlzIndicatie(where: {wlzindicatieID: {eq: "$ID"}, initieelVerantwoordelijkZorgkantoor: {eq: "5509"}}) { x: bsn } }',
            403,
        ),
        (
            'query { a: wlzIndicatie(where: {wlzindicatieID: {eq: "$ID"}, initieelVerantwoordelijkZorgkantoor: {eq: "5509"}}) { bsn } }',
            403,
        ),
        (
            '{ wlzIndicatie(where: {wlzindicatieID: {eq: "$ID"}, initieelVerantwoordelijkZorgkantoor: {eq: "5509"}}) { ...F } } fragment F on WlzIndicatie { bsn }',
            403,
        ),
        ("{ wlzIndicatie(where: ", 400),  # syntax
        ("{ wlzIndicatie { bestaatNiet } }", 400),  # not in the schema
        ('{ wlzIndicatie(where: {wlzindicatieID: {eq: "geen-uuid"}}) { bsn } }', 400),
    ],
)
def test_alles_buiten_de_sjablonen_geweigerd(api: Api, query: str, status: int) -> None:
    wlz_id = wlz_besluiten(api)[0]["wlzindicatie_id"]
    r = api.als("zorgkantoor").post(URL, json={"query": query.replace("$ID", wlz_id)})
    assert r.status_code == status and r.headers["content-type"].startswith(MEDIA)
    assert "data" not in r.json() and r.json()["errors"][0]["message"]
    assert wlz_id not in r.text


def test_onleesbaar_verzoek_en_ontbrekende_variabele(api: Api) -> None:
    zk = api.als("zorgkantoor")
    assert zk.post(URL, content=b"{geen json", headers={"content-type": "application/json"}).status_code == 400
    assert zk.post(URL, json={"vraag": "x"}).status_code == 400
    r = zk.post(URL, json={"query": query_tekst("QIR-0001"), "variables": {"wlzIndicatieID": str(uuid.uuid4())}})
    assert r.status_code == 400 and "variabele" in r.json()["errors"][0]["message"]


def test_application_json_altijd_200(api: Api) -> None:
    """RFC0040 §2.3: a client that asks for application/json gets 200, errors in the body."""
    r = api.als("zorgkantoor").post(URL, json={"query": "{ __typename }"}, headers={"accept": "application/json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json") and r.json()["errors"]


def test_niet_aangemeld_401(api: Api) -> None:
    r = api.anoniem.post(URL, json={"query": query_tekst("QIR-0001")})
    assert r.status_code == 401 and r.headers["content-type"].startswith(MEDIA)


def test_gateway_claims_uit_tenzij_ingesteld(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """The trusted claims header counts only when configured; then it replaces the app's login."""
    b = wlz_besluiten(api)[0]
    body = {
        "query": query_tekst("QIR-0001"),
        "variables": {"wlzIndicatieID": b["wlzindicatie_id"], "initieelVerantwoordelijkZorgkantoor": "5509"},
    }
    claims = {"X-Iwlz-Claims": json.dumps({"uzovi": "5509"})}
    assert api.anoniem.post(URL, json=body, headers=claims).status_code == 401
    monkeypatch.setenv("ZORGZWAARTE_IWLZ_CLAIMS_HEADER", "X-Iwlz-Claims")
    r = api.anoniem.post(URL, json=body, headers=claims)
    assert r.status_code == 200 and len(r.json()["data"]["wlzIndicatie"]) == 1
    r = api.anoniem.post(URL, json=body, headers={"X-Iwlz-Claims": json.dumps({"uzovi": "5501"})})
    assert r.status_code == 401
    r = api.anoniem.post(URL, json=body, headers={"X-Iwlz-Claims": "geen json"})
    assert r.status_code == 401


def test_elke_vraag_geaudit_met_client(api: Api) -> None:
    b = wlz_besluiten(api)[0]
    n = api.audit_aantal()
    vraag(api, "zorgkantoor", "QIR-0001", b["wlzindicatie_id"], "5509")
    vraag(api, "zorgkantoor", "QIR-0001", str(uuid.uuid4()), "5509")
    api.als("zorgkantoor").post(URL, json={"query": "{ __schema { description } }"})
    regels = [a for a in api.audit_sinds(n) if a.actie == "register.raadplegen"]
    assert [(a.client_id, a.uitkomst) for a in regels] == [
        (b["client_id"], "toegestaan"),
        (None, "toegestaan"),
        (None, "geweigerd"),
    ]
    assert all(a.gebruikersnaam == "zorgkantoor" for a in regels)
    assert "geen resultaat" in (regels[1].details or "")
    bsn = api.als("zorgkantoor").get(f"/api/v1/clienten/{b['client_id']}").json()["bsn"]
    with api.fabriek() as s:
        assert not any(bsn in (a.details or "") for a in s.scalars(select(Auditregel)))  # no BSN in the log


def _deelboom(draw: Any, boom: Boom) -> Boom:
    gekozen = draw(st.lists(st.sampled_from(sorted(boom)), min_size=1, unique=True))
    return {k: (None if boom[k] is None else _deelboom(draw, boom[k])) for k in gekozen}  # type: ignore[arg-type]


def _tekst(boom: Boom) -> str:
    return " ".join(k if v is None else f"{k} {{ {_tekst(v)} }}" for k, v in boom.items())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_elke_deelselectie_van_het_sjabloon_mag_en_geeft_alleen_die_velden(api: Api, data: st.DataObject) -> None:
    """Invariant: fewer fields than the template is allowed (PDP), and the answer holds exactly the asked fields."""
    boom = data.draw(st.composite(lambda draw: _deelboom(draw, WLZINDICATIE))())
    wlz_id = wlz_besluiten(api)[0]["wlzindicatie_id"]
    q = f'{{ wlzIndicatie(where: {{wlzindicatieID: {{eq: "{wlz_id}"}}, initieelVerantwoordelijkZorgkantoor: {{eq: "5509"}}}}) {{ {_tekst(boom)} }} }}'
    r = api.als("zorgkantoor").post(URL, json={"query": q})
    assert r.status_code == 200, r.text
    (w,) = r.json()["data"]["wlzIndicatie"]
    assert set(w) == set(boom)
