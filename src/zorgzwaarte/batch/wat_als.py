"""Wat als: a population through the basis rules and through a variant, side by side (docs/wat-als.md).

Both runs use the vectorised rules (``regels/indicatie/vector.py``), and the per-client path for the rows those
leave to it (column ``per_client``), so a variant of a table the vectorised rules do not read (begeleiding,
behandeling, groepszorg, ...) shifts those rows too; the variant only replaces the regelset it names, so a row whose peildatum falls under another regelset keeps its basis outcome in both columns. The
summary counts every shift (besluit, verblijf, ZZP, klasse per function) and, with a tariff table, the money
per month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import numpy as np
import polars as pl

from zorgzwaarte.batch.indicatie import (
    naar_beoordelingen,
    per_client,
    per_client_rijen,
    uitvoer,
    vervang_rijen,
    zorgmomenten_van,
)
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.indicatie.vector import indiceer_vector
from zorgzwaarte.regels.regelset import Regelset, regelsets

# the outcomes compared per row; `gewijzigd` is true when any of them differs
UITKOMSTEN = (
    "besluit",
    "verblijf",
    "etmalen_verblijf",
    "zzp_code",
    "zorgprofiel_wlz",
    "pv_klasse",
    "vp_klasse",
    "bg_klasse",
    "bh_individueel",
    "bg_groep_dagdelen",
    "bh_groep_dagdelen",
    "kvb_etmalen",
    "geldig_tot",
)
DAGEN_PER_MAAND = Decimal(365) / Decimal(12)  # an average month, for tariffs given per day
FUNCTIES = ("PV", "VP", "BG")  # functions in klassen (BG: begeleiding individueel, column bg_klasse)


def raakt_minuten(variant: Regelset) -> bool:
    """Whether the variant changes the minutes per zorgmoment (then the batch computes them again)."""
    return any(w.bestand.startswith("normtijden") or w.pad.startswith("zorgmoment") for w in variant.wijzigingen)


def raakt_profielkeuze(variant: Regelset) -> bool:
    """Whether the variant changes how the best-fitting profile is chosen (else the basis choice is reused)."""
    return any(w.bestand.startswith("profielkeuze") or w.pad.endswith("uitwisselbaar") for w in variant.wijzigingen)


def wat_als_tabel(
    df: pl.DataFrame, zorgmomenten: pl.DataFrame | None, variant: Regelset
) -> tuple[pl.DataFrame, np.ndarray[Any, np.dtype[np.bool_]]]:
    """Per row the basis and the variant outcome side by side, ``gewijzigd``, and which rows the variant covers."""
    b, fouten = naar_beoordelingen(df, zorgmomenten)
    basis_uit = indiceer_vector(b)
    wijz = variant.wijzigingen
    b_var = naar_beoordelingen(df, zorgmomenten, wijz)[0] if raakt_minuten(variant) else b
    hergebruik = None if raakt_profielkeuze(variant) else basis_uit["keuze"]
    var_uit = indiceer_vector(b_var, wijz, hergebruik)
    sets = regelsets("indicatie")
    idx = next(i for i, r in enumerate(sets) if r.naam == variant.naam)
    onder = basis_uit["regelset"] == idx
    # rows under another regelset: the variant does not apply, both columns show the basis outcome
    samen = {k: np.where(_rijen(onder, v), v, basis_uit[k]) if _per_rij(v, onder) else v for k, v in var_uit.items()}
    var_sets = [
        replace(r, wijzigingen=wijz, toelichting=variant.toelichting) if i == idx else r for i, r in enumerate(sets)
    ]
    basis = uitvoer(df, b, fouten, basis_uit)
    var = uitvoer(df, b_var, fouten, samen, var_sets, wijz)
    # rows for the per-client path: the basis as it is, the variant where it applies (else the basis outcome)
    rijen = per_client_rijen(fouten, basis_uit)
    basis_pc = per_client(df, zorgmomenten, rijen, basis_uit)
    met_variant = onder[rijen]
    variant_pc = iter(per_client(df, zorgmomenten, rijen[met_variant], basis_uit, variant))
    basis = vervang_rijen(basis, rijen, basis_pc)
    var = vervang_rijen(var, rijen, [next(variant_pc) if v else r for v, r in zip(met_variant, basis_pc, strict=True)])
    kolommen: list[pl.Series] = [basis["id"], basis["fout"]]
    verschil = pl.Series("gewijzigd", np.zeros(df.height, dtype=np.bool_))
    for k in UITKOMSTEN:
        kolommen += [basis[k].alias(f"{k}_basis"), var[k].alias(f"{k}_variant")]
        verschil = verschil | basis[k].ne_missing(var[k])
    kolommen += [
        verschil.alias("gewijzigd"),
        basis["pv_minuten"],
        var["pv_minuten"].alias("pv_minuten_variant"),
        basis["vp_minuten"],
        var["vp_minuten"].alias("vp_minuten_variant"),
        basis["stelsel"],
        basis["per_client"],
        basis["ruleset_naam"].alias("ruleset_basis"),
        basis["ruleset_hash"].alias("ruleset_hash_basis"),
        var["ruleset_naam"].alias("ruleset_variant"),
        var["ruleset_hash"].alias("ruleset_hash_variant"),
    ]
    return pl.DataFrame(kolommen), onder


def in_blokken(
    df: pl.DataFrame,
    zorgmomenten: pl.DataFrame | None,
    variant: Regelset,
    blok: int = 250_000,
    voortgang: Callable[[int], None] | None = None,
) -> tuple[pl.DataFrame, np.ndarray[Any, np.dtype[np.bool_]]]:
    """wat_als_tabel in blocks of rows (bounded memory), calling ``voortgang`` with the rows done after each."""
    delen, onder = [], []
    for start in range(0, max(df.height, 1), blok):
        deel = df.slice(start, blok)
        tabel, binnen = wat_als_tabel(deel, zorgmomenten_van(zorgmomenten, deel), variant)
        delen.append(tabel)
        onder.append(binnen)
        if voortgang is not None:
            voortgang(start + deel.height)
    return pl.concat(delen), np.concatenate(onder)


def _per_rij(v: Any, onder: np.ndarray[Any, Any]) -> bool:
    return isinstance(v, np.ndarray) and v.shape[:1] == onder.shape


def _rijen(onder: np.ndarray[Any, Any], v: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return onder.reshape((-1,) + (1,) * (v.ndim - 1))


# --- summary ----------------------------------------------------------------------------------------------------


def _verschuiving(tabel: pl.DataFrame, kolom: str) -> list[dict[str, Any]]:
    """Every (basis -> variant) pair that differs, with its count, most frequent first."""
    paren = tabel.select(pl.col(f"{kolom}_basis").alias("van"), pl.col(f"{kolom}_variant").alias("naar"))
    paren = paren.filter(pl.col("van").ne_missing(pl.col("naar")))
    telling = paren.group_by(["van", "naar"]).len().sort(["len", "van", "naar"], descending=[True, False, False])
    return [{"van": r["van"], "naar": r["naar"], "aantal": int(r["len"])} for r in telling.iter_rows(named=True)]


def _verdeling(tabel: pl.DataFrame, kolom: str) -> list[dict[str, Any]]:
    """Count per value before and after (for the table and the chart)."""
    voor = Counter(v for v in tabel[f"{kolom}_basis"].to_list() if v is not None)
    na = Counter(v for v in tabel[f"{kolom}_variant"].to_list() if v is not None)
    sleutels = sorted(set(voor) | set(na), key=lambda x: (str(type(x)), x))
    return [{"waarde": k, "basis": voor[k], "variant": na[k], "verschil": na[k] - voor[k]} for k in sleutels]


def samenvatting(tabel: pl.DataFrame, variant: Regelset, onder: np.ndarray[Any, Any]) -> dict[str, Any]:
    basis = replace(variant, wijzigingen=(), toelichting=None)
    berekend = int(tabel["fout"].is_null().sum())
    return {
        "aantal": tabel.height,
        "berekend": berekend,
        "met_fout": tabel.height - berekend,
        "onder_basis": int(onder.sum()),
        "gewijzigd": int(tabel["gewijzigd"].sum()),
        "basis": variant.naam,
        "toelichting": variant.toelichting,
        "hash_basis": basis.kenmerk,
        "hash_variant": variant.kenmerk,
        "verschuivingen": {
            "besluit": _verschuiving(tabel, "besluit"),
            "verblijf": _verschuiving(tabel, "verblijf"),
            "zzp": _verschuiving(tabel, "zzp_code"),
            **{f: _verschuiving(tabel, f"{f.lower()}_klasse") for f in FUNCTIES},
            "KVB": _verschuiving(tabel, "kvb_etmalen"),
        },
        "verdeling": {
            "besluit": _verdeling(tabel, "besluit"),
            "zzp": _verdeling(tabel, "zzp_code"),
            **{f: _verdeling(tabel, f"{f.lower()}_klasse") for f in FUNCTIES},
            "KVB": _verdeling(tabel, "kvb_etmalen"),
        },
    }


# --- money --------------------------------------------------------------------------------------------------------


def lees_tarieven(df: pl.DataFrame) -> dict[str, Decimal]:
    """Tariff per prestatie per month (cents exact): ``prestatie`` and ``bedrag_per_maand`` or ``bedrag_per_dag``.

    A prestatie is a ZZP code (``5VV``) or a function with its klasse (``PV3``, ``VP2``)."""
    if "prestatie" not in df.columns:
        raise InvoerFout.een("tarieven.prestatie", "verplichte kolom ontbreekt")
    kolom = next((k for k in ("bedrag_per_maand", "bedrag_per_dag") if k in df.columns), None)
    if kolom is None:
        raise InvoerFout.een("tarieven.bedrag_per_maand", "verplichte kolom ontbreekt (of geef bedrag_per_dag)")
    uit: dict[str, Decimal] = {}
    for i, (prestatie, bedrag) in enumerate(zip(df["prestatie"].cast(pl.Utf8), df[kolom].cast(pl.Utf8), strict=True)):
        try:
            waarde = Decimal(str(bedrag).strip().replace(",", "."))
        except (InvalidOperation, AttributeError):
            raise InvoerFout.een(f"tarieven.{kolom}", f"regel {i + 2}: '{bedrag}' is geen bedrag") from None
        if not prestatie or waarde < 0:
            raise InvoerFout.een(f"tarieven.{kolom}", f"regel {i + 2}: geen prestatie of een negatief bedrag")
        per_maand = waarde * DAGEN_PER_MAAND if kolom == "bedrag_per_dag" else waarde
        uit[str(prestatie).strip()] = per_maand.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return uit


def _prestaties(rij: dict[str, Any], kant: str) -> list[str]:
    if rij[f"besluit_{kant}"] != "toegekend":
        return []
    uit = [rij[f"zzp_code_{kant}"]] if rij[f"verblijf_{kant}"] and rij[f"zzp_code_{kant}"] else []
    return uit + [f"{f}{rij[f'{f.lower()}_klasse_{kant}']}" for f in FUNCTIES if rij[f"{f.lower()}_klasse_{kant}"]]


def geldeffect(tabel: pl.DataFrame, tarieven: dict[str, Decimal]) -> dict[str, Any]:
    """Money per month before and after, over the rows whose every prestatie has a tariff; the rest counted."""
    kolommen = [
        f"{k}_{kant}"
        for k in ("besluit", "verblijf", "zzp_code", *(f"{f.lower()}_klasse" for f in FUNCTIES))
        for kant in ("basis", "variant")
    ]
    combinaties = tabel.filter(pl.col("fout").is_null()).group_by(kolommen).len()
    totaal = {"basis": Decimal(0), "variant": Decimal(0)}
    ontbreekt: Counter[str] = Counter()
    zonder = 0
    for rij in combinaties.iter_rows(named=True):
        p = {kant: _prestaties(rij, kant) for kant in totaal}
        mist = [x for kant in p for x in p[kant] if x not in tarieven]
        if mist:
            zonder += rij["len"]
            ontbreekt.update({x: rij["len"] for x in set(mist)})
            continue
        for kant, lijst in p.items():
            totaal[kant] += sum((tarieven[x] for x in lijst), Decimal(0)) * rij["len"]
    return {
        "per_maand_basis": str(totaal["basis"]),
        "per_maand_variant": str(totaal["variant"]),
        "verschil_per_maand": str(totaal["variant"] - totaal["basis"]),
        "rijen_zonder_tarief": zonder,
        "prestaties_zonder_tarief": dict(ontbreekt.most_common()),
    }
