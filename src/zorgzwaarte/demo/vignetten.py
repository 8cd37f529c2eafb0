"""A concrete assessment written from a profile's own sentences (its derived levels per domain).

Used for the vignette case files (scripts/maak_vignetten.py) and for the fictional demo data.
"""

from __future__ import annotations

import math
from typing import Any

from zorgzwaarte.regels.profielen.catalogus import Zzp

VRAGEN = {
    "sociale_redzaamheid": ("beperkingscores", [f"01{i:02d}" for i in range(1, 15)]),
    "psychosociaal_cognitief": ("stoornisscores", ["0101", "0102", "0103", "0104", "0201", "0202", "0203", "0204"]),
    "adl": ("beperkingscores", [f"03{i:02d}" for i in range(1, 10)]),
    "mobiliteit": ("beperkingscores", [f"02{i:02d}" for i in range(1, 15)]),
    "gedragsproblematiek": ("stoornisscores", ["0401", "0402", "0403", "0404", "0405", "0406", "0407"]),
    "psychiatrische_problematiek": ("stoornisscores", ["0601", "0602", "0603", "0604", "0605"]),
}
HOOGSTE = ("gedragsproblematiek", "psychiatrische_problematiek")


def scores_voor(niveau: float, vragen: list[str], hoogste: bool) -> dict[str, int]:
    """Item scores whose mean (or highest value) is the level."""
    if hoogste:
        return {vragen[0]: math.floor(niveau + 0.5), **{v: 0 for v in vragen[1:]}}
    laag, hoog = math.floor(niveau), math.ceil(niveau)
    n_hoog = round((niveau - laag) * len(vragen))
    return {v: (hoog if i < n_hoog else laag) for i, v in enumerate(vragen)}


def vignet(z: Zzp, peildatum: str, geboortedatum: str) -> tuple[dict[str, Any], dict[str, str]]:
    """(assessment input, quoted sentences per domain) for profile `z`."""
    invoer: dict[str, Any] = {
        "peildatum": peildatum,
        "client": {"geboortedatum": geboortedatum},
        "grondslagen": [z.dominante_grondslagen[0]],
        "leefklimaat": {"beschermende_woonomgeving": True, "permanent_toezicht": True},
        "etmalen_per_week": 7,
        "prognose": "3",
        "stoornisscores": {},
        "beperkingscores": {},
    }
    zinnen: dict[str, str] = {}
    for domein, (veld, vragen) in VRAGEN.items():
        d = z.domeinen.get(domein)
        if d is None or d.niveau is None:
            continue
        invoer[veld].update(scores_voor(d.niveau, vragen, domein in HOOGSTE))
        zinnen[domein] = f"{d.niveau}: {d.zin}"
    verpl = z.domeinen.get("verpleging")
    if verpl and verpl.niveau is not None:
        invoer["verpleegkundige_aandacht"] = math.floor(verpl.niveau + 0.5)
        zinnen["verpleging"] = f"{verpl.niveau}: {verpl.zin}"
    if z.begeleidingsdoelen:
        invoer["begeleidingsdoel"] = z.begeleidingsdoelen[0]
    bijzonder = list(z.voorwaarden)
    if z.sector == "ZGvis":
        bijzonder.append("zintuiglijk_visueel")
    if z.sector == "ZGaud":
        bijzonder.append("zintuiglijk_auditief")
    if bijzonder:
        invoer["bijzonderheden"] = bijzonder
    return invoer, zinnen
