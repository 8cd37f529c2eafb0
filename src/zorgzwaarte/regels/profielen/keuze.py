"""Het best passende cliëntprofiel (Regeling zorgaanspraken AWBZ art. 1a lid 1; Zorgindicatiebesluit art. 13 lid 2).

1. Candidates: the ZZPs whose dominant grondslag matches the client's dominant grondslag and that can be
   indicated on the peildatum (rza_wijziging_2012: 1-2 VV/VG/GGZ no longer from 2013, 3 VV from 2014, ...), or
   that stay indicatable for this client by the overgangsrecht of its art. II-III (``overgangsrecht.py``).
2. Hard conditions written in the texts (terminaal for 10 VV, herstel na opname for 9b VV, beveiliging for
   7 GGZ-B, voortgezet verblijf for GGZ-B, behandeling for LVG) are conditions, not distances: a profile whose
   condition is not met is not a candidate; a profile whose condition is met goes before those without one.
3. Per domain the client's level (0-3, from the iWlz questions) is set against the level derived from the
   profile's own sentence; distance = mean absolute difference over the domains both sides know.
4. Ranked alternatives; near-ties and unknown profiles are flagged for the assessor's professional judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.codes import grondslag_naam
from zorgzwaarte.regels.datums import nl, voluit
from zorgzwaarte.regels.indicatie.wlz import wlz_parameters
from zorgzwaarte.regels.profielen import overgangsrecht
from zorgzwaarte.regels.profielen.catalogus import (
    GEEN_AANVULLING,
    ONBEKEND_AFBEELDING,
    Aanvulling,
    Zzp,
    catalogus,
    zoek_zzp,
)
from zorgzwaarte.regels.profielen.meerzorg import meerzorg_wlz
from zorgzwaarte.regels.regelset import Regelset, alleen_waarden
from zorgzwaarte.regels.uitleg import Toelichting

BRON_KEUZE = "Regeling zorgaanspraken AWBZ art. 1a lid 1; Zorgindicatiebesluit art. 13 lid 2"
BRON_KEUZE_WLZ = "Beleidsregels indicatiestelling Wlz 2015, bijlage 1 §2.5 (best passend zorgprofiel); Regeling langdurige zorg, bijlage A"
BRON_SCHAAL = {
    "AWBZ": "vierpuntsschaal Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3.1",
    "Wlz": "vierpuntsschaal Beleidsregels indicatiestelling Wlz 2015, bijlage 1 §2.1",
}


def getal_nl(x: float | None) -> str:
    return "onbekend" if x is None else f"{x:g}".replace(".", ",")


BRON_MEERZORG_B = "Regeling zorgaanspraken AWBZ art. 1a lid 2 onder b"
# AWBZ: the cliëntprofielen are those of Rza art. 1 onder e and bijlage 2, where most stand only as an image; the
# catalogue takes their levels per domain from the same text in the Regeling langdurige zorg 2015, bijlage A.
BRON_CLIENTPROFIEL_AWBZ = "cliëntprofiel: Regeling zorgaanspraken AWBZ (BWBR0014855) art. 1 onder e en bijlage 2"
RLZ = "Regeling langdurige zorg"


def profielbron(profiel_bron: str, wlz: bool) -> str:
    """The source of a profile's texts as the decision cites it: a Wlz decision cites the zorgprofiel of the Rlz; an
    AWBZ decision cites the cliëntprofiel of the Regeling zorgaanspraken AWBZ and says where the catalogue's words
    were taken from when that regulation holds the profile only as an image."""
    if wlz or not profiel_bron.startswith(RLZ):
        return f"profielteksten: {profiel_bron}"
    return (
        f"{BRON_CLIENTPROFIEL_AWBZ} (daar als afbeelding); de niveaus per domein zijn overgenomen uit de gelijke "
        f"tekst in {profiel_bron}"
    )


def meerzorgbron(bron: str, wlz: bool) -> str:
    """Of a catalogue bron naming both regimes, the part of the regime of the decision (AWBZ: the Regeling
    zorgaanspraken AWBZ; Wlz: the Regeling langdurige zorg); the whole bron when it has no such part."""
    delen = [d.strip() for d in bron.split(";")]
    eigen = [d for d in delen if d.startswith(RLZ) == wlz and d.startswith((RLZ, "Regeling zorgaanspraken AWBZ"))]
    return "; ".join(eigen) or bron


def meerzorg_awbz(z: Zzp, b: Beoordeling, uitleg: Toelichting) -> tuple[bool, str]:
    """Rza art. 1a lid 2: onder a (the ZZPs of the list, with at least 25% more need of care) or b (bijzondere zorg)."""
    meerzorg = z.meerzorg_awbz or bool(b.bijzondere_zorg)
    artikel, onder_b = "art. 1a lid 2 onder a", "onder b"
    grond = (
        f"{z.code} staat in {artikel} (meerzorg bij een zorgbehoefte van minimaal 25% boven het pakket)"
        if z.meerzorg_awbz
        else f"bijzondere zorg: {', '.join(b.bijzondere_zorg)}"
        if b.bijzondere_zorg
        else f"{z.code} staat niet in {artikel} en er is geen bijzondere zorg als bedoeld in {onder_b}"
    )
    uitleg.stap(
        "Meerzorg",
        f"Meerzorg {'mogelijk' if meerzorg else 'niet mogelijk'}: {grond}",
        meerzorgbron(z.meerzorg_bron, False) if z.meerzorg_awbz or not b.bijzondere_zorg else BRON_MEERZORG_B,
    )
    return meerzorg, grond


VOORWAARDE_TEKST = {
    "terminaal": "levensverwachting van circa drie maanden of minder",
    "herstel_na_opname": "medisch-specialistische interventie met opname afgerond, herstel nodig",
    "geriatrische_revalidatie": "geriatrische revalidatie na medisch-specialistische interventie",
    "beveiliging_nodig": "beveiligd verblijf vanwege extreme gedragsproblematiek",
    "voortgezet_verblijf_ggz": "voortgezet verblijf na 365 dagen verblijf met psychiatrische behandeling",
    "lvg_behandeling": "verblijf gericht op behandeling gedurende een afgebakende periode (LVG/SGLVG)",
}


def rond(x: float, decimalen: int) -> float:
    """Rounding shared with the batch engine (NumPy, half to even), so both paths give identical figures."""
    return float(np.round(x, decimalen))


@dataclass(frozen=True)
class ClientNiveau:
    domein: str
    niveau: float | None
    vragen: tuple[str, ...]
    toelichting: str


def client_niveaus(b: Beoordeling, p: dict[str, Any]) -> dict[str, ClientNiveau]:
    """The client's level per domain, read from the assessment as parameters/profielkeuze.yaml says."""
    uit: dict[str, ClientNiveau] = {}
    for domein, d in p["domeinen"].items():
        waarden: list[int] = []
        vragen: list[str] = []
        for bron in d["bronnen"]:
            if bron["soort"] == "invoer":
                waarde = getattr(b, bron["veld"])
                if waarde is not None:
                    waarden.append(int(waarde))
                    vragen.append(bron["veld"])
                continue
            scores = b.stoornisscores if bron["soort"] == "stoornis" else b.beperkingscores
            for code, score in sorted(scores.items()):
                if code.startswith(bron["prefix"]) and score != 9:
                    waarden.append(score)
                    vragen.append(f"{bron['soort']} {code}")
        if not waarden:
            uit[domein] = ClientNiveau(domein, None, (), "niet beoordeeld")
            continue
        if d["samenvatting"] == "hoogste":
            niveau, hoe = float(max(waarden)), "hoogste score"
        elif d["samenvatting"] == "waarde":
            niveau, hoe = float(waarden[0]), "opgegeven waarde"
        else:
            niveau, hoe = rond(sum(waarden) / len(waarden), 2), f"gemiddelde van {len(waarden)} scores"
        uit[domein] = ClientNiveau(domein, niveau, tuple(vragen), hoe)
    return uit


