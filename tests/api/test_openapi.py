"""The API's contract in /openapi.json (issue 13 §3): every JSON request and response has a schema, every operation
lists the error statuses it can give with the `fouten` model, raw bodies name their media type, and links connect
client -> beoordelingen -> indicatiebesluit -> overeenkomst -> zorgplan."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine

from zorgzwaarte.api.app import maak_app

FOUTEN_REF = "#/components/schemas/Fouten"
REF = "#/components/schemas/X"


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


IEDERE_ROL = {  # operations that check no role: any signed-in user may call them, so no 403
    "mij",
    "uitloggen",
    "aanspraken",
    "aanspraak",
    "indiceer",
    "pgb",
    "declareer_api",
    "declareer_pdf",
    "io31_export",
    "tarieven",
    "tarieven_jaar",
    "organisaties",
}
CONFLICT = {  # a version check, a unique key or a state that forbids the change (diensten: raise Conflict)
    "client_nieuw",
    "beoordeling_def",
    "beoordeling_corr",
    "besluit_nieuw",
    "geleverd_nieuw",
    "contract_nieuw",
    "gebruiker_nieuw",
    "besluit_vervallen",
    "notificatie_opnieuw",
    "tarieven_laden",  # the table in force changed since the preview (basis), or another load came first
}
NIET_GEVONDEN_ZONDER_ID = {"client_zoeken", "tarieven"}  # no client with that BSN; no tariff table loaded yet


def test_elke_operatie_noemt_haar_foutstatussen_met_het_foutenmodel(schema: dict[str, Any]) -> None:
    """The statuses an operation can give, and no other: 429 only for signing in (the only throttled route), 403
    only where a role is checked, 404 only with a record id in the path (or a lookup by body), 413 with a body,
    409 at least where a version is sent (PUT/PATCH)."""
    fout = []
    for pad, methode, op in _operaties(schema):
        naam, gegeven = op["operationId"], set(op["responses"])
        if "graphql" in pad:  # the network model answers in its own format (tests/register)
            continue
        verwacht = {"422"}
        if naam != "indicatieregister_schema":  # the public GraphQL schema: no login, no database
            verwacht |= {"401", "503"}
        if "401" in verwacht and naam not in IEDERE_ROL | {"token"}:
            verwacht.add("403")
        if "_id}" in pad or naam in NIET_GEVONDEN_ZONDER_ID:
            verwacht.add("404")
        if "requestBody" in op:
            verwacht.add("413")
        if naam == "token":
            verwacht.add("429")
        if methode in ("put", "patch") or naam in CONFLICT:
            verwacht.add("409")
        fouten_gegeven = {s for s in gegeven if s[0] in "45"}
        if fouten_gegeven != verwacht:
            fout.append(f"{methode.upper()} {pad}: noemt {sorted(fouten_gegeven)}, verwacht {sorted(verwacht)}")
        for status, antwoord in op["responses"].items():
            if status[0] in "45":
                assert antwoord["content"]["application/json"]["schema"] == {"$ref": FOUTEN_REF}, (pad, status)
    assert not fout


def test_alleen_aanmelden_noemt_429(schema: dict[str, Any]) -> None:
    met_429 = {op["operationId"] for _, _, op in _operaties(schema) if "429" in op["responses"]}
    assert met_429 == {"token"}


# Objects whose fields are the stored record's JSON as it was when recorded (the result of the rules of that day, a
# free-form assessment draft); a record keeps what it had, so these stay open. Everything else is closed.
ZOALS_VASTGELEGD = {
    "BeoordelingUit.invoer",
    "BesluitUit.resultaat",
    "OvereenkomstUit.functies[]",
    "OvereenkomstAangemaakt.functies[]",
    "ZorgplanUit.domeinen",
    "ZorgplanUit.gepland[]",
    "GeleverdeZorgUit.uren[]",
    "GeleverdeZorgUit.afwezigheid[]",
}


def _open_plekken(schema: dict[str, Any]) -> list[str]:
    """Every object in a JSON answer that admits fields the OpenAPI does not name (or an untyped value)."""
    componenten = schema["components"]["schemas"]
    gezien: set[str] = set()
    open_: list[str] = []

    def loop(s: Any, plek: str) -> None:
        if not isinstance(s, dict):
            return
        if "$ref" in s:
            naam = s["$ref"].removeprefix("#/components/schemas/")
            if naam not in gezien:
                gezien.add(naam)
                loop(componenten[naam], naam)
            return
        if s == {} or (
            (s.get("type") == "object" or "properties" in s) and s.get("additionalProperties") in (None, True)
        ):
            if not plek.startswith("GraphQL") and plek not in ZOALS_VASTGELEGD:
                open_.append(plek)
            return
        for veld, sub in s.get("properties", {}).items():
            loop(sub, f"{plek}.{veld}")
        for sleutel in ("items", "additionalProperties"):
            if isinstance(s.get(sleutel), dict):
                loop(s[sleutel], f"{plek}[]")
        for sleutel in ("anyOf", "oneOf", "allOf"):
            for sub in s.get(sleutel, []):
                loop(sub, plek)

    for pad, methode, op in _operaties(schema):
        for status, antwoord in op["responses"].items():
            for media, inhoud in (antwoord.get("content") or {}).items():
                if "json" in media:
                    loop(inhoud.get("schema"), f"{methode.upper()} {pad} {status}")
    return open_


def test_elk_json_antwoord_is_gesloten(schema: dict[str, Any]) -> None:
    """Every JSON answer is a closed, named model: no `additionalProperties: true`, no untyped value."""
    assert not _open_plekken(schema)


def test_een_open_antwoord_valt_op() -> None:
    """The check above finds an open answer (so it can fail)."""
    open_schema = {
        "paths": {
            "/api/v1/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": REF}}}}}}}
        },
        "components": {
            "schemas": {
                "X": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"a": {"type": "object", "additionalProperties": True}, "b": {}},
                },
            }
        },
    }
    assert _open_plekken(open_schema) == ["X.a", "X.b"]


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
        ("/api/v1/tarieven/voorbeeld", "post", "text/csv"),
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
