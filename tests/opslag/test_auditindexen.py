"""The indexes of the audit log (migration 0013): every read writes a line, and every index of the table is a page
more per commit, so the table keeps only the indexes the audit queries use (docs/api.md, Audit): client
(`ix_auditregel_client_id`) and period (`ix_auditregel_tijdstip`). `ix_auditregel_client_tijd` went: it cost the
most pages per commit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select

from zorgzwaarte.diensten.records.audit import _audit_query
from zorgzwaarte.opslag.database import alembic_config, migreer
from zorgzwaarte.opslag.modellen import Auditregel

NU = {"ix_auditregel_client_id": ["client_id"], "ix_auditregel_tijdstip": ["tijdstip"]}


def _indexen(engine: Engine) -> dict[str, list[str]]:
    return {i["name"]: list(i["column_names"]) for i in inspect(engine).get_indexes("auditregel") if i["name"]}


def test_migratie_0013_heen_en_terug(engine: Engine) -> None:
    """Head has the two indexes the queries use; a downgrade to 0010 brings the (client_id, tijdstip) index back,
    migrating up again removes it (SQLite and PostgreSQL)."""
    assert _indexen(engine) == NU
    command.downgrade(alembic_config(engine), "0010")
    assert _indexen(engine) == {**NU, "ix_auditregel_client_tijd": ["client_id", "tijdstip"]}
    migreer(engine)
    assert _indexen(engine) == NU


VAN, TOT = date(2026, 1, 1), date(2026, 1, 31)
# the filters of GET /api/v1/audit and /audit/export (diensten/records/audit.py) that must not read the whole log
MET_INDEX = {
    "cliënt": ((7, None, None, None, None), "ix_auditregel_client_id"),
    "periode": ((None, None, None, VAN, TOT), "ix_auditregel_tijdstip"),
    "cliënt en periode": ((7, None, None, VAN, TOT), "ix_auditregel_"),
    "cliënt, gebruiker en actie": ((7, "beoordelaar", "client.", None, None), "ix_auditregel_client_id"),
}


def _plan(engine: Engine, vraag: Any) -> str:
    sql = vraag.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as c:
        return " | ".join(str(r[3]) for r in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.parametrize("naam", MET_INDEX)
def test_elke_auditvraag_op_client_of_periode_gebruikt_een_index(sqlite_engine: Engine, naam: str) -> None:
    """SQLite's plan for the count, the page (newest first) and the export of each filter on client or period
    searches an index instead of scanning the log."""
    filters, index = MET_INDEX[naam]
    vraag = _audit_query(*filters)
    for deel in (
        select(func.count()).select_from(vraag.subquery()),
        vraag.order_by(Auditregel.id.desc()).offset(0).limit(25),
        vraag.order_by(Auditregel.id),
    ):
        plan = _plan(sqlite_engine, deel)
        assert plan.startswith("SEARCH auditregel USING") and index in plan, plan


def test_pagina_van_een_client_zonder_sorteren(sqlite_engine: Engine) -> None:
    """The newest lines of one client come in index order (SQLite's index on client_id holds the row id), without
    sorting all lines of that client first."""
    plan = _plan(sqlite_engine, _audit_query(7, None, None, None, None).order_by(Auditregel.id.desc()).limit(25))
    assert "ix_auditregel_client_id" in plan and "TEMP B-TREE" not in plan, plan