@dataclass
class Vergelijking:
    zzp: Zzp
    afstand: float | None
    voorwaarden_vervuld: int
    domeinen: list[dict[str, Any]]
    doel_past: bool | None

    def als_alternatief(self) -> dict[str, Any]:
        return {
            "code": self.zzp.code,
            "cod163": self.zzp.cod163,
            "naam": self.zzp.naam,
            "afstand": self.afstand,
            "voorwaarden": list(self.zzp.voorwaarden),
            "profiel_bekend": self.zzp.profiel_bekend,
            "domeinen": [{"domein": d["domein"], "profiel_niveau": d["profiel_niveau"]} for d in self.domeinen],
        }


def vergelijk(zzp: Zzp, client: dict[str, ClientNiveau], b: Beoordeling, p: dict[str, Any]) -> Vergelijking:
    domeinen: list[dict[str, Any]] = []
    verschillen: list[float] = []
    for domein, cfg in p["domeinen"].items():
        c = client[domein]
        prof = zzp.domeinen.get(domein)
        pn = prof.niveau if prof else None
        verschil = None if (c.niveau is None or pn is None) else rond(abs(c.niveau - pn), 2)
        if verschil is not None:
            verschillen.append(verschil)
        domeinen.append(
            {
                "domein": domein,
                "naam": cfg["naam"],
                "client_niveau": c.niveau,
                "client_toelichting": c.toelichting,
                "vragen": list(c.vragen),
                "profiel_niveau": pn,
                "verschil": verschil,
                "zin": prof.zin if prof else None,
                "bron": prof.bron if prof else zzp.profiel_bron,
                "status": None
                if pn is not None
                else (ONBEKEND_AFBEELDING if not (prof and prof.zin) else "niet af te leiden"),
            }
        )
    doel_past: bool | None = None
    if b.begeleidingsdoel and zzp.begeleidingsdoelen:
        doel_past = b.begeleidingsdoel in zzp.begeleidingsdoelen
        if not doel_past:
            verschillen.append(float(p["begeleidingsdoel_afwijking"]))
    afstand = rond(sum(verschillen) / len(verschillen), 3) if verschillen else None
    vervuld = sum(1 for v in zzp.voorwaarden if v in b.bijzonderheden)
    return Vergelijking(zzp, afstand, vervuld, domeinen, doel_past)


