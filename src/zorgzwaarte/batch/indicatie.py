"""Batch indication: a table of assessments (CSV or Parquet) in, a table of decisions out (Polars + NumPy).

Input columns (docs/batch.md, batch/kolommen.py): id, peildatum, geboortedatum, grondslagen ("01;04"),
leefklimaat, etmalen_per_week, score columns s0101.. (stoornis) and b0101.. (beperking), and the optional rest of
the assessment. Zorgmomenten in a second table: id, per_week, handelingen (";"), twee_zorgverleners, ...
Rows the vectorised rules leave to the per-client path (column `per_client`) go through it here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from zorgzwaarte.batch.kolommen import ONWAAR, WAAR, als_tabel, invoer_uit_rij
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.codes import codelijst
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.indicatie.vector import (
    BIJZONDERHEDEN,
    DAG0,
    DOELEN,
    GRONDSLAGEN,
    PER_CLIENT_REDENEN,
    VECTOR_FOUTEN,
    Beoordelingen,
    Wijzigingen,
    gebruikelijke_zorg,
    indiceer_vector,
    leeftijden,
    profieltabel,
    stelsel_awbz,
    vragen,
    zorgmoment_minuten,
)
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING
from zorgzwaarte.regels.regelset import Regelset, regelset_met, regelsets

DAG_EPOCH = date(1970, 1, 1).toordinal()


def lees(pad: Path) -> pl.DataFrame:
    """A table from a file (CSV or Parquet by its suffix), score columns already narrow (see ``smal``)."""
    if pad.suffix.lower() == ".parquet":
        return smal(pl.scan_parquet(pad))
    return smal(pl.scan_csv(pad, infer_schema_length=10_000, try_parse_dates=False))


def lees_bytes(inhoud: bytes, naam: str) -> pl.DataFrame:
    """An uploaded table (CSV or Parquet by its name)."""
    if naam.lower().endswith(".parquet"):
        return smal(pl.scan_parquet(io.BytesIO(inhoud)))
    return smal(pl.scan_csv(io.BytesIO(inhoud), infer_schema_length=10_000, try_parse_dates=False))


# a score outside -127..127 is kept as this bound (and reported as such, see naar_beoordelingen)
SCORE_BUITEN = (-128, 127)


def smal(tabel: pl.LazyFrame) -> pl.DataFrame:
    """The table with each score column (s0101.., b0101..) as Int8 instead of Int64: read in pieces (the streaming
    engine), so a million assessments never hold their scores as 64-bit numbers (docs/batch.md, Snelheid). A score
    the cast cannot read stays empty as before; one beyond Int8 keeps its sign as SCORE_BUITEN."""
    svragen, bvragen = vragen()
    scores = {f"s{q}" for q in svragen} | {f"b{q}" for q in bvragen}
    schema = tabel.collect_schema()
    if not scores & set(schema):
        return tabel.collect()
    laag, hoog = SCORE_BUITEN
    return tabel.with_columns(
        pl.col(k).cast(pl.Int64, strict=False).clip(laag, hoog).cast(pl.Int8) for k in schema if k in scores
    ).collect(engine="streaming")


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
    return k.cast(pl.Utf8).str.to_lowercase().is_in(list(WAAR)).fill_null(False).to_numpy()


def _getallen(df: pl.DataFrame, naam: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    """A number column (0 where absent or empty)."""
    if naam not in df.columns:
        return np.zeros(df.height)
    return df[naam].cast(pl.Float64, strict=False).fill_null(0.0).to_numpy()


def _gegeven(df: pl.DataFrame, naam: str) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Whether the row fills a column (not empty, not false, not 0)."""
    if naam not in df.columns:
        return np.zeros(df.height, dtype=np.bool_)
    k = df[naam].cast(pl.Utf8).str.strip_chars().str.to_lowercase()
    return (~k.is_in(["", *ONWAAR_NUL]) & k.is_not_null()).to_numpy()


def _score_tekst(kolom: pl.Series, rij: int) -> str:
    """A wrong score as the user wrote it; one ``smal`` kept at its bound says so."""
    waarde = kolom[rij]
    if kolom.dtype == pl.Int8 and waarde in SCORE_BUITEN:
        return "lager dan -127" if waarde == SCORE_BUITEN[0] else "hoger dan 126"
    return str(waarde)


