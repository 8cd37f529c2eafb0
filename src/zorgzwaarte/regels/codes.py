"""The iWlz code lists (LDT_*) as the stored keys of the domain, with their official names."""

from __future__ import annotations

from functools import cache

from zorgzwaarte.regels.parameters import laad

BRON_IWLZ = "iWlz 2.2 Basisschema.xsd (codelijsten LDT_*)"


@cache
def codelijst(naam: str) -> dict[str, str]:
    """Code -> official description. YAML may read codes like 0108 as integers; keys are kept as text."""
    ruw = laad("iwlz_codelijsten.yaml")[naam]
    uit: dict[str, str] = {}
    for code, omschrijving in ruw.items():
        sleutel = f"{code:04d}" if isinstance(code, int) else str(code)
        uit[sleutel] = str(omschrijving)
    return uit


def grondslag_naam(code: str) -> str:
    return codelijst("LDT_Grondslag").get(code, code).capitalize()


def vraag_naam(soort: str, code: str) -> str:
    lijst = "LDT_StoornisVraag" if soort == "stoornis" else "LDT_BeperkingVraag"
    return codelijst(lijst).get(code, code)
