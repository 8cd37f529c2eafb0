"""The web application: one router per subject under `web/routes/`, assembled here.

Sessions: the login token lives in an HttpOnly, SameSite=Lax cookie (Secure when ZORGZWAARTE_VEILIGE_COOKIES=1,
i.e. behind HTTPS). CSRF: every form carries a token that must equal the `zz_csrf` cookie (double submit).
Every page goes through the same services as the API, so rights and audit are the same. Shared dependencies
(current user, CSRF, form reading, rendering) are in `web/afhankelijkheden.py`; page services in
`diensten/schermen.py`.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from zorgzwaarte.web.afhankelijkheden import STATIC, NietIngelogd, WebFout, naar_aanmelden_handler, webfout_handler
from zorgzwaarte.web.routes import (
    aanspraken,
    audit,
    beheer,
    beoordelingen,
    besluiten,
    clienten,
    declaraties,
    pgb,
    regelsets,
    sessie,
    tarieven,
    wat_als,
    zorg,
    zzp,
)

ROUTERS = (
    sessie,
    clienten,
    beoordelingen,
    besluiten,
    zorg,
    declaraties,
    audit,
    beheer,
    aanspraken,
    pgb,
    zzp,
    wat_als,
    regelsets,
    tarieven,
)

__all__ = ["STATIC", "installeer_web", "maak_web_router"]


def maak_web_router() -> APIRouter:
    """All web pages; the app must also install the handlers (see `installeer_web`)."""
    router = APIRouter(include_in_schema=False)
    for module in ROUTERS:
        router.include_router(module.router)
    return router


def installeer_web(app: FastAPI) -> None:
    """Add the web pages to an app whose state holds `fabriek` and `nu` (see api.app.maak_app)."""
    app.add_exception_handler(NietIngelogd, naar_aanmelden_handler)
    app.add_exception_handler(WebFout, webfout_handler)
    app.include_router(maak_web_router())