ONWAAR_NUL = ("0", "0.0", *ONWAAR)
# issue 11 item 5 (BIA bijlage 4/5 §4.2 onderwijs, §5.3-5.4 thuisbeademing and toezicht): computed per client
ONDERWIJS_KOLOMMEN = (
    "onderwijs_clusterindicatie",
    "onderwijs_onderwijssoort",
    "onderwijs_zorg_op_school_gevraagd",
    "onderwijs_eerder_indicatie_zorg_op_school",
    "onderwijs_tabelrij",
)
THUISBEADEMING_KOLOMMEN = ("toezicht_dagdelen_per_week",)
# columns that send a row to the per-client path: bit i of Beoordelingen.per_client_nodig is PER_CLIENT_REDENEN[i+1]
PER_CLIENT_KOLOMMEN: tuple[tuple[str, ...], ...] = (
    ("begeleiding_uren_per_week", "begeleiding_activiteiten"),
    ("behandeling_doel",),
    ("begeleiding_groep_dagdelen", "behandeling_groep_dagdelen"),
    ("aanleren", "aanleertijd_pv_minuten", "aanleertijd_vp_minuten"),
    ("respijtzorg",),
    ("geldig_tot_gewenst",),
    (),  # besluitdatum: below, only when it differs from the peildatum
    ("geen_recht_wlz",),
    ("gekozen_zzp",),
    ("aanvraagdatum", "na_zvw_of_forensisch_verblijf", "eerdere_indicaties"),
    ONDERWIJS_KOLOMMEN,  # and below: a child with PV or VP that does not say it stays away from school
    THUISBEADEMING_KOLOMMEN,  # and below: a zorgmoment with a handeling of the thuisbeademing schedule
    ("begeleiden_pv_minuten_per_week", "begeleiden_vp_minuten_per_week"),
)


