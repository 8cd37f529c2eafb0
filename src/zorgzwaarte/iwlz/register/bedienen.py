"""Serving the Indicatieregister over HTTP as RFC0040 describes: the answer is `application/graphql-response+json`
(unless the client asks for plain `application/json`, which always gets 200); a request that cannot be read or does
not validate is 400, a query outside the templates 403, an answer with data 200. Messages in Dutch; the technical
detail of graphql-core stays in `extensions.detail`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    execute_sync,
    get_operation_ast,
    parse,
    validate,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from zorgzwaarte.iwlz.register.schema import schema
from zorgzwaarte.iwlz.register.sjablonen import Geweigerd, Verzoek, herken

GRAPHQL_ANTWOORD = "application/graphql-response+json"
JSON = "application/json"


@dataclass(frozen=True)
class Antwoord:
    status: int
    inhoud: dict[str, Any]
    media_type: str


def kies_mediatype(accept: str | None) -> str:
    """graphql-response+json unless the client explicitly asks for application/json only (RFC0040 §2.4)."""
    if accept and GRAPHQL_ANTWOORD not in accept and JSON in accept:
        return JSON
    return GRAPHQL_ANTWOORD


def fout(status: int, melding: str, media: str, detail: list[str] | None = None) -> Antwoord:
    fouten: list[dict[str, Any]] = [{"message": melding}]
    if detail:
        fouten[0]["extensions"] = {"detail": detail}
    return Antwoord(200 if media == JSON else status, {"errors": fouten}, media)


class Weigering(Exception):
    """The caller may not ask this (wrong organisation code, or not a zorgkantoor/zorgaanbieder)."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass(frozen=True)
class Gelezen:
    document: DocumentNode
    operatie: OperationDefinitionNode
    variabelen: dict[str, Any]  # as sent
    waarden: dict[str, Any]  # coerced by the schema
    gecontroleerd: VariableValues


def lees_verzoek(body: Any, media: str, naam: str = "indicatieregister") -> Gelezen | Antwoord:
    """A GraphQL request read and checked against one of our schemas, or the 400 answer saying why not."""
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        return fout(400, "Stuur een JSON-object met het veld 'query' (de GraphQL-query als tekst).", media)
    variabelen = body.get("variables")
    operatie = body.get("operationName")
    if variabelen is not None and not isinstance(variabelen, dict):
        return fout(400, "Het veld 'variables' moet een JSON-object zijn.", media)
    if operatie is not None and not isinstance(operatie, str):
        return fout(400, "Het veld 'operationName' moet tekst zijn.", media)
    try:
        document = parse(body["query"], max_tokens=20_000)
    except GraphQLError as exc:
        return fout(400, "De query is geen geldige GraphQL.", media, [exc.message])
    problemen = validate(schema(naam), document)
    if problemen:
        return fout(400, "De query past niet op het schema.", media, [p.message for p in problemen])
    op = get_operation_ast(document, operatie)
    if op is None:
        return fout(400, "Geef precies één operatie (of noem haar in 'operationName').", media)
    waarden = get_variable_values(schema(naam), op.variable_definitions or (), variabelen or {})
    if isinstance(waarden, list):
        return fout(400, "Een variabele ontbreekt of heeft een ongeldige waarde.", media, [p.message for p in waarden])
    return Gelezen(document, op, variabelen or {}, waarden.coerced, waarden)


def voer_uit(gelezen: Gelezen, wortel: dict[str, Any], media: str, naam: str = "indicatieregister") -> Antwoord:
    uitkomst = execute_sync(
        schema(naam),
        gelezen.document,
        root_value=wortel,
        variable_values=gelezen.variabelen,
        operation_name=gelezen.operatie.name.value if gelezen.operatie.name else None,
    )
    if uitkomst.errors:
        return fout(
            500,
            "Het antwoord kon niet worden samengesteld; de beheerder is op de hoogte.",
            media,
            [e.message for e in uitkomst.errors],
        )
    return Antwoord(200, {"data": uitkomst.data}, media)


def verwerk(
    body: Any,
    accept: str | None,
    raadpleeg: Callable[[Verzoek], list[dict[str, Any]]],
    weiger: Callable[[str], None],
) -> Antwoord:
    """One GraphQL request: check it, recognise the template, let `raadpleeg` fetch (and audit) the records.
    `weiger` audits a refused query. `raadpleeg` raises Weigering when the caller may not use the template."""
    media = kies_mediatype(accept)
    gelezen = lees_verzoek(body, media)
    if isinstance(gelezen, Antwoord):
        return gelezen
    try:
        verzoek = herken(gelezen.document, gelezen.waarden)
    except Geweigerd as exc:
        weiger(exc.melding)
        return fout(403, f"Deze query is niet toegestaan: {exc.melding}.", media)
    try:
        items = raadpleeg(verzoek)
    except Weigering as exc:
        return fout(403, f"Deze query is niet toegestaan: {exc.melding}.", media)
    return voer_uit(gelezen, {"wlzIndicatie": items}, media)


def ontvang(body: Any, accept: str | None, ontvanger: Callable[[dict[str, Any]], dict[str, Any]]) -> Antwoord:
    """The netwerkpunt: only the zendNotificatie mutation. `ontvanger` stores the NotificatieInput and returns the
    Notificatie; it raises Weigering when the notification is not for this organisation."""
    media = kies_mediatype(accept)
    gelezen = lees_verzoek(body, media, "netwerkpunt")
    if isinstance(gelezen, Antwoord):
        return gelezen
    velden = gelezen.operatie.selection_set.selections
    if (
        len(gelezen.document.definitions) != 1
        or gelezen.operatie.operation != OperationType.MUTATION
        or len(velden) != 1
        or not isinstance(velden[0], FieldNode)
        or velden[0].name.value != "zendNotificatie"
    ):
        return fout(403, "Dit netwerkpunt neemt alleen de mutatie zendNotificatie aan.", media)
    mutatie = schema("netwerkpunt").mutation_type
    assert mutatie is not None
    args = get_argument_values(mutatie.fields["zendNotificatie"], velden[0], gelezen.gecontroleerd)
    try:
        notificatie = ontvanger(args["notificatieInput"])
    except Weigering as exc:
        return fout(403, f"De notificatie is geweigerd: {exc.melding}.", media)
    return voer_uit(gelezen, {"zendNotificatie": notificatie}, media, "netwerkpunt")