def kandidaten(
    b: Beoordeling,
    lijst: list[Zzp],
    uitleg: Toelichting,
    stelsel: str = "AWBZ",
    uitwisselbaar: tuple[str, ...] = (),
    overgang: dict[str, Any] | None = None,
) -> tuple[list[Zzp], list[str], list[overgangsrecht.Overgang]]:
    """Profiles open to this client on the peildatum, after the hard conditions.

    Under the Wlz the series of the somatic grondslag and of lichamelijke handicap are interchangeable
    (Beleidsregels indicatiestelling Wlz 2015, bijlage 1 §2.5): pass them as `uitwisselbaar`. Under the AWBZ
    `overgang` (verblijf.overgangsrecht_zzp) keeps ZZP 1-2 and 3 VV open after their end date where a ground of
    the Wijzigingsregeling art. II-III applies; the outcome per article is returned and given as a step.
    """
    dominant = b.dominante_grondslag
    grondslagen = {dominant} | (set(uitwisselbaar) if dominant in uitwisselbaar else set())
    uitgesloten: list[str] = []
    uit: list[Zzp] = []
    eerder = overgangsrecht.eerdere_zzps(b, lijst) if overgang else []
    getoetst: dict[str, overgangsrecht.Overgang] = {}
    for z in lijst:
        if not grondslagen & set(z.dominante_grondslagen):
            continue
        if not z.indiceerbaar_in(stelsel, b.peildatum):
            regel = overgangsrecht.regel_voor(z, overgang) if overgang and stelsel == "AWBZ" else None
            na_einde = z.indiceerbaar_tot is not None and b.peildatum > z.indiceerbaar_tot
            if regel is None or not na_einde:
                soort = "als Wlz-zorgprofiel " if stelsel == "Wlz" else ""
                uitgesloten.append(f"{z.code} (niet {soort}indiceerbaar op {nl(b.peildatum)})")
                continue
            if regel["bron"] not in getoetst:
                getoetst[regel["bron"]] = overgangsrecht.toets(b, regel, eerder)
            uitkomst = getoetst[regel["bron"]]
            if not uitkomst.mogelijk:
                niet = "niet vastgesteld" if uitkomst.mogelijk is None else "geen grond"
                uitgesloten.append(f"{z.code} (overgangsrecht: {niet})")
                continue
        if z.sector in ("ZGvis", "ZGaud"):
            soort = "zintuiglijk_visueel" if z.sector == "ZGvis" else "zintuiglijk_auditief"
            ander = "zintuiglijk_auditief" if z.sector == "ZGvis" else "zintuiglijk_visueel"
            if ander in b.bijzonderheden and soort not in b.bijzonderheden:
                continue
        uitsluiting = [v for v in z.uitgesloten_bij if v in b.bijzonderheden]
        if uitsluiting:
            uitgesloten.append(f"{z.code} (niet bij {', '.join(VOORWAARDE_TEKST[v] for v in uitsluiting)})")
            continue
        ontbreekt = [v for v in z.voorwaarden if v not in b.bijzonderheden]
        if ontbreekt:
            uitgesloten.append(
                f"{z.code} (voorwaarde niet vervuld: {', '.join(VOORWAARDE_TEKST[v] for v in ontbreekt)})"
            )
            continue
        uit.append(z)
    for uitkomst in getoetst.values():
        uitleg.stap(
            f"Overgangsrecht ZZP {', '.join(uitkomst.zzp)}",
            ("mogelijk: " if uitkomst.mogelijk else "niet mogelijk: " if uitkomst.mogelijk is False else "")
            + uitkomst.reden,
            uitkomst.bron,
        )
    uitleg.stap(
        "Kandidaat-profielen",
        f"Dominante grondslag {grondslag_naam(dominant)} ({dominant})"
        + (f", uitwisselbaar met {', '.join(sorted(grondslagen - {dominant}))}" if len(grondslagen) > 1 else "")
        + f": {len(uit)} profielen mogelijk op "
        f"{nl(b.peildatum)}: {', '.join(z.code for z in uit) or 'geen'}"
        + (f"; niet mogelijk: {'; '.join(uitgesloten)}" if uitgesloten else ""),
        (
            BRON_KEUZE_WLZ
            if stelsel == "Wlz"
            else f"{BRON_KEUZE}; Wijzigingsregeling Regeling zorgaanspraken AWBZ (BWBR0032537) art. II-IV"
        ),
    )
    return uit, uitgesloten, list(getoetst.values())