def _met_thuisbeademing(df: pl.DataFrame, zm: pl.DataFrame) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Rows with a handeling of the thuisbeademing schedule (bijlage 5 §5.3) in one of the zorgmomenten of their
    id; each distinct list of handelingen is read once."""
    tb = [h for h, x in laatste_normtijden().items() if x.thuisbeademing]
    tekst = zm["handelingen"].cast(pl.Utf8).fill_null("")
    uniek = tekst.unique()
    met_tb = uniek.filter(uniek.str.split(";").list.eval(pl.element().str.strip_chars().is_in(tb)).list.any())
    if met_tb.is_empty():
        return np.zeros(df.height, dtype=np.bool_)
    ids = zm["id"].cast(pl.Utf8).filter(tekst.is_in(met_tb.implode())).unique()
    return df["id"].cast(pl.Utf8).is_in(ids.implode()).to_numpy()


@dataclass
class Gekoppeld:
    """The zorgmomenten joined to the assessments once (``koppel``): ``momenten`` has `_rij`, the row of its id
    (the first row of an id that is there twice), the moments in their own order; ``thuisbeademing`` per row (see
    _met_thuisbeademing). ``blok`` takes the part of a block of rows (in the block's own thread)."""

    momenten: pl.DataFrame
    thuisbeademing: np.ndarray[Any, np.dtype[np.bool_]]

    def blok(self, start: int, eind: int) -> Gekoppeld:
        deel = self.momenten.filter(pl.col("_rij").is_between(start, eind - 1)).with_columns(pl.col("_rij") - start)
        return Gekoppeld(deel, self.thuisbeademing[start:eind])


def koppel(df: pl.DataFrame, zm: pl.DataFrame) -> Gekoppeld:
    """The zorgmomenten of ``df``'s rows (a moment whose id is not there is left out)."""
    zm = zm.with_columns(pl.col("id").cast(pl.Utf8))
    rij = _rijnummers(df["id"].cast(pl.Utf8), zm["id"])
    momenten = zm.drop("id").with_columns(_rij=rij).filter(pl.col("_rij").is_not_null())
    return Gekoppeld(momenten, _met_thuisbeademing(df, zm))


def _blijvend(df: pl.DataFrame) -> np.ndarray[Any, np.dtype[np.int64]]:
    """1/0 from the `blijvend` column; otherwise only from a prognose that decides it (see indicatie_wlz_*.yaml)."""
    rs = regelset_met("indicatie", "indicatie_wlz_2015.yaml")
    uit_prognose = rs.tabel("indicatie_wlz_2015.yaml")["toegang"]["blijvend_uit_prognose"]["waarde"]
    uit = np.full(df.height, -1, dtype=np.int64)
    if "prognose" in df.columns:
        uit = (
            df["prognose"]
            .cast(pl.Utf8)
            .replace_strict(
                list(uit_prognose), [int(v) for v in uit_prognose.values()], default=-1, return_dtype=pl.Int64
            )
            .to_numpy()
        )
    if "blijvend" in df.columns:
        k = df["blijvend"]
        if k.dtype == pl.Boolean:
            ja, nee = k.fill_null(False).to_numpy(), (~k).fill_null(False).to_numpy()
        else:
            k = k.cast(pl.Utf8).str.to_lowercase()
            ja = k.is_in(list(WAAR)).fill_null(False).to_numpy()
            nee = k.is_in(list(ONWAAR)).fill_null(False).to_numpy()
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
    df: pl.DataFrame, zorgmomenten: pl.DataFrame | Gekoppeld | None, wijz: Wijzigingen = ()
) -> tuple[Beoordelingen, list[str]]:
    """Arrays for the vectorised core, and a Dutch error per row where the row cannot be computed ('' = fine)."""
    n = df.height
    if isinstance(zorgmomenten, pl.DataFrame):
        zorgmomenten = koppel(df, zorgmomenten) if zorgmomenten.height else None
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
        """N x vragen, -1 where not given; one pass over the columns the table has."""
        m = np.full((n, len(lijst)), -1, dtype=np.int8)
        aanwezig = [(j, f"{prefix}{q}") for j, q in enumerate(lijst) if f"{prefix}{q}" in df.columns]
        if not aanwezig:
            return m
        waarden = df.select(
            pl.col(k).fill_null(-1)
            if df[k].dtype == pl.Int8  # read by ``smal``
            else pl.col(k).cast(pl.Int64, strict=False).fill_null(-1).clip(-2, 99).cast(pl.Int8)
            for _, k in aanwezig
        ).to_numpy()
        slecht = ((waarden < -1) | (waarden > 3)) & (waarden != 9)
        for i, j in zip(*np.nonzero(slecht), strict=True):
            kolom = aanwezig[int(j)][1]
            fouten[int(i)] = (
                fouten[int(i)] or f"{kolom}: score {_score_tekst(df[kolom], int(i))} bestaat niet (0, 1, 2, 3 of 9)"
            )
        m[:, [j for j, _ in aanwezig]] = np.where(slecht, -1, waarden).astype(np.int8)
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
    pv = np.full(n, np.nan)
    vp = np.full(n, np.nan)
    heeft_zm = np.zeros(n, dtype=np.bool_)
    heeft_vp = np.zeros(n, dtype=np.bool_)
    awbz = stelsel_awbz(np.where(peil < DAG0, DAG0, peil))
    bijzonder = _lijst_masker(df, "bijzonderheden", BIJZONDERHEDEN)
    beademing = _lijst_masker(df, "bijzondere_zorg", ["chronische_invasieve_beademing", "non_invasieve_beademing"])
    kort_leven = _bools(df, "levensverwachting_korter_dan_3_maanden")
    terminaal = ((bijzonder & (1 << BIJZONDERHEDEN.index("terminaal"))) > 0) | kort_leven
    zvw_uitzondering = terminaal | (beademing > 0)
    if zorgmomenten is not None and zorgmomenten.momenten.height:
        pv, vp, heeft_zm, heeft_vp = _zorgmomenten(
            df, zorgmomenten.momenten, fouten, awbz, zvw_uitzondering, terminaal, wijz
        )
    mantelzorg = np.stack([_getallen(df, f"mantelzorg_{f}_minuten") for f in ("pv", "vp", "bg")], axis=1)
    wens = _bools(df, "mantelzorg_wens_aftrek")
    for i in np.flatnonzero((mantelzorg > 0).any(axis=1) & ~wens):  # as regels/indicatie/controle.py
        fouten[int(i)] = fouten[int(i)] or (
            "mantelzorg_wens_aftrek: mantelzorg wordt alleen afgetrokken als de cliënt dat wenst: vul ja in"
        )
    nodig = np.zeros(n, dtype=np.int64)
    for bit, kolommen in enumerate(PER_CLIENT_KOLOMMEN):
        for kolom in kolommen:
            nodig |= np.where(_gegeven(df, kolom), 1 << bit, 0)
    if "besluitdatum" in df.columns:
        besluit = _dagnummers(df["besluitdatum"])
        bit = PER_CLIENT_KOLOMMEN.index(())
        nodig |= np.where((besluit >= DAG0) & (besluit != peil), 1 << bit, 0)
    noodzaak = _bools(df, "vp_medische_noodzaak")
    onbekend = (
        df["vp_medische_noodzaak"].is_null().to_numpy() if "vp_medische_noodzaak" in df.columns else np.ones(n, bool)
    )
    for i in np.flatnonzero(awbz & heeft_vp & onbekend):
        fouten[int(i)] = fouten[int(i)] or (
            "vp_medische_noodzaak: vul in of een arts de medische noodzaak van de verpleging heeft vastgesteld "
            "(bijlage 5 §3)"
        )
    # Onderwijsaftrek (bijlage 4 en 5 §4.2): a child with PV or VP says whether it goes to school; only `false` is
    # computed here, every other child with PV or VP goes to the per-client path (which asks when it is missing).
    vraag_tot = int(
        regelset_met("indicatie", "indicatie_awbz_2014.yaml").tabel("indicatie_awbz_2014.yaml")["onderwijsaftrek"][
            "vraag_tot_jaar"
        ]["waarde"]
    )
    kind = awbz & (leeftijden(np.maximum(geboren, DAG0), np.maximum(peil, DAG0)) < vraag_tot)
    zorg = ~np.isnan(pv) | ~np.isnan(vp)
    niet_naar_school = (
        df["onderwijs_naar_school"].cast(pl.Utf8).str.to_lowercase().is_in(ONWAAR_NUL).fill_null(False).to_numpy()
        if "onderwijs_naar_school" in df.columns
        else np.zeros(n, dtype=np.bool_)
    )
    nodig |= np.where(kind & zorg & ~niet_naar_school, 1 << PER_CLIENT_KOLOMMEN.index(ONDERWIJS_KOLOMMEN), 0)
    # handelingen of the thuisbeademing schedule (bijlage 5 §5.3) count their own way: per client
    if zorgmomenten is not None:
        nodig |= np.where(zorgmomenten.thuisbeademing, 1 << PER_CLIENT_KOLOMMEN.index(THUISBEADEMING_KOLOMMEN), 0)
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
        blijvend=_blijvend(df),
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
        levensverwachting_kort=kort_leven,
        ontlasting_mantelzorger=_bools(df, "ontlasting_mantelzorger_nodig"),
        aftrek=np.stack([_getallen(df, f"voorliggend_{f}_minuten") for f in ("pv", "vp")], axis=1),
        mantelzorg=mantelzorg[:, :2],
        mantelzorg_wens=wens,
        per_client_nodig=nodig,
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


