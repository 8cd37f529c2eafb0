"""Each benchmark writes only its own section of docs/benchmarks.md, between its markers; the rest stays."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def markeringen(naam: str) -> tuple[str, str]:
    return f"<!-- {naam}: begin -->", f"<!-- {naam}: einde -->"


def schrijf_sectie(naam: str, tekst: str, pad: Path = BENCHMARKS_MD) -> Path:
    """Replace the section ``naam`` (its markers included in ``tekst``) or append it."""
    begin, einde = markeringen(naam)
    oud = pad.read_text(encoding="utf-8") if pad.exists() else "# Benchmarks\n"
    if begin in oud and einde in oud:
        nieuw = oud[: oud.index(begin)] + tekst + oud[oud.index(einde) + len(einde) :]
    else:
        nieuw = oud.rstrip("\n") + "\n\n" + tekst + "\n"
    pad.write_text(nieuw, encoding="utf-8")
    return pad


def machine() -> str:
    """When and where: UTC time, processor, cores, Python, and the load of the machine (1/5/15 min)."""
    belast = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} kernen, Python {platform.python_version()}; belasting van de machine bij de start "
        f"(1/5/15 min): {belast}"
    )


def sectie(naam: str, titel: str, waar: str, regels: list[str]) -> str:
    """The text of a section: its markers, a heading, when and where it was measured, and the figures."""
    begin, einde = markeringen(naam)
    return "\n".join([begin, f"## {titel}", "", waar + ".", "", *regels, einde])
