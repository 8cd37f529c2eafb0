"""Dated parameter tables shipped with the package (YAML, each value with its bron).

Reading these packaged files is the only input the rules core takes besides its arguments; they are read once
and cached. ``inhoud_hash`` fingerprints the exact bytes so results can name the parameters they used.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def ruwe_inhoud(bestand: str) -> bytes:
    return resources.files(__name__).joinpath(bestand).read_bytes()


@cache
def laad(bestand: str) -> dict[str, Any]:
    data = yaml.safe_load(ruwe_inhoud(bestand))
    if not isinstance(data, dict):
        raise ValueError(f"parameterbestand {bestand} is geen tabel")
    return data


@cache
def inhoud_hash(*bestanden: str) -> str:
    h = hashlib.sha256()
    for naam in sorted(bestanden):
        h.update(naam.encode())
        h.update(b"\0")
        h.update(ruwe_inhoud(naam))
    return h.hexdigest()[:16]