def _rijnummers(ids: pl.Series, zoek: pl.Series) -> pl.Series:
    """The row of each id in ``zoek`` among ``ids`` (null if absent): joined on 64-bit hashes, checked against
    the texts (a collision or an id twice falls back to joining the texts)."""
    rij = pl.Series("_rij", np.arange(len(ids)), dtype=pl.Int64)
    gevonden = pl.DataFrame({"h": zoek.hash()}).join(
        pl.DataFrame({"h": ids.hash(), "_rij": rij}), on="h", how="left", maintain_order="left"
    )["_rij"]
    if (
        len(gevonden) == len(zoek)
        and (ids.gather(gevonden.fill_null(0)).ne_missing(zoek) & gevonden.is_not_null()).sum() == 0
    ):
        return gevonden
    tekst = pl.DataFrame({"id": ids, "_rij": rij}).unique("id", keep="first")  # an id twice: its first row
    return zoek.to_frame("id").join(tekst, on="id", how="left", maintain_order="left")["_rij"]


def _zorgmomenten(
    df: pl.DataFrame,
    zm: pl.DataFrame,
    fouten: list[str],
    awbz: np.ndarray[Any, Any],
    uitzondering: np.ndarray[Any, Any],
    terminaal: np.ndarray[Any, Any],
    wijz: Wijzigingen,
) -> tuple[Any, Any, Any, Any]:
    """PV and VP minutes per row from its zorgmomenten (``zm`` with `_rij`, see koppel), and which rows have any."""
    n = df.height
    rij = zm["_rij"].to_numpy().astype(np.int64)
    # a population has few distinct lists of handelingen: each is read once, a moment points to its list
    tekst = zm["handelingen"].cast(pl.Utf8).fill_null("")
    uniek = tekst.unique()
    lijst_van = tekst.cast(pl.Enum(uniek)).to_physical().to_numpy().astype(np.int64)
    k = len(uniek)
    tabel = laatste_normtijden(wijz)
    ids = list(tabel)
    minuten = np.array([tabel[h].minuten for h in ids])
    is_vp = np.array([tabel[h].functie == "VP" for h in ids])
    ster = np.array([tabel[h].medisch_specialistisch for h in ids])
    hand = pl.DataFrame({"_lijst": np.arange(k), "h": uniek.str.split(";")}).explode("h")
    positie = (
        hand["h"]
        .str.strip_chars()
        .replace_strict(ids, list(range(len(ids))), default=-1, return_dtype=pl.Int64)
        .to_numpy()
    )
    h_lijst = hand["_lijst"].to_numpy().astype(np.int64)
    geldig = positie >= 0
    p0 = np.where(geldig, positie, 0)
    h_ster = geldig & ster[p0]
    # per list: minutes and count per function (PV, VP), with all handelingen [0] and without the '*' ones [1]
    som = np.zeros((k, 2, 2))
    aantal = np.zeros((k, 2, 2), dtype=np.int64)
    for f, in_functie in enumerate((geldig & ~is_vp[p0], geldig & is_vp[p0])):
        for z, sel in enumerate((in_functie, in_functie & ~h_ster)):
            som[:, z, f] = np.bincount(h_lijst[sel], weights=minuten[p0[sel]], minlength=k)
            aantal[:, z, f] = np.bincount(h_lijst[sel], minlength=k)
    onbekend = (np.bincount(h_lijst[~geldig], minlength=k) > 0)[lijst_van]
    met_ster = (np.bincount(h_lijst[h_ster], minlength=k) > 0)[lijst_van]
    for r in np.unique(rij[onbekend]):
        fouten[int(r)] = fouten[int(r)] or "zorgmomenten: onbekende handeling (zie 'zorgzwaarte codes handelingen')"
    if "medisch_specialist_verantwoordelijk" in zm.columns:
        kolom = zm["medisch_specialist_verantwoordelijk"].cast(pl.Utf8).str.to_lowercase()
        ms_onbekend = kolom.is_null().to_numpy()
        ms = kolom.is_in(list(WAAR)).fill_null(False).to_numpy()
    else:
        ms_onbekend = np.ones(zm.height, dtype=np.bool_)
        ms = np.zeros(zm.height, dtype=np.bool_)
    for r in np.unique(rij[met_ster & ms_onbekend & awbz[rij]]):
        fouten[int(r)] = fouten[int(r)] or (
            "zorgmomenten: medisch_specialist_verantwoordelijk ontbreekt bij een handeling met * (bijlage 5 §3.1)"
        )
    heeft_vp = np.bincount(rij[aantal[lijst_van, 0, 1] > 0], minlength=n) > 0
    # Zvw, not AWBZ: a '*' handeling under a medisch specialist (bijlage 5 §3.1), as trechtermodel.awbz_handelingen
    zonder_ster = (met_ster & ms & ~uitzondering[rij]).astype(np.int64)
    twee = _bools(zm, "twee_zorgverleners")
    gebruikelijk = None
    vlag = _bools(zm, "gebruikelijke_zorg")
    kortdurend = _bools(df, "kortdurende_zorgsituatie") & _bools(df, "gebruikelijke_zorger_aanwezig")
    if vlag.any() or kortdurend.any():  # bijlage 3: per moment, with the row's household and age
        jaren = leeftijden(
            np.maximum(_dagnummers(df["geboortedatum"]), DAG0), np.maximum(_dagnummers(df["peildatum"]), DAG0)
        )
        gebruikelijk = gebruikelijke_zorg(
            vlag,
            kortdurend[rij],
            terminaal[rij],
            _bools(df, "overbelasting")[rij],
            _bools(df, "intieme_zorg_door_ouder_geweigerd")[rij],
            jaren[rij],
            wijz,
        )
    pv, vp = zorgmoment_minuten(
        rij=rij,
        per_week=zm["per_week"].cast(pl.Float64).to_numpy(),
        twee=twee,
        som=som[lijst_van, zonder_ster],
        aantal=aantal[lijst_van, zonder_ster],
        n=n,
        wijz=wijz,
        gebruikelijk=gebruikelijk,
    )
    heeft = np.bincount(rij, minlength=n) > 0
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
    "bg_klasse": pl.Int64,
    "bh_individueel": pl.Boolean,
    "bg_groep_dagdelen": pl.Int64,
    "bh_groep_dagdelen": pl.Int64,
    "kvb_etmalen": pl.Int64,
    "geldig_van": pl.Utf8,
    "geldig_tot": pl.Utf8,
    "geldig_tot_overlijden": pl.Boolean,
    "ruleset_naam": pl.Utf8,
    "ruleset_versie": pl.Utf8,
    "ruleset_hash": pl.Utf8,
    "ruleset_geverifieerd_tot": pl.Utf8,
    "waarschuwingen": pl.Utf8,
    "per_client": pl.Utf8,
}


