"""Bounds of numbers that reach the database: ids and page numbers outside them are refused (422) before a query
runs, so no request can overflow an integer column (PostgreSQL `integer`: at most 2,147,483,647)."""

from __future__ import annotations

MAX_ID = 2_147_483_647
MAX_PAGINA = 1_000_000
MAX_PER_PAGINA = 200
