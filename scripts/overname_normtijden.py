"""Take the normtijden tables over from the shared transcription into the project's own data file.

The law text is public domain; the figures (minutes per handeling) are facts with their bron. This script
gives every handeling a stable id (``PV-1.1-1`` = functie, activiteit, volgnummer within the activiteit) and
keeps only handelingen with a minute value in the source; activities whose time is not a number in the law
(aanleren, begeleiden, verpleegkundige begeleiding, toezicht thuisbeademing) are handled by their own rules.

Run: python scripts/overname_normtijden.py ../shared/regelgeving/data [--controle]
(writes src/zorgzwaarte/regels/parameters/normtijden_awbz_2014.yaml in the parameter schema; --controle only compares)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from parameterschema import overname


def handelingen(bestand: Path, functie: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    uit: list[dict[str, Any]] = []
    for activiteit in data["activiteiten"]:
        for nummer, h in enumerate(activiteit.get("handelingen", []), start=1):
            minuten = h.get("minuten_per_keer")
            if not isinstance(minuten, int | float):
                continue
            omschrijving = h.get("handeling", "")
            if omschrijving.startswith("(geen handelingen"):
                omschrijving = activiteit["activiteit"]
            freq = h.get("frequentie")
            item: dict[str, Any] = {
                "id": f"{functie}-{activiteit['code']}-{nummer}",
                "functie": functie,
                "activiteit": str(activiteit["code"]),
                "activiteit_omschrijving": activiteit["activiteit"],
                "omschrijving": omschrijving,
                "minuten": minuten,
                "frequentie_in_bron": freq["tekst_in_bron"] if isinstance(freq, dict) else freq,
                "bron": activiteit["bron"],
            }
            ms = h.get("medisch_specialistisch")
            if isinstance(ms, bool):
                item["medisch_specialistisch"] = ms
            uit.append(item)
    return uit


def main() -> None:
    map_ = Path(sys.argv[1])
    doc = {
        "tabel": "normtijden",
        "omschrijving": "Gemiddelde tijden (normtijden) per handeling, persoonlijke verzorging en verpleging",
        "eenheid": "minuten per keer, inclusief 3,5 minuut indirecte tijd",
        "geldig_van": "2014-01-01",
        "geldig_tot": "2014-12-31",
        "bron": "Beleidsregels indicatiestelling AWBZ 2014 (BWBR0034547), bijlage 4 §4.4 en bijlage 5 §4.4",
        "handelingen": handelingen(map_ / "normtijden_pv.yaml", "PV") + handelingen(map_ / "normtijden_vp.yaml", "VP"),
    }
    kop = (
        "# Overgenomen uit de transcriptie van de Beleidsregels indicatiestelling AWBZ 2014;\n"
        "# gemaakt door scripts/overname_normtijden.py. Elke waarde met haar bron.\n"
    )
    overname("normtijden_awbz_2014.yaml", doc, kop, sys.argv[2:])


if __name__ == "__main__":
    main()
