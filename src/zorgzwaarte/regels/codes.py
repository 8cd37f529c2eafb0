"""The iWlz code lists (LDT_*) as the stored keys of the domain, with their official names."""

from __future__ import annotations

from functools import cache

from zorgzwaarte.regels.regelset import tabel_op

BRON_IWLZ = "iWlz 2.2 Basisschema.xsd (codelijsten LDT_*)"

# The functions as a client reads them (screens, charts, the zorgplan for the client); the codes are the project's.
FUNCTIE_NAMEN = {
    "ZZP": "Zorgzwaartepakket",
    "PV": "Persoonlijke verzorging",
    "VP": "Verpleging",
    "BG-IND": "Begeleiding individueel",
    "BG-GRP": "Begeleiding in een groep",
    "BH-IND": "Behandeling individueel",
    "BH-GRP": "Behandeling in een groep",
    "KVB": "Kortdurend verblijf",
    # the AWBZ functions as the Beleidsregels indicatiestelling AWBZ 2014 name them in the trail (grondslag -> access)
    "BG": "Begeleiding",
    "BH": "Behandeling",
    "VB": "Verblijf",
}


@cache
def codelijst(naam: str) -> dict[str, str]:
    """Code -> official description. YAML may read codes like 0108 as integers; keys are kept as text."""
    ruw = tabel_op("iwlz_codelijsten.yaml")[naam]["waarde"]
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


def scoreschaal(soort: str) -> dict[str, str]:
    """Score -> wording of the four-point scale for 'stoornis' or 'beperking' (and 9 = niet beoordeeld)."""
    return {str(k): str(v) for k, v in tabel_op("scoreschalen.yaml")[soort]["waarde"].items()}


def vragen_per_categorie(soort: str) -> dict[str, list[tuple[str, str]]]:
    """The iWlz questions grouped by their category (the text before ' - ')."""
    lijst = "LDT_StoornisVraag" if soort == "stoornis" else "LDT_BeperkingVraag"
    uit: dict[str, list[tuple[str, str]]] = {}
    for code, naam in codelijst(lijst).items():
        categorie, _, vraag = naam.partition(" - ")
        uit.setdefault(categorie.strip(), []).append((code, (vraag or naam).strip()))
    return uit