def rangschik(vergelijkingen: list[Vergelijking]) -> list[Vergelijking]:
    """Conditions met first (most specific), then smallest distance; unknown profiles last."""
    return sorted(
        vergelijkingen,
        key=lambda v: (
            -v.voorwaarden_vervuld,
            v.afstand is None,
            v.afstand if v.afstand is not None else 0,
            v.zzp.code,
        ),
    )


def kies_profiel(
    b: Beoordeling,
    regelset: Regelset,
    uitleg: Toelichting,
    besluitdatum: date,
    aanvulling: Aanvulling = GEEN_AANVULLING,
) -> dict[str, Any]:
    """Choose the best-fitting profile; returns the `zzp` part of the indicatiebesluit."""
    tabel = regelset.tabel("profielkeuze.yaml")
    p = alleen_waarden(tabel)
    wlz = regelset.stelsel == "Wlz"
    bron_keuze = BRON_KEUZE_WLZ if wlz else BRON_KEUZE
    lijst = catalogus(b.peildatum, aanvulling)
    client = client_niveaus(b, p)
    uitleg.stap(
        "Niveaus van de cliënt per domein",
        "; ".join(
            f"{p['domeinen'][d]['naam']}: niet beoordeeld"
            if c.niveau is None
            else f"{p['domeinen'][d]['naam']}: {getal_nl(c.niveau)} ({c.toelichting})"
            for d, c in client.items()
        ),
        f"{bron_keuze}; {BRON_SCHAAL[regelset.stelsel]}; methode: {tabel['domeinen']['bron']}",
    )
    uitwisselbaar: tuple[str, ...] = ()
    if wlz:
        uitwisselbaar = tuple(wlz_parameters(regelset)["toegang"]["uitwisselbaar"]["waarde"])
    overgang = None
    if not wlz:
        overgang = regelset.tabel("indicatie_awbz_2014.yaml")["verblijf"].get("overgangsrecht_zzp")
    opties, _, overgangen = kandidaten(b, lijst, uitleg, regelset.stelsel, uitwisselbaar, overgang)
    if not opties:
        raise InvoerFout.een(
            "grondslagen.0",
            f"voor dominante grondslag {b.dominante_grondslag} is op {voluit(b.peildatum)} geen zorgzwaartepakket "
            "indiceerbaar (controleer de grondslag en de bijzonderheden)",
        )
    gerangschikt = rangschik([vergelijk(z, client, b, p) for z in opties])
    berekend = gerangschikt[0]
    redenen: list[str] = []
    if berekend.afstand is None:
        redenen.append(
            f"het profiel van {berekend.zzp.code} staat alleen als afbeelding in de regeling: kies op grond van "
            "professioneel oordeel of laat een beheerder de profielgegevens laden"
        )
    marge = float(p["bijna_gelijk_marge"])
    bijna = [
        v
        for v in gerangschikt[1:]
        if v.voorwaarden_vervuld == berekend.voorwaarden_vervuld
        and v.afstand is not None
        and berekend.afstand is not None
        and v.afstand - berekend.afstand <= marge
    ]
    if bijna:
        redenen.append(
            f"bijna gelijk passend: {', '.join(f'{v.zzp.code} (afstand {getal_nl(v.afstand)})' for v in bijna)} tegen "
            f"{berekend.zzp.code} (afstand {getal_nl(berekend.afstand)}); professioneel oordeel van de beoordelaar"
        )
    onbekend = [v.zzp.code for v in gerangschikt if v.afstand is None and v is not berekend]
    if onbekend:
        redenen.append(f"profielen alleen als afbeelding, niet berekend: {', '.join(onbekend)}")
    uitleg.stap(
        "Best passend cliëntprofiel",
        f"Berekend: {berekend.zzp.code} {berekend.zzp.naam}"
        + (f" (afstand {getal_nl(berekend.afstand)})" if berekend.afstand is not None else " (profiel onbekend)")
        + "; alternatieven: "
        + ", ".join(
            f"{v.zzp.code} ({'onbekend' if v.afstand is None else getal_nl(v.afstand)})" for v in gerangschikt[1:6]
        ),
        f"{bron_keuze}; {profielbron(berekend.zzp.profiel_bron, wlz)}",
    )
    if wlz:
        uitleg.stap(
            "Zorgprofiel (Wlz)",
            f"Zorgprofiel: {berekend.zzp.zorgprofiel_wlz}; voor de bekostiging blijft de ZZP-code {berekend.zzp.code} "
            f"(COD163 {berekend.zzp.cod163}) in gebruik",
            berekend.zzp.wlz_bron or "Regeling langdurige zorg, bijlage A",
        )
    gekozen = berekend
    motivering = None
    if b.gekozen_zzp:
        keuze = zoek_zzp(b.gekozen_zzp, lijst)
        if keuze is None:
            raise InvoerFout.een(
                "gekozen_zzp", f"'{b.gekozen_zzp}' is geen zorgzwaartepakket (zie 'zorgzwaarte codes zzp')"
            )
        if keuze.code != berekend.zzp.code:
            if keuze not in opties:
                raise InvoerFout.een(
                    "gekozen_zzp",
                    f"{keuze.code} is voor deze cliënt op {voluit(b.peildatum)} niet indiceerbaar (grondslag, periode of voorwaarde)",
                )
            if not (b.motivering_afwijkend_profiel or "").strip():
                raise InvoerFout.een(
                    "motivering_afwijkend_profiel",
                    f"een ander profiel ({keuze.code}) dan het berekende ({berekend.zzp.code}) vraagt een schriftelijke motivering",
                )
            gekozen = next(v for v in gerangschikt if v.zzp.code == keuze.code)
            motivering = b.motivering_afwijkend_profiel
            uitleg.stap(
                "Keuze beoordelaar",
                f"De beoordelaar kiest {keuze.code} in plaats van {berekend.zzp.code}: {motivering}",
                f"{bron_keuze} (professioneel oordeel, gemotiveerd)",
            )
    z = gekozen.zzp
    meerzorg: bool | None
    if wlz:  # Rlz art. 2.2 per version: onder a (zorgprofiel), b (ZZP on 31-12-2014), c (bijzondere zorg), lid 2
        mz = meerzorg_wlz(
            z.zorgprofiel_wlz, b.eerdere_indicaties, b.bijzondere_zorg, b.peildatum, b.client.geboortedatum, uitleg
        )
        meerzorg, grond = mz.mogelijk, mz.grond
    else:
        meerzorg, grond = meerzorg_awbz(z, b, uitleg)
    max_maanden = z.geldigheid_max_maanden_wlz if wlz else z.geldigheid_max_maanden
    max_bron = z.geldigheid_max_wlz_bron if wlz else z.geldigheid_max_bron
    if z.uren_min is not None:
        uren: dict[str, Any] | None = {"min": z.uren_min, "max": z.uren_max, "bron": z.uren_bron}
    else:
        uren = None
    return {
        "code": z.code,
        "cod163": z.cod163,
        "naam": z.naam,
        "sector": z.sector,
        "zorgprofiel_wlz": z.zorgprofiel_wlz,
        "uren_per_week": uren,
        "uren_per_week_status": None if uren else ONBEKEND_AFBEELDING,
        "meerzorg_mogelijk": meerzorg,
        "meerzorg_grond": grond,
        "pgb_mogelijk": z.pgb_mogelijk,
        "berekend": berekend.zzp.code,
        "gekozen_door_beoordelaar": gekozen is not berekend,
        "motivering": motivering,
        "professioneel_oordeel_nodig": bool(redenen),
        "redenen_oordeel": redenen,
        "afstand": gekozen.afstand,
        "begeleidingsdoel_past": gekozen.doel_past,
        "alternatieven": [v.als_alternatief() for v in gerangschikt if v is not gekozen],
        "domeinen": gekozen.domeinen,
        "max_geldigheid_maanden": max_maanden,
        "max_geldigheid_bron": max_bron,
        "afstand_methode": "gemiddeld absoluut verschil per domein (0-3); zie docs/profielkeuze.md",
        "overgangsrecht": [o.als_dict() for o in overgangen],
    }
