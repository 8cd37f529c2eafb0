"""The overname scripts write the project's parameter files in the one schema (docs/architectuur.md, "Overname uit
de wetteksten"); run on the texts in ../shared, each gives exactly the file that is in git. A hand edit of a
generated table, or a script that drifts from the file, fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "regelgeving").is_dir(), reason="de teksten in ../shared ontbreken")
@pytest.mark.parametrize(
    ("script", "map_"),
    [
        ("overname_normtijden.py", SHARED / "regelgeving" / "data"),
        ("overname_pgb.py", SHARED / "regelgeving"),
        ("overname_zzp_catalogus.py", SHARED),
    ],
)
def test_overname_geeft_het_bestand_in_git(script: str, map_: Path) -> None:
    uit = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), str(map_), "--controle"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "gelijk aan de tekst" in uit.stdout