# rows per block: two blocks at a time, one per core, bound the memory of a million rows (docs/batch.md, Snelheid)
BLOK = 1 << 17


def indiceer_tabel(
    df: pl.DataFrame,
    zorgmomenten: pl.DataFrame | None = None,
    blok: int = BLOK,
    voortgang: Callable[[int], None] | None = None,
) -> pl.DataFrame:
    """Decisions for every row; rows that cannot be computed carry a Dutch `fout` and no decision.

    The zorgmomenten are joined to their rows once; then blocks of ``blok`` rows go through the vectorised rules
    on two threads (NumPy and Polars release the GIL) and their rows for the per-client path through it here, one
    block after the other; ``voortgang`` hears the number of rows done after each block."""
    gekoppeld = koppel(df, zorgmomenten) if zorgmomenten is not None and zorgmomenten.height else None

    def vectorieel(start: int) -> tuple[pl.DataFrame, pl.DataFrame, np.ndarray[Any, Any], dict[str, Any]]:
        deel = df.slice(start, blok)
        b, fouten = naar_beoordelingen(deel, gekoppeld.blok(start, start + deel.height) if gekoppeld else None)
        uit = indiceer_vector(b)
        return deel, uitvoer(deel, b, fouten, uit), per_client_rijen(fouten, uit), {"per_client": uit["per_client"]}

    delen, klaar = [], 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for deel, tabel, rijen, redenen in pool.map(vectorieel, range(0, max(df.height, 1), blok)):
            delen.append(vervang_rijen(tabel, rijen, per_client(deel, zorgmomenten, rijen, redenen)))
            klaar += deel.height
            if voortgang is not None:
                voortgang(klaar)
    return pl.concat(delen, rechunk=False) if len(delen) > 1 else delen[0]


