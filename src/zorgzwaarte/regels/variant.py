"""A variant: the regelset of a basis with some parameters changed ("wat als de regels veranderen?").

The variant file (docs/wat-als.md) names its ``basis`` (a regelset name or a peildatum) and its ``wijzigingen``,
each ``{parameter: <path as listed by 'zorgzwaarte regelset toon'>, waarde: <new value>}``, with an optional
``toelichting``. A path is ``bestand:pad`` as ``regelset toon`` prints it, or just ``pad`` when one file of the
regelset has it. The new value must have the shape of the value it replaces (a number for a number, a list of
bands with the same fields for a list of bands); otherwise a Dutch error names the field.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import Any

from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.regelset import Regelset, Wijziging, regelset_op, regelsets

VELDEN = {"basis", "wijzigingen", "toelichting", "naam"}


def _soort(x: Any) -> str:
    if isinstance(x, bool):
        return "ja/nee"
    if isinstance(x, int | float):
        return "getal"
    if isinstance(x, str):
        return "tekst"
    if isinstance(x, list):
        return "lijst"
    if isinstance(x, dict):
        return "tabel"
    return "leeg"


def vorm_fout(oud: Any, nieuw: Any, waar: str = "waarde") -> str | None:
    """Why ``nieuw`` cannot replace ``oud`` (same shape: numbers for numbers, the same fields), or None."""
    if oud is None:
        return None
    if _soort(oud) != _soort(nieuw):
        return f"{waar} moet een {_soort(oud)} zijn, niet een {_soort(nieuw)}"
    if isinstance(oud, list) and oud:
        if not nieuw:
            return f"{waar} mag geen lege lijst zijn"
        for i, item in enumerate(nieuw):
            reden = vorm_fout(oud[0], item, f"{waar}[{i}]")
            if reden:
                return reden
    if (
        isinstance(nieuw, list)
        and nieuw
        and all(isinstance(b, dict) and {"klasse", "uren_van"} <= set(b) for b in nieuw)
    ):
        op_klasse = sorted(nieuw, key=lambda b: b["klasse"])
        if any(a["uren_van"] >= b["uren_van"] for a, b in itertools.pairwise(op_klasse)):
            return f"{waar}: elke hogere klasse moet bij meer uren beginnen dan de klasse ervoor"
    if isinstance(oud, dict):
        assert isinstance(nieuw, dict)
        mist, teveel = sorted(set(oud) - set(nieuw)), sorted(set(nieuw) - set(oud))
        if mist or teveel:
            delen = ([f"ontbreekt: {', '.join(mist)}"] if mist else []) + (
                [f"onbekend: {', '.join(teveel)}"] if teveel else []
            )
            return f"{waar} moet de velden {', '.join(sorted(oud))} hebben ({'; '.join(delen)})"
        for k in oud:
            reden = vorm_fout(oud[k], nieuw[k], f"{waar}.{k}")
            if reden:
                return reden
    return None


def _basis(ruw: Any, onderwerp: str) -> Regelset:
    sets = regelsets(onderwerp)
    if isinstance(ruw, date):
        return regelset_op(onderwerp, ruw, "basis")
    tekst = str(ruw or "").strip()
    for r in sets:
        if r.naam.lower() == tekst.lower():
            return r
    try:
        peil = date.fromisoformat(tekst)
    except ValueError:
        try:
            peil = date.fromisoformat("-".join(reversed(tekst.split("-"))))
        except ValueError:
            namen = ", ".join(f"'{r.naam}'" for r in sets)
            raise InvoerFout.een(
                "basis", f"'{tekst}' is geen regelset en geen datum; kies uit {namen} of een peildatum (31-12-2014)"
            ) from None
    return regelset_op(onderwerp, peil, "basis")


def _parameter(basis: Regelset, pad: str, veld: str) -> tuple[str, str, dict[str, Any]]:
    """(bestand, pad, the parameter as the basis reads it) for a path as 'regelset toon' lists it."""
    lijst = basis.parameterlijst()
    if ":" in pad:
        bestand, _, kort = pad.partition(":")
        gevonden = [p for p in lijst if p["bestand"] == bestand.strip() and p["pad"] == kort.strip()]
    else:
        gevonden = [p for p in lijst if p["pad"] == pad.strip()]
    if len(gevonden) > 1:
        bestanden = ", ".join(p["bestand"] for p in gevonden)
        raise InvoerFout.een(veld, f"'{pad}' staat in meer dan één bestand ({bestanden}); schrijf bestand:pad")
    if not gevonden or "waarde" not in gevonden[0] or gevonden[0]["waarde"] is None:
        raise InvoerFout.een(
            veld,
            f"onbekende parameter '{pad}' in regelset {basis.naam}; zie 'zorgzwaarte regelset toon' voor de paden",
        )
    p = gevonden[0]
    return p["bestand"], p["pad"], p


def lees_variant(data: Any, onderwerp: str = "indicatie") -> Regelset:
    """The regelset of the variant, or an InvoerFout naming every wrong field (all at once)."""
    if not isinstance(data, dict):
        raise InvoerFout.een("variant", "een variant is een tabel met basis en wijzigingen")
    fouten: list[Fout] = []
    for k in sorted(set(data) - VELDEN):
        fouten.append(Fout(k, f"onbekend veld; een variant heeft alleen {', '.join(sorted(VELDEN))}"))
    if "basis" not in data:
        fouten.append(Fout("basis", "ontbreekt: noem een regelset (bijv. 'AWBZ 2014') of een peildatum"))
        raise InvoerFout(fouten)
    basis = _basis(data["basis"], onderwerp)
    ruw = data.get("wijzigingen")
    if ruw is None:
        ruw = []
    if not isinstance(ruw, list):
        fouten.append(Fout("wijzigingen", "moet een lijst zijn van {parameter, waarde}"))
        raise InvoerFout(fouten)
    wijzigingen: list[Wijziging] = []
    gezien: set[tuple[str, str]] = set()
    for i, w in enumerate(ruw):
        veld = f"wijzigingen[{i + 1}]"
        if not isinstance(w, dict) or "parameter" not in w or "waarde" not in w:
            fouten.append(Fout(veld, "een wijziging heeft een parameter en een waarde"))
            continue
        try:
            bestand, pad, huidig = _parameter(basis, str(w["parameter"]), f"{veld}.parameter")
        except InvoerFout as fout:
            fouten.extend(fout.fouten)
            continue
        if (bestand, pad) in gezien:
            fouten.append(Fout(f"{veld}.parameter", f"'{pad}' staat al eerder in de wijzigingen"))
            continue
        gezien.add((bestand, pad))
        reden = vorm_fout(huidig["waarde"], w["waarde"])
        if reden:
            fouten.append(Fout(f"{veld}.waarde", f"{reden} (zoals de huidige waarde van {pad})"))
            continue
        wijzigingen.append(Wijziging.van(bestand, pad, w["waarde"]))
    toelichting = data.get("toelichting")
    if toelichting is not None and not isinstance(toelichting, str):
        fouten.append(Fout("toelichting", "moet tekst zijn"))
    if fouten:
        raise InvoerFout(fouten)
    return replace(basis, wijzigingen=tuple(wijzigingen), toelichting=toelichting)


def voor_peildatum(variant: Regelset, gevonden: Regelset, veld: str = "peildatum") -> Regelset:
    """The variant read on a client's peildatum; an error when that peildatum falls under another regelset."""
    if gevonden.onderwerp != variant.onderwerp or gevonden.naam != variant.naam:
        raise InvoerFout.een(
            veld,
            f"de variant wijzigt regelset {variant.naam}, maar deze peildatum valt onder {gevonden.periode_tekst()}",
        )
    return replace(gevonden, wijzigingen=variant.wijzigingen, toelichting=variant.toelichting)
