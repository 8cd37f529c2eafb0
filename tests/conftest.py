from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).parent


def laad_gevallen(pad: Path) -> list[dict[str, Any]]:
    gevallen = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert isinstance(gevallen, list) and gevallen, f"{pad} bevat geen gevallen"
    return gevallen


def als_json(waarde: Any) -> Any:
    """YAML reads dates as date objects; the JSON contract has ISO strings."""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {str(k): als_json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [als_json(v) for v in waarde]
    return waarde
