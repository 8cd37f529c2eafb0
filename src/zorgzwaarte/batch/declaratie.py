"""Batch declaration: a population (CSV or Parquet) for one period, on the same engine as `zorgzwaarte declareer`.

Population columns: id, prestatie, opname, ontslag (empty = none), behandeling (optional, true/false),
schoolvakantie_max_dagen (optional). Absences (second table): id, van, tot, reden, toestemming (optional).
Tariffs: prestatie, bedrag_per_dag (decimal). Output per row: id, prestatie, dagen, tarief, bedrag and the
day counts; amounts as decimal strings.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import polars as pl

from zorgzwaarte.batch.indicatie import DAG_EPOCH
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.declaratie import (
    GEEN_EINDE,
    ONBEKEND,
    Afwezigheden,
    Populatie,
    bedragen_in_centen,
    classificeer,
    controleer_periode,
    dagnummer,
    reden_codes,
    wlz_2015_per_code,
)


def _dagen(kolom: pl.Series) -> np.ndarray[Any, np.dtype[np.int64]]:
    if kolom.dtype != pl.Date:
        kolom = kolom.cast(pl.Utf8).str.to_date("%Y-%m-%d", strict=False)
    return (kolom.cast(pl.Int64).fill_null(-DAG_EPOCH).to_numpy() + DAG_EPOCH).astype(np.int64)


def declareer_tabel(
    populatie: pl.DataFrame, afwezigheid: pl.DataFrame | None, tarieven: pl.DataFrame, van: date, tot: date
) -> pl.DataFrame:
    controleer_periode(van, "van")
    prestaties = tarieven["prestatie"].cast(pl.Utf8).to_list()
    centen = np.array(
        [
            int((Decimal(x) * 100).to_integral_value(ROUND_HALF_UP))
            for x in tarieven["bedrag_per_dag"].cast(pl.Utf8).to_list()
        ],
        dtype=np.int64,
    )
    pidx = (
        populatie["prestatie"]
        .cast(pl.Utf8)
        .replace_strict(prestaties, list(range(len(prestaties))), default=-1, return_dtype=pl.Int64)
        .to_numpy()
    )
    if (pidx < 0).any():
        rij = int(np.flatnonzero(pidx < 0)[0])
        raise InvoerFout.een(f"populatie.{rij}.prestatie", "er is geen tarief voor deze prestatie")
    ids = populatie["id"].cast(pl.Utf8)
    sleutel = ids.rank("dense").fill_null(0).to_numpy().astype(np.int64)  # one number per client (rows with one id)
    ontslag = populatie["ontslag"] if "ontslag" in populatie.columns else pl.Series([None] * populatie.height)
    ontslag_d = _dagen(ontslag) if ontslag.null_count() < populatie.height else np.zeros(populatie.height)
    ontslag_d = np.where(ontslag.is_null().to_numpy(), GEEN_EINDE, ontslag_d).astype(np.int64)
    behandeling = np.full(populatie.height, ONBEKEND, dtype=np.int8)
    if "behandeling" in populatie.columns:
        tekst = populatie["behandeling"].cast(pl.Utf8).str.to_lowercase()
        behandeling = np.where(
            tekst.is_in(["1", "true"]).to_numpy(), 1, np.where(tekst.is_in(["0", "false"]).to_numpy(), 0, ONBEKEND)
        ).astype(np.int8)
    school = (
        populatie["schoolvakantie_max_dagen"].cast(pl.Int64).fill_null(ONBEKEND).to_numpy()
        if "schoolvakantie_max_dagen" in populatie.columns
        else np.full(populatie.height, ONBEKEND)
    )
    wlz2015_per_keer, wlz2015_school = wlz_2015_per_code(prestaties, pidx.astype(np.int64), behandeling)
    pop = Populatie(
        client=sleutel,
        prestatie=pidx.astype(np.int64),
        opname=_dagen(populatie["opname"]),
        ontslag=ontslag_d,
        behandeling=behandeling,
        school_max=school.astype(np.int64),
        wlz2015_per_keer=wlz2015_per_keer,
        wlz2015_school=wlz2015_school,
    )
    if afwezigheid is not None and afwezigheid.height:
        # absences belong to the client: each one applies to every row of that client
        index = pl.DataFrame({"id": ids, "_rij": np.arange(populatie.height)})
        a = (
            afwezigheid.with_columns(pl.col("id").cast(pl.Utf8))
            .join(index, on="id", how="inner")
            .unique(["_rij", "van", "tot", "reden"], keep="first", maintain_order=True)
        )
        codes = reden_codes()
        reden = (
            a["reden"]
            .cast(pl.Utf8)
            .replace_strict(list(codes), list(codes.values()), default=-1, return_dtype=pl.Int64)
            .to_numpy()
        )
        if (reden < 0).any():
            raise InvoerFout.een("afwezigheid.reden", f"onbekende reden; kies uit: {', '.join(codes)}")
        toestemming = (
            a["toestemming"].cast(pl.Utf8).str.to_lowercase().is_in(["1", "true"]).fill_null(False).to_numpy()
            if "toestemming" in a.columns
            else np.zeros(a.height, dtype=np.bool_)
        )
        afw = Afwezigheden(
            rij=a["_rij"].to_numpy().astype(np.int64),
            van=_dagen(a["van"]),
            tot=_dagen(a["tot"]),
            reden=reden.astype(np.int8),
            toestemming=toestemming,
        )
    else:
        leeg = np.zeros(0, dtype=np.int64)
        afw = Afwezigheden(leeg, leeg, leeg, np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.bool_))
    k = classificeer(pop, afw, dagnummer(van), dagnummer(tot))
    bedrag = bedragen_in_centen(k.dagen, centen[pop.prestatie])

    def euro(c: np.ndarray[Any, Any]) -> pl.Series:
        s = pl.Series(c)
        return (s // 100).cast(pl.Utf8) + "." + (s % 100).cast(pl.Utf8).str.zfill(2)

    return pl.DataFrame(
        {
            "id": ids,
            "prestatie": populatie["prestatie"].cast(pl.Utf8),
            "dagen": k.dagen,
            "tarief": euro(centen).gather(pop.prestatie),  # a few tariffs, written once each
            "bedrag": euro(bedrag),
            "dagen_aanwezig": k.aanwezig,
            "dagen_afwezig_bekostigd": k.afwezig_bekostigd,
            "dagen_afwezig_niet_bekostigd": k.afwezig_niet,
            "bedrag_centen": bedrag,
        }
    )