def zorgmomenten_van(zm: pl.DataFrame | None, deel: pl.DataFrame) -> pl.DataFrame | None:
    """The zorgmomenten of the rows of one block."""
    if zm is None:
        return None
    return zm.filter(pl.col("id").cast(pl.Utf8).is_in(deel["id"].cast(pl.Utf8).implode()))


def per_client_rijen(fouten: list[str], uit: dict[str, Any]) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The rows the vectorised rules leave to the per-client path (and that the adapter could read)."""
    rijen: np.ndarray[Any, np.dtype[np.int64]] = np.flatnonzero(uit["per_client"] > 0)
    return rijen[[not fouten[int(i)] for i in rijen]] if rijen.size else rijen


def per_client(
    df: pl.DataFrame,
    zorgmomenten: pl.DataFrame | None,
    rijen: np.ndarray[Any, Any],
    uit: dict[str, Any],
    variant: Regelset | None = None,
) -> list[dict[str, Any]]:
    """Output rows (UITVOER_SCHEMA) for ``rijen`` computed by the per-client path (as `zorgzwaarte indiceer`, with
    the shipped ZZP catalogue like the rest of the batch), with the reason in `per_client`."""
    if not rijen.size:
        return []
    deel = df[rijen]
    ids = deel["id"].cast(pl.Utf8)
    momenten: dict[str, list[dict[str, Any]]] = {}
    if zorgmomenten is not None and zorgmomenten.height:
        zm = zorgmomenten.with_columns(pl.col("id").cast(pl.Utf8)).filter(pl.col("id").is_in(ids.implode()))
        for moment in zm.to_dicts():
            momenten.setdefault(moment["id"], []).append(moment)
    uitkomsten = []
    for i, rij in zip(rijen, deel.to_dicts(), strict=True):
        reden = PER_CLIENT_REDENEN[int(uit["per_client"][i])]
        invoer = invoer_uit_rij(rij, momenten.get(str(rij["id"]), []))
        try:
            besluit = bereken_indicatie(invoer, GEEN_AANVULLING, variant).als_dict()
        except InvoerFout as fout:
            melding = "; ".join(f"{f.veld}: {f.melding}" for f in fout.fouten)
            uitkomsten.append({"id": str(rij["id"]), "fout": melding, "per_client": reden})
            continue
        uitkomsten.append({"id": str(rij["id"]), **uitkomst_van_besluit(besluit), "per_client": reden})
    return uitkomsten


def uitkomst_van_besluit(besluit: dict[str, Any]) -> dict[str, Any]:
    """A per-client decision (``als_dict``) in the batch's output columns."""
    functies = {f["functie"]: f for f in besluit["functies"]}
    zzp = besluit.get("zzp") or {}
    r = besluit["ruleset"]
    return {
        "stelsel": besluit["stelsel"],
        "besluit": besluit["besluit"],
        "verblijf": besluit["verblijf"],
        "etmalen_verblijf": besluit["etmalen_verblijf"] if besluit["verblijf"] else None,
        "zzp_code": zzp.get("code"),
        "zzp_cod163": zzp.get("cod163"),
        "zorgprofiel_wlz": zzp.get("zorgprofiel_wlz") if besluit["stelsel"] == "Wlz" else None,
        "afstand": zzp.get("afstand"),
        "professioneel_oordeel": bool(zzp.get("professioneel_oordeel_nodig")),
        "meerzorg_mogelijk": zzp.get("meerzorg_mogelijk") if zzp else None,
        "pv_minuten": functies.get("PV", {}).get("minuten_per_week"),
        "pv_klasse": functies.get("PV", {}).get("klasse"),
        "vp_minuten": functies.get("VP", {}).get("minuten_per_week"),
        "vp_klasse": functies.get("VP", {}).get("klasse"),
        "bg_klasse": functies.get("BG-IND", {}).get("klasse"),
        "bh_individueel": "BH-IND" in functies,
        "bg_groep_dagdelen": functies.get("BG-GRP", {}).get("klasse"),
        "bh_groep_dagdelen": functies.get("BH-GRP", {}).get("klasse"),
        "kvb_etmalen": functies.get("KVB", {}).get("klasse"),
        "geldig_van": besluit["geldig_van"],
        "geldig_tot": besluit["geldig_tot"],
        "geldig_tot_overlijden": besluit["geldig_tot_overlijden"],
        "ruleset_naam": r["naam"],
        "ruleset_versie": r["versie"],
        "ruleset_hash": r["hash"],
        "ruleset_geverifieerd_tot": r["geverifieerd_tot"],
        "waarschuwingen": " ".join(besluit["waarschuwingen"]) or None,
    }


