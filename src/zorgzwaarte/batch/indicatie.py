"""Batch indication: a table of assessments (CSV or Parquet) in, a table of decisions out (Polars + NumPy).

Input columns (docs/batch.md): id, peildatum, geboortedatum, grondslagen ("01;04"), beschermende_woonomgeving,
therapeutisch_leefklimaat, permanent_toezicht, etmalen_per_week, and optionally prognose,
verpleegkundige_aandacht, begeleidingsdoel, bijzonderheden (";"), bijzondere_zorg (";"), zorg_24_uur_nabijheid,
and score columns s0101.. (stoornis) and b0101.. (beperking). Zorgmomenten in a second table: id, per_week,
handelingen (";"), twee_zorgverleners.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from zorgzwaarte.regels.codes import codelijst
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.indicatie.vector import (
    BIJZONDERHEDEN,
    DAG0,
    DOELEN,
    GRONDSLAGEN,
    VECTOR_FOUTEN,
    Beoordelingen,
    Wijzigingen,
    indiceer_vector,
    profieltabel,
    stelsel_awbz,
    vragen,
    zorgmoment_minuten,
)
from zorgzwaarte.regels.regelset import Regelset, regelset_met, regelsets

DAG_EPOCH = date(1970, 1, 1).toordinal()


def lees(pad: Path) -> pl.DataFrame:
    if pad.suffix.lower() == ".parquet":
        return pl.read_parquet(pad)
    return pl.read_csv(pad, infer_schema_length=10_000, try_parse_dates=False)


def lees_bytes(inhoud: bytes, naam: str) -> pl.DataFrame:
    """An uploaded table (CSV or Parquet by its name)."""
    if naam.lower().endswith(".parquet"):
        return pl.read_parquet(io.BytesIO(inhoud))
    return pl.read_csv(io.BytesIO(inhoud), infer_schema_length=10_000, try_parse_dates=False)


def schrijf(df: pl.DataFrame, pad: Path) -> None:
    if pad.suffix.lower() == ".parquet":
        df.write_parquet(pad)
    else:
        df.write_csv(pad)


def _dagnummers(kolom: pl.Series) -> np.ndarray[Any, np.dtype[np.int64]]:
    if kolom.dtype != pl.Date:
        kolom = kolom.cast(pl.Utf8).str.to_date("%Y-%m-%d", strict=False)
    dagen = kolom.cast(pl.Int64).fill_null(-(10**9)).to_numpy()
    return (dagen + DAG_EPOCH).astype(np.int64)


def _bools(df: pl.DataFrame, naam: str) -> np.ndarray[Any, np.dtype[np.bool_]]:
    if naam not in df.columns:
        return np.zeros(df.height, dtype=np.bool_)
    k = df[naam]
    if k.dtype == pl.Boolean:
        return k.fill_null(False).to_numpy().astype(np.bool_)
    return k.cast(pl.Utf8).str.to_lowercase().is_in(["1", "true", "ja", "waar"]).fill_null(False).to_numpy()


def _blijvend(df: pl.DataFrame, prognose: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """1/0 from the `blijvend` column; otherwise only from a prognose that decides it (see indicatie_wlz_*.yaml)."""
    rs = regelset_met("indicatie", "indicatie_wlz_2015.yaml")
    uit_prognose = rs.tabel("indicatie_wlz_2015.yaml")["toegang"]["blijvend_uit_prognose"]["waarde"]
    uit = np.array([int(uit_prognose[p]) if p in uit_prognose else -1 for p in prognose], dtype=np.int64)
    if "blijvend" in df.columns:
        k = df["blijvend"].cast(pl.Utf8).str.to_lowercase()
        ja = k.is_in(["1", "true", "ja", "waar"]).fill_null(False).to_numpy()
        nee = k.is_in(["0", "false", "nee", "onwaar"]).fill_null(False).to_numpy()
        uit = np.where(ja, 1, np.where(nee, 0, uit))
    return uit


def _lijst_masker(df: pl.DataFrame, naam: str, waarden: list[str]) -> np.ndarray[Any, np.dtype[np.int64]]:
    uit = np.zeros(df.height, dtype=np.int64)
    if naam not in df.columns:
        return uit
    tekst = df[naam].cast(pl.Utf8).fill_null("")
    for i, w in enumerate(waarden):
        uit |= np.where(tekst.str.contains(rf"(^|;){w}(;|$)").to_numpy(), 1 << i, 0)
    return uit


def naar_beoordelingen(
    df: pl.DataFrame, zorgmomenten: pl.DataFrame | None, wijz: Wijzigingen = ()
) -> tuple[Beoordelingen, list[str]]:
    """Arrays for the vectorised core, and a Dutch error per row where the row cannot be computed ('' = fine)."""
    n = df.height
    fouten = [""] * n
    svragen, bvragen = vragen()
    # parse each distinct value once: a population has few distinct grondslag combinations
    tekst = df["grondslagen"].cast(pl.Utf8).fill_null("")
    uniek = tekst.unique().to_list()
    terug = tekst.replace_strict(uniek, list(range(len(uniek))), return_dtype=pl.Int64).to_numpy()
    u_mat = np.zeros((len(uniek), len(GRONDSLAGEN)), dtype=np.bool_)
    u_dom = np.zeros(len(uniek), dtype=np.int64)
    u_fout = np.zeros(len(uniek), dtype=np.bool_)
    for k, waarde in enumerate(uniek):
        lijst = [g.strip().zfill(2) for g in str(waarde).split(";") if g.strip()]
        if not lijst or any(g not in GRONDSLAGEN for g in lijst):
            u_fout[k] = True
            continue
        u_dom[k] = GRONDSLAGEN.index(lijst[0])
        for g in lijst:
            u_mat[k, GRONDSLAGEN.index(g)] = True
    gmat, dominant = u_mat[terug], u_dom[terug]
    for i in np.flatnonzero(u_fout[terug]):
        fouten[int(i)] = "grondslagen: leeg of geen code uit LDT_Grondslag"

    def scores(prefix: str, lijst: list[str]) -> np.ndarray[Any, np.dtype[np.int8]]:
        m = np.full((n, len(lijst)), -1, dtype=np.int8)
        for j, q in enumerate(lijst):
            kolom = f"{prefix}{q}"
            if kolom in df.columns:
                waarden = df[kolom].cast(pl.Int64, strict=False).fill_null(-1).to_numpy()
                slecht = ~np.isin(waarden, [-1, 0, 1, 2, 3, 9])
                for i in np.flatnonzero(slecht):
                    fouten[int(i)] = fouten[int(i)] or f"{kolom}: score {waarden[i]} bestaat niet (0, 1, 2, 3 of 9)"
                m[:, j] = np.where(slecht, -1, waarden).astype(np.int8)
        return m

    peil = _dagnummers(df["peildatum"])
    geboren = _dagnummers(df["geboortedatum"])
    for i in np.flatnonzero((peil < DAG0) | (geboren < DAG0) | (geboren > peil)):
        fouten[int(i)] = (
            fouten[int(i)]
            or "peildatum of geboortedatum ontbreekt, is ongeldig of de geboortedatum ligt na de peildatum"
        )
    verpl = (
        df["verpleegkundige_aandacht"].cast(pl.Int64, strict=False).fill_null(-1).to_numpy()
        if "verpleegkundige_aandacht" in df.columns
        else np.full(n, -1)
    )
    doel = np.full(n, -1, dtype=np.int64)
    if "begeleidingsdoel" in df.columns:
        doel = (
            df["begeleidingsdoel"]
            .cast(pl.Utf8)
            .replace_strict(DOELEN, list(range(len(DOELEN))), default=-1, return_dtype=pl.Int64)
            .to_numpy()
        )
    prognose = df["prognose"].cast(pl.Utf8).fill_null("").to_numpy() if "prognose" in df.columns else np.full(n, "")
    pv = np.full(n, np.nan)
    vp = np.full(n, np.nan)
    heeft_zm = np.zeros(n, dtype=np.bool_)
    heeft_vp = np.zeros(n, dtype=np.bool_)
    awbz = stelsel_awbz(np.where(peil < DAG0, DAG0, peil))
    bijzonder = _lijst_masker(df, "bijzonderheden", BIJZONDERHEDEN)
    beademing = _lijst_masker(df, "bijzondere_zorg", ["chronische_invasieve_beademing", "non_invasieve_beademing"])
    zvw_uitzondering = ((bijzonder & (1 << BIJZONDERHEDEN.index("terminaal"))) > 0) | (beademing > 0)
    if zorgmomenten is not None and zorgmomenten.height:
        pv, vp, heeft_zm, heeft_vp = _zorgmomenten(df, zorgmomenten, fouten, awbz, zvw_uitzondering, wijz)
    noodzaak = _bools(df, "vp_medische_noodzaak")
    onbekend = (
        df["vp_medische_noodzaak"].is_null().to_numpy() if "vp_medische_noodzaak" in df.columns else np.ones(n, bool)
    )
    for i in np.flatnonzero(awbz & heeft_vp & onbekend):
        fouten[int(i)] = fouten[int(i)] or (
            "vp_medische_noodzaak: vul in of een arts de medische noodzaak van de verpleging heeft vastgesteld "
            "(bijlage 5 §3)"
        )
    b = Beoordelingen(
        peildatum=np.where(peil < DAG0, DAG0, peil),
        geboortedatum=np.where(geboren < DAG0, DAG0, geboren),
        grondslag=gmat,
        dominant=dominant,
        leefklimaat=np.stack(
            [_bools(df, k) for k in ("beschermende_woonomgeving", "therapeutisch_leefklimaat", "permanent_toezicht")],
            axis=1,
        ),
        etmalen=df["etmalen_per_week"].cast(pl.Int64, strict=False).fill_null(0).to_numpy()
        if "etmalen_per_week" in df.columns
        else np.zeros(n, dtype=np.int64),
        stoornis=scores("s", svragen),
        beperking=scores("b", bvragen),
        verpleegkundige_aandacht=verpl,
        begeleidingsdoel=doel,
        bijzonderheden=bijzonder,
        bijzondere_zorg=_lijst_masker(
            df,
            "bijzondere_zorg",
            [
                "gespecialiseerde_epilepsiezorg",
                "chronische_invasieve_beademing",
                "non_invasieve_beademing",
                "klinische_intensieve_behandeling",
                "niet_strafrechtelijke_forensische_psychiatrie",
            ],
        )
        > 0,
        blijvend=_blijvend(df, prognose),
        zorg_24_uur=df["zorg_24_uur_nabijheid"]
        .cast(pl.Utf8)
        .fill_null("")
        .is_in(["fysieke_problemen", "zware_regieproblemen"])
        .to_numpy()
        if "zorg_24_uur_nabijheid" in df.columns
        else np.zeros(n, dtype=np.bool_),
        pv_minuten=pv,
        vp_minuten=vp,
        heeft_zorgmomenten=heeft_zm,
        vp_medische_noodzaak=noodzaak,
        zelfstandig_wonen_leerbaar=(
            np.where(
                df["zelfstandig_wonen_leerbaar"].is_null().to_numpy(),
                -1,
                _bools(df, "zelfstandig_wonen_leerbaar").astype(np.int64),
            )
            if "zelfstandig_wonen_leerbaar" in df.columns
            else np.full(n, -1, dtype=np.int64)
        ),
        overgang_2014_uitzondering=(
            df["overgang_2014_uitzondering"]
            .cast(pl.Utf8)
            .replace_strict(
                ["geen", "intensieve_kindzorg", "adl_assistentie", "nuluren"],
                [0, 1, 1, 1],
                default=-1,
                return_dtype=pl.Int64,
            )
            .to_numpy()
            if "overgang_2014_uitzondering" in df.columns
            else np.full(n, -1, dtype=np.int64)
        ),
    )
    return b, fouten


def _zorgmomenten(
    df: pl.DataFrame,
    zm: pl.DataFrame,
    fouten: list[str],
    awbz: np.ndarray[Any, Any],
    uitzondering: np.ndarray[Any, Any],
    wijz: Wijzigingen,
) -> tuple[Any, Any, Any, Any]:
    n = df.height
    index = pl.DataFrame({"id": df["id"].cast(pl.Utf8), "_rij": np.arange(n)})
    zm = zm.with_columns(pl.col("id").cast(pl.Utf8)).join(index, on="id", how="inner").with_row_index("_moment")
    tabel = laatste_normtijden(wijz)
    ids = list(tabel)
    minuten = np.array([tabel[h].minuten for h in ids])
    is_vp = np.array([tabel[h].functie == "VP" for h in ids])
    ster = np.array([tabel[h].medisch_specialistisch for h in ids])
    hand = zm.select("_moment", "_rij", pl.col("handelingen").cast(pl.Utf8).str.split(";")).explode("handelingen")
    hand = hand.with_columns(pl.col("handelingen").str.strip_chars())
    positie = (
        hand["handelingen"].replace_strict(ids, list(range(len(ids))), default=-1, return_dtype=pl.Int64).to_numpy()
    )
    for r in np.unique(hand["_rij"].to_numpy()[positie < 0]):
        fouten[int(r)] = fouten[int(r)] or "zorgmomenten: onbekende handeling (zie 'zorgzwaarte codes handelingen')"
    geldig = positie >= 0
    # Zvw, not AWBZ: a '*' handeling under a medisch specialist (bijlage 5 §3.1), as trechtermodel.awbz_handelingen
    h_moment = hand["_moment"].to_numpy()
    h_rij = hand["_rij"].to_numpy()
    h_ster = geldig & ster[np.where(geldig, positie, 0)]
    if "medisch_specialist_verantwoordelijk" in zm.columns:
        kolom = zm["medisch_specialist_verantwoordelijk"].cast(pl.Utf8).str.to_lowercase()
        ms_onbekend = kolom.is_null().to_numpy()
        ms = kolom.is_in(["1", "true", "ja"]).fill_null(False).to_numpy()
    else:
        ms_onbekend = np.ones(zm.height, dtype=np.bool_)
        ms = np.zeros(zm.height, dtype=np.bool_)
    for r in np.unique(h_rij[h_ster & ms_onbekend[h_moment] & awbz[h_rij]]):
        fouten[int(r)] = fouten[int(r)] or (
            "zorgmomenten: medisch_specialist_verantwoordelijk ontbreekt bij een handeling met * (bijlage 5 §3.1)"
        )
    heeft_vp = np.bincount(h_rij[geldig & is_vp[np.where(geldig, positie, 0)]], minlength=n) > 0
    geldig &= ~(h_ster & ms[h_moment] & ~uitzondering[h_rij])
    twee = (
        zm["twee_zorgverleners"].cast(pl.Utf8).str.to_lowercase().is_in(["1", "true", "ja"]).fill_null(False).to_numpy()
        if "twee_zorgverleners" in zm.columns
        else np.zeros(zm.height, dtype=np.bool_)
    )
    pv, vp = zorgmoment_minuten(
        rij=zm["_rij"].to_numpy().astype(np.int64),
        per_week=zm["per_week"].cast(pl.Float64).to_numpy(),
        twee=twee,
        moment_van_handeling=h_moment[geldig].astype(np.int64),
        minuten=minuten[positie[geldig]],
        is_vp=is_vp[positie[geldig]],
        n=n,
        wijz=wijz,
    )
    heeft = np.bincount(zm["_rij"].to_numpy(), minlength=n) > 0
    return pv, vp, heeft, heeft_vp


UITVOER_SCHEMA = {
    "id": pl.Utf8,
    "fout": pl.Utf8,
    "stelsel": pl.Utf8,
    "besluit": pl.Utf8,
    "verblijf": pl.Boolean,
    "etmalen_verblijf": pl.Int64,
    "zzp_code": pl.Utf8,
    "zzp_cod163": pl.Utf8,
    "zorgprofiel_wlz": pl.Utf8,
    "afstand": pl.Float64,
    "professioneel_oordeel": pl.Boolean,
    "meerzorg_mogelijk": pl.Boolean,
    "pv_minuten": pl.Float64,
    "pv_klasse": pl.Int64,
    "vp_minuten": pl.Float64,
    "vp_klasse": pl.Int64,
    "geldig_van": pl.Utf8,
    "geldig_tot": pl.Utf8,
    "geldig_tot_overlijden": pl.Boolean,
    "ruleset_naam": pl.Utf8,
    "ruleset_versie": pl.Utf8,
    "ruleset_hash": pl.Utf8,
    "ruleset_geverifieerd_tot": pl.Utf8,
    "waarschuwingen": pl.Utf8,
}


def indiceer_tabel(df: pl.DataFrame, zorgmomenten: pl.DataFrame | None = None) -> pl.DataFrame:
    """Decisions for every row; rows that cannot be computed carry a Dutch `fout` and no decision."""
    b, fouten = naar_beoordelingen(df, zorgmomenten)
    return uitvoer(df, b, fouten, indiceer_vector(b))


def uitvoer(
    df: pl.DataFrame,
    b: Beoordelingen,
    fouten: list[str],
    uit: dict[str, Any],
    sets: list[Regelset] | None = None,
    wijz: Wijzigingen = (),
) -> pl.DataFrame:
    """The output table (UITVOER_SCHEMA) of one run of the vectorised rules; ``sets`` names each row's regelset
    (a variant in place of its basis, docs/wat-als.md)."""
    pt = profieltabel(wijz)
    sets = sets or regelsets("indicatie")
    bewijzen = [r.ontvangstbewijs for r in sets]
    eigen = pl.Series("eigen", fouten, dtype=pl.Utf8)
    ok = (eigen == "").to_numpy() & (uit["fout"] == 0)
    zi = uit["zzp_index"]
    heeft = ok & (zi >= 0)

    def kies(
        waarden: list[Any], index: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any], dtype: Any = pl.Utf8
    ) -> pl.Series:
        """Small lookup table gathered by index: fast for a million rows; null where not `geldig`."""
        tabel = pl.Series(waarden, dtype=dtype)
        gekozen = tabel.gather(np.where(geldig, index, 0).astype(np.int64))
        return pl.select(pl.when(pl.lit(pl.Series(geldig))).then(pl.lit(gekozen))).to_series()

    def waarde(x: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any], dtype: Any) -> pl.Series:
        return pl.select(pl.when(pl.lit(pl.Series(geldig))).then(pl.lit(pl.Series(x)).cast(dtype))).to_series()

    def datum(dagen: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any]) -> pl.Series:
        d = pl.Series(np.where(geldig & (dagen > 0), dagen - DAG_EPOCH, 0).astype(np.int32)).cast(pl.Date)
        return waarde(d.to_numpy(), geldig & (dagen > 0), pl.Date).dt.to_string("%Y-%m-%d")

    set_idx = np.maximum(uit["regelset"], 0)
    # issue 11 item 18: a peildatum after the law texts the regelset was checked against (open-ended regelsets)
    grens = np.array([r.geverifieerd_tot.toordinal() if r.geldig_tot is None else 10**9 for r in sets])
    na_verificatie = b.peildatum > grens[set_idx]
    fout = pl.select(
        pl.when(eigen != "").then(eigen).otherwise(pl.Series(VECTOR_FOUTEN).gather(uit["fout"].astype(np.int64)))
    ).to_series()
    kolommen = {
        "id": df["id"].cast(pl.Utf8),
        "fout": fout.replace("", None),
        "stelsel": kies([r.stelsel for r in sets], set_idx, ok),
        "besluit": kies(["afgewezen", "toegekend"], uit["toegekend"].astype(np.int64), ok),
        "verblijf": waarde(uit["verblijf"], ok, pl.Boolean),
        "etmalen_verblijf": waarde(uit["etmalen"], ok & uit["verblijf"], pl.Int64),
        "zzp_code": kies([z.code for z in pt.zzp], zi, heeft),
        "zzp_cod163": kies([z.cod163 for z in pt.zzp], zi, heeft),
        "zorgprofiel_wlz": kies([z.zorgprofiel_wlz for z in pt.zzp], zi, heeft & uit["wlz"]),
        "afstand": pl.Series(np.where(heeft, uit["afstand"], np.nan)),
        "professioneel_oordeel": waarde(uit["oordeel"], ok, pl.Boolean),
        "meerzorg_mogelijk": waarde(uit["meerzorg"], heeft, pl.Boolean),
        "pv_minuten": pl.Series(np.where(ok, uit["pv_minuten"], np.nan)),
        "pv_klasse": waarde(uit["pv_klasse"], ok & (uit["pv_klasse"] >= 0), pl.Int64),
        "vp_minuten": pl.Series(np.where(ok, uit["vp_minuten"], np.nan)),
        "vp_klasse": waarde(uit["vp_klasse"], ok & (uit["vp_klasse"] >= 0), pl.Int64),
        "geldig_van": datum(b.peildatum, ok),
        "geldig_tot": datum(uit["geldig_tot"], ok),
        "geldig_tot_overlijden": waarde(uit["tot_overlijden"], ok, pl.Boolean),
        "ruleset_naam": kies([r.naam for r in bewijzen], set_idx, ok),
        "ruleset_versie": kies([r.versie for r in bewijzen], set_idx, ok),
        "ruleset_hash": kies([r.hash for r in bewijzen], set_idx, ok),
        "ruleset_geverifieerd_tot": kies([r.geverifieerd_tot for r in bewijzen], set_idx, ok),
        "waarschuwingen": kies([" ".join(r.waarschuwingen(date.max)) for r in sets], set_idx, ok & na_verificatie),
    }
    return pl.DataFrame([s.alias(k).cast(UITVOER_SCHEMA[k]) for k, s in kolommen.items()])


def als_tabel(invoer: list[dict[str, Any]]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per-client inputs (the shape of `zorgzwaarte indiceer`) as batch tables (for tests and conversions)."""
    svragen, bvragen = vragen()
    rijen, momenten = [], []
    for i, b in enumerate(invoer):
        lk = b.get("leefklimaat") or {}
        rij: dict[str, Any] = {
            "id": str(i),
            "peildatum": b["peildatum"],
            "geboortedatum": b["client"]["geboortedatum"],
            "grondslagen": ";".join(b["grondslagen"]),
            "beschermende_woonomgeving": bool(lk.get("beschermende_woonomgeving")),
            "therapeutisch_leefklimaat": bool(lk.get("therapeutisch_leefklimaat")),
            "permanent_toezicht": bool(lk.get("permanent_toezicht")),
            "etmalen_per_week": b.get("etmalen_per_week", 0),
            "prognose": b.get("prognose"),
            "verpleegkundige_aandacht": b.get("verpleegkundige_aandacht"),
            "begeleidingsdoel": b.get("begeleidingsdoel"),
            "bijzonderheden": ";".join(b.get("bijzonderheden", [])),
            "bijzondere_zorg": ";".join(b.get("bijzondere_zorg", [])),
            "zorg_24_uur_nabijheid": b.get("zorg_24_uur_nabijheid"),
            "vp_medische_noodzaak": b.get("vp_medische_noodzaak"),
            "overgang_2014_uitzondering": b.get("overgang_2014_uitzondering"),
            "zelfstandig_wonen_leerbaar": b.get("zelfstandig_wonen_leerbaar"),
        }
        for q in svragen:
            rij[f"s{q}"] = (b.get("stoornisscores") or {}).get(q)
        for q in bvragen:
            rij[f"b{q}"] = (b.get("beperkingscores") or {}).get(q)
        rijen.append(rij)
        for zm in b.get("zorgmomenten", []):
            momenten.append(
                {
                    "id": str(i),
                    "per_week": float(zm["per_week"]),
                    "handelingen": ";".join(zm["handelingen"]),
                    "twee_zorgverleners": bool(zm.get("twee_zorgverleners")),
                    "medisch_specialist_verantwoordelijk": zm.get("medisch_specialist_verantwoordelijk"),
                }
            )
    schema_zm = {
        "id": pl.Utf8,
        "per_week": pl.Float64,
        "handelingen": pl.Utf8,
        "twee_zorgverleners": pl.Boolean,
        "medisch_specialist_verantwoordelijk": pl.Boolean,
    }
    return pl.DataFrame(rijen, infer_schema_length=None), pl.DataFrame(momenten, schema=schema_zm)


__all__ = ["als_tabel", "codelijst", "indiceer_tabel", "lees", "schrijf"]
