"""Bounds of numbers that reach the database: ids and page numbers outside them are refused (422) before a query
runs, so no request can overflow an integer column (PostgreSQL `integer`: at most 2,147,483,647). And bounds of
the work one request may cause (docs/api.md, Grenzen)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2_147_483_647
MAX_PAGINA = 1_000_000
MAX_PER_PAGINA = 200

# The number of a record, in an address (API and web: FastAPI reads it as a path parameter) or in a body.
RecordId = Annotated[int, Field(ge=1, le=MAX_ID, description="intern nummer van het record")]

# An assessment lists its zorgmomenten one per kind of moment in the week (each with its frequency `per_week`);
# more than this many is no real care need but a way to make one request compute for minutes.
MAX_ZORGMOMENTEN = 500
MAX_HANDELINGEN_PER_ZORGMOMENT = 100
