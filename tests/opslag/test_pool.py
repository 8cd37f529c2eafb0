"""The connection pool keeps one connection per request thread of a worker plus the group commit's
(opslag/database.py `pool_grootte`), on SQLite and PostgreSQL: a busy worker does not open and close connections
while it serves (SQLAlchemy's default kept 5, with 8 threads)."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from zorgzwaarte.opslag.database import POOL_EXTRA, draden_per_werkproces, maak_engine, pool_grootte


@pytest.mark.parametrize(("waarde", "verwacht"), [("3", 3 + POOL_EXTRA), ("", 8 + POOL_EXTRA), ("nul", 8 + POOL_EXTRA)])
def test_pool_grootte_volgt_de_draden(waarde: str, verwacht: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_DRADEN", waarde)
    assert pool_grootte() == verwacht == draden_per_werkproces() + POOL_EXTRA


def test_alle_draden_tegelijk_zonder_nieuwe_verbindingen(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every thread and the group commit holding a connection at once, three times over: the connections of the
    first round are kept and used again (no connection opened after it)."""
    monkeypatch.setenv("ZORGZWAARTE_DRADEN", "6")
    e = maak_engine(engine.url.render_as_string(hide_password=False))
    geopend: list[Any] = []
    event.listen(e, "connect", lambda *a: geopend.append(a))
    try:
        assert e.pool.size() == 6 + POOL_EXTRA  # type: ignore[attr-defined]
        for _ in range(3):
            with ExitStack() as stapel:
                verbindingen = [stapel.enter_context(e.connect()) for _ in range(6 + POOL_EXTRA)]
                assert all(v.execute(text("SELECT 1")).scalar_one() == 1 for v in verbindingen)
        assert len(geopend) == 6 + POOL_EXTRA
    finally:
        e.dispose()
