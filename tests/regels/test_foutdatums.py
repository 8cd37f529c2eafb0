"""Errors people read write their dates in the one Dutch style ('1 juni 2011', regels.datums.voluit or the services'
Babel `voluit`), not dd-mm-jjjj (regels.datums.nl, for the trail's machine-readable texts) or ISO. A guard over the
error constructors of the rules core and the services: the text of every Fout, InvoerFout, Conflict or message
appended to `fouten` may not format a date with nl(), isoformat() or strftime(). The behaviour:
tests/cli/test_datums_voor_mensen.py and the cases of tests/regels/cases/leveringsvormen_wlz.yaml."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "zorgzwaarte"
FOUTEN = {"Fout", "InvoerFout", "InvoerFout.een", "fouten.append", "Conflict", "ValueError"}
NUMERIEK = ("nl(", ".isoformat()", ".strftime(")


def _numerieke_datums_in_fouten(pad: Path, wortel: Path = SRC) -> list[str]:
    tekst = pad.read_text(encoding="utf-8")
    uit = []
    for knoop in ast.walk(ast.parse(tekst)):
        if isinstance(knoop, ast.Call) and ast.unparse(knoop.func) in FOUTEN:
            stuk = ast.get_source_segment(tekst, knoop) or ""
            if any(n in stuk.replace("_nl(", "") for n in NUMERIEK):
                uit.append(f"{pad.relative_to(wortel)}:{knoop.lineno}")
    return uit


@pytest.mark.parametrize("laag", ["regels", "diensten", "demo"])
def test_fouten_schrijven_datums_voluit(laag: str) -> None:
    gevonden = [r for p in sorted((SRC / laag).rglob("*.py")) for r in _numerieke_datums_in_fouten(p)]
    assert gevonden == []


def test_de_bewaker_vindt_een_numerieke_datum(tmp_path: Path) -> None:
    """The guard can fail: a message built with nl() is found."""
    (tmp_path / "x.py").write_text('raise InvoerFout.een("peildatum", f"ligt na {nl(d)}")\n', encoding="utf-8")
    assert _numerieke_datums_in_fouten(tmp_path / "x.py", tmp_path) == ["x.py:1"]
