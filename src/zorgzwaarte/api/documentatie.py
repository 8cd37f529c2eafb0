"""/docs (Swagger UI) and /redoc served from the vendored npm packages (scripts/vendor.sh): no CDN, works offline,
and no inline script (the Content-Security-Policy forbids it)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

SWAGGER = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{titel} – API-documentatie</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/swagger-start.js"></script>
</body>
</html>
"""

REDOC = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{titel} – API-documentatie (ReDoc)</title>
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="/static/vendor/redoc.standalone.js"></script>
</body>
</html>
"""


def documentatie_routes(app: FastAPI) -> None:
    """Add /docs and /redoc (create the app with docs_url=None, redoc_url=None)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(SWAGGER.format(titel=app.title))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(REDOC.format(titel=app.title))
