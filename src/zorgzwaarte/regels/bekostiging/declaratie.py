"""Declaratie van ZZP-dagen en bekostigde afwezigheid, per dag volgens de regels die op die dag gelden.

One vectorised implementation (NumPy) serves both the single declaration (`zorgzwaarte declareer`, one row per
client) and the population batch: every (client, day) of the period is classified as present, billable absence
or not billable, with a cause code per non-billable absence day so each line can explain itself.

Rules (parameters/declaratie.yaml): AWBZ 2014 (NZa declaratie AWBZ-zorg art. 5), Wlz 2015 (art. 5.1-5.4),
Wlz 2016 (art. 5.3: behandeling elders 91 dagen, vakantie/detentie 14 per keer na 14 dagen verblijf en 42 per
kalenderjaar, schoolvakantie, weekendverlof). Amounts in whole cents (int64), never floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from zorgzwaarte.regels.parameters import laad

I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]
ONBEKEND = -1
GEEN_EINDE = np.int64(10**9)

# cause codes for absence days that are not billable
OORZAAK = {
    1: "maximum aantal dagen per keer bereikt",
    2: "nog geen 14 dagen verblijf voor de vakantie of detentie",
    3: "jaarmaximum van 42 dagen vakantie en detentie bereikt",
    4: "langer dan 91 dagen zonder toestemming van de Wlz-uitvoerder",
    5: "weekendverlof: alleen zaterdag en zondag worden bekostigd",
    6: "deze reden van afwezigheid wordt niet bekostigd",
    7: "maximum schoolvakantie bereikt",
}


def dagnummer(d: date) -> int:
    return d.toordinal()


@cache
def parameters() -> dict[str, Any]:
    return laad("declaratie.yaml")


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
    afw_oorzaken: npt.NDArray[np.int64]  # shape (n_afwezigheden, 8)
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
    oorzaak = np.zeros(ai.size, dtype=np.int64)  # 0 = billable
    offset = dag - afw.van[ai]
    reden = afw.reden[ai].astype(np.int64)
    regime = regime_per_dag(dag)
    wd = (dag + 6) % 7  # date.toordinal() 1 = Monday -> 0; 5, 6 = Saturday, Sunday
    behandeling = pop.behandeling[rij]

    for ri in (0, 1):  # AWBZ 2014, Wlz 2015: 14 per time with behandeling (and when unknown), not for hospital
        r = rs[ri]
        m = regime == ri
        onbeperkt = np.isin(reden, [codes[x] for x in r["onbeperkt_bij"]])
        beperkt = (behandeling != 0) & ~onbeperkt & (reden != codes["schoolvakantie"])
        oorzaak[m & beperkt & (offset >= r["per_keer_met_behandeling"])] = 1

    r16 = rs[2]
    m16 = regime == 2
    elders = np.isin(reden, [codes[x] for x in r16["behandeling_elders"]])
    oorzaak[m16 & elders & (offset >= r16["behandeling_elders_max_zonder_toestemming"]) & ~afw.toestemming[ai]] = 4
    oorzaak[m16 & np.isin(reden, [codes[x] for x in r16["weekend"]]) & (wd < 5)] = 5
    oorzaak[m16 & np.isin(reden, [codes[x] for x in r16["niet_bekostigd"]])] = 6
    vakdet_codes = [codes[x] for x in r16["vakantie_detentie"]]
    vd = m16 & np.isin(reden, vakdet_codes)
    oorzaak[vd & (offset >= r16["vakantie_per_keer"])] = 1
    voorverblijf = afw.van - pop.opname[afw.rij]
    oorzaak[vd & (oorzaak == 0) & (voorverblijf[ai] < r16["vakantie_min_verblijf_dagen"])] = 2

    # yearly maximum of 42 vakantie/detentie days (Wlz 2016): count candidates from 1 January of the year of the
    # period's first day, so absences earlier in the same year count toward the maximum.
    jaar_start = dagnummer(date(date.fromordinal(p0).year, 1, 1))
    kand = np.isin(afw.reden, vakdet_codes) & (voorverblijf >= r16["vakantie_min_verblijf_dagen"])
    k_idx = np.flatnonzero(kand)
    if k_idx.size:
        k0 = np.maximum(afw.van[k_idx], jaar_start)
        k1 = np.minimum(np.minimum(afw.tot[k_idx], p1), afw.van[k_idx] + r16["vakantie_per_keer"] - 1)
        ki, kdag = _explodeer(k0, k1)
        kafw = k_idx[ki]
        kr = afw.rij[kafw]
        geldig = (regime_per_dag(kdag) == 2) & (pop.opname[kr] <= kdag) & (kdag < pop.ontslag[kr])
        kafw, kdag, kr = kafw[geldig], kdag[geldig], kr[geldig]
        jaar = np.array([date.fromordinal(int(x)).year for x in np.unique(kdag)], dtype=np.int64)
        jaar_van = dict(zip(np.unique(kdag).tolist(), jaar.tolist(), strict=True))
        kjaar = np.array([jaar_van[int(x)] for x in kdag], dtype=np.int64) if kdag.size else kdag
        volgorde = np.lexsort((kdag, kjaar, pop.client[kr]))
        sleutel = pop.client[kr][volgorde] * 10_000 + kjaar[volgorde]
        nieuw = np.r_[True, sleutel[1:] != sleutel[:-1]] if sleutel.size else np.zeros(0, dtype=np.bool_)
        teller = np.arange(sleutel.size) - np.maximum.accumulate(np.where(nieuw, np.arange(sleutel.size), 0)) + 1
        boven = np.zeros(sleutel.size, dtype=np.bool_)
        boven[volgorde] = teller > r16["vakantie_jaarmaximum"]
        # map back to the exploded period days by the key (afwezigheid, dag)
        if np.any(boven):
            sel = np.isin(ai * (1 << 32) + dag, kafw[boven] * (1 << 32) + kdag[boven])
            oorzaak[vd & (oorzaak == 0) & sel] = 3

    # school holidays: at most schoolvakantie_max_dagen per calendar year when given (the legal length is not in the sources)
    school = reden == codes["schoolvakantie"]
    smax = pop.school_max[rij]
    if np.any(school & (smax >= 0)):
        s_idx = np.flatnonzero(school & (smax >= 0))
        volgorde = s_idx[np.lexsort((dag[s_idx], pop.client[rij[s_idx]]))]
        sleutel = pop.client[rij[volgorde]]
        nieuw = np.r_[True, sleutel[1:] != sleutel[:-1]]
        teller = np.arange(volgorde.size) - np.maximum.accumulate(np.where(nieuw, np.arange(volgorde.size), 0)) + 1
        oorzaak[volgorde[teller > smax[volgorde]]] = 7

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
    oorz = np.zeros((na, 8), dtype=np.int64)
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


def bedragen_in_centen(dagen: I64, tarief_centen: I64) -> I64:
    """bedrag = dagen x tarief per dag, exact in whole cents."""
    return (dagen * tarief_centen).astype(np.int64)
