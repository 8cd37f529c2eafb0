"""The layers contract (import-linter, configured in pyproject.toml; docs/architectuur.md "Lagen")."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_lagencontract_houdt() -> None:
    """Adapters -> diensten -> opslag -> rekenhart and domain; diensten imports no adapter; sibling adapters are
    independent. Runs without cache so the test writes nothing."""
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
