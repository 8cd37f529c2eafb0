"""Reading a variant file (YAML) for 'wat als': the text in, the variant's regelset out (docs/wat-als.md)."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from typing import Any

import yaml

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.regelset import Regelset
from zorgzwaarte.regels.variant import lees_variant

VOORBEELDEN = "zorgzwaarte.diensten.voorbeeldvarianten"


def voorbeeldvarianten() -> dict[str, str]:
    """The shipped example variants (also in examples/): file name -> YAML text."""
    map_ = resources.files(VOORBEELDEN)
    return {
        f.name: f.read_text(encoding="utf-8")
        for f in sorted(map_.iterdir(), key=lambda x: x.name)
        if f.name.endswith(".yaml")
    }


def variant_uit_tekst(tekst: str) -> Regelset:
    """Parse a variant file; a Dutch InvoerFout for bad YAML, an unknown path or a value of the wrong shape."""
    try:
        data: Any = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        plek = getattr(exc, "problem_mark", None)
        waar = f" op regel {plek.line + 1}, kolom {plek.column + 1}" if plek is not None else ""
        raise InvoerFout.een("variant", f"het variantbestand is geen geldige YAML{waar}") from None
    return lees_variant(data)


def variant_samenvatting(variant: Regelset) -> dict[str, Any]:
    """What a variant changes, for the summary and the page: basis, receipt and every changed parameter."""
    basis = zonder_wijzigingen(variant)
    huidig = {(p["bestand"], p["pad"]): p for p in basis.parameterlijst()}
    return {
        "basis": variant.naam,
        "toelichting": variant.toelichting,
        "hash_basis": basis.kenmerk,
        "hash_variant": variant.kenmerk,
        "wijzigingen": [
            {
                "parameter": f"{w.bestand}:{w.pad}",
                "was": huidig[(w.bestand, w.pad)]["waarde"],
                "wordt": w.waarde,
                "bron": huidig[(w.bestand, w.pad)]["bron"],
            }
            for w in variant.wijzigingen
        ],
    }


def zonder_wijzigingen(variant: Regelset) -> Regelset:
    return replace(variant, wijzigingen=(), toelichting=None)
