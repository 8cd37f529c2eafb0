#!/usr/bin/env bash
# Install the pinned front-end packages (package-lock.json) and copy what the web app serves into its static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "npm installeren (apt)"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "npm ontbreekt: installeer Node.js en npm (apt-get install npm)" >&2; exit 1
  fi
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
DOEL=src/zorgzwaarte/web/static/vendor
mkdir -p "$DOEL" tests/web
cp node_modules/@utrecht/component-library-css/dist/index.css "$DOEL/utrecht-component-library.css"
cp node_modules/htmx.org/dist/htmx.min.js "$DOEL/htmx.min.js"
cp node_modules/axe-core/axe.min.js tests/web/axe.min.js
# /docs and /redoc: served from here, never from a CDN
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$DOEL/"
cp node_modules/redoc/bundles/redoc.standalone.js "$DOEL/redoc.standalone.js"
