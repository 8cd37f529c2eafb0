"""Requests per worker at the same time (`serveer --draden N`, $ZORGZWAARTE_DRADEN): the worker's app sets anyio's
thread limiter, which every request passes once (api/eendraad.py)."""

from __future__ import annotations

from pathlib import Path

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

import zorgzwaarte.api.app as api_app


def _begrenzing(client: TestClient) -> float:
    async def lees() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert client.portal is not None
    return client.portal.call(lees)


@pytest.mark.parametrize(("waarde", "verwacht"), [("3", 3), ("", 8), ("0", 8), ("veel", 8)])
def test_draden_per_werkproces(waarde: str, verwacht: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_DRADEN", waarde)
    assert api_app.draden_per_werkproces() == verwacht


def test_werkproces_begrenst_zijn_draden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGZWAARTE_DATA", str(tmp_path))
    monkeypatch.delenv("ZORGZWAARTE_DATABASE_URL", raising=False)
    monkeypatch.setenv("ZORGZWAARTE_DRADEN", "3")
    monkeypatch.setattr(api_app.gc, "freeze", lambda: None)  # the test process's objects stay collectable
    from zorgzwaarte.opslag.database import maak_engine, migreer

    migreer(maak_engine())
    with TestClient(api_app.maak_app_voor_werkproces()) as client:
        assert _begrenzing(client) == 3
        assert client.get("/gezondheid").status_code == 200
