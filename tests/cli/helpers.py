from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def zorgzwaarte(
    *args: str, invoer: str | None = None, omgeving: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user or another program would (`omgeving`: extra variables)."""
    return subprocess.run(
        [sys.executable, "-m", "zorgzwaarte", *args],
        input=invoer,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **omgeving} if omgeving else None,
    )


def fouten(proces: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Assert the error contract (exit 2, nothing on stdout, JSON on stderr) and return veld -> melding."""
    assert proces.returncode == 2, (proces.returncode, proces.stdout, proces.stderr)
    assert proces.stdout == ""
    data: Any = json.loads(proces.stderr)
    assert set(data) == {"fouten"} and data["fouten"]
    for f in data["fouten"]:
        assert set(f) == {"veld", "melding"} and f["melding"]
        assert "Traceback" not in f["melding"]
    return {f["veld"]: f["melding"] for f in data["fouten"]}
