from __future__ import annotations

import os
from pathlib import Path

import pytest
import xmlschema

from tests.api.conftest import api  # noqa: F401  (the API fixture, shared)

XSD_MAP = Path(__file__).resolve().parents[3] / "shared" / "iwlz"


@pytest.fixture(autouse=True)
def xsd_voor_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports are also validated against the official XSDs (the schemas stay in ../shared, not in the project)."""
    monkeypatch.setenv("ZORGZWAARTE_IWLZ_XSD", str(XSD_MAP))


_SCHEMAS: dict[str, xmlschema.XMLSchema] = {}


def valideer_xsd(xml: bytes, bericht: str) -> list[str]:
    """Every XSD error of a generated message (empty list = valid)."""
    assert XSD_MAP.is_dir(), f"iWlz-schema's niet gevonden in {XSD_MAP}"
    if bericht not in _SCHEMAS:
        _SCHEMAS[bericht] = xmlschema.XMLSchema(str(XSD_MAP / f"{bericht.upper()}.xsd"))
    return [f"{e.path}: {e.reason}" for e in _SCHEMAS[bericht].iter_errors(xml)]


__all__ = ["XSD_MAP", "os", "valideer_xsd"]
