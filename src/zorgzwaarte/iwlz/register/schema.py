"""The project's own GraphQL schemas, built with graphql-core: the Indicatieregister (indicatieregister.graphql) and the
netwerkpunt that receives notifications (netwerkpunt.graphql), with scalars that check their values: a UUID must be a
UUID, a Date a real date."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from graphql import GraphQLError, GraphQLScalarType, GraphQLSchema, StringValueNode, ValueNode, build_schema

MAP = Path(__file__).parent


def sdl(naam: str = "indicatieregister") -> str:
    """The SDL of the register (`indicatieregister`) or of the notification receiver (`netwerkpunt`)."""
    return (MAP / f"{naam}.graphql").read_text(encoding="utf-8")


def _uuid(waarde: Any) -> str:
    try:
        return str(uuid.UUID(str(waarde)))
    except ValueError:
        raise GraphQLError(f"'{waarde}' is geen UUID") from None


def _datum(waarde: Any) -> str:
    try:
        return date.fromisoformat(str(waarde)).isoformat()
    except ValueError:
        raise GraphQLError(f"'{waarde}' is geen datum (JJJJ-MM-DD)") from None


def _tekst(waarde: Any) -> str:
    return str(waarde)


def _letterlijk(parse: Any) -> Any:
    def lees(node: ValueNode, _variabelen: Any = None) -> Any:
        if not isinstance(node, StringValueNode):
            raise GraphQLError("verwacht een tekstwaarde")
        return parse(node.value)

    return lees


@cache
def schema(naam: str = "indicatieregister") -> GraphQLSchema:
    s = build_schema(sdl(naam))
    lezers: tuple[tuple[str, Callable[[Any], str]], ...] = (("UUID", _uuid), ("Date", _datum), ("DateTime", _tekst))
    for naam, parse in lezers:
        scalar = s.type_map[naam]
        assert isinstance(scalar, GraphQLScalarType)
        scalar.parse_value = parse  # type: ignore[method-assign,assignment]
        scalar.parse_literal = _letterlijk(parse)  # type: ignore[method-assign]
        scalar.serialize = _tekst  # type: ignore[method-assign,assignment]
    return s
