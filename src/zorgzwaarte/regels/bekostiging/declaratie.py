"""Declaratie van ZZP-dagen en bekostigde afwezigheid, per dag volgens de regels die op die dag gelden.

One vectorised implementation (NumPy) serves both the single declaration (`zorgzwaarte declareer`, one row per
client) and the population batch: every (client, day) of the period is classified as present, billable absence
or not billable, with a cause code per non-billable absence day so each line can explain itself.

Rules (parameters/declaratie.yaml): AWBZ 2014 (NZa declaratie AWBZ-zorg art. 5, in force from 1 January 2014,
art. 9; a period before has no rules), Wlz 2015 (art. 5.2-5.3: per ZZP range of the prestatie),
Wlz 2016 (art. 5.3: behandeling elders 91 dagen, vakantie/detentie 14 per keer na 14 dagen verblijf en 42 per
kalenderjaar, schoolvakantie, weekendverlof). Amounts in whole cents (int64), never floats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.datums import voluit
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.regelset import reeks, tabel_op

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]
ONBEKEND = -1
GEEN_EINDE = np.int64(10**9)


class Oorzaak(IntEnum):
    """Why an absence day is not billable (0 = billable); the number is the column in ``afw_oorzaken``."""

    MAXIMUM_PER_KEER = 1
    NOG_GEEN_14_DAGEN_VERBLIJF = 2
    JAARMAXIMUM = 3
    ZONDER_TOESTEMMING = 4
    WEEKEND_DOORDEWEEKS = 5
    NIET_BEKOSTIGD = 6
    SCHOOLVAKANTIE_MAXIMUM = 7
    AANWEZIGHEID_VOORWAARDE = 8


OORZAAK = {
    Oorzaak.MAXIMUM_PER_KEER: "maximum aantal dagen per keer bereikt",
    Oorzaak.NOG_GEEN_14_DAGEN_VERBLIJF: "nog geen 14 dagen verblijf voor de vakantie of detentie",
    Oorzaak.JAARMAXIMUM: "jaarmaximum van 42 dagen vakantie en detentie bereikt",
    Oorzaak.ZONDER_TOESTEMMING: "langer dan 91 dagen zonder toestemming van de Wlz-uitvoerder",
    Oorzaak.WEEKEND_DOORDEWEEKS: "weekendverlof: alleen zaterdag en zondag worden bekostigd",
    Oorzaak.NIET_BEKOSTIGD: "deze reden van afwezigheid wordt niet bekostigd",
    Oorzaak.SCHOOLVAKANTIE_MAXIMUM: "maximum schoolvakantie bereikt",
    Oorzaak.AANWEZIGHEID_VOORWAARDE: "voor deze prestatie is aanwezigheid een voorwaarde: afwezigheid wordt niet "
    "bekostigd",
}


def dagnummer(d: date) -> int:
    return d.toordinal()


@cache
def regimes() -> list[dict[str, Any]]:
    """The absence rules per period, oldest first: each with its naam, geldig_van, geldig_tot and bron."""
    return [
        {
            **p["waarde"],
            "geldig_van": p["geldig_van"],
            "geldig_tot": p["geldig_tot"],
            "bron": p["bron"],
            "verwijzingen": p["verwijzingen"],
        }
        for p in reeks("declaratie.yaml", "afwezigheid")
    ]


@cache
def parameters() -> dict[str, Any]:
    t = tabel_op("declaratie.yaml")
    return {
        "regelsets": regimes(),
        "redenen": t["redenen"]["waarde"],
        "schoolvakantie_maximum": {
            "waarde": t["schoolvakantie_maximum"]["waarde"],
            "toelichting": t["schoolvakantie_maximum"]["beschrijving"],
        },
        "dagtelling": {**t["dagtelling"]["waarde"], "methode": t["dagtelling"]["bron"]},
        "meerzorg": {"bron": t["meerzorg"]["dagen_per_week"]["bron"]},
        "inwerkingtreding": t["inwerkingtreding"],
    }


def controleer_periode(van: date, veld: str = "periode.van") -> None:
    """NZa Regeling declaratie AWBZ-zorg art. 9: the first declaration rules here apply from 1 January 2014; a
    period that begins earlier has no rules, which is a clear Dutch error naming the field (never a guess)."""
    p = parameters()["inwerkingtreding"]
    begin = date.fromisoformat(str(p["waarde"]))
    if van < begin:
        raise InvoerFout.een(
            veld,
            f"er zijn geen declaratieregels voor {voluit(van)}: de eerste regeling in dit systeem geldt vanaf "
            f"{voluit(begin)} ({p['bron']})",
        )


# Wlz 2015 (NZa declaratievoorschriften Wlz-zorg 2015 art. 5.2-5.3): per row the most days billable per absence
GEEN_MAXIMUM = np.int64(10**6)  # art. 5.3 a and c: no maximum per time
NIET_BEKOSTIGD = 0  # art. 5.2: presence is a condition


@dataclass(frozen=True)
class Wlz2015Regel:
    """What absence NZa Wlz 2015 art. 5.2-5.3 allows for one prestatie: days per time, school holidays, bron."""

    per_keer: int  # GEEN_MAXIMUM, NIET_BEKOSTIGD or the maximum days per time
    schoolvakantie: bool  # pupils: school holidays up to the legal holiday length instead of the maximum per time
    bron: str


def _regime(naam: str) -> dict[str, Any]:
    return next(r for r in regimes() if r["naam"] == naam)


@cache
def wlz_2015_regel(prestatie: str, behandeling: bool | None) -> Wlz2015Regel:
    """NZa Regeling declaratievoorschriften Wlz-zorg 2015 art. 5.3 lists ZZP ranges per onderdeel (a VV 1-10
    exclusief behandeling; b VV 3-10 inclusief; c VG 1-8, LG 1-7, ZGvis 1-5, ZGaud 1-4 exclusief; d VG 3-8, LG 3-7,
    ZGvis 3-5, ZGaud 1-4, LVG 1-5, SGLVG inclusief; e GGZ-B 1-7); every other prestatie falls under art. 5.2
    (presence is a condition). Unknown behandeling: the stricter reading (inclusief behandeling), which the trail
    says. 9a and 9b VV count as number 9. The prestatie must be the ZZP code (5VV, 3GGZB)."""
    r = _regime("Wlz 2015")
    art = {v["artikel"]: v["tekst"] for v in r["verwijzingen"]}
    zzp = zoek_zzp(prestatie)
    if zzp is not None:
        nummer = int("".join(c for c in zzp.code if c.isdigit()) or 0)
        if zzp.code.startswith(("9a", "9b")):
            nummer = 9
        met = behandeling is not False
        for o in r["per_zzp"]:
            if o["behandeling"] is not None and o["behandeling"] != met:
                continue
            reeks_ = o["reeksen"].get(zzp.sector)
            if reeks_ and reeks_[0] <= nummer <= reeks_[1]:
                per_keer = int(GEEN_MAXIMUM) if o["per_keer"] is None else int(o["per_keer"])
                return Wlz2015Regel(
                    per_keer, bool(o.get("schoolvakantie")), f"{art['art. 5.3']} onder {o['onderdeel']}"
                )
    return Wlz2015Regel(
        NIET_BEKOSTIGD,
        False,
        f"{art['art. 5.2']} (aanwezigheid is voorwaarde: prestatie {prestatie}"
        + (" inclusief behandeling" if zzp is not None and behandeling is not False else "")
        + " staat niet in art. 5.3)",
    )


def wlz_2015_per_rij(prestaties: list[str], behandeling: npt.NDArray[np.int8]) -> tuple[I64, B]:
    """Per row (prestatie code, behandeling 1/0/ONBEKEND): the days per absence Wlz 2015 bills and whether school
    holidays follow the legal holiday length (``wlz_2015_regel``, computed once per combination)."""
    codes = sorted(set(prestaties))
    plek = {c: i for i, c in enumerate(codes)}
    return wlz_2015_per_code(codes, np.array([plek[p] for p in prestaties], dtype=np.int64), behandeling)


def wlz_2015_per_code(codes: list[str], code: I64, behandeling: npt.NDArray[np.int8]) -> tuple[I64, B]:
    """As wlz_2015_per_rij, with each row's prestatie as an index into ``codes``: one rule per combination."""
    combinatie, terug = np.unique(code * 3 + (behandeling.astype(np.int64) - ONBEKEND), return_inverse=True)
    regels = [wlz_2015_regel(codes[int(c) // 3], None if c % 3 == 0 else bool(c % 3 - 1)) for c in combinatie]
    return (
        np.array([x.per_keer for x in regels], dtype=np.int64)[terug],
        np.array([x.schoolvakantie for x in regels], dtype=np.bool_)[terug],
    )


@cache
def reden_codes() -> dict[str, int]:
    return {r: i for i, r in enumerate(parameters()["redenen"])}


def regime_per_dag(t: I64) -> npt.NDArray[np.int8]:
    """Index of the rule set in force on each day (0 AWBZ 2014, 1 Wlz 2015, 2 Wlz 2016)."""
    uit = np.full(t.shape, -1, dtype=np.int8)
    for i, r in enumerate(parameters()["regelsets"]):
        van = dagnummer(date.fromisoformat(r["geldig_van"]))
        tot = dagnummer(date.fromisoformat(r["geldig_tot"])) if r.get("geldig_tot") else 10**9
        uit[(t >= van) & (t <= tot)] = i
    return uit


@dataclass
class Populatie:
    """One row per client-prestatie: the arrays the engine works on."""

    client: I64  # client key (integer); rows of the same client share it
    prestatie: I64  # index into the tariff list
    opname: I64  # day number, first day in care
    ontslag: I64  # day number of discharge (not in care), GEEN_EINDE when none
    behandeling: npt.NDArray[np.int8]  # 1 met, 0 zonder, ONBEKEND
    school_max: I64  # school holiday days per calendar year, ONBEKEND when not given
    wlz2015_per_keer: I64  # Wlz 2015 (art. 5.2-5.3) per row: most billable days per absence (wlz_2015_per_rij)
    wlz2015_school: B  # Wlz 2015 per row: school holidays up to the legal length instead of the maximum per time


@dataclass
class Afwezigheden:
    rij: I64  # index into Populatie
    van: I64
    tot: I64  # inclusive
    reden: npt.NDArray[np.int8]
    toestemming: B


@dataclass
class Classificatie:
    dagen: I64  # billable days per row
    aanwezig: I64  # in care and present
    zorgdagen: I64  # in care
    afwezig_bekostigd: I64
    afwezig_niet: I64
    # per absence (index into Afwezigheden): days in the period and in care, billable, and per cause
    afw_dagen: I64
    afw_bekostigd: I64
    afw_oorzaken: npt.NDArray[np.int64]  # shape (n_afwezigheden, len(Oorzaak) + 1)
    afw_regime: npt.NDArray[np.int8]  # rule set of the absence's first day in the period (-1 when none)
    dubbel_geblokkeerd: I64  # days dropped because another row already billed this client that day


def _explodeer(start: I64, eind: I64) -> tuple[I64, I64]:
    """(index, day) for every day of each inclusive interval [start, eind] (empty where eind < start)."""
    lengte = np.maximum(eind - start + 1, 0)
    idx = np.repeat(np.arange(len(start), dtype=np.int64), lengte)
    if idx.size == 0:
        return idx, idx
    begin = np.repeat(np.cumsum(lengte) - lengte, lengte)
    dag = np.repeat(start, lengte) + (np.arange(idx.size, dtype=np.int64) - begin)
    return idx, dag


@dataclass
class AfwezigeDagen:
    """Every absent (row, day) of the period as flat arrays; the rules below set ``oorzaak`` where a day is not billable."""

    pop: Populatie
    afw: Afwezigheden
    ai: I64  # index of the absence
    dag: I64  # day number
    rij: I64  # row in Populatie
    reden: I64  # reason code (reden_codes)
    offset: I64  # days since the absence began (0 = first day)
    behandeling: npt.NDArray[np.int8]
    weekdag: I64  # 0 = Monday .. 6 = Sunday
    codes: dict[str, int]
    oorzaak: I64
    p0: int
    p1: int

    def om(self, redenen: list[str]) -> B:
        return np.isin(self.reden, [self.codes[x] for x in redenen])


Regel = Callable[[AfwezigeDagen, dict[str, Any], B], None]


def met_behandeling_14_dagen_per_keer(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """NZa Regeling declaratie AWBZ-zorg art. 5 onder a-f: with behandeling (and when unknown) at most 14 days per
    time, not for a hospital stay; school holidays follow their own rule."""
    beperkt = (d.behandeling != 0) & ~d.om(r["onbeperkt_bij"]) & (d.reden != d.codes["schoolvakantie"])
    d.oorzaak[m & beperkt & (d.offset >= r["per_keer_met_behandeling"])] = Oorzaak.MAXIMUM_PER_KEER


def wlz_2015_per_zzp(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """NZa Regeling declaratievoorschriften Wlz-zorg 2015 art. 5.2-5.3: the ZZP range of the row's prestatie
    decides (``wlz_2015_regel``): no maximum, at most 14 days per time (not for a hospital stay; pupils' school
    holidays up to the legal length under d and e), or not billable at all (art. 5.2)."""
    per_keer = d.pop.wlz2015_per_keer[d.rij]
    school = d.pop.wlz2015_school[d.rij] & (d.reden == d.codes["schoolvakantie"])
    beperkt = ~d.om(r["onbeperkt_bij"]) & ~school
    d.oorzaak[m & beperkt & (d.offset >= per_keer)] = Oorzaak.MAXIMUM_PER_KEER
    d.oorzaak[m & (per_keer == NIET_BEKOSTIGD)] = Oorzaak.AANWEZIGHEID_VOORWAARDE


def behandeling_elders_91_dagen(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.3 onder a: behandeling elsewhere, after 91 days only with the Wlz-uitvoerder's consent."""
    lang = d.offset >= r["behandeling_elders_max_zonder_toestemming"]
    d.oorzaak[m & d.om(r["behandeling_elders"]) & lang & ~d.afw.toestemming[d.ai]] = Oorzaak.ZONDER_TOESTEMMING


def weekendverlof(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.3 onder d: weekend leave, only Saturday and Sunday."""
    d.oorzaak[m & d.om(r["weekend"]) & (d.weekdag < 5)] = Oorzaak.WEEKEND_DOORDEWEEKS


def niet_bekostigde_reden(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.1 and 5.2: only care actually delivered; other absence is not billable."""
    d.oorzaak[m & d.om(r["niet_bekostigd"])] = Oorzaak.NIET_BEKOSTIGD


def _voorverblijf(d: AfwezigeDagen) -> I64:
    """Days in care before each absence began."""
    return d.afw.van - d.pop.opname[d.afw.rij]


def vakantie_detentie_14_per_keer(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.3 onder b: vakantie or detentie at most 14 consecutive days per time."""
    d.oorzaak[m & d.om(r["vakantie_detentie"]) & (d.offset >= r["vakantie_per_keer"])] = Oorzaak.MAXIMUM_PER_KEER


def vakantie_detentie_na_14_dagen_verblijf(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.3 onder b: only after 14 days of stay."""
    vd = m & d.om(r["vakantie_detentie"]) & (d.oorzaak == 0)
    d.oorzaak[vd & (_voorverblijf(d)[d.ai] < r["vakantie_min_verblijf_dagen"])] = Oorzaak.NOG_GEEN_14_DAGEN_VERBLIJF


def vakantie_detentie_42_per_jaar(d: AfwezigeDagen, r: dict[str, Any], m: B) -> None:
    """Wlz 2016 art. 5.3 onder b: at most 42 days vakantie and detentie per calendar year. Candidates count from
    1 January of the year of the period's first day, so absences earlier in the same year count too."""
    pop, afw = d.pop, d.afw
    vakdet_codes = [d.codes[x] for x in r["vakantie_detentie"]]
    jaar_start = dagnummer(date(date.fromordinal(d.p0).year, 1, 1))
    kand = np.isin(afw.reden, vakdet_codes) & (_voorverblijf(d) >= r["vakantie_min_verblijf_dagen"])
    k_idx = np.flatnonzero(kand)
    if not k_idx.size:
        return
    k0 = np.maximum(afw.van[k_idx], jaar_start)
    k1 = np.minimum(np.minimum(afw.tot[k_idx], d.p1), afw.van[k_idx] + r["vakantie_per_keer"] - 1)
    ki, kdag = _explodeer(k0, k1)
    kafw = k_idx[ki]
    kr = afw.rij[kafw]
    naam_index = [x["naam"] for x in regimes()].index(r["naam"])
    geldig = (regime_per_dag(kdag) == naam_index) & (pop.opname[kr] <= kdag) & (kdag < pop.ontslag[kr])
    kafw, kdag, kr = kafw[geldig], kdag[geldig], kr[geldig]
    dagen, terug = np.unique(kdag, return_inverse=True)
    kjaar = np.array([date.fromordinal(int(x)).year for x in dagen], dtype=np.int64)[terug] if kdag.size else kdag
    volgorde = np.lexsort((kdag, kjaar, pop.client[kr]))
    sleutel = pop.client[kr][volgorde] * 10_000 + kjaar[volgorde]
    nieuw = np.r_[True, sleutel[1:] != sleutel[:-1]] if sleutel.size else np.zeros(0, dtype=np.bool_)
    teller = np.arange(sleutel.size) - np.maximum.accumulate(np.where(nieuw, np.arange(sleutel.size), 0)) + 1
    boven = np.zeros(sleutel.size, dtype=np.bool_)
    boven[volgorde] = teller > r["vakantie_jaarmaximum"]
    # map back to the exploded period days by the key (afwezigheid, dag)
    if np.any(boven):
        sel = np.isin(d.ai * (1 << 32) + d.dag, kafw[boven] * (1 << 32) + kdag[boven])
        vd = m & d.om(r["vakantie_detentie"])
        d.oorzaak[vd & (d.oorzaak == 0) & sel] = Oorzaak.JAARMAXIMUM


# The declaration rules of each regelset (parameters/declaratie.yaml, `afwezigheid`), in the order they apply.
REGELS_PER_REGELSET: dict[str, tuple[Regel, ...]] = {
    "AWBZ 2014": (met_behandeling_14_dagen_per_keer,),
    "Wlz 2015": (wlz_2015_per_zzp,),
    "Wlz 2016": (
        behandeling_elders_91_dagen,
        weekendverlof,
        niet_bekostigde_reden,
        vakantie_detentie_14_per_keer,
        vakantie_detentie_na_14_dagen_verblijf,
        vakantie_detentie_42_per_jaar,
    ),
}


def classificeer(pop: Populatie, afw: Afwezigheden, p0: int, p1: int) -> Classificatie:
    """Classify every (row, day) of the period [p0, p1] (day numbers, inclusive)."""
    par = parameters()
    rs = par["regelsets"]
    codes = reden_codes()
    n, nd = len(pop.client), p1 - p0 + 1
    t = np.arange(p0, p1 + 1, dtype=np.int64)
    in_zorg = (pop.opname[:, None] <= t[None, :]) & (t[None, :] < pop.ontslag[:, None])

    # --- absences inside the period: which days are absent, and which of those are billable -------------------
    a0 = np.maximum(afw.van, p0)
    a1 = np.minimum(afw.tot, p1)
    ai, dag = _explodeer(a0, a1)
    rij = afw.rij[ai]
    di = (dag - p0).astype(np.int64)
    afwezig = np.zeros((n, nd), dtype=np.bool_)
    afwezig[rij, di] = True
    oorzaak = np.zeros(ai.size, dtype=np.int64)  # 0 = billable, else an Oorzaak
    offset = dag - afw.van[ai]
    reden = afw.reden[ai].astype(np.int64)
    regime = regime_per_dag(dag)
    wd = (dag + 6) % 7  # date.toordinal() 1 = Monday -> 0; 5, 6 = Saturday, Sunday
    behandeling = pop.behandeling[rij]

    dagen = AfwezigeDagen(pop, afw, ai, dag, rij, reden, offset, behandeling, wd, codes, oorzaak, p0, p1)
    for i, r in enumerate(rs):  # the rules of each period, chosen by the name of its regelset
        for regel in REGELS_PER_REGELSET[r["naam"]]:
            regel(dagen, r, regime == i)

    # school holidays: at most schoolvakantie_max_dagen per calendar year when given (the legal length is not in the sources)
    school = reden == codes["schoolvakantie"]
    smax = pop.school_max[rij]
    if np.any(school & (smax >= 0)):
        s_idx = np.flatnonzero(school & (smax >= 0))
        volgorde = s_idx[np.lexsort((dag[s_idx], pop.client[rij[s_idx]]))]
        sleutel = pop.client[rij[volgorde]]
        nieuw = np.r_[True, sleutel[1:] != sleutel[:-1]]
        teller = np.arange(volgorde.size) - np.maximum.accumulate(np.where(nieuw, np.arange(volgorde.size), 0)) + 1
        oorzaak[volgorde[teller > smax[volgorde]]] = Oorzaak.SCHOOLVAKANTIE_MAXIMUM

    binnen_zorg = in_zorg[rij, di]
    bekostigd_afw = np.zeros((n, nd), dtype=np.bool_)
    bekostigd_afw[rij[binnen_zorg & (oorzaak == 0)], di[binnen_zorg & (oorzaak == 0)]] = True

    aanwezig = in_zorg & ~afwezig
    billable = aanwezig | (in_zorg & bekostigd_afw)

    # at most one ZZP per client per day: a later row of the same client loses the days an earlier row bills
    geblokkeerd = np.zeros(n, dtype=np.int64)
    uniek, aantal = np.unique(pop.client, return_counts=True)
    for c in uniek[aantal > 1]:
        rijen = np.flatnonzero(pop.client == c)
        rijen = rijen[np.argsort(pop.opname[rijen], kind="stable")]
        bezet = np.zeros(nd, dtype=np.bool_)
        for r in rijen:
            dubbel = billable[r] & bezet
            geblokkeerd[r] = int(dubbel.sum())
            billable[r] &= ~dubbel
            bezet |= billable[r]

    na = len(afw.rij)
    tel = binnen_zorg
    afw_dagen = np.bincount(ai[tel], minlength=na).astype(np.int64)
    afw_bek = np.bincount(ai[tel & (oorzaak == 0)], minlength=na).astype(np.int64)
    oorz = np.zeros((na, len(Oorzaak) + 1), dtype=np.int64)
    np.add.at(oorz, (ai[tel], oorzaak[tel]), 1)
    afw_regime = np.full(na, -1, dtype=np.int8)
    if ai.size:
        eerste = np.unique(ai, return_index=True)
        afw_regime[eerste[0]] = regime[eerste[1]]
    return Classificatie(
        dagen=billable.sum(axis=1).astype(np.int64),
        aanwezig=aanwezig.sum(axis=1).astype(np.int64),
        zorgdagen=in_zorg.sum(axis=1).astype(np.int64),
        afwezig_bekostigd=(in_zorg & afwezig & bekostigd_afw).sum(axis=1).astype(np.int64),
        afwezig_niet=(in_zorg & afwezig & ~bekostigd_afw).sum(axis=1).astype(np.int64),
        afw_dagen=afw_dagen,
        afw_bekostigd=afw_bek,
        afw_oorzaken=oorz,
        afw_regime=afw_regime,
        dubbel_geblokkeerd=geblokkeerd,
    )


# Wlz 2016: which article names each reason of absence (a key of the period's rules -> the key of its bron)
BRON_PER_REDEN_2016 = (
    ("behandeling_elders", "behandeling_elders_bron"),
    ("vakantie_detentie", "vakantie_bron"),
    ("schoolvakantie", "schoolvakantie_bron"),
    ("weekend", "weekend_bron"),
    ("niet_bekostigd", "niet_bekostigd_bron"),
)


def afwezigheid_stappen(
    regime: dict[str, Any],
    reden: str,
    periode: str,
    dagen: int,
    bekostigd: int,
    oorzaken: list[int],
    *,
    behandeling_bekend: bool,
    schoolvakantie_max_bekend: bool,
    prestatie: str | None = None,
    behandeling: bool | None = None,
) -> list[dict[str, str]]:
    """The explanation steps of one absence: days, billable days, why the others are not, and the article (under
    Wlz 2015 the onderdeel of art. 5.3 for the row's ``prestatie``, or art. 5.2)."""
    niet = [f"{n} dagen niet: {OORZAAK[Oorzaak(o)]}" for o, n in enumerate(oorzaken) if o and n]
    bron = regime["bron"]
    if regime["naam"] == "Wlz 2015" and prestatie is not None:
        bron = wlz_2015_regel(prestatie, behandeling).bron
    if regime["naam"] == "Wlz 2016":
        for lijstnaam, sleutel in BRON_PER_REDEN_2016:
            if reden in regime[lijstnaam]:
                bron = f"{regime['bron'].split(', art.')[0]}, {regime[sleutel]}"
    stappen = [
        {
            "regel": f"Afwezigheid ({reden}) {periode}",
            "uitkomst": f"{dagen} dagen afwezig in de periode, {bekostigd} bekostigd"
            + (f"; {'; '.join(niet)}" if niet else "")
            + f" (regels {regime['naam']})",
            "bron": bron,
        }
    ]
    if reden == "schoolvakantie" and not schoolvakantie_max_bekend:
        laatste = regimes()[-1]
        stappen.append(
            {
                "regel": "Schoolvakantie",
                "uitkomst": parameters()["schoolvakantie_maximum"]["toelichting"],
                "bron": laatste["schoolvakantie_bron"],
            }
        )
    doet_ertoe = True  # Wlz 2015: only where inclusief and exclusief behandeling give another rule (not GGZ-B)
    if regime["naam"] == "Wlz 2015" and prestatie is not None:
        met, zonder = wlz_2015_regel(prestatie, True), wlz_2015_regel(prestatie, False)
        doet_ertoe = (met.per_keer, met.schoolvakantie) != (zonder.per_keer, zonder.schoolvakantie)
    if regime["naam"] != "Wlz 2016" and not behandeling_bekend and reden != "ziekenhuis" and doet_ertoe:
        stappen.append(
            {
                "regel": "Behandeling onbekend",
                "uitkomst": "niet opgegeven of het ZZP inclusief behandeling is: de strengste regel "
                + (
                    "(inclusief behandeling) is toegepast"
                    if regime["naam"] == "Wlz 2015"
                    else "(ten hoogste 14 dagen per keer) is toegepast"
                ),
                "bron": bron,
            }
        )
    return stappen


def bedragen_in_centen(dagen: I64, tarief_centen: I64) -> I64:
    """bedrag = dagen x tarief per dag, exact in whole cents."""
    return (dagen * tarief_centen).astype(np.int64)