def vervang_rijen(tabel: pl.DataFrame, rijen: np.ndarray[Any, Any], nieuw: list[dict[str, Any]]) -> pl.DataFrame:
    """The output table with ``rijen`` replaced by ``nieuw`` (same order)."""
    if not rijen.size:
        return tabel
    vervanging = pl.DataFrame(nieuw, schema=UITVOER_SCHEMA).with_columns(pl.Series("_rij", rijen, dtype=pl.UInt32))
    rest = tabel.with_row_index("_rij").filter(~pl.col("_rij").is_in(pl.Series(rijen, dtype=pl.UInt32).implode()))
    return pl.concat([rest, vervanging.select(rest.columns)]).sort("_rij").drop("_rij")


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
        waarden: list[Any] | pl.Series, index: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any], dtype: Any = pl.Utf8
    ) -> pl.Series:
        """Small lookup table gathered by index: fast for a million rows; null where not `geldig`."""
        tabel = waarden if isinstance(waarden, pl.Series) else pl.Series(waarden, dtype=dtype)
        gekozen = tabel.gather(np.where(geldig, index, 0).astype(np.int64))
        return pl.select(pl.when(pl.lit(pl.Series(geldig))).then(pl.lit(gekozen))).to_series()

    def leeg(dtype: Any) -> pl.Series:
        return pl.repeat(None, len(ok), dtype=dtype, eager=True)

    def waarde(x: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any], dtype: Any) -> pl.Series:
        return pl.select(pl.when(pl.lit(pl.Series(geldig))).then(pl.lit(pl.Series(x)).cast(dtype))).to_series()

    def datum(dagen: np.ndarray[Any, Any], geldig: np.ndarray[Any, Any]) -> pl.Series:
        """JJJJ-MM-DD, each day of the span written once and gathered (a block has few distinct days)."""
        m = geldig & (dagen > 0)
        eerste, laatste = (int(dagen[m].min()), int(dagen[m].max())) if m.any() else (DAG_EPOCH, DAG_EPOCH)
        tekst = pl.Series(np.arange(eerste - DAG_EPOCH, laatste - DAG_EPOCH + 1, dtype=np.int32)).cast(pl.Date)
        return kies(tekst.dt.to_string("%Y-%m-%d"), dagen - eerste, m)

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
        "afstand": pl.Series(np.where(heeft, uit["afstand"], np.nan), nan_to_null=True),
        "professioneel_oordeel": waarde(uit["oordeel"], ok, pl.Boolean),
        "meerzorg_mogelijk": waarde(uit["meerzorg"], heeft & uit["meerzorg_bekend"], pl.Boolean),
        "pv_minuten": pl.Series(np.where(ok, uit["pv_minuten"], np.nan), nan_to_null=True),
        "pv_klasse": waarde(uit["pv_klasse"], ok & (uit["pv_klasse"] >= 0), pl.Int64),
        "vp_minuten": pl.Series(np.where(ok, uit["vp_minuten"], np.nan), nan_to_null=True),
        "vp_klasse": waarde(uit["vp_klasse"], ok & (uit["vp_klasse"] >= 0), pl.Int64),
        "bg_klasse": leeg(pl.Int64),
        "bh_individueel": waarde(np.zeros(len(ok), dtype=np.bool_), ok, pl.Boolean),
        "bg_groep_dagdelen": leeg(pl.Int64),
        "bh_groep_dagdelen": leeg(pl.Int64),
        "kvb_etmalen": waarde(uit["kvb_etmalen"], ok & (uit["kvb_etmalen"] >= 0), pl.Int64),
        "geldig_van": datum(b.peildatum, ok),
        "geldig_tot": datum(uit["geldig_tot"], ok),
        "geldig_tot_overlijden": waarde(uit["tot_overlijden"], ok, pl.Boolean),
        "ruleset_naam": kies([r.naam for r in bewijzen], set_idx, ok),
        "ruleset_versie": kies([r.versie for r in bewijzen], set_idx, ok),
        "ruleset_hash": kies([r.hash for r in bewijzen], set_idx, ok),
        "ruleset_geverifieerd_tot": kies([r.geverifieerd_tot for r in bewijzen], set_idx, ok),
        "waarschuwingen": kies([" ".join(r.waarschuwingen(date.max)) for r in sets], set_idx, ok & na_verificatie),
        "per_client": leeg(pl.Utf8),
    }
    return pl.DataFrame([s.alias(k).cast(UITVOER_SCHEMA[k]) for k, s in kolommen.items()])


__all__ = ["als_tabel", "codelijst", "indiceer_tabel", "lees", "schrijf"]
