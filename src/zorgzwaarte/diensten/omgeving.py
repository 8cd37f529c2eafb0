"""Settings read from the environment, each in one place (docs/productie.md lists them)."""

from __future__ import annotations

import os


def positief_getal(naam: str, standaard: int) -> int:
    """A whole number > 0 from the environment variable `naam`; `standaard` when it is unset or not such a number."""
    waarde = os.environ.get(naam, "").strip()
    return int(waarde) if waarde.isdigit() and int(waarde) > 0 else standaard


def veilige_cookies() -> bool:
    """Behind HTTPS (ZORGZWAARTE_VEILIGE_COOKIES=1): the web's cookies are Secure and the API sends HSTS."""
    return os.environ.get("ZORGZWAARTE_VEILIGE_COOKIES") == "1"
