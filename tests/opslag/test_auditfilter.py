"""The audit filter on client and period (GET /api/v1/audit, /audit and its CSV export) is one SQL query with the
period in SQL, on SQLite and PostgreSQL: the same lines in the same order (newest first on the page, oldest first in
the export) as filtering every line by hand, paging intact. The period is in Dutch calendar days, as the screen
shows the moments (Europe/Amsterdam): a line at 23:30 UTC on 31 December is on 1 January."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from zorgzwaarte.diensten.records.audit import _audit_query, audit_export, audit_lijst, begin_van_dag
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import NL, Werkeenheid
from zorgzwaarte.opslag.database import sessiefabriek
from zorgzwaarte.opslag.modellen import Auditregel

BEHEERDER = Actor(1, "beheer", "Beheer", "beheerder", 1, "Beheer", "beheer", None)
NU = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
VAN, TOT = date(2026, 1, 1), date(2026, 1, 2)


def _vul(engine: Engine) -> list[tuple[int, int | None, datetime]]:
    """Lines every 50 minutes from 30 December 2025 to 4 January 2026 (UTC) for clients 7, 8 and none, inserted in
    random order so that the order of the ids is not the order of the moments."""
    momenten = [datetime(2025, 12, 30, 0, 5, tzinfo=UTC) + timedelta(minutes=50 * i) for i in range(150)]
    regels = [(m, (7, 8, None)[i % 3]) for i, m in enumerate(momenten)]
    random.Random(4).shuffle(regels)
    with Session(engine) as s:
        for m, client in regels:
            s.add(Auditregel(tijdstip=m, actie="client.lezen", client_id=client, uitkomst="toegestaan"))
        s.commit()
        return [(a.id, a.client_id, a.tijdstip) for a in s.scalars(select(Auditregel))]


def _dag_in_nl(moment: datetime) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(NL).date()


def test_client_en_periode_zelfde_regels_en_volgorde_als_met_de_hand(engine: Engine) -> None:
    regels = _vul(engine)
    verwacht = sorted((i for i, c, m in regels if c == 7 and VAN <= _dag_in_nl(m) <= TOT), reverse=True)
    assert len(verwacht) > 10
    # the Dutch day: the lines of 31 December between 23:00 and 24:00 UTC are on 1 January
    assert any(m.astimezone(UTC).date() == date(2025, 12, 31) for i, c, m in regels if i in verwacht)
    fabriek = sessiefabriek(engine)
    gezien: list[int] = []
    with Werkeenheid(fabriek, BEHEERDER, lambda: NU) as w:
        for pagina in range(1, 10):
            p = audit_lijst(w, 7, None, None, VAN, TOT, pagina, 5)
            assert p.totaal == len(verwacht)
            gezien += [a.id for a in p.items]
            if not p.items:
                break
    assert gezien == verwacht
    with Werkeenheid(fabriek, BEHEERDER, lambda: NU) as w:
        csv = audit_export(w, 7, VAN, TOT)
    assert [int(r.split(";")[0]) for r in csv.splitlines()[1:]] == sorted(verwacht)


def test_begin_van_de_dag_in_nederland() -> None:
    assert begin_van_dag(date(2026, 1, 1)) == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
    assert begin_van_dag(date(2026, 7, 1)) == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)  # summer time


def _plan(engine: Engine, vraag: Any) -> str:
    sql = str(vraag.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            return " | ".join(str(r[3]) for r in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        # the test table is small, so PostgreSQL would rather read it whole: ask for the plan it has with an index
        c.exec_driver_sql("SET enable_seqscan = off")
        return " | ".join(str(r[0]) for r in c.exec_driver_sql(f"EXPLAIN {sql}"))


def test_client_en_periode_zoekt_met_een_index(engine: Engine) -> None:
    """The count, the page (newest first) and the export of client + period use an index of the audit log on both
    databases (SQLite: the client's index, searched with the period in the same statement; PostgreSQL: the
    client's and the period's index)."""
    _vul(engine)
    vraag = _audit_query(7, None, None, VAN, TOT)
    for deel in (
        select(func.count()).select_from(vraag.subquery()),
        vraag.order_by(Auditregel.id.desc()).offset(0).limit(25),
        vraag.order_by(Auditregel.id),
    ):
        plan = _plan(engine, deel)
        assert "ix_auditregel_" in plan, plan
        assert "SCAN auditregel" not in plan and "Seq Scan" not in plan, plan


@pytest.mark.parametrize("tot", [None, TOT])
def test_alleen_periode(engine: Engine, tot: date | None) -> None:
    regels = _vul(engine)
    verwacht = sorted(i for i, _, m in regels if _dag_in_nl(m) >= VAN and (tot is None or _dag_in_nl(m) <= tot))
    with Session(engine) as s:
        assert list(s.scalars(_audit_query(None, None, None, VAN, tot).order_by(Auditregel.id))) == [
            s.get(Auditregel, i) for i in verwacht
        ]
