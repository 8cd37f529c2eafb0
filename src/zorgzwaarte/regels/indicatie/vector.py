"""Vectorised indication for populations (NumPy): the same parameter tables and the same arithmetic as the
per-client trechtermodel, tested equal to it on generated populations (tests/batch).

Covered: grondslag access, PV and VP from zorgmomenten (normtijden, samenvallende activiteiten, twee
zorgverleners, gebruikelijke zorg, voorliggende voorzieningen, mantelzorg on the client's wish) into klassen,
kortdurend verblijf, verblijf (leefklimaat, etmalen), the best-fitting profile with near-tie and unknown flags,
meerzorg, and the validity dates (15 jaar, overgang 2014, ZZP maxima, Wlz onbepaald). A row that needs what this
module does not compute (begeleiding, behandeling, groepszorg, aanleren, respijtzorg, a chosen profile, a later Wlz
version, ...) gets its reason in ``per_client`` (PER_CLIENT_REDENEN); the batch adapter runs such rows through the
per-client path, so every row has its complete decision.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from zorgzwaarte.regels.codes import codelijst
from zorgzwaarte.regels.datums import plus_maanden, tot_en_met_na_maanden
from zorgzwaarte.regels.indicatie.omvang import banden
from zorgzwaarte.regels.profielen.catalogus import Zzp, catalogus
from zorgzwaarte.regels.profielen.meerzorg import parameters as meerzorg_parameters
from zorgzwaarte.regels.profielen.meerzorg import versiedata as meerzorg_versiedata
from zorgzwaarte.regels.regelset import Wijziging, met_wijzigingen, regelset_met, regelsets

F = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Wijzigingen = tuple[Wijziging, ...]
B = npt.NDArray[np.bool_]
GRONDSLAGEN = ["01", "02", "03", "04", "05", "06", "07"]
BIJZONDERHEDEN = [
    "terminaal",
    "herstel_na_opname",
    "geriatrische_revalidatie",
    "beveiliging_nodig",
    "voortgezet_verblijf_ggz",
    "lvg_behandeling",
    "zintuiglijk_visueel",
    "zintuiglijk_auditief",
]
DOELEN = ["ontwikkeling", "stabilisatie", "begeleiding_bij_achteruitgang"]
DAG0 = date(1, 1, 1).toordinal()


@cache
def _tabel(bestand: str, wijz: Wijzigingen = ()) -> dict[str, Any]:
    """A parameter file through the (first) indication regelset that reads it, on that regelset's first day.

    The vectorised path serves whole regelsets; a parameter that changes inside a regelset would need a split
    here (``regelset.wijzigdata``): the test ``test_vector_leest_een_periode_per_regelset`` guards that.
    With ``wijz`` (a variant's wijzigingen, docs/wat-als.md) the variant's values are in place.
    """
    return met_wijzigingen(regelset_met("indicatie", bestand).tabel(bestand), bestand, wijz)


def vragen() -> tuple[list[str], list[str]]:
    return sorted(codelijst("LDT_StoornisVraag")), sorted(codelijst("LDT_BeperkingVraag"))


@dataclass
class Beoordelingen:
    """N assessments as arrays (missing score = -1; 9 = niet beoordeeld)."""

    peildatum: Ints  # day numbers (date.toordinal)
    geboortedatum: Ints
    grondslag: npt.NDArray[np.bool_]  # N x 7, order GRONDSLAGEN
    dominant: Ints  # index into GRONDSLAGEN
    leefklimaat: npt.NDArray[np.bool_]  # N x 3: beschermend, therapeutisch, permanent toezicht
    etmalen: Ints
    stoornis: npt.NDArray[np.int8]  # N x len(stoornisvragen)
    beperking: npt.NDArray[np.int8]
    verpleegkundige_aandacht: Ints  # -1 = niet opgegeven
    begeleidingsdoel: Ints  # index into DOELEN, -1
    bijzonderheden: Ints  # bitmask over BIJZONDERHEDEN
    bijzondere_zorg: B
    blijvend: Ints  # 1 blijvend, 0 niet blijvend, -1 niet vastgesteld (no `blijvend` and no deciding prognose)
    zorg_24_uur: B
    pv_minuten: F  # from zorgmomenten (see zorgmoment_minuten); NaN = no PV handelingen
    vp_minuten: F
    heeft_zorgmomenten: B
    vp_medische_noodzaak: B  # door een arts vastgestelde medische noodzaak (bijlage 5 §3); given, never assumed
    overgang_2014_uitzondering: Ints  # Zir art. 1 lid 5: -1 not given, 0 'geen', 1 an exemption applies
    zelfstandig_wonen_leerbaar: Ints  # bijlage 8 §2.2, young people 17-22: -1 not given, 0 no, 1 yes
    # gebruikelijke zorg (bijlage 3), voorliggend and mantelzorg (bijlage 1 §3.2-3.3), kortdurend verblijf (Bza
    # art. 9a); absent columns are all False / 0 (see __post_init__)
    levensverwachting_kort: B = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    ontlasting_mantelzorger: B = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    aftrek: F = field(default_factory=lambda: np.zeros((0, 2)))  # N x {PV, VP}: voorliggend, minutes per week
    mantelzorg: F = field(default_factory=lambda: np.zeros((0, 2)))  # N x {PV, VP}: mantelzorg, minutes per week
    mantelzorg_wens: B = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    per_client_nodig: Ints = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # bits: PER_CLIENT_REDENEN[1:]

    def __post_init__(self) -> None:
        n = len(self.peildatum)
        for naam in ("levensverwachting_kort", "ontlasting_mantelzorger", "mantelzorg_wens"):
            if len(getattr(self, naam)) != n:
                setattr(self, naam, np.zeros(n, dtype=np.bool_))
        for naam in ("aftrek", "mantelzorg"):
            if len(getattr(self, naam)) != n:
                setattr(self, naam, np.zeros((n, 2)))
        if len(self.per_client_nodig) != n:
            self.per_client_nodig = np.zeros(n, dtype=np.int64)

    @property
    def terminaal(self) -> B:
        """As Beoordeling.terminaal: levensverwachting korter dan drie maanden or the bijzonderheid terminaal."""
        t: B = ((self.bijzonderheden & (1 << BIJZONDERHEDEN.index("terminaal"))) > 0) | self.levensverwachting_kort
        return t


# Why a row goes through the per-client path (column `per_client` of the batch; index 0 = computed here). The
# adapter sets bit i-1 of `per_client_nodig` for reason i; the later Wlz versions are recognised here.
PER_CLIENT_REDENEN = (
    "",
    "begeleiding individueel (Beleidsregels indicatiestelling AWBZ 2014, bijlage 6)",
    "behandeling individueel (Beleidsregels indicatiestelling AWBZ 2014, bijlage 7)",
    "groepszorg in dagdelen (Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.4)",
    "aanleren en begeleiden (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4/5 §4.3)",
    "respijtzorg (Zorgindicatieregeling art. 1)",
    "een kortere geldigheid door de beoordelaar (Zorgindicatieregeling art. 1 lid 1)",
    "een besluitdatum die niet de peildatum is",
    "geen recht op Wlz-zorg opgegeven (Besluit langdurige zorg art. 3.1.5)",
    "een gekozen zorgzwaartepakket met motivering",
    "het overgangsrecht ZZP 1-2 en 3 VV (Wijzigingsregeling Rza 2012 art. II-III: aanvraagdatum, eerdere "
    "indicaties, Zvw- of forensisch verblijf)",
    "de onderwijsaftrek bij een kind (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5 §4.2)",
    "thuisbeademing en verpleegkundig toezicht (Beleidsregels indicatiestelling AWBZ 2014, bijlage 5 §5.3 en §5.4)",
    "begeleiden bij zelfzorg (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5 §4.4)",
    "de Wlz vanaf 2021 (Wet langdurige zorg art. 3.2.1, versie van de peildatum)",
)
LATER_WLZ_REDEN = len(PER_CLIENT_REDENEN) - 1


def gebruikelijke_zorg(
    vlag: B, kortdurend: B, terminaal: B, overbelasting: B, weigert_intiem: B, leeftijd: Ints, wijz: Wijzigingen = ()
) -> tuple[B, B]:
    """Per zorgmoment: is the first caregiver's PV resp. VP time gebruikelijke zorg (bijlage 3 §2.2-2.4), as
    trechtermodel.gebruikelijke_zorg_geldt. ``vlag``: the assessor marked the moment; ``kortdurend``: a kortdurende
    zorgsituatie with a gebruikelijke zorger present; the other arrays are the row's, gathered per moment."""
    p = _tabel("indicatie_awbz_2014.yaml", wijz)["gebruikelijke_zorg"]
    volwassen = leeftijd >= 18
    intiem = ~volwassen & (leeftijd >= int(p["intieme_zorg_weigeren_vanaf_jaar"]["waarde"])) & weigert_intiem
    basis = (vlag | kortdurend) & ~terminaal & ~overbelasting & ~intiem
    pv: B = basis & (kortdurend | ~volwassen)  # PV of an adult only in a kortdurende zorgsituatie (§2.2 lid 1)
    vp: B = basis & ~volwassen  # VP of an adult is never gebruikelijke zorg (§2.3 lid 1)
    return pv, vp


def zorgmoment_minuten(
    rij: Ints,
    per_week: F,
    twee: B,
    som: F,
    aantal: Ints,
    n: int,
    wijz: Wijzigingen = (),
    gebruikelijk: tuple[B, B] | None = None,
) -> tuple[F, F]:
    """PV and VP minutes per week per assessment (Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 en 5 §4.4).

    Per zorgmoment (``som``, ``aantal``: its AWBZ handelingen' minutes and count, M x {PV, VP}; Zvw handelingen,
    bijlage 5 §3.1, are left out by the caller): one handeling counts its own time; with two or more (PV and VP
    together) 3,5 minuut comes off each and 3,5 minuut is added once for the moment, with PV when the moment holds
    PV, otherwise with VP (as trechtermodel.verdeel_zorgmoment); the first caregiver's time counts unless it is
    gebruikelijke zorg (``gebruikelijk``: per moment for PV and VP, see gebruikelijke_zorg), a second caregiver's
    fully, times the frequency per week.
    """
    zp = _tabel("indicatie_awbz_2014.yaml", wijz)["zorgmoment"]
    aftrek = float(zp["samenvallend_aftrek_per_handeling_minuten"]["waarde"])
    erbij = float(zp["samenvallend_optelling_per_zorgmoment_minuten"]["waarde"])
    samen = aantal.sum(axis=1) > 1
    heeft_pv = aantal[:, 0] > 0
    tweede = twee.astype(np.float64)
    uit = []
    for k in (0, 1):
        ontvanger = heeft_pv if k == 0 else ~heeft_pv
        tijd = np.where(samen, som[:, k] - aftrek * aantal[:, k] + erbij * ontvanger, som[:, k])
        eerste = 1.0 if gebruikelijk is None else (~gebruikelijk[k]).astype(np.float64)
        per_moment = np.where(aantal[:, k] > 0, tijd, 0.0) * (eerste + tweede) * per_week
        totaal = np.bincount(rij, weights=per_moment, minlength=n)
        heeft = np.bincount(rij[aantal[:, k] > 0], minlength=n) > 0
        uit.append(np.where(heeft, totaal, np.nan))
    return uit[0], uit[1]


def stelsel_awbz(peildatum: Ints) -> B:
    """Rows whose peildatum falls in an AWBZ indication ruleset (functies en klassen at home)."""
    uit = np.zeros(len(peildatum), dtype=np.bool_)
    for r in regelsets("indicatie"):
        tot = r.geldig_tot.toordinal() if r.geldig_tot else 10**9
        if r.stelsel == "AWBZ":
            uit |= (peildatum >= r.geldig_van.toordinal()) & (peildatum <= tot)
    return uit


def klasse_vector(functie: str, minuten: F, wijz: Wijzigingen = ()) -> tuple[Ints, F]:
    """Klasse per the law's bands (bijlage 4/5 §4.1) and the hours above the top band."""
    bl = banden(_tabel("indicatie_awbz_2014.yaml", wijz)["klassen"][functie]["banden"]["waarde"])
    grenzen = np.array([float(b.uren_van) for b in bl])
    klassen = np.array([b.klasse for b in bl], dtype=np.int64)
    uren = minuten / 60.0
    i = np.clip(np.searchsorted(grenzen, uren, side="right") - 1, 0, len(bl) - 1)
    boven = float(bl[-1].uren_tot_en_met) + 0.1
    extra = np.where((i == len(bl) - 1) & (uren >= boven), uren - boven, 0.0)
    return klassen[i], extra


@dataclass
class ProfielTabel:
    zzp: list[Zzp]
    niveaus: F  # P x D (NaN = unknown)
    doelen: Ints  # bitmask over DOELEN (0 = none)
    grondslagen: npt.NDArray[np.bool_]  # P x 7
    voorwaarden: Ints  # bitmask
    uitgesloten: Ints  # bitmask
    sector_vis: B
    sector_aud: B
    code_rang: Ints


def meerzorg_wlz_vector(b: Beoordelingen, pt: ProfielTabel, zi: Ints) -> tuple[B, B]:
    """Rlz art. 2.2 lid 1 onder a per row (the zorgprofiel of the row's ZZP in the list of the version of its
    peildatum) and whether the client was born after the peildag of onder b; as ``regels.profielen.meerzorg``."""
    onder_a = np.zeros(len(b.peildatum), dtype=np.bool_)
    geboren_na = np.zeros(len(b.peildatum), dtype=np.bool_)
    data = meerzorg_versiedata()
    for i, van in enumerate(data):
        rij = b.peildatum < data[i + 1].toordinal() if i + 1 < len(data) else np.ones(len(b.peildatum), np.bool_)
        if i > 0:
            rij &= b.peildatum >= van.toordinal()
        p = meerzorg_parameters(van)
        lijst = set(p["zorgprofielen_onderdeel_a"]["waarde"])
        onder_a[rij] = np.array([z.zorgprofiel_wlz in lijst for z in pt.zzp])[zi][rij]
        peildag = date.fromisoformat(str(p["zzp_onderdeel_b"]["waarde"]["peildag"])).toordinal()
        geboren_na[rij] = b.geboortedatum[rij] > peildag
    return onder_a, geboren_na


@cache
def profieltabel(wijz: Wijzigingen = ()) -> ProfielTabel:
    p = _tabel("profielkeuze.yaml", wijz)
    lijst = catalogus()
    domeinen = list(p["domeinen"]["waarde"])

    def masker(items: tuple[str, ...], volgorde: list[str]) -> int:
        return sum(1 << volgorde.index(x) for x in items if x in volgorde)

    rang = {c: i for i, c in enumerate(sorted(z.code for z in lijst))}
    return ProfielTabel(
        zzp=lijst,
        niveaus=np.array(
            [
                [
                    z.domeinen[d].niveau if z.domeinen.get(d) and z.domeinen[d].niveau is not None else np.nan
                    for d in domeinen
                ]
                for z in lijst
            ],
            dtype=np.float64,
        ),
        doelen=np.array([masker(z.begeleidingsdoelen, DOELEN) for z in lijst], dtype=np.int64),
        grondslagen=np.array([[g in z.dominante_grondslagen for g in GRONDSLAGEN] for z in lijst], dtype=np.bool_),
        voorwaarden=np.array([masker(z.voorwaarden, BIJZONDERHEDEN) for z in lijst], dtype=np.int64),
        uitgesloten=np.array([masker(z.uitgesloten_bij, BIJZONDERHEDEN) for z in lijst], dtype=np.int64),
        sector_vis=np.array([z.sector == "ZGvis" for z in lijst]),
        sector_aud=np.array([z.sector == "ZGaud" for z in lijst]),
        code_rang=np.array([rang[z.code] for z in lijst], dtype=np.int64),
    )


def client_niveaus(b: Beoordelingen, wijz: Wijzigingen = (), rijen: Ints | None = None) -> F:
    """N x D levels, as regels/profielen/keuze.client_niveaus (mean rounded to 2, highest, or given value); with
    ``rijen`` only for those rows (len(rijen) x D).

    Works on the int8 score matrices, only on the questions some row answered."""
    p = _tabel("profielkeuze.yaml", wijz)
    svragen, bvragen = vragen()
    stoornis, beperking, aandacht = b.stoornis, b.beperking, b.verpleegkundige_aandacht
    if rijen is not None:
        stoornis, beperking, aandacht = stoornis[rijen], beperking[rijen], aandacht[rijen]
    uit = np.full((len(aandacht), len(p["domeinen"]["waarde"])), np.nan)
    bronnen = {"stoornis": (svragen, stoornis), "beperking": (bvragen, beperking)}
    gegeven = {soort: m.max(axis=0, initial=-1) >= 0 for soort, (_, m) in bronnen.items()}
    for j, d in enumerate(p["domeinen"]["waarde"].values()):
        delen: list[npt.NDArray[np.int8]] = []
        for bron in d["bronnen"]:
            if bron["soort"] == "invoer":
                v = aandacht.astype(np.float64)
                uit[:, j] = np.where(v >= 0, v, np.nan)
                continue
            lijst, matrix = bronnen[bron["soort"]]
            idx = [i for i, q in enumerate(lijst) if q.startswith(bron["prefix"]) and gegeven[bron["soort"]][i]]
            if idx:
                delen.append(matrix[:, idx])
        if not delen:
            continue
        m = np.concatenate(delen, axis=1) if len(delen) > 1 else delen[0]
        geldig = (m >= 0) & (m != 9)
        aantal = geldig.sum(axis=1)
        if d["samenvatting"] == "hoogste":
            hoogste = np.where(geldig, m, -1).max(axis=1)
            uit[:, j] = np.where(aantal > 0, hoogste, np.nan)
        else:
            som = np.where(geldig, m, 0).sum(axis=1, dtype=np.int64)
            with np.errstate(invalid="ignore", divide="ignore"):
                uit[:, j] = np.where(aantal > 0, np.round(som / np.maximum(aantal, 1), 2), np.nan)
    return uit


@dataclass
class Keuze:
    index: Ints  # profile index, -1 = no option
    afstand: F  # NaN = unknown profile
    oordeel: B  # professioneel oordeel nodig
    berekend: B  # rows the choice was made for

    def aangevuld(self, ander: Keuze) -> Keuze:
        """This choice with ``ander``'s rows added."""
        m = ander.berekend
        return Keuze(
            np.where(m, ander.index, self.index),
            np.where(m, ander.afstand, self.afstand),
            np.where(m, ander.oordeel, self.oordeel),
            self.berekend | m,
        )


def kies_profielen(
    b: Beoordelingen, wlz: B, nodig: B | None = None, blok: int = 100_000, wijz: Wijzigingen = ()
) -> Keuze:
    """The best-fitting profile per assessment (see regels/profielen/keuze.py), for the rows in ``nodig`` (all
    when None; the others keep index -1 and ``berekend`` False).

    Rows are grouped by (dominant grondslag, stelsel) and compared only with the profiles that grondslag opens,
    in blocks to bound memory; the blocks run on two threads (NumPy releases the GIL in its array operations).
    """
    pt = profieltabel(wijz)
    n = len(b.peildatum)
    nodig = np.ones(n, dtype=np.bool_) if nodig is None else nodig
    index = np.full(n, -1, dtype=np.int64)
    afstand = np.full(n, np.nan)
    oordeel = np.zeros(n, dtype=np.bool_)
    # levels only for the rows that need a profile; `plek` finds a row's line among them
    alle = np.flatnonzero(nodig)
    niveaus = client_niveaus(b, wijz, alle)
    plek = np.zeros(n, dtype=np.int64)
    plek[alle] = np.arange(alle.size)
    uitwisselbaar = _tabel("indicatie_wlz_2015.yaml", wijz)["toegang"]["uitwisselbaar"]["waarde"]
    taken = []
    for dom in np.unique(b.dominant[nodig]):
        for is_wlz in (False, True):
            rijen = np.flatnonzero(nodig & (b.dominant == dom) & (wlz == is_wlz))
            if not rijen.size:
                continue
            gr = {GRONDSLAGEN[int(dom)]}
            if is_wlz and GRONDSLAGEN[int(dom)] in uitwisselbaar:
                gr |= set(uitwisselbaar)
            kol = np.flatnonzero([bool(gr & set(z.dominante_grondslagen)) for z in pt.zzp])
            taken += [(rijen[s : s + blok], kol, is_wlz) for s in range(0, rijen.size, blok)]

    def doe(taak: tuple[Ints, Ints, bool]) -> tuple[Ints, tuple[Ints, F, B]]:
        r, kol, is_wlz = taak
        return r, _kies_blok(b, niveaus[plek[r]], r, kol, is_wlz, wijz)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for r, (i, af, oo) in pool.map(doe, taken):
            index[r], afstand[r], oordeel[r] = i, af, oo
    return Keuze(index, afstand, oordeel, nodig)


def _kies_blok(
    b: Beoordelingen, niveaus: F, r: Ints, kol: Ints, wlz: bool, wijz: Wijzigingen = ()
) -> tuple[Ints, F, B]:
    """The best profile among ``kol`` for the rows ``r`` (``niveaus``: their levels, len(r) x D)."""
    pt = profieltabel(wijz)
    p = _tabel("profielkeuze.yaml", wijz)
    marge = float(p["bijna_gelijk_marge"]["waarde"])
    boete = float(p["begeleidingsdoel_afwijking"]["waarde"])
    m = r.size
    if kol.size == 0:
        return np.full(m, -1, dtype=np.int64), np.full(m, np.nan), np.zeros(m, dtype=np.bool_)
    # what depends on a row only through its peildatum or its bijzonderheden: one table row per distinct value
    pd = b.peildatum[r]
    eerste = int(pd.min())
    dagen, dag_van = np.arange(eerste, int(pd.max()) + 1), pd - eerste
    geldig_op = np.ones((dagen.size, kol.size), dtype=np.bool_)
    for j, zi in enumerate(kol):
        z = pt.zzp[int(zi)]
        van, tot = (z.wlz_van, z.wlz_tot) if wlz else (z.indiceerbaar_van, z.indiceerbaar_tot)
        if van is None:
            geldig_op[:, j] = False
            continue
        geldig_op[:, j] = (dagen >= van.toordinal()) & (dagen <= (tot.toordinal() if tot else 10**9))
    bzs, bz_van = np.arange(1 << len(BIJZONDERHEDEN)), b.bijzonderheden[r]
    vis = (bzs >> BIJZONDERHEDEN.index("zintuiglijk_visueel")) & 1
    aud = (bzs >> BIJZONDERHEDEN.index("zintuiglijk_auditief")) & 1
    voorwaarden = pt.voorwaarden[kol][None, :]
    past = ~(pt.sector_vis[kol][None, :] & ((aud == 1) & (vis == 0))[:, None])
    past &= ~(pt.sector_aud[kol][None, :] & ((vis == 1) & (aud == 0))[:, None])
    past &= (bzs[:, None] & pt.uitgesloten[kol][None, :]) == 0
    past &= (bzs[:, None] & voorwaarden) == voorwaarden
    vervuld_tabel = np.zeros(past.shape, dtype=np.int64)
    for bit in range(len(BIJZONDERHEDEN)):
        vervuld_tabel += ((voorwaarden >> bit) & 1) * ((bzs[:, None] >> bit) & 1)
    kan = geldig_op[dag_van] & past[bz_van]
    vervuld = vervuld_tabel[bz_van]
    # distance per domain: |client - profile| in hundredths (levels have two decimals), looked up as the rounded
    # float the per-client path uses (keuze.rond); an unknown level on either side adds nothing and counts not
    c = niveaus
    pn = pt.niveaus[kol]
    c100 = np.where(np.isnan(c), 10_000, np.round(np.nan_to_num(c) * 100)).astype(np.int32)
    p100 = np.where(np.isnan(pn), -10_000, np.round(np.nan_to_num(pn) * 100)).astype(np.int32)
    grens = 2 * 300  # |difference| of two known levels (0-3) in hundredths
    verschil = np.zeros(4 * 10_000 + 1)
    verschil[: grens + 1] = np.round(np.arange(grens + 1) / 100, 2)
    telt = np.zeros(4 * 10_000 + 1, dtype=np.int8)
    telt[: grens + 1] = 1
    acc = np.zeros(kan.shape)
    aantal = np.zeros(kan.shape, dtype=np.int64)
    for d in range(c.shape[1]):
        # one line per client level in the block's span (and one for unknown), gathered per row
        bekend = c100[:, d] != 10_000
        laag = int(c100[bekend, d].min()) if bekend.any() else 0
        hoog = int(c100[bekend, d].max()) if bekend.any() else 0
        if hoog - laag <= 4096:
            waarden = np.append(np.arange(laag, hoog + 1, dtype=np.int32), np.int32(10_000))
            i = np.minimum(np.abs(waarden[:, None] - p100[None, :, d]), 4 * 10_000)
            lijn = np.where(bekend, c100[:, d] - laag, waarden.size - 1)
            acc = acc + verschil[i][lijn]
            aantal += telt[i][lijn]
            continue
        i = np.abs(c100[:, d][:, None] - p100[None, :, d])
        i = np.minimum(i, 4 * 10_000)
        acc = acc + verschil[i]
        aantal += telt[i]
    doel = b.begeleidingsdoel[r]
    doelen = pt.doelen[kol]
    afwijkend = (
        (doel[:, None] >= 0) & (doelen[None, :] != 0) & (((doelen[None, :] >> np.maximum(doel, 0)[:, None]) & 1) == 0)
    )
    acc = acc + np.where(afwijkend, boete, 0.0)
    aantal += afwijkend
    with np.errstate(invalid="ignore", divide="ignore"):
        af = np.where(aantal > 0, np.round(acc / np.maximum(aantal, 1), 3), np.nan)
    onbekend = np.isnan(af)
    sleutel = (
        ((8 - vervuld) * 2 + onbekend) * 10_000 + np.where(onbekend, 0, np.round(np.nan_to_num(af) * 1000))
    ) * 100 + pt.code_rang[kol][None, :]
    sleutel = np.where(kan, sleutel.astype(np.int64), np.iinfo(np.int64).max)
    beste = np.argmin(sleutel, axis=1)
    rij = np.arange(m)
    heeft = kan[rij, beste]
    beste_af = af[rij, beste]
    beste_vv = vervuld[rij, beste]
    ander = kan.copy()
    ander[rij, beste] = False
    with np.errstate(invalid="ignore"):
        bijna = (
            ander
            & (vervuld == beste_vv[:, None])
            & ~onbekend
            & ~np.isnan(beste_af)[:, None]
            & (af - beste_af[:, None] <= marge)
        )
    onbekende_ander = (ander & onbekend).any(axis=1)
    index = np.where(heeft, kol[beste], -1)
    return index, np.where(heeft, beste_af, np.nan), heeft & (np.isnan(beste_af) | bijna.any(axis=1) | onbekende_ander)


def _plus_maanden_dagnummer(d: Ints, maanden: int) -> Ints:
    """tot_en_met_na_maanden per day number: computed once per day of the range (or per distinct day)."""
    if not d.size:
        return d
    eerste, laatste = int(d.min()), int(d.max())
    if laatste - eerste < 4 * d.size:
        dagen, terug = np.arange(eerste, laatste + 1), d - eerste
    else:
        dagen, terug = np.unique(d, return_inverse=True)
    eind = np.array(
        [tot_en_met_na_maanden(date.fromordinal(int(x)), maanden).toordinal() for x in dagen], dtype=np.int64
    )
    return eind[terug]


@cache
def toegang_awbz(wijz: Wijzigingen = ()) -> npt.NDArray[np.bool_]:
    """7 x {PV, VP, VB, KVB} access per grondslag (bijlage 2 §2.1)."""
    t = _tabel("indicatie_awbz_2014.yaml", wijz)["toegang"]["functies_per_grondslag"]["waarde"]
    return np.array([[f in t.get(g, []) for f in ("PV", "VP", "VB", "KVB")] for g in GRONDSLAGEN], dtype=np.bool_)


@cache
def toegang_per_combinatie(wijz: Wijzigingen = ()) -> npt.NDArray[np.bool_]:
    """128 x {PV, VP, VB, KVB}: access for each combination of grondslagen (bit i = GRONDSLAGEN[i]): a function is
    open when one of the row's grondslagen opens it (bijlage 2 §2.1)."""
    combinaties = ((np.arange(1 << len(GRONDSLAGEN))[:, None] >> np.arange(len(GRONDSLAGEN))) & 1).astype(np.bool_)
    return np.asarray((combinaties[:, :, None] & toegang_awbz(wijz)[None, :, :]).any(axis=1), dtype=np.bool_)


def indiceer_vector(b: Beoordelingen, wijz: Wijzigingen = (), keuze: Keuze | None = None) -> dict[str, Any]:
    """Indication for N assessments; arrays per output field. Rows without a ruleset get `fout`.

    ``keuze``: the profile choice of an earlier run over the same rows, reused when a variant (``wijz``) leaves
    the profile choice alone (batch/wat_als.py); the result carries its own under "keuze"."""
    n = len(b.peildatum)
    sets = regelsets("indicatie")
    set_index = np.full(n, -1, dtype=np.int64)
    wlz = np.zeros(n, dtype=np.bool_)
    awbz = np.zeros(n, dtype=np.bool_)
    for i, r in enumerate(sets):
        set_van = r.geldig_van.toordinal()
        set_tot = r.geldig_tot.toordinal() if r.geldig_tot else 10**9
        m = (b.peildatum >= set_van) & (b.peildatum <= set_tot)
        set_index[m] = i
        (wlz if r.stelsel == "Wlz" else awbz)[m] = True
    toegang = toegang_per_combinatie(wijz)[np.packbits(b.grondslag, axis=1, bitorder="little")[:, 0]]  # N x 4

    # AWBZ: verblijf; a beschermende woonomgeving under 17 is gebruikelijke zorg (bijlage 8 §2.2), as
    # trechtermodel.beschermende_woonomgeving_telt
    vpar = _tabel("indicatie_awbz_2014.yaml", wijz)["verblijf"]
    drempel = int(vpar["min_etmalen_exclusief"]["waarde"])
    bwj = vpar["beschermende_woonomgeving_jongeren"]["waarde"]
    jaren = leeftijden(b.geboortedatum, b.peildatum)
    bwo = b.leefklimaat[:, 0] & (jaren >= int(bwj["gebruikelijke_zorg_tot_jaar"]))
    jongere_bwo = awbz & bwo & (jaren < int(bwj["tot_verjaardag"])) & (b.etmalen > drempel)
    leerbaar_onbekend = jongere_bwo & (b.zelfstandig_wonen_leerbaar < 0)
    klimaat = bwo | b.leefklimaat[:, 1] | b.leefklimaat[:, 2]
    verblijf_awbz = awbz & klimaat & toegang[:, 2] & (b.etmalen > drempel)
    # AWBZ: PV and VP without stay, netto: voorliggend off (stap 2), mantelzorg only on the client's wish (stap 3,
    # bijlage 1 §3.2-3.3); a function without handelingen stays without minutes
    aftrek = b.aftrek + np.where(b.mantelzorg_wens[:, None], b.mantelzorg, 0.0)
    pv_netto = np.where(np.isnan(b.pv_minuten), np.nan, np.maximum(0.0, b.pv_minuten - aftrek[:, 0]))
    vp_netto = np.where(np.isnan(b.vp_minuten), np.nan, np.maximum(0.0, b.vp_minuten - aftrek[:, 1]))
    _, bvragen = vragen()
    pz = np.stack([b.beperking[:, i] for i, q in enumerate(bvragen) if q.startswith("03")], axis=1)
    pz_geldig = (pz >= 0) & (pz != 9)
    pz_max = np.where(pz_geldig, pz, -1).max(axis=1)
    pv_ok = awbz & ~verblijf_awbz & toegang[:, 0] & (pz_max != 0) & (np.nan_to_num(pv_netto) > 0)
    vp_ok = awbz & ~verblijf_awbz & toegang[:, 1] & b.vp_medische_noodzaak & (np.nan_to_num(vp_netto) > 0)
    pv_klasse, pv_extra = klasse_vector("PV", np.nan_to_num(pv_netto), wijz)
    vp_klasse, vp_extra = klasse_vector("VP", np.nan_to_num(vp_netto), wijz)
    # AWBZ: kortdurend verblijf, 1 to 3 etmalen with permanent toezicht and ontlasting nodig (Bza art. 9a; bijlage 9),
    # as trechtermodel.kortdurend_verblijf
    kvb_max = int(vpar["kortdurend_max_etmalen"]["waarde"])
    kvb_ok = (
        awbz
        & ~verblijf_awbz
        & (b.etmalen >= 1)
        & (b.etmalen <= kvb_max)
        & b.leefklimaat[:, 2]
        & b.ontlasting_mantelzorger
        & toegang[:, 3]
    )

    # Wlz: access (art. 3.2.1-3.2.2)
    wp = _tabel("indicatie_wlz_2015.yaml", wijz)["toegang"]
    wlz_gr = np.array([g in wp["grondslagen"]["waarde"] for g in GRONDSLAGEN])
    bit = {x: 1 << i for i, x in enumerate(BIJZONDERHEDEN)}
    ggz_b = ((b.bijzonderheden & bit["voortgezet_verblijf_ggz"]) > 0) & b.grondslag[:, GRONDSLAGEN.index("03")]
    leeftijd18 = jaren >= 18
    lvg = ((b.bijzonderheden & bit["lvg_behandeling"]) > 0) & b.grondslag[:, GRONDSLAGEN.index("05")] & leeftijd18
    heeft_wlz_gr = (b.grondslag & wlz_gr[None, :]).any(axis=1)
    zorg = b.leefklimaat[:, 2] | b.zorg_24_uur
    # Blijvend is established, never assumed (Wlz art. 3.2.1 lid 1): unknown where the step is reached -> error.
    blijvend_nodig = wlz & ~ggz_b & heeft_wlz_gr & zorg & ~lvg
    blijvend_onbekend = blijvend_nodig & (b.blijvend < 0)
    wlz_toegang = wlz & ~blijvend_onbekend & (ggz_b | (heeft_wlz_gr & (lvg | (zorg & (b.blijvend == 1)))))
    # Only the first Wlz version is vectorised; later versions (psychische stoornis, lid 6, Blz 2021+) per client.
    later_wlz = wlz & (set_index >= 0) & np.isin(set_index, [i for i, r in enumerate(sets) if r.naam in LATER_WLZ])
    verblijf = verblijf_awbz | wlz_toegang

    if keuze is None:
        keuze = kies_profielen(b, wlz, verblijf, wijz=wijz)
    elif (ontbreekt := verblijf & ~keuze.berekend).any():  # a variant gave more rows a verblijf
        keuze = keuze.aangevuld(kies_profielen(b, wlz, ontbreekt, wijz=wijz))
    pt = profieltabel(wijz)
    zzp_idx = np.where(verblijf, keuze.index, -1)
    geen_optie = verblijf & (zzp_idx < 0)
    heeft_zzp = zzp_idx >= 0
    zi = np.maximum(zzp_idx, 0)
    meerzorg_awbz = np.array([z.meerzorg_awbz for z in pt.zzp])[zi]
    onder_a, geboren_na_peildag = meerzorg_wlz_vector(b, pt, zi)
    meerzorg = heeft_zzp & (np.where(wlz, onder_a, meerzorg_awbz) | b.bijzondere_zorg)
    # Rlz art. 2.2 lid 1 onder b needs the earlier indicatiebesluiten (rows with them take the per-client path):
    # without them onder b is unknown, unless the client was born after the peildag; no ground -> onbekend
    meerzorg_bekend = ~(wlz & heeft_zzp & ~meerzorg & ~geboren_na_peildag)

    # validity
    van = b.peildatum
    terminaal = b.terminaal
    functies = pv_ok | vp_ok | kvb_ok
    eind = _plus_maanden_dagnummer(
        van, 12 * int(_tabel("indicatie_awbz_2014.yaml", wijz)["geldigheid"]["max_jaren"]["waarde"])
    )
    awbz_max = np.array([z.geldigheid_max_maanden or 0 for z in pt.zzp], dtype=np.int64)[zi]
    wlz_max = np.array([z.geldigheid_max_maanden_wlz or 0 for z in pt.zzp], dtype=np.int64)[zi]
    zzp_max = np.where(wlz, wlz_max, awbz_max)
    for maanden in np.unique(zzp_max[heeft_zzp & (zzp_max > 0)]):
        m = heeft_zzp & (zzp_max == maanden)
        kort = _plus_maanden_dagnummer(van[m], int(maanden))
        eind[m] = np.minimum(eind[m], kort)
    # a verblijf only on a beschermende woonomgeving for a young person who can learn to live independently ends
    # before the 23rd birthday (bijlage 8 §2.2), as trechtermodel.einde_beschermende_woonomgeving_jongere
    alleen_bwo = jongere_bwo & ~b.leefklimaat[:, 1] & ~b.leefklimaat[:, 2] & (b.zelfstandig_wonen_leerbaar == 1)
    m = awbz & verblijf & alleen_bwo
    if m.any():
        verjaardag = np.array(
            [
                plus_maanden(date.fromordinal(int(g)), 12 * int(bwj["tot_verjaardag"])).toordinal() - 1
                for g in b.geboortedatum[m]
            ],
            dtype=np.int64,
        )
        eind[m] = np.minimum(eind[m], verjaardag)
    func_eind = eind.copy()
    overgang_onbekend = np.zeros(n, dtype=np.bool_)
    for o in _tabel("indicatie_awbz_2014.yaml", wijz)["geldigheid"]["overgang_2014"]["waarde"]:
        m = (
            awbz
            & functies
            & (van >= date.fromisoformat(o["besluit_van"]).toordinal())
            & (van <= date.fromisoformat(o["besluit_tot"]).toordinal())
        )
        m &= ~verblijf & ~terminaal  # terminaal: geldig tot overlijden (lid 2, lid 5 onder b)
        overgang_onbekend |= m & (b.overgang_2014_uitzondering < 0)
        m &= b.overgang_2014_uitzondering == 0
        if m.any():
            func_eind[m] = np.minimum(func_eind[m], _plus_maanden_dagnummer(van[m], int(o["maanden"])))
    geldig_tot = np.where(awbz & functies & ~verblijf, func_eind, eind).astype(np.int64)
    tot_overlijden = awbz & terminaal & ~verblijf & functies
    onbepaald = wlz & verblijf & ~(zzp_max > 0)
    geldig_tot = np.where(tot_overlijden | onbepaald, -1, geldig_tot)
    wlz_afgewezen = wlz & ~verblijf
    geldig_tot = np.where(wlz_afgewezen, -1, geldig_tot)
    etmalen = np.where(
        verblijf_awbz, np.where((b.etmalen < 7) & b.heeft_zorgmomenten, 7, b.etmalen), np.where(wlz_toegang, 7, 0)
    )
    return {
        "wlz": wlz,
        "toegekend": verblijf | functies,
        "verblijf": verblijf,
        "etmalen": etmalen,
        "zzp_index": zzp_idx,
        "afstand": np.where(heeft_zzp, keuze.afstand, np.nan),
        "oordeel": np.where(heeft_zzp, keuze.oordeel, False),
        "meerzorg": meerzorg,
        "meerzorg_bekend": meerzorg_bekend,
        "pv_minuten": np.where(pv_ok, pv_netto, np.nan),
        "pv_klasse": np.where(pv_ok, pv_klasse, -1),
        "pv_extra": np.where(pv_ok, pv_extra, 0.0),
        "vp_minuten": np.where(vp_ok, vp_netto, np.nan),
        "vp_klasse": np.where(vp_ok, vp_klasse, -1),
        "vp_extra": np.where(vp_ok, vp_extra, 0.0),
        "kvb_etmalen": np.where(kvb_ok, b.etmalen, -1),
        "geldig_tot": geldig_tot,
        "tot_overlijden": tot_overlijden,
        "fout": np.select(  # index into VECTOR_FOUTEN
            [set_index < 0, blijvend_onbekend, leerbaar_onbekend, geen_optie, overgang_onbekend],
            [1, 3, 5, 2, 4],
            default=0,
        ),
        "per_client": per_client_reden(b.per_client_nodig, later_wlz),
        "regelset": set_index,
        "keuze": keuze,
    }


VECTOR_FOUTEN = (
    "",
    "geen regelset voor deze peildatum",
    "geen zorgzwaartepakket indiceerbaar voor de dominante grondslag",
    "blijvend: geef aan of de zorgbehoefte blijvend is (van niet voorbijgaande aard, Wet langdurige zorg art. "
    "3.2.1); de prognose zegt dat niet",
    "overgang_2014_uitzondering: geef aan of het besluit gericht is op intensieve kindzorg, ADL-assistentie of "
    "nuluren, of 'geen' (Zorgindicatieregeling art. 1 lid 5)",
    "zelfstandig_wonen_leerbaar: geef voor een jongere van 17 tot 23 jaar met een beschermende woonomgeving aan of "
    "zelfstandig wonen te leren is (Beleidsregels indicatiestelling AWBZ 2014, bijlage 8 §2.2)",
)
# Wlz regelsets this module does not compute (their rules are in regels/indicatie/wlz.py only: per client).
LATER_WLZ = ("Wlz 2021", "Wlz 2024", "Wlz 2026")


def per_client_reden(nodig: Ints, later_wlz: B) -> Ints:
    """Index into PER_CLIENT_REDENEN per row: the first reason whose bit is set, the later Wlz last; 0 = none."""
    uit = np.where(later_wlz, LATER_WLZ_REDEN, 0).astype(np.int64)
    for i in range(LATER_WLZ_REDEN - 1, 0, -1):
        uit = np.where((nodig >> (i - 1)) & 1 == 1, i, uit)
    return uit


def jaar_maand_dag(dagen: Ints) -> tuple[Ints, Ints, Ints]:
    """Year, month, day of day numbers (date.toordinal), in integer arithmetic (the proleptic Gregorian calendar,
    H. Hinnant's civil_from_days), so a million dates cost a few array operations; when the days span fewer days
    than there are values, computed once per day of that span and looked up."""
    if dagen.size > 1024:
        eerste, laatste = int(dagen.min()), int(dagen.max())
        if laatste - eerste < dagen.size:
            j, m, d = _jaar_maand_dag(np.arange(eerste, laatste + 1, dtype=np.int64))
            i = dagen - eerste
            return j[i], m[i], d[i]
    return _jaar_maand_dag(dagen)


def _jaar_maand_dag(dagen: Ints) -> tuple[Ints, Ints, Ints]:
    z = dagen.astype(np.int64) - 1 + 306  # days since 0000-03-01
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    dag = doy - (153 * mp + 2) // 5 + 1
    maand = np.where(mp < 10, mp + 3, mp - 9)
    jaar = yoe + era * 400 + (maand <= 2)
    return jaar, maand, dag


def leeftijden(geboren: Ints, peil: Ints) -> Ints:
    """Age in whole years on the peildatum (day numbers from date.toordinal), as regels.datums.leeftijd."""
    gj, gm, gd = jaar_maand_dag(geboren)
    pj, pm, pd = jaar_maand_dag(peil)
    leeftijd: Ints = pj - gj - ((pm * 100 + pd) < (gm * 100 + gd))
    return leeftijd
