"""Persoonsgebonden budget (pgb) with an indication for verblijf: ZZP -> klassen -> maximum amounts per year.

AWBZ 2014: Regeling subsidies AWBZ art. 2.6.6 (lid 2 amounts, lid 3 sum, lid 4 conversion by bijlage 2 and the
raises, lid 6 pro rata, lid 7-8 the € 300 per day limit). Wlz 2015: Regeling langdurige zorg art. 5.13 (lid 1
amounts, lid 2 bijlage C, lid 3-4 raises) and 5.14 (sum, pro rata). Figures in parameters/pgb.yaml, taken over
from the law texts by scripts/overname_pgb.py. Who cannot get a pgb: AWBZ 2014 by ZZP (Rsa art. 2.6.3 lid 2 onder c,
in the catalogue), Wlz 2015 by zorgprofiel (Rlz art. 5.5 lid 1, with the 3 LVG exception of lid 2).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from itertools import product
from typing import Any

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.bekostiging.tarief import rekenkundig
from zorgzwaarte.regels.datums import nl
from zorgzwaarte.regels.leveringsvormen import Wooninitiatief, is_kleinschalig_wooninitiatief, kleinschalig_uit_feiten
from zorgzwaarte.regels.profielen.catalogus import Zzp, zoek_zzp
from zorgzwaarte.regels.regelset import Regelset, als_waarde_en_bron, regelset_op
from zorgzwaarte.regels.uitleg import Ontvangstbewijs, Toelichting

VORMNAMEN = {
    "persoonlijke_verzorging": "persoonlijke verzorging",
    "verpleging": "verpleging",
    "begeleiding_individueel": "begeleiding individueel",
    "begeleiding_groep": "begeleiding groep",
    "begeleiding_groep_inclusief_vervoer": "begeleiding groep, inclusief vervoer",
}
METHODE_AFRONDING = "methode: pro-rata-bedrag rekenkundig afgerond op centen (de regeling noemt geen afronding)"


@dataclass(frozen=True)
class PgbVraag:
    zzp: str
    van: date
    tot: date
    # None: not known (OPEN_FEITEN); the answer then gives the amount for each answer and says what it depends on
    begeleiding_groep: bool | None = False  # the variant with begeleiding groep (where bijlage 2 / C has one)
    vervoer: bool | None = False  # begeleiding groep inclusief vervoer
    in_instelling: bool | None = False
    # the facts of the woonsituatie (Blz art. 3.1.4 lid 2-3; AWBZ 2014 Rsa art. 1.1.1 onder u); None: no verhoging
    # asked. Whether it is a kleinschalig wooninitiatief is decided from them, never stated.
    wooninitiatief: Wooninitiatief | None = None
    # Rlz 2015 art. 5.5 lid 2: on ZZP 3 LVG with a pgb just before the AWBZ ended; asked only where it decides
    eerder_3lvg_met_pgb: bool | None = None


@dataclass
class PgbUitkomst:
    mogelijk: bool | None  # None: the year has no figures in the sources (bedragen_onbekend)
    klassen: dict[str, int | None]
    per_vorm: dict[str, Decimal]
    per_jaar: Decimal | None
    bedrag: Decimal | None  # for the period (pro rata)
    dagen: int
    ontvangstbewijs: Ontvangstbewijs
    toelichting: Toelichting = field(default_factory=Toelichting)
    signalen: list[str] = field(default_factory=list)
    kleinschalig_wooninitiatief: bool | None = None  # the rule's outcome (None: unknown or not asked)
    wooninitiatief_gevraagd: bool = False
    peildatum: date | None = None  # the first day of the period: the steps link the law in force that day
    bedragen_onbekend: str | None = None  # why the sources give no amounts for this year (None: they do)
    waarschuwingen: list[str] = field(default_factory=list)
    # facts left out that change the amount (OPEN_FEITEN), and the amounts for each combination of their answers
    hangt_af_van: list[str] = field(default_factory=list)
    mogelijkheden: list[dict[str, Any]] = field(default_factory=list)

    def als_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {}
        if self.wooninitiatief_gevraagd:
            k = self.kleinschalig_wooninitiatief
            uit["kleinschalig_wooninitiatief"] = "onbekend" if k is None else ("ja" if k else "nee")
        if self.bedragen_onbekend:
            uit["bedragen_onbekend"] = self.bedragen_onbekend
        if self.waarschuwingen:
            uit["waarschuwingen"] = self.waarschuwingen
        if self.hangt_af_van:
            uit["hangt_af_van"] = self.hangt_af_van
            uit["mogelijkheden"] = self.mogelijkheden
        return {
            **uit,
            "mogelijk": self.mogelijk,
            "klassen": self.klassen,
            "per_vorm": {k: str(v) for k, v in self.per_vorm.items()},
            "maximum_per_jaar": None if self.per_jaar is None else str(self.per_jaar),
            "maximum_periode": None if self.bedrag is None else str(self.bedrag),
            "dagen": self.dagen,
            "signalen": self.signalen,
            "toelichting": self.toelichting.als_lijst(self.peildatum),
            "regelset": self.ontvangstbewijs.als_dict(),
        }


def pgb_mogelijk(v: PgbVraag, zzp: Zzp, rs: Regelset, t: Toelichting) -> bool:
    """Whether a pgb may be granted: AWBZ by ZZP (Rsa art. 2.6.3 lid 2 onder c, in the catalogue); Wlz from 2015 by
    zorgprofiel (Rlz art. 5.5 lid 1), except for who had ZZP 3 LVG with a pgb just before 2015 (lid 2): that fact
    is an input (``eerder_3lvg_met_pgb``), never assumed."""
    if rs.stelsel != "Wlz":
        if not zzp.pgb_mogelijk:
            t.stap("Pgb mogelijk", f"voor ZZP {zzp.code} wordt geen pgb verleend", zzp.pgb_bron or rs.bron)
        return zzp.pgb_mogelijk
    p = rs.tabel("pgb.yaml")
    uitgesloten, uitzondering = p["uitgesloten_zorgprofielen"], p["uitzondering_3lvg_met_pgb"]
    profiel = zzp.zorgprofiel_wlz
    if profiel not in uitgesloten["waarde"]:
        t.stap(
            "Pgb mogelijk",
            f"zorgprofiel '{profiel or 'onbekend'}' (ZZP {zzp.code}) is niet uitgesloten van een pgb",
            uitgesloten["bron"],
        )
        return True
    if zzp.code == uitzondering["waarde"]:
        if v.eerder_3lvg_met_pgb is None:
            raise InvoerFout.een(
                "eerder_3lvg_met_pgb",
                "geef aan of de cliënt vlak vóór 1 januari 2015 een zorgzwaartepakket 3 LVG had met een pgb "
                f"(ja of nee); dan kan een pgb toch ({uitzondering['bron']})",
            )
        if v.eerder_3lvg_met_pgb:
            t.stap(
                "Pgb mogelijk",
                f"zorgprofiel '{profiel}' is uitgesloten, maar de cliënt had vlak vóór 2015 ZZP 3 LVG met een pgb",
                uitzondering["bron"],
            )
            return True
    t.stap(
        "Pgb mogelijk", f"voor zorgprofiel '{profiel}' (ZZP {zzp.code}) wordt geen pgb verleend", uitgesloten["bron"]
    )
    return False


def kleinschalig_voor_pgb(w: Wooninitiatief, rs: Regelset, dag: date, t: Toelichting) -> bool | None:
    """Whether the client lives in a kleinschalig wooninitiatief, decided from the facts by the text of the pgb's
    regelset: Wlz by Blz art. 3.1.4 lid 2 and 3 of the version in force on the day (Rlz art. 1.1 refers to it),
    AWBZ 2014 by Rsa art. 1.1.1 onder u and art. 2.6.6a lid 2. None: a fact is unknown (never assumed)."""
    if rs.stelsel == "Wlz":
        return is_kleinschalig_wooninitiatief(w, dag, t)
    k = als_waarde_en_bron(rs.tabel("pgb.yaml"))["kleinschalig_wooninitiatief_awbz"]
    return kleinschalig_uit_feiten(w, k, rs.naam, t)


def _kleinschalig(
    v: PgbVraag,
    w: Wooninitiatief,
    rs: Regelset,
    regeling: dict[str, Any],
    klassen: dict[str, int | None],
    som: Decimal,
    uit: PgbUitkomst,
) -> Decimal:
    """The verhoging for a kleinschalig wooninitiatief (Rsa art. 2.6.6 lid 4; Rlz art. 5.13 lid 4) when the rule
    says yes; unknown: no verhoging and a signal saying what is missing."""
    t = uit.toelichting
    uit.wooninitiatief_gevraagd = True
    uit.kleinschalig_wooninitiatief = ja = kleinschalig_voor_pgb(w, rs, v.van, t)
    op = rekenkundig(Decimal(regeling["ophoging_kleinschalig_wooninitiatief"]))
    if ja is None:
        uit.signalen.append(
            "onbekend of de cliënt in een kleinschalig wooninitiatief woont (zie de toelichting): de verhoging van "
            f"€ {op} per jaar is niet meegeteld; vul de ontbrekende gegevens aan"
        )
        t.stap(
            "Verhoging: kleinschalig wooninitiatief", f"niet meegeteld: {uit.signalen[-1]}", regeling["ophoging_bron"]
        )
        return som
    if not ja:
        t.stap(
            "Verhoging: kleinschalig wooninitiatief",
            "niet: de woonsituatie is geen kleinschalig wooninitiatief",
            regeling["ophoging_bron"],
        )
        return som
    vereist = regeling["kleinschalig_vereist"]
    if not all(klassen.get(x) is not None for x in vereist):
        t.stap(
            "Verhoging: kleinschalig wooninitiatief",
            "niet: vereist een pgb voor " + " en ".join(VORMNAMEN[x] for x in vereist),
            regeling["ophoging_bron"],
        )
        return som
    som += op
    t.stap("Verhoging: kleinschalig wooninitiatief", f"+ € {op} = € {som} per jaar", regeling["ophoging_bron"])
    return som


def _onbekend(uit: PgbUitkomst, rs: Regelset, onbekend: dict[str, Any], jaar: int) -> PgbUitkomst:
    """A year without figures in the sources: whether a pgb is possible, the classes and the amounts are unknown
    (None), never 0 and never the figures of another year; the reason is in the answer and in the trail."""
    uit.mogelijk = None
    uit.bedragen_onbekend = f"De pgb-bedragen voor {jaar} zijn onbekend: {onbekend['waarde']}."
    uit.signalen.append(uit.bedragen_onbekend)
    uit.waarschuwingen = rs.waarschuwingen(uit.peildatum or rs.leesdatum)
    uit.toelichting.stap(f"Pgb-bedragen {jaar}", f"onbekend: {onbekend['waarde']}", onbekend["bron"])
    return uit


# The facts of the question that may be left out: the question in words and each answer in words.
OPEN_FEITEN: dict[str, tuple[str, str, str]] = {
    "begeleiding_groep": (
        "of de cliënt begeleiding in een groep krijgt",
        "met begeleiding in een groep",
        "zonder begeleiding in een groep",
    ),
    "vervoer": ("of de begeleiding in een groep inclusief vervoer is", "met vervoer", "zonder vervoer"),
    "in_instelling": ("of de cliënt in een instelling verblijft", "in een instelling", "niet in een instelling"),
}


def _feiten_tekst(feiten: dict[str, bool]) -> str:
    return ", ".join(OPEN_FEITEN[k][1 if w else 2] for k, w in feiten.items())


def _bedrag_tekst(u: PgbUitkomst) -> str:
    if u.mogelijk is False:
        return "geen pgb"
    if u.per_jaar is None or u.bedrag is None:
        return "onbekend"
    return f"€ {u.per_jaar} per jaar, € {u.bedrag} over de periode"


def _met_feiten(v: PgbVraag, f: dict[str, bool]) -> PgbVraag:
    return replace(
        v,
        begeleiding_groep=f.get("begeleiding_groep", v.begeleiding_groep),
        vervoer=f.get("vervoer", v.vervoer),
        in_instelling=f.get("in_instelling", v.in_instelling),
    )


def _sleutel(f: dict[str, bool]) -> tuple[tuple[str, bool], ...]:
    return tuple(sorted(f.items()))


def _feit_bron(k: str, v: PgbVraag) -> str:
    """The article a fact of OPEN_FEITEN counts under in the regelset of the period (its text for a year without
    figures)."""
    rs = regelset_op("pgb", v.van, "van")
    regeling = next((r for r in rs.tabel("pgb.yaml")["regelingen"]["waarde"] if r["naam"] == rs.naam), None)
    sleutel = {"begeleiding_groep": "omzetting_bron", "vervoer": "bedragen_bron", "in_instelling": "ophoging_bron"}[k]
    return str(regeling[sleutel]) if regeling else rs.bron


def _met_open_feiten(v: PgbVraag, open_feiten: list[str]) -> PgbUitkomst:
    """A question with facts left out (None): the answer for every combination of their answers. A fact whose answer
    does not change the amount is named in the trail ("maakt geen verschil") and counted as 'nee'; where the amount
    does change, it is unknown (None, never a guess): ``hangt_af_van`` names the facts it depends on and
    ``mogelijkheden`` gives the amount for each combination of their answers, each with its steps in the trail."""
    combinaties = [dict(zip(open_feiten, w, strict=True)) for w in product((False, True), repeat=len(open_feiten))]
    uitkomsten = {_sleutel(f): pgb_bij_verblijf(_met_feiten(v, f)) for f in combinaties}

    def bedrag(f: dict[str, bool]) -> tuple[bool | None, Decimal | None, Decimal | None]:
        u = uitkomsten[_sleutel(f)]
        return u.mogelijk, u.per_jaar, u.bedrag

    # a fact matters when changing only its answer changes the amount
    hangt_af = [k for k in open_feiten if any(bedrag({**f, k: not f[k]}) != bedrag(f) for f in combinaties)]
    gekozen = [f for f in combinaties if not any(f[k] for k in open_feiten if k not in hangt_af)]
    basis = uitkomsten[_sleutel(gekozen[0])]
    geen_verschil = [
        (f"Niet opgegeven: {OPEN_FEITEN[k][0]}", "maakt voor dit bedrag geen verschil (met en zonder gerekend)", k)
        for k in open_feiten
        if k not in hangt_af
    ]
    if basis.bedragen_onbekend:  # no figures for the year: no fact changes that
        return basis
    if not hangt_af:
        for regel, tekst, k in geen_verschil:
            basis.toelichting.stap(regel, tekst, _feit_bron(k, v))
        return basis
    stappen = [uitkomsten[_sleutel(f)].toelichting.stappen for f in gekozen]
    gemeen = 0
    while all(len(x) > gemeen and x[gemeen] == stappen[0][gemeen] for x in stappen):
        gemeen += 1
    t = Toelichting()
    t.stappen.extend(stappen[0][:gemeen])
    for regel, tekst, k in geen_verschil:
        t.stap(regel, tekst, _feit_bron(k, v))
    signalen = [
        "het maximale pgb hangt af van "
        + " en ".join(OPEN_FEITEN[k][0] for k in hangt_af)
        + "; dat is niet opgegeven, dus het bedrag is onbekend (hieronder per mogelijkheid)"
    ]
    mogelijkheden = []
    for f in gekozen:
        u = uitkomsten[_sleutel(f)]
        feiten = {k: f[k] for k in hangt_af}
        als = _feiten_tekst(feiten)
        eigen = u.toelichting.stappen[gemeen:]
        for st in eigen:  # the steps of this answer, each naming the answers it was computed with
            t.stap(f"{st.regel} ({als})", st.uitkomst, st.bron)
        t.stap(f"Uitkomst als: {als}", _bedrag_tekst(u), eigen[-1].bron if eigen else _feit_bron(hangt_af[0], v))
        mogelijkheden.append(
            {
                "feiten": feiten,
                "mogelijk": u.mogelijk,
                "maximum_per_jaar": None if u.per_jaar is None else str(u.per_jaar),
                "maximum_periode": None if u.bedrag is None else str(u.bedrag),
            }
        )
        signalen.extend(x for x in u.signalen if x not in signalen)
    mogelijk = {uitkomsten[_sleutel(f)].mogelijk for f in gekozen}
    return PgbUitkomst(
        mogelijk=mogelijk.pop() if len(mogelijk) == 1 else None,
        klassen={},
        per_vorm={},
        per_jaar=None,
        bedrag=None,
        dagen=basis.dagen,
        ontvangstbewijs=basis.ontvangstbewijs,
        toelichting=t,
        signalen=signalen,
        kleinschalig_wooninitiatief=basis.kleinschalig_wooninitiatief,
        wooninitiatief_gevraagd=basis.wooninitiatief_gevraagd,
        peildatum=basis.peildatum,
        waarschuwingen=basis.waarschuwingen,
        hangt_af_van=hangt_af,
        mogelijkheden=mogelijkheden,
    )


def pgb_bij_verblijf(v: PgbVraag) -> PgbUitkomst:
    """The maximum bruto pgb for a client with a ZZP (or, Wlz, a zorgprofiel) over one period in one calendar year.
    A fact of OPEN_FEITEN left out (None) is never assumed: see ``_met_open_feiten``."""
    open_feiten = [k for k in OPEN_FEITEN if getattr(v, k) is None]
    if open_feiten:
        return _met_open_feiten(v, open_feiten)
    if v.tot < v.van:
        raise InvoerFout.een("tot", "ligt vóór van")
    if v.tot.year != v.van.year:
        raise InvoerFout.een("tot", "een subsidieperiode wordt per kalenderjaar berekend; splits de periode per jaar")
    rs = regelset_op("pgb", v.van, "van")
    t = Toelichting()
    dagen = (v.tot - v.van).days + 1
    uit = PgbUitkomst(False, {}, {}, None, None, dagen, rs.ontvangstbewijs, t, peildatum=v.van)
    zzp = zoek_zzp(v.zzp)
    if zzp is None:
        raise InvoerFout.een("zzp", f"onbekend zorgzwaartepakket '{v.zzp}' (zie 'zorgzwaarte codes zzp')")
    onbekend = rs.tabel("pgb.yaml")["bedragen_onbekend"]
    if onbekend["waarde"]:
        return _onbekend(uit, rs, onbekend, v.van.year)
    regeling = next(r for r in rs.tabel("pgb.yaml")["regelingen"]["waarde"] if r["naam"] == rs.naam)
    if not pgb_mogelijk(v, zzp, rs, t):
        return uit
    varianten = regeling["omzetting"].get(zzp.code)
    if not varianten:
        t.stap(
            "Omrekening naar klassen",
            f"ZZP {zzp.code} staat niet in de omrekentabel: onbekend",
            regeling["omzetting_bron"],
        )
        return uit
    met_groep = v.begeleiding_groep and len(varianten) > 1
    klassen = dict(varianten[-1] if met_groep else varianten[0])
    uit.mogelijk = True
    uit.klassen = klassen
    t.stap(
        "Omrekening naar klassen",
        f"ZZP {zzp.code}"
        + (" (variant met begeleiding groep)" if met_groep else "")
        + ": "
        + ", ".join(f"{VORMNAMEN[k]} klasse {k_}" for k, k_ in klassen.items() if k_ is not None),
        regeling["omzetting_bron"],
    )
    if v.begeleiding_groep and len(varianten) == 1:
        uit.signalen.append(f"ZZP {zzp.code} kent geen variant met begeleiding groep; de enige variant is gebruikt")
    som = Decimal(0)
    for vorm, klasse in klassen.items():
        if klasse is None:
            continue
        tabel = "begeleiding_groep_inclusief_vervoer" if vorm == "begeleiding_groep" and v.vervoer else vorm
        bedrag = rekenkundig(Decimal(regeling["bedragen_per_jaar"][tabel][klasse]))
        uit.per_vorm[vorm] = bedrag
        som += bedrag
        t.stap(f"Bedrag {VORMNAMEN[tabel]}", f"klasse {klasse}: € {bedrag} per jaar", regeling["bedragen_bron"])
    t.stap("Som van de vormen van zorg", f"€ {som} per jaar", regeling["som_bron"])
    if not v.in_instelling:
        op = rekenkundig(Decimal(regeling["ophoging_niet_in_instelling"]))
        som += op
        t.stap("Ophoging: niet in een instelling", f"+ € {op} = € {som} per jaar", regeling["ophoging_bron"])
    if v.wooninitiatief is not None:
        som = _kleinschalig(v, v.wooninitiatief, rs, regeling, klassen, som, uit)
    uit.per_jaar = som
    jaardagen = 366 if calendar.isleap(v.van.year) else 365
    bedrag = rekenkundig(som * dagen / jaardagen)
    uit.bedrag = bedrag
    t.stap(
        "Pro rata",
        f"{nl(v.van)} t/m {nl(v.tot)}: € {som} x {dagen}/{jaardagen} = € {bedrag}",
        f"{regeling['pro_rata_bron']}; {METHODE_AFRONDING}",
    )
    grens = regeling.get("grens_per_dag")
    if grens and bedrag / dagen > grens:
        uit.signalen.append(
            f"meer dan € {grens} per dag: het zorgkantoor beperkt de verlening tot de kosten van verblijf minus "
            f"woonlasten (minimaal € {grens} per dag) en meldt dit aan het Zorginstituut"
        )
        t.stap("Grens per dag", uit.signalen[-1], regeling["grens_bron"])
    return uit
