"""The API's contract in /openapi.json (issue 13 §3): every JSON request and response has a schema, every operation
lists the error statuses it can give with the `fouten` model, raw bodies name their media type, and links connect
client -> beoordelingen -> indicatiebesluit -> overeenkomst -> zorgplan."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine

from zorgzwaarte.api.app import maak_app

FOUTEN_REF = "#/components/schemas/Fouten"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return maak_app(create_engine("sqlite://")).openapi()


def _operaties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (pad, methode, op)
        for pad, methoden in schema["paths"].items()
        if pad.startswith("/api/v1/")
        for methode, op in methoden.items()
    ]


def _refs(knoop: Any) -> list[str]:
    if isinstance(knoop, dict):
        eigen = [knoop["$ref"]] if isinstance(knoop.get("$ref"), str) else []
        return eigen + [r for v in knoop.values() for r in _refs(v)]
    if isinstance(knoop, list):
        return [r for v in knoop for r in _refs(v)]
    return []


def _heeft_schema(s: dict[str, Any] | None) -> bool:
    """A real schema: a named model, a typed value or a list of them; not the empty schema of `Any`."""
    if not s:
        return False
    if "$ref" in s:
        return True
    if s.get("type") == "array":
        return _heeft_schema(s.get("items"))
    return "type" in s or "anyOf" in s or "oneOf" in s


def test_elk_json_verzoek_en_antwoord_heeft_een_schema(schema: dict[str, Any]) -> None:
    zonder = []
    for pad, methode, op in _operaties(schema):
        for media, inhoud in (op.get("requestBody") or {}).get("content", {}).items():
            if "json" in media and not _heeft_schema(inhoud.get("schema")):
                zonder.append(f"{methode.upper()} {pad} verzoek {media}")
        for status, antwoord in op["responses"].items():
            for media, inhoud in (antwoord.get("content") or {}).items():
                if "json" in media and not _heeft_schema(inhoud.get("schema")):
                    zonder.append(f"{methode.upper()} {pad} {status} {media}")
    assert not zonder


def test_elke_verwijzing_bestaat(schema: dict[str, Any]) -> None:
    namen = set(schema["components"]["schemas"])
    los = {r for r in _refs(schema) if r.removeprefix("#/components/schemas/") not in namen}
    assert not los


def test_elke_operatie_noemt_haar_foutstatussen_met_het_foutenmodel(schema: dict[str, Any]) -> None:
    ontbreekt = []
    for pad, methode, op in _operaties(schema):
        verwacht = {"401", "422", "429", "503"}
        if "{" in pad:
            verwacht.add("404")
        if "requestBody" in op:
            verwacht.add("413")
        if methode in ("put", "patch"):
            verwacht.add("409")
        if op.get("operationId") == "token":  # signing in: no token yet, so no role to refuse
            verwacht -= {"404"}
        for status in sorted(verwacht - set(op["responses"])):
            ontbreekt.append(f"{methode.upper()} {pad}: {status}")
        for status, antwoord in op["responses"].items():
            if status in {"401", "403", "404", "409", "413", "422", "429", "503"} and "graphql" not in pad:
                assert antwoord["content"]["application/json"]["schema"] == {"$ref": FOUTEN_REF}, (pad, status)
    assert not ontbreekt


def test_foutenmodel_heeft_veld_en_melding(schema: dict[str, Any]) -> None:
    fouten = schema["components"]["schemas"]["Fouten"]
    fout = schema["components"]["schemas"]["Fout"]
    assert fouten["required"] == ["fouten"] and set(fout["required"]) == {"veld", "melding"}


def test_verzoekmodellen_van_de_dienst_staan_in_het_contract(schema: dict[str, Any]) -> None:
    op = schema["paths"]["/api/v1/clienten"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ClientNieuw"}
    client_nieuw = schema["components"]["schemas"]["ClientNieuw"]
    assert {"bsn", "geslachtsnaam", "geboortedatum"} <= set(client_nieuw["required"])
    antwoord = op["responses"]["201"]["content"]["application/json"]["schema"]
    assert antwoord == {"$ref": "#/components/schemas/ClientUit"}


@pytest.mark.parametrize(
    ("pad", "methode", "media"),
    [
        ("/api/v1/iwlz/io31", "post", "application/xml"),
        ("/api/v1/iwlz/retour", "post", "application/xml"),
        ("/api/v1/tarieven", "post", "text/csv"),
    ],
)
def test_ruwe_verzoeken_noemen_hun_mediatype(schema: dict[str, Any], pad: str, methode: str, media: str) -> None:
    body = schema["paths"][pad][methode]["requestBody"]
    assert body["required"] and list(body["content"]) == [media]


def test_documenten_noemen_hun_mediatype(schema: dict[str, Any]) -> None:
    paden = schema["paths"]
    assert (
        "application/pdf"
        in paden["/api/v1/indicatiebesluiten/{besluit_id}/brief"]["get"]["responses"]["200"]["content"]
    )
    assert (
        "application/xml" in paden["/api/v1/indicatiebesluiten/{besluit_id}/io31"]["get"]["responses"]["200"]["content"]
    )
    assert "text/csv" in paden["/api/v1/audit/export"]["get"]["responses"]["200"]["content"]


def test_links_verbinden_de_keten(schema: dict[str, Any]) -> None:
    """client -> beoordelingen -> indicatiebesluit -> overeenkomst -> zorgplan, each link to an existing operation
    with the parameter that operation takes."""
    operaties = {op["operationId"]: (pad, op) for pad, _, op in _operaties(schema)}

    def links(operatie: str, status: str) -> dict[str, Any]:
        return operaties[operatie][1]["responses"][status]["links"]  # type: ignore[no-any-return]

    keten = [
        (links("client_nieuw", "201"), "beoordeling_nieuw", "client_id"),
        (links("beoordeling_def", "200"), "besluit_nieuw", "beoordeling_id"),
        (links("besluit_nieuw", "201"), "overeenkomst_nieuw", "client_id"),
        (links("overeenkomst_nieuw", "201"), "zorgplan_nieuw", "overeenkomst_id"),
    ]
    for gevonden, naar, parameter in keten:
        link = next(x for x in gevonden.values() if x["operationId"] == naar)
        assert parameter in link["parameters"]
    for pad, _, op in _operaties(schema):
        for antwoord in op["responses"].values():
            for link in (antwoord.get("links") or {}).values():
                doel_pad, _ = operaties[link["operationId"]]
                for parameter in link["parameters"]:
                    assert "{" + parameter + "}" in doel_pad, (pad, link)
