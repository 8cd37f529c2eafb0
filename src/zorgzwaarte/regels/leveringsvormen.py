"""Leveringsvormen of the Wlz per version of the texts (Wlz art. 3.3.1-3.3.3; Blz art. 3.1.3 and 3.1.4).

The verzekerde chooses zorg in natura with verblijf in een instelling, a volledig pakket thuis (vpt) or a modulair
pakket thuis (mpt), or a persoonsgebonden budget (pgb); the only combination the text allows is mpt with pgb
(Wlz art. 3.3.1 lid 1). A vpt is given by one provider (art. 3.3.2 lid 1 onder a; from 2026 with the exception of
lid 9 by ministeriële regeling, which is not in the sources). A package at home is care without verblijf (art. 3.3.2),
a pgb is not for verblijf or behandeling (art. 3.3.3 lid 1). Logeeropvang: at most 156 etmalen per calendar year,
pro rata for a decision valid during part of a year (Blz art. 3.1.3; two per week in the 2017 text, three from the
2021 text). Kleinschalig wooninitiatief: Blz art. 3.1.4 lid 2 and 3.

The regelset of the date decides (parameters `leveringsvormen` in indicatie_wlz_<jaar>.yaml); before 2015 (AWBZ)
these articles do not apply and nothing is refused here. Every refusal names the article, its version and the
regelset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.datums import nl, voluit
from zorgzwaarte.regels.indicatie.wlz import wlz_parameters
from zorgzwaarte.regels.regelset import regelset_op
from zorgzwaarte.regels.uitleg import Toelichting

NAMEN = {
    "verblijf": "zorg met verblijf in een instelling",
    "vpt": "volledig pakket thuis",
    "mpt": "modulair pakket thuis",
    "pgb": "persoonsgebonden budget",
}


def niet_bij_indicatie(leveringsvorm: str, verblijf: bool, zzp_code: str | None) -> str | None:
    """Why the indicatiebesluit does not allow this leveringsvorm, in words (None: it does). The leveringsvorm is how
    the right the indicatiebesluit gives is delivered (Wlz art. 3.3.1 lid 1): verblijf in an instelling needs an
    indication with verblijf; a volledig pakket thuis is the integral package delivered at home (art. 3.3.2 lid 1 onder
    a), so it needs an indication with a zorgzwaartepakket (functies en klassen do not make one). A modulair pakket
    thuis (losse vormen van zorg, onder b) and a pgb fit every granted indication. The form proposes only what this
    allows and the service refuses the rest with the same words."""
    if leveringsvorm == "verblijf" and not verblijf:
        return "verblijf vraagt een indicatie met verblijf"
    if leveringsvorm == "vpt" and not zzp_code:
        return (
            "een volledig pakket thuis vraagt een indicatie met een zorgzwaartepakket; deze indicatie geeft functies "
            "en klassen"
        )
    return None


@dataclass(frozen=True)
class Levering:
    """One zorgleveringsovereenkomst as the rules see it."""

    leveringsvorm: str
    zorgaanbieder_id: int
    van: date
    tot: date | None


def regels_op(dag: date) -> tuple[dict[str, Any], str] | None:
    """The leveringsvorm parameters of the Wlz regelset in force on this day and its name; None before the Wlz."""
    try:
        rs = regelset_op("indicatie", dag)
    except InvoerFout:
        return None
    if rs.stelsel != "Wlz":
        return None
    return wlz_parameters(rs)["leveringsvormen"], rs.naam


def _overlap(a: Levering, b: Levering) -> date | None:
    """The first day both agreements run (None: they do not overlap)."""
    begin = max(a.van, b.van)
    einde_a, einde_b = a.tot or date.max, b.tot or date.max
    return begin if begin <= min(einde_a, einde_b) else None


def combinatie_fouten(nieuw: Levering, bestaande: list[Levering]) -> list[str]:
    """Why the new agreement cannot run beside the client's other agreements, by the Wlz version in force on the
    first common day (Wlz art. 3.3.1 lid 1: one leveringsvorm, or mpt with pgb; art. 3.3.2 lid 1 onder a: a vpt
    by one provider). Empty: allowed."""
    fouten: list[str] = []
    for ander in bestaande:
        dag = _overlap(nieuw, ander)
        if dag is None:
            continue
        gevonden = regels_op(dag)
        if gevonden is None:
            continue
        p, regelset = gevonden
        paar = sorted({nieuw.leveringsvorm, ander.leveringsvorm})
        keuze = p["keuze"]
        if len(paar) == 2 and paar not in [sorted(c) for c in keuze["combinaties"]]:
            fouten.append(
                f"de cliënt heeft vanaf {voluit(dag)} al een overeenkomst voor {NAMEN[ander.leveringsvorm]}; "
                f"{NAMEN[nieuw.leveringsvorm]} kan daar niet naast: de verzekerde kiest één leveringsvorm, alleen een "
                f"modulair pakket thuis en een persoonsgebonden budget gaan samen ({keuze['bron']}; regelset {regelset})"
            )
        elif paar == ["vpt"] and nieuw.zorgaanbieder_id != ander.zorgaanbieder_id:
            vpt = p["volledig_pakket_thuis"]
            tekst = (
                f"de cliënt heeft vanaf {nl(dag)} al een volledig pakket thuis bij een andere zorgaanbieder; een "
                f"volledig pakket thuis komt van één aanbieder ({vpt['bron']}; regelset {regelset})"
            )
            if vpt["uitzondering_bij_regeling"]:
                tekst += (
                    ". Vormen van zorg die een ministeriële regeling aanwijst mag een andere zorgaanbieder verlenen dan "
                    "die van het volledig pakket thuis (lid 9); welke dat zijn staat in die regeling, en die staat niet "
                    "in de bronnen van dit systeem, dus het systeem kan die zorg niet toestaan"
                )
            fouten.append(tekst)
    return fouten


def niet_in_leveringsvorm(leveringsvorm: str, functies: list[str], dag: date) -> list[tuple[int, str]]:
    """Planned functions the leveringsvorm does not include, by the Wlz version in force on the day (art. 3.3.2
    lid 1 and 2: a package at home is care without verblijf; art. 3.3.3 lid 1: a pgb is not for verblijf or
    behandeling). (index, Dutch reason) per refused function."""
    gevonden = regels_op(dag)
    if gevonden is None:
        return []
    p, regelset = gevonden
    uitgesloten = p["niet_in_leveringsvorm"].get(leveringsvorm) or {}
    versie = p["niet_in_leveringsvorm"]["bron"]
    return [
        (
            i,
            f"{uitgesloten[f]} hoort niet bij een {NAMEN[leveringsvorm]} (regelset {regelset}; {versie})",
        )
        for i, f in enumerate(functies)
        if f in uitgesloten
    ]


def _dagen_in_jaar(jaar: int, van: date, tot: date | None) -> tuple[date, date] | None:
    begin, einde = max(van, date(jaar, 1, 1)), min(tot or date.max, date(jaar, 12, 31))
    return (begin, einde) if begin <= einde else None


def logeeropvang_maximum(jaar: int, geldig_van: date, geldig_tot: date | None, uitleg: Toelichting) -> int | None:
    """The most etmalen logeeropvang in a calendar year (Blz art. 3.1.3 of the version in force that year): 156 for
    a decision valid the whole year; otherwise the weeks of validity in that year times two (Blz 2017) or three
    (from Blz 2021), never more than 156. Weeks: whole weeks (a project choice, in the trail). None: no Wlz rule
    (before 2015) or the decision is not valid in that year."""
    periode = _dagen_in_jaar(jaar, geldig_van, geldig_tot)
    if periode is None:
        return None
    gevonden = regels_op(periode[0])
    if gevonden is None:
        return None
    p, regelset = gevonden
    lg = p["logeeropvang"]
    maximum = int(lg["max_etmalen_per_jaar"])
    if periode == (date(jaar, 1, 1), date(jaar, 12, 31)):
        uitleg.stap(
            "Logeeropvang per kalenderjaar",
            f"Het indicatiebesluit geldt heel {jaar}: ten hoogste {maximum} etmalen (regelset {regelset})",
            lg["bron"],
        )
        return maximum
    dagen = (periode[1] - periode[0]).days + 1
    weken = dagen // 7
    per_week = int(lg["etmalen_per_week_naar_rato"])
    naar_rato = min(maximum, weken * per_week)
    uitleg.stap(
        "Logeeropvang naar rato",
        f"Het indicatiebesluit geldt in {jaar} van {nl(periode[0])} tot en met {nl(periode[1])}: {dagen} dagen = "
        f"{weken} volle weken × {per_week} = {weken * per_week} etmalen"
        + (f", ten hoogste {maximum}" if weken * per_week > maximum else "")
        + f" (regelset {regelset})",
        lg["bron"],
    )
    uitleg.stap("Weken van een deel van een jaar", "Alleen volle weken tellen", p["logeeropvang_weken"]["bron"])
    return naar_rato


def logeeropvang_te_veel(etmalen: int, jaar: int, geldig_van: date, geldig_tot: date | None, wat: str) -> str | None:
    """Why ``etmalen`` logeeropvang in ``jaar`` is more than Blz art. 3.1.3 of the version in force allows for an
    indicatiebesluit valid from ``geldig_van`` to ``geldig_tot`` (``wat`` says where the number comes from); None:
    allowed, or no Wlz rule applies."""
    uitleg = Toelichting()
    maximum = logeeropvang_maximum(jaar, geldig_van, geldig_tot, uitleg)
    if maximum is None or etmalen <= maximum:
        return None
    return (
        f"{etmalen} etmalen logeeropvang in {jaar} ({wat}) is meer dan de {maximum} die zijn toegestaan: "
        + "; ".join(f"{st.uitkomst} ({st.bron})" for st in uitleg.stappen[:1])
    )


def logeeropvang_eigen_zorglocatie(
    leveringsvorm: str, zeer_complexe_zorgbehoefte: bool | None, dag: date, uitleg: Toelichting
) -> bool | None:
    """Whether the verzekerde may arrange the place of logeeropvang himself from his pgb (Blz 2026 art. 3.1.3 lid 2:
    a verzekerde with a zeer complexe zorgbehoefte who receives a pgb). Who has such a need is described by a
    ministeriële regeling (lid 3) that is not in the sources: the fact is an input, never assumed. Earlier versions
    do not know this (False); None: the fact was not given."""
    gevonden = regels_op(dag)
    if gevonden is None:
        uitleg.stap("Logeeropvang op een eigen zorglocatie", f"Niet: vóór de Wlz ({nl(dag)})", "Wet langdurige zorg")
        return False
    p, regelset = gevonden
    e = p["logeeropvang_eigen_zorglocatie"]
    stap = "Logeeropvang op een eigen zorglocatie"
    if not e["mogelijk"]:
        uitleg.stap(stap, f"Niet: de versie van {nl(dag)} kent dat niet (regelset {regelset})", e["bron"])
        return False
    if leveringsvorm != "pgb":
        uitleg.stap(stap, f"Niet: alleen met een persoonsgebonden budget, dit is een {NAMEN[leveringsvorm]}", e["bron"])
        return False
    if zeer_complexe_zorgbehoefte is None:
        uitleg.stap(
            stap,
            "Onbekend: niet opgegeven is of de cliënt een zeer complexe zorgbehoefte heeft; wie dat is omschrijft een "
            f"ministeriële regeling die niet in de bronnen van dit systeem staat (regelset {regelset})",
            e["bron"],
        )
        return None
    if not zeer_complexe_zorgbehoefte:
        uitleg.stap(stap, "Niet: de cliënt heeft geen zeer complexe zorgbehoefte (opgegeven)", e["bron"])
        return False
    uitleg.stap(
        stap,
        "Ja: persoonsgebonden budget en een zeer complexe zorgbehoefte (opgegeven; de ministeriële regeling die "
        f"omschrijft wie dat is staat niet in de bronnen, het systeem heeft dat niet getoetst; regelset {regelset})",
        e["bron"],
    )
    return True


@dataclass(frozen=True)
class Wooninitiatief:
    """The facts of a woonsituatie that Blz art. 3.1.4 lid 2 and 3 look at; None: not known."""

    bewoners_met_pgb: int | None
    gezamenlijke_inkoop: bool | None
    een_adres_of_binnen_straal: bool | None
    gemeenschappelijke_ruimte: bool | None
    inwonend_bij_ouder: bool | None


def is_kleinschalig_wooninitiatief(w: Wooninitiatief, dag: date, uitleg: Toelichting) -> bool | None:
    """Blz art. 3.1.4 lid 2 (per version): at least three and at most twenty-six residents with a pgb who buy care
    together by bundling their budgets (a), on one woonadres or woonadressen within a hundred metres with at least
    one common room (b); lid 3: not for a verzekerde who lives with a parent, foster parent or pleegoudervoogd.
    None: a fact the answer needs is unknown (never assumed); also before the Wlz (no such article)."""
    gevonden = regels_op(dag)
    if gevonden is None:
        return None
    p, regelset = gevonden
    return kleinschalig_uit_feiten(w, p["kleinschalig_wooninitiatief"], regelset, uitleg)


def kleinschalig_uit_feiten(w: Wooninitiatief, k: dict[str, Any], regelset: str, uitleg: Toelichting) -> bool | None:
    """Whether the facts make a kleinschalig wooninitiatief by the definition ``k`` of one text (Blz art. 3.1.4 lid 2
    and 3; AWBZ 2014: Rsa art. 1.1.1 onder u and art. 2.6.6a lid 2): the number of residents, what their pgb is for
    (``pgb_voor``), one address or within ``straal_meter``, a common room, not living with ``inwonend_bij``. A fact
    that decides 'nee' decides even when others are unknown; otherwise an unknown fact gives None, never 'ja'."""
    pgb_voor = f"een persoonsgebonden budget voor {k['pgb_voor']}"
    onbekend = [
        naam
        for naam, waarde in (
            (f"het aantal bewoners met {pgb_voor}", w.bewoners_met_pgb),
            ("of de bewoners de zorg gezamenlijk inkopen", w.gezamenlijke_inkoop),
            (f"of de bewoners op één adres of binnen {k['straal_meter']} meter wonen", w.een_adres_of_binnen_straal),
            ("of er een gemeenschappelijke verblijfsruimte is", w.gemeenschappelijke_ruimte),
            (f"of de verzekerde inwoont bij {k['inwonend_bij']}", w.inwonend_bij_ouder),
        )
        if waarde is None
    ]
    redenen = []
    if w.bewoners_met_pgb is not None and not k["min_bewoners"] <= w.bewoners_met_pgb <= k["max_bewoners"]:
        redenen.append(
            f"{w.bewoners_met_pgb} bewoners met {pgb_voor} (het moeten er {k['min_bewoners']} tot en "
            f"met {k['max_bewoners']} zijn)"
        )
    if w.gezamenlijke_inkoop is False:
        redenen.append("de bewoners kopen de zorg niet gezamenlijk in door bundeling van hun budgetten")
    if w.een_adres_of_binnen_straal is False:
        redenen.append(f"de bewoners wonen niet op één adres of binnen {k['straal_meter']} meter van elkaar")
    if w.gemeenschappelijke_ruimte is False:
        redenen.append("er is geen gemeenschappelijke verblijfsruimte")
    if w.inwonend_bij_ouder:
        redenen.append(f"de verzekerde woont in bij {k['inwonend_bij']}")
    if redenen:
        uitleg.stap(
            "Kleinschalig wooninitiatief",
            f"Nee: {'; '.join(redenen)} (regelset {regelset})",
            k["bron"],
        )
        return False
    if onbekend:
        uitleg.stap(
            "Kleinschalig wooninitiatief",
            f"Onbekend: niet opgegeven is {', '.join(onbekend)} (regelset {regelset})",
            k["bron"],
        )
        return None
    uitleg.stap(
        "Kleinschalig wooninitiatief",
        f"Ja: {w.bewoners_met_pgb} bewoners met {pgb_voor} kopen samen zorg in, op één adres of "
        f"binnen {k['straal_meter']} meter, met een gemeenschappelijke verblijfsruimte (regelset {regelset})",
        k["bron"],
    )
    return True


def zzp_declaratie_fout(leveringsvormen: list[str], dag: date) -> str | None:
    """A declaration per day with a zorgzwaartepakket against agreements whose leveringsvorm excludes verblijf
    (mpt: Wlz art. 3.3.2 lid 1 en 2; pgb: art. 3.3.3 lid 1), by the version in force on the first declared day.
    None: at least one agreement includes it (verblijf or vpt), or no Wlz rule applies (before 2015)."""
    if not leveringsvormen:
        return None
    redenen = {lv: niet_in_leveringsvorm(lv, ["ZZP"], dag) for lv in sorted(set(leveringsvormen))}
    if not all(redenen.values()):
        return None
    return "gedeclareerd is een zorgzwaartepakket per dag, maar " + "; ".join(
        f"de overeenkomst voor deze dagen is een {NAMEN[lv]}: {r[0][1]}" for lv, r in redenen.items()
    )
