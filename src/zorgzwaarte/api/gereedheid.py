"""GET /gereed, the readiness probe: 200 when this process can serve a request, 503 naming what is wrong.

GET /gezondheid (api/app.py) is the liveness probe: it says only that the process answers, and reads nothing.
A reverse proxy or an orchestrator sends traffic to a worker that is ready and restarts one that no longer lives
(docs/productie.md). No login and no client data; no audit line (nothing about a client is read)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from zorgzwaarte.api.openapi import ZONDER_DATABASE, Fouten, fouten
from zorgzwaarte.diensten.gereedheid import NietGereed, gereedheid
from zorgzwaarte.domein.uitvoer_beheer import Gereedheid

NIET_GEREED: dict[int | str, dict[str, Any]] = {
    503: {
        "model": Fouten,
        "description": "Niet gereed: de database antwoordt niet (`database`), staat niet op de nieuwste migratie "
        "van dit programma (`migraties`) of een regelset laadt niet (`regelsets`); elke reden in het Nederlands",
    }
}


def gereedheid_route(app: FastAPI, engine: Engine) -> None:
    @app.get(
        "/gereed",
        tags=["systeem"],
        response_model=Gereedheid,  # the 503 is a JSONResponse with the fouten model
        response_description="Gereed: de database antwoordt en staat op de nieuwste migratie, de regelsets laden",
        responses={**fouten(*ZONDER_DATABASE), **NIET_GEREED},
    )
    def gereed() -> Any:
        """Gereedheid (readiness): kan dit werkproces verzoeken bedienen? De database antwoordt (één rondgang),
        staat op de nieuwste migratie die dit programma kent, en de regelsets laden. Zo niet: 503 met elke reden.
        Zonder aanmelden; noemt geen gegevens van cliënten."""
        try:
            return gereedheid(engine)
        except NietGereed as exc:
            return JSONResponse(status_code=503, content={"fouten": [f.als_dict() for f in exc.fouten]})
