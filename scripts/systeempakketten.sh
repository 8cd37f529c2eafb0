#!/usr/bin/env bash
# Install the Debian packages the tests need (PostgreSQL server, Chromium, WeasyPrint's libraries, poppler),
# only those that are missing. Needs root (as on the project's machines); otherwise it says what is missing.
set -euo pipefail
PAKKETTEN=(postgresql chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils)
ONTBREEKT=()
for p in "${PAKKETTEN[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || ONTBREEKT+=("$p")
done
[ ${#ONTBREEKT[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Ontbrekende systeempakketten: ${ONTBREEKT[*]} (installeer ze als root met apt-get)" >&2
  exit 1
fi
echo "Systeempakketten installeren: ${ONTBREEKT[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${ONTBREEKT[@]}" >/dev/null
