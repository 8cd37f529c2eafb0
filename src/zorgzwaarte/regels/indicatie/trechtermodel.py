"""Het trechtermodel (Beleidsregels indicatiestelling AWBZ 2014, bijlage 1 §3): from 'foto' to indicatiebesluit.

Stap 1 foto en grondslag; stap 2 bruto zorgbehoefte (voorliggend, gebruikelijke zorg); stap 3 netto
(mantelzorg, alleen op wens van de cliënt); stap 4 met of zonder verblijf; stap 5 het besluit: functies en
klassen, dagdelen, geldigheid. Every step writes its rule and article into the trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zorgzwaarte.domein.beoordeling import Beoordeling, Zorgmoment
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.codes import codelijst, grondslag_naam
from zorgzwaarte.regels.datums import leeftijd, nl, plus_maanden, tot_en_met_na_maanden, tot_en_met_na_weken, voluit
from zorgzwaarte.regels.indicatie.besluit import FUNCTIENAMEN, GeindiceerdeFunctie, Indicatiebesluit
from zorgzwaarte.regels.indicatie.controle import controleer, thuisbeademing
from zorgzwaarte.regels.indicatie.normtijden import Handeling, laatste_normtijden, normtijden
from zorgzwaarte.regels.indicatie.omvang import (
    ZESTIG,
    banden,
    d,
    fmt,
    klasse_voor_uren,
    school_dagdelen_per_week,
)
from zorgzwaarte.regels.indicatie.onderwijs_beademing import (
    aanleren_en_begeleiden,
    onderwijsaftrek,
    thuisbeademing_tijd,
    toezicht_thuisbeademing,
)
from zorgzwaarte.regels.indicatie.wlz import indiceer_wlz, lopende_zorg, wlz_beslistermijn, wlz_parameters
from zorgzwaarte.regels.regelset import Regelset, regelset_met, regelset_op
from zorgzwaarte.regels.uitleg import Toelichting
from zorgzwaarte.regels.variant import voor_peildatum

BIA = "Beleidsregels indicatiestelling AWBZ 2014"
UUR_FUNCTIES = ("PV", "VP")

# A hook for the profile choice (care with stay); set by zorgzwaarte.regels.profielen to keep this module
# free of the catalogue. It receives the assessment, the ruleset, the trail and the besluitdatum.
ProfielKeuze = Callable[[Beoordeling, Regelset, Toelichting, date], dict[str, Any]]


@dataclass
class Werk:
    """Working state of one run of the trechtermodel."""

    b: Beoordeling
    regelset: Regelset
    p: dict[str, Any]
    uitleg: Toelichting = field(default_factory=Toelichting)
    toegang: set[str] = field(default_factory=set)
    leeftijd: int = 0
    besluitdatum: date = date.min
    # Dutch sentences for the result: where a figure is unknown because its source is missing
    waarschuwingen: list[str] = field(default_factory=list)

    def bron(self, *delen: str) -> str:
        return ", ".join(delen)

    def maxscore(self, soort: str, prefix: str) -> int | None:
        """Highest assessed score (0-3) on a terrein; None when nothing there was assessed (9 or missing)."""
        scores = self.b.stoornisscores if soort == "stoornis" else self.b.beperkingscores
        waarden = [s for c, s in scores.items() if c.startswith(prefix) and s != 9]
        return max(waarden) if waarden else None


def indiceer(
    b: Beoordeling, profielkeuze: ProfielKeuze | None = None, variant: Regelset | None = None
) -> Indicatiebesluit:
    """Run the trechtermodel for one assessment; raises InvoerFout for invalid input.

    With a ``variant`` (regels/variant.py) its changed parameters apply, and the receipt is the variant's."""
    regelset = regelset_op("indicatie", b.peildatum)
    if variant is not None:
        regelset = voor_peildatum(variant, regelset)
    if regelset.stelsel == "Wlz":
        # No functies en klassen at home under the Wlz; handelingen are still checked against the last table.
        controleer(b, laatste_normtijden(), functies_thuis=False)
        return indiceer_wlz(b, regelset, profielkeuze)
    tabel = normtijden(regelset)
    controleer(b, tabel)
    w = Werk(b=b, regelset=regelset, p=regelset.tabel("indicatie_awbz_2014.yaml"))
    w.besluitdatum = b.besluitdatum or b.peildatum
    w.leeftijd = leeftijd(b.client.geboortedatum, b.peildatum)
    w.uitleg.stap(
        "Regelset op peildatum",
        f"{regelset.naam} (versie {regelset.versie}) geldt op {nl(b.peildatum)}",
        regelset.bron,
    )

    stap1_grondslagen(w)
    netto = stap2_bruto_zorgbehoefte(w, tabel)
    netto = stap3_netto_zorgbehoefte(w, netto)
    verblijf, etmalen = stap4_verblijf(w)

    functies: list[GeindiceerdeFunctie] = []
    zzp: dict[str, Any] | None = None
    if verblijf:
        if profielkeuze is not None:
            zzp = profielkeuze(b, regelset, w.uitleg, w.besluitdatum)
    else:
        functies = stap5_functies_en_klassen(w, netto)
    afwijzing = [] if (verblijf or functies) else afwijzingsgronden(w)
    besluit = "toegekend" if (verblijf or functies) else "afgewezen"

    geldig_tot, tot_overlijden = stap5_geldigheid(w, functies, verblijf, zzp)
    minstens_jaar, minstens_jaar_reden = (
        behoefte_minstens_een_jaar(w, geldig_tot, tot_overlijden) if (verblijf or functies) else (None, None)
    )
    uiterste = beslistermijn(w)
    w.uitleg.stap(
        "Stap 5: indicatiebesluit",
        f"Besluit: {besluit}"
        + (f"; verblijf {etmalen} etmalen per week" if verblijf else "")
        + (f"; functies: {', '.join(f.functie for f in functies)}" if functies else ""),
        f"{BIA}, bijlage 1 §3.5; Zorgindicatiebesluit art. 13",
    )
    return Indicatiebesluit(
        besluit=besluit,
        verblijf=verblijf,
        functies=functies,
        besluitdatum=w.besluitdatum,
        geldig_van=w.besluitdatum,
        geldig_tot=geldig_tot,
        geldig_tot_overlijden=tot_overlijden,
        grondslagen=list(b.grondslagen),
        ruleset=regelset.ontvangstbewijs,
        waarschuwingen=regelset.waarschuwingen(b.peildatum) + w.waarschuwingen,
        toelichting=list(w.uitleg.stappen),
        etmalen_verblijf=etmalen if verblijf else None,
        uiterste_beslisdatum=uiterste,
        zzp=zzp,
        afwijzingsgronden=afwijzing,
        behoefte_minstens_een_jaar=minstens_jaar,
        behoefte_minstens_een_jaar_reden=minstens_jaar_reden,
        peildatum=b.peildatum,
    )


# --- Stap 1 -------------------------------------------------------------------------------------------------


def stap1_grondslagen(w: Werk) -> None:
    """Stap 1: foto en grondslag (bijlage 1 §3.1; bijlage 2 §2.1 en §2.3)."""
    toegang_p = w.p["toegang"]["functies_per_grondslag"]
    namen = [f"{grondslag_naam(g)} ({g})" for g in w.b.grondslagen]
    w.uitleg.stap(
        "Stap 1: grondslagen",
        f"Dominante grondslag: {namen[0]}" + (f"; bijkomend: {', '.join(namen[1:])}" if len(namen) > 1 else ""),
        f"{BIA}, bijlage 2 §2.3 (één of meerdere grondslagen; de dominante wordt als eerste vermeld)",
    )
    for g in w.b.grondslagen:
        functies = toegang_p["waarde"].get(g, [])
        w.toegang.update(functies)
        if not functies:
            w.uitleg.stap(
                "Toegang per grondslag",
                f"{grondslag_naam(g)} ({g}) is geen AWBZ-grondslag en geeft geen toegang tot functies",
                w.p["toegang"]["grondslag_07"]["bron"],
            )
        else:
            w.uitleg.stap(
                "Toegang per grondslag",
                f"{grondslag_naam(g)} ({g}) geeft toegang tot: {', '.join(functies)}",
                toegang_p["bron"],
            )
    gescoord = sum(1 for s in [*w.b.stoornisscores.values(), *w.b.beperkingscores.values()] if s != 9)
    prognose = codelijst("LDT_Prognose").get(w.b.prognose or "", "niet opgegeven")
    w.uitleg.stap(
        "Stap 1: foto",
        f"{gescoord} stoornissen en beperkingen beoordeeld op de vierpuntsschaal (0-3); leeftijd {w.leeftijd} jaar;"
        f" prognose: {prognose}",
        f"{BIA}, bijlage 1 §3.1 Stap 1 Probleemanalyse ('foto')",
    )


# --- Stap 2 en 3 --------------------------------------------------------------------------------------------


def gebruikelijke_zorg_geldt(w: Werk, functie: str, moment_vlag: bool) -> tuple[bool, str]:
    """Whether the first caregiver's time is gebruikelijke zorg (bijlage 3 §2.2-2.4), with the reason."""
    hh = w.b.huishouden
    volwassen = w.leeftijd >= 18
    kortdurend = hh.kortdurende_zorgsituatie and hh.gebruikelijke_zorger_aanwezig
    if not (moment_vlag or kortdurend):
        return False, ""
    if w.b.terminaal:
        return (
            False,
            "terminale levensfase: geen gebruikelijke zorg verwacht (bijlage 3 §2.2-2.4, uitzondering)",
        )
    if hh.overbelasting:
        return False, "(dreigende) overbelasting van de gebruikelijke zorger (bijlage 3, uitzondering 2)"
    if functie == "VP" and volwassen:
        return False, "verpleging van een volwassene is geen gebruikelijke zorg (bijlage 3 §2.3 lid 1)"
    if (
        not volwassen and w.leeftijd >= w.p["gebruikelijke_zorg"]["intieme_zorg_weigeren_vanaf_jaar"]["waarde"]
    ) and hh.intieme_zorg_door_ouder_geweigerd:
        return (
            False,
            "kind van 12 jaar of ouder wil geen intieme zorg van de ouder (bijlage 3, uitzondering 5)",
        )
    if kortdurend:
        return (
            True,
            "kortdurende zorgsituatie met uitzicht op herstel (in het algemeen ten hoogste 3 maanden)",
        )
    if functie == "PV" and volwassen and moment_vlag:
        return (
            False,
            "persoonlijke verzorging van een volwassene door de partner is alleen bij een kortdurende "
            "zorgsituatie gebruikelijke zorg (bijlage 3 §2.2 lid 1)",
        )
    if moment_vlag:
        return True, "door de beoordelaar aangemerkt als gebruikelijke zorg"
    return False, ""


def awbz_handelingen(w: Werk, i: int, zm: Zorgmoment, tabel: dict[str, Handeling]) -> list[Handeling]:
    """The handelingen of a zorgmoment that are AWBZ care (bijlage 5 §3.1 Afbakening Zvw en AWBZ).

    A '*' handeling (nursing for medisch-specialistische zorg) under the responsibility of a medisch specialist
    is Zvw, unless the nursing is for thuisbeademing or palliatief-terminale zorg (art. 2.11 lid 2 Bzv).
    """
    hs = [tabel[h] for h in zm.handelingen]
    sterren = [h for h in hs if h.medisch_specialistisch]
    if not sterren or not zm.medisch_specialist_verantwoordelijk:
        if sterren:
            w.uitleg.stap(
                "Stap 2: afbakening Zvw en AWBZ",
                f"Zorgmoment {i}: de huisarts (geen medisch specialist) is verantwoordelijk voor de verpleging bij "
                f"{', '.join(h.omschrijving for h in sterren)}: AWBZ-verpleging",
                f"{BIA}, bijlage 5 §3.1 en §4.4 (handelingen met *)",
            )
        return hs
    uitzondering = "palliatief-terminale zorg" if w.b.terminaal else "thuisbeademing" if thuisbeademing(w.b) else None
    if uitzondering:
        w.uitleg.stap(
            "Stap 2: afbakening Zvw en AWBZ",
            f"Zorgmoment {i}: een medisch specialist is verantwoordelijk voor de verpleging bij "
            f"{', '.join(h.omschrijving for h in sterren)}, maar bij {uitzondering} blijft die verpleging AWBZ",
            f"{BIA}, bijlage 5 §3.1 (art. 2.11 lid 2 Besluit zorgverzekering)",
        )
        return hs
    w.uitleg.stap(
        "Stap 2: afbakening Zvw en AWBZ",
        f"Zorgmoment {i}: een medisch specialist is verantwoordelijk voor de verpleging bij "
        f"{', '.join(h.omschrijving for h in sterren)}: dat is Zvw-zorg (Zorgverzekeringswet), geen AWBZ; "
        "deze handelingen tellen niet mee",
        f"{BIA}, bijlage 5 §3.1 en §4.4 (handelingen met *)",
    )
    return [h for h in hs if not h.medisch_specialistisch]


def verdeel_zorgmoment(
    hs: list[Handeling], aftrek: Decimal, optelling: Decimal
) -> dict[str, tuple[list[Handeling], Decimal]]:
    """Minutes of one zorgmoment per function (bijlage 4 §4.4 and bijlage 5 §4.4, samenvallende activiteiten).

    The indirect time belongs to the zorgmoment, not to a function: with two or more handelingen (PV and VP
    together) 3,5 minuut comes off each and 3,5 minuut is added once for the moment. That one addition is counted
    with persoonlijke verzorging when the moment holds PV (its table comes first, bijlage 4), otherwise with
    verpleging; the total of the moment follows the text whatever the split.
    """
    per_functie: dict[str, list[Handeling]] = {}
    for h in hs:
        per_functie.setdefault(h.functie, []).append(h)
    samen = len(hs) > 1
    ontvanger = "PV" if "PV" in per_functie else "VP"
    uit: dict[str, tuple[list[Handeling], Decimal]] = {}
    for functie, lijst in per_functie.items():
        minuten = sum((d(h.minuten) - (aftrek if samen else Decimal(0)) for h in lijst), Decimal(0))
        if samen and functie == ontvanger:
            minuten += optelling
        uit[functie] = (lijst, minuten)
    return uit


def stap2_bruto_zorgbehoefte(w: Werk, tabel: dict[str, Handeling]) -> dict[str, Decimal]:
    """Stap 2: bruto zorgbehoefte in minuten per week per functie (bijlage 1 §3.2; bijlage 4 en 5 §4.4)."""
    zm_p = w.p["zorgmoment"]
    aftrek = d(zm_p["samenvallend_aftrek_per_handeling_minuten"]["waarde"])
    optelling = d(zm_p["samenvallend_optelling_per_zorgmoment_minuten"]["waarde"])
    totaal: dict[str, Decimal] = {}
    for i, zm in enumerate(w.b.zorgmomenten, start=1):
        alle = awbz_handelingen(w, i, zm, tabel)
        # thuisbeademing counts its own way (bijlage 5 §5.3); the 3,5-minute rule is for the §4.4 tables
        hs = [h for h in alle if not h.thuisbeademing]
        tb = [h for h in alle if h.thuisbeademing]
        verdeling = verdeel_zorgmoment(hs, aftrek, optelling)
        tb_minuten, tb_tekst = thuisbeademing_tijd(zm, tb, len(alle)) if tb else (Decimal(0), "")
        if tb:
            lijst_vp, t_vp = verdeling.get("VP", ([], Decimal(0)))
            verdeling["VP"] = (lijst_vp, t_vp + tb_minuten)
        samen = len(hs) > 1
        beide = len(verdeling) > 1
        for functie, (lijst, t) in verdeling.items():
            basis = t - tb_minuten if functie == "VP" else t  # the §4.4 part of the moment
            if not lijst:
                berekening = ""
            elif not samen:
                berekening = f"{lijst[0].omschrijving}: {fmt(basis)} min"
            else:
                delen = " + ".join(f"({fmt(d(h.minuten))} − {fmt(aftrek)})" for h in lijst)
                indirect = (
                    f" + {fmt(optelling)}"
                    if functie == ("PV" if "PV" in verdeling else "VP")
                    else f" (de {fmt(optelling)} min indirecte tijd van dit zorgmoment telt één keer, bij "
                    "persoonlijke verzorging)"
                )
                berekening = (
                    f"{len(hs)} samenvallende handelingen"
                    + (f" ({len(lijst)} {FUNCTIENAMEN[functie].lower()})" if beide else "")
                    + f": {delen}{indirect} = {fmt(basis)} min"
                )
            if tb and functie == "VP":
                berekening = f"{berekening}; {tb_tekst}; samen {fmt(t)} min" if lijst else tb_tekst
            gz, reden = gebruikelijke_zorg_geldt(w, functie, zm.gebruikelijke_zorg)
            eerste = Decimal(0) if gz else t
            tweede = t if zm.twee_zorgverleners else Decimal(0)
            per_week = (eerste + tweede) * d(zm.per_week)
            totaal[functie] = totaal.get(functie, Decimal(0)) + per_week
            tekst = f"Zorgmoment {i} ({functie}): {berekening}"
            if zm.twee_zorgverleners:
                tekst += f"; twee zorgverleners: tweede zorgverlener {fmt(t)} min volledig"
            if gz:
                tekst += f"; eerste zorgverlener is gebruikelijke zorg ({reden})"
            elif reden:
                tekst += f"; geen gebruikelijke zorg: {reden}"
            tekst += f"; × {fmt(d(zm.per_week))} per week = {fmt(per_week)} min per week"
            bron = (
                f"{BIA}, bijlage {'4' if functie == 'PV' else '5'} §4.4 (gemiddelde tijden, samenvallende activiteiten)"
                if lijst
                else f"{BIA}, bijlage 5 §5.3 (thuisbeademing)"
            )
            if beide:
                bron += "; bijlage 1 §2.4 (indirecte tijd per zorgmoment)"
            if zm.twee_zorgverleners:
                bron += "; bijlage 1 §2.4 'Zorg door twee zorgverleners'"
            if gz or reden:
                bron += "; bijlage 3 (gebruikelijke zorg)"
            if tb and functie == "VP" and lijst:
                bron += "; bijlage 5 §5.3 (thuisbeademing)"
            w.uitleg.stap("Stap 2: tijd per zorgmoment", tekst, bron)
    aanleren_en_begeleiden(w, totaal)
    onderwijsaftrek(w, totaal)
    for a in w.b.voorliggend:
        if a.functie in totaal:
            oud = totaal[a.functie]
            totaal[a.functie] = max(Decimal(0), oud - d(a.minuten_per_week))
            w.uitleg.stap(
                "Stap 2: voorliggende voorziening",
                f"{a.functie}: {fmt(d(a.minuten_per_week))} min per week via "
                f"{a.omschrijving or 'voorliggende voorziening of hulpmiddel'}; {fmt(oud)} → {fmt(totaal[a.functie])} min",
                f"{BIA}, bijlage 1 §3.2 Stap 2 (voorliggende voorzieningen, hulpmiddelen, behandeling)",
            )
    for functie, per_week_totaal in totaal.items():
        w.uitleg.stap(
            "Stap 2: bruto zorgbehoefte",
            f"{FUNCTIENAMEN[functie]}: {fmt(per_week_totaal)} minuten per week ({fmt(per_week_totaal / ZESTIG)} uur)",
            f"{BIA}, bijlage 1 §3.2; bijlage {'4' if functie == 'PV' else '5'} §4.1 Omvang",
        )
    return totaal


def stap3_netto_zorgbehoefte(w: Werk, bruto: dict[str, Decimal]) -> dict[str, Decimal]:
    """Stap 3: mantelzorg alleen in mindering als de cliënt dat wenst (bijlage 1 §3.3)."""
    netto = dict(bruto)
    mz = w.b.mantelzorg
    if not mz.wens_aftrek:
        w.uitleg.stap(
            "Stap 3: netto zorgbehoefte",
            "De cliënt wenst geen aftrek van mantelzorg: netto is gelijk aan bruto",
            f"{BIA}, bijlage 1 §3.3 Stap 3 (mantelzorg alleen op wens van de verzekerde)",
        )
        return netto
    for a in mz.aftrek:
        oud = netto.get(a.functie, Decimal(0))
        netto[a.functie] = max(Decimal(0), oud - d(a.minuten_per_week))
        w.uitleg.stap(
            "Stap 3: mantelzorg op wens van de cliënt",
            f"{a.functie}: {fmt(d(a.minuten_per_week))} min per week door mantelzorg; {fmt(oud)} → {fmt(netto[a.functie])} min",
            f"{BIA}, bijlage 1 §3.3 Stap 3",
        )
    return netto


# --- Stap 4 -------------------------------------------------------------------------------------------------


def beschermende_woonomgeving_telt(w: Werk) -> bool:
    """Bijlage 8 §2.2: a beschermende woonomgeving for a child under 17 is gebruikelijke zorg of the parents (no
    verblijf on that ground); from 17 to the 23rd birthday a young person who cannot yet live independently but can
    learn it has the entitlement for a limited period, at most until the 23rd birthday (see geldigheid)."""
    if not w.b.leefklimaat.beschermende_woonomgeving:
        return False
    bw = w.p["verblijf"]["beschermende_woonomgeving_jongeren"]
    if w.leeftijd < int(bw["waarde"]["gebruikelijke_zorg_tot_jaar"]):
        w.uitleg.stap(
            "Stap 4: beschermende woonomgeving",
            f"Kind van {w.leeftijd} jaar: een beschermende woonomgeving bieden is gebruikelijke zorg van de ouders "
            f"(tot {bw['waarde']['gebruikelijke_zorg_tot_jaar']} jaar); geen verblijf op deze grond",
            f"{bw['bron']}; bijlage 3 (gebruikelijke zorg)",
        )
        return False
    verblijf_gevraagd = w.b.etmalen_per_week > int(w.p["verblijf"]["min_etmalen_exclusief"]["waarde"])
    if w.leeftijd < int(bw["waarde"]["tot_verjaardag"]) and verblijf_gevraagd:
        if w.b.zelfstandig_wonen_leerbaar is None:
            raise InvoerFout.een(
                "zelfstandig_wonen_leerbaar",
                f"de cliënt is {w.leeftijd} jaar en heeft een beschermende woonomgeving nodig: geef aan of hij of zij "
                f"zelfstandig wonen kan leren (dan geldt het tot de {bw['waarde']['tot_verjaardag']}e verjaardag; {bw['bron']})",
            )
        if w.b.zelfstandig_wonen_leerbaar:
            w.uitleg.stap(
                "Stap 4: beschermende woonomgeving",
                f"Jongere van {w.leeftijd} jaar die zelfstandig wonen kan leren: beschermende woonomgeving gedurende "
                f"een afgebakende periode, ten hoogste tot de {bw['waarde']['tot_verjaardag']}e verjaardag",
                bw["bron"],
            )
    return True


def einde_beschermende_woonomgeving_jongere(w: Werk) -> date | None:
    """The last day of a verblijf that rests only on a beschermende woonomgeving for a young person of 17-22 who can
    learn to live independently: the day before the 23rd birthday (bijlage 8 §2.2); None otherwise."""
    lk = w.b.leefklimaat
    bw = w.p["verblijf"]["beschermende_woonomgeving_jongeren"]
    jongere = int(bw["waarde"]["gebruikelijke_zorg_tot_jaar"]) <= w.leeftijd < int(bw["waarde"]["tot_verjaardag"])
    alleen_bwo = lk.beschermende_woonomgeving and not (lk.therapeutisch_leefklimaat or lk.permanent_toezicht)
    if not (jongere and alleen_bwo and w.b.zelfstandig_wonen_leerbaar):
        return None
    verjaardag = plus_maanden(w.b.client.geboortedatum, 12 * int(bw["waarde"]["tot_verjaardag"]))
    return verjaardag - timedelta(days=1)


def stap4_verblijf(w: Werk) -> tuple[bool, int]:
    """Stap 4: met of zonder verblijf (Bza art. 9; bijlage 8 §3 en §4.1)."""
    b = w.b
    vp = w.p["verblijf"]
    drempel = int(vp["min_etmalen_exclusief"]["waarde"])
    lk = b.leefklimaat
    klimaten = [
        naam
        for naam, ja in (
            ("beschermende woonomgeving", beschermende_woonomgeving_telt(w)),
            ("therapeutisch leefklimaat", lk.therapeutisch_leefklimaat),
            ("permanent toezicht", lk.permanent_toezicht),
        )
        if ja
    ]
    if not klimaten:
        w.uitleg.stap(
            "Stap 4: verblijf",
            "Geen beschermende woonomgeving, therapeutisch leefklimaat of permanent toezicht: zorg zonder verblijf",
            f"Besluit zorgaanspraken AWBZ art. 9 lid 1; {BIA}, bijlage 8 §3",
        )
        return False, 0
    if "VB" not in w.toegang:
        w.uitleg.stap(
            "Stap 4: verblijf",
            "De grondslagen geven geen toegang tot verblijf",
            w.p["toegang"]["functies_per_grondslag"]["bron"],
        )
        return False, 0
    if b.etmalen_per_week <= drempel:
        w.uitleg.stap(
            "Stap 4: verblijf",
            f"Leefklimaat {', '.join(klimaten)}, maar {b.etmalen_per_week} etmalen per week is niet meer dan "
            f"{drempel}: geen verblijf (eventueel kortdurend verblijf)",
            vp["min_etmalen_exclusief"]["bron"],
        )
        return False, 0
    etmalen = b.etmalen_per_week
    if etmalen < 7 and b.zorgmomenten:
        etmalen = 7
        regel = f"{b.etmalen_per_week} etmalen verblijf met zorg thuis op de overige dagen: verblijf op 7 etmalen"
    else:
        regel = f"verblijf {etmalen} etmalen per week"
    w.uitleg.stap(
        "Stap 4: verblijf",
        f"Leefklimaat {', '.join(klimaten)} en meer dan {drempel} etmalen per week: zorg met verblijf; {regel}",
        f"Besluit zorgaanspraken AWBZ art. 9; {vp['etmalen_zzp']['bron']}",
    )
    return True, etmalen


# --- Stap 5: functies en klassen ----------------------------------------------------------------------------


def toegang_criterium(w: Werk, functie: str) -> tuple[bool, str, str]:
    """Indicatiecriteria per function beyond the grondslag: (granted, reason, bron)."""
    tp = w.p["toegang"]
    if functie == "PV":
        score = w.maxscore("beperking", tp["pv"]["waarde"]["beperkingen_prefix"])
        if score is None:
            return (
                True,
                "beperkingen in persoonlijke zorg niet gescoord; beoordeeld op de aangewezen handelingen",
                tp["pv"]["bron"],
            )
        if score == 0:
            return (
                False,
                "geen beperkingen op het gebied van persoonlijke zorg gescoord (alle 0)",
                tp["pv"]["bron"],
            )
        return (
            True,
            f"beperkingen op het gebied van persoonlijke zorg (hoogste score {score})",
            tp["pv"]["bron"],
        )
    if functie == "VP":
        # controle requires the fact whenever there is verpleging: never assumed (bijlage 5 §3)
        if w.b.vp_medische_noodzaak is not True:
            return False, "geen door een arts vastgestelde medische noodzaak", tp["vp"]["bron"]
        return True, "door een arts vastgestelde medische noodzaak", tp["vp"]["bron"]
    if functie == "BG":
        bg = tp["begeleiding"]
        if "06" in w.b.grondslagen:
            return (
                True,
                "zintuiglijke handicap geeft op grond van de voorwaarden aan deze grondslag toegang",
                bg["bron"],
            )
        drempel = int(bg["waarde"]["min_score_matig"])
        gescoord = {t: w.maxscore(v["soort"], v["prefix"]) for t, v in bg["waarde"]["terreinen"].items()}
        matig = [t.replace("_", " ") for t, s in gescoord.items() if s is not None and s >= drempel]
        if matig:
            return (
                True,
                f"matige tot zware beperkingen (score ≥ {drempel}) op: {', '.join(matig)}",
                bg["bron"],
            )
        if all(s is None for s in gescoord.values()):
            return (
                True,
                "de vijf terreinen voor begeleiding zijn niet gescoord; beoordeeld op de aangegeven begeleiding",
                bg["bron"],
            )
        return False, f"geen matige of zware beperkingen (score ≥ {drempel}) op de vijf terreinen", bg["bron"]
    return True, "", ""


def uren_functie(
    w: Werk, functie: str, minuten: Decimal, einddatum: date | None, sleutel: str | None = None
) -> GeindiceerdeFunctie:
    """Minutes per week -> klasse in the law's bands, with additional hours above the top band."""
    kp = w.p["klassen"][sleutel or functie]
    uren = minuten / ZESTIG
    uitkomst = klasse_voor_uren(banden(kp["banden"]["waarde"]), uren)
    band = uitkomst.band
    tekst = (
        f"{FUNCTIENAMEN[functie]}: {fmt(uren)} uur per week valt in klasse {uitkomst.klasse} "
        f"({fmt(band.uren_van)} – {fmt(band.uren_tot_en_met)} uur per week)"
    )
    bron = kp["banden"]["bron"]
    if uitkomst.additionele_uren:
        tekst += f"; boven de hoogste klasse: {fmt(uitkomst.additionele_uren)} uur additionele zorg (gemotiveerd)"
        bron += f"; {kp['boven_hoogste']['bron']}"
    w.uitleg.stap("Stap 5: klasse", tekst, bron)
    return GeindiceerdeFunctie(
        functie=functie,
        minuten_per_week=minuten,
        klasse=uitkomst.klasse,
        klasse_code=f"K{uitkomst.klasse}",
        ingangsdatum=w.besluitdatum,
        einddatum=einddatum,
        additionele_uren_per_week=uitkomst.additionele_uren or None,
    )


def zeer_ernstige_gedragsproblematiek(w: Werk) -> bool:
    """Score 3 on at least three of five terreinen (bijlage 6 §4.1 'Zeer ernstige gedragsproblematiek')."""
    zp = w.p["begeleiding_individueel"]["zeer_ernstige_gedragsproblematiek"]
    drie = [t for t, v in zp["waarde"]["terreinen"].items() if w.maxscore(v["soort"], v["prefix"]) == 3]
    ja = len(drie) >= int(zp["waarde"]["min_terreinen_met_score_3"])
    w.uitleg.stap(
        "Zeer ernstige gedragsproblematiek",
        f"Score 3 op {len(drie)} van de 5 terreinen"
        + (f" ({', '.join(t.replace('_', ' ') for t in drie)})" if drie else "")
        + (": zeer ernstige gedragsproblematiek" if ja else ": geen zeer ernstige gedragsproblematiek"),
        zp["bron"],
    )
    return ja


def max_klasse_begeleiding(w: Werk, activiteiten: set[str]) -> tuple[int, str]:
    """Maximale omvang BG individueel per activiteitencombinatie (bijlage 6 §4.1, tabel).

    The table names combinations; for a combination it does not name, the highest maximum among the rows whose
    activities are all part of the request applies (a request never earns the maximum of activities it lacks).
    """
    zeg = zeer_ernstige_gedragsproblematiek(w)
    aanwezig = {
        "kern": bool(activiteiten & {"structuur_regie", "vaardigheden"}),
        "toezicht": "toezicht" in activiteiten,
        "toezicht_onderwijs": "toezicht_onderwijs" in activiteiten,
        "oefenen": "oefenen" in activiteiten,
    }
    beste: tuple[int, str] = (0, "")
    for rij in w.p["begeleiding_individueel"]["maximale_klasse"]["waarde"]["regels"]:
        if rij["zeg"] and not zeg:
            continue
        nodig = [k for k in ("kern", "toezicht", "toezicht_onderwijs", "oefenen") if rij[k] is True]
        if all(aanwezig[k] for k in nodig) and rij["max_klasse"] > beste[0]:
            beste = (int(rij["max_klasse"]), str(rij["rij"]))
    return beste


def stap5_functies_en_klassen(w: Werk, netto: dict[str, Decimal]) -> list[GeindiceerdeFunctie]:
    """Stap 5 for care without stay: PV, VP, BG individueel in klassen; BG/BH groep in dagdelen; KVB in etmalen."""
    uit: list[GeindiceerdeFunctie] = []
    b = w.b
    for functie in UUR_FUNCTIES:
        minuten = netto.get(functie)
        if minuten is None:
            continue
        if functie not in w.toegang:
            w.uitleg.stap(
                f"Toegang {functie}",
                f"{FUNCTIENAMEN[functie]} niet geïndiceerd: de grondslagen geven geen toegang",
                w.p["toegang"]["functies_per_grondslag"]["bron"],
            )
            continue
        ok, reden, bron = toegang_criterium(w, functie)
        w.uitleg.stap(f"Indicatiecriteria {functie}", ("Voldaan: " if ok else "Niet voldaan: ") + reden, bron)
        if not ok:
            continue
        if minuten <= 0:
            w.uitleg.stap(
                f"Omvang {functie}",
                f"Na aftrek van gebruikelijke zorg, voorliggende voorzieningen en mantelzorg resteert geen "
                f"{FUNCTIENAMEN[functie].lower()}",
                f"{BIA}, bijlage 1 §3.2 en §3.3",
            )
            continue
        uit.append(uren_functie(w, functie, minuten, einddatum_aanleren(w, functie)))

    if b.begeleiding_individueel is not None:
        f = begeleiding_individueel(w)
        if f:
            uit.append(f)
    if b.behandeling_individueel is not None:
        f = behandeling_individueel(w)
        if f:
            uit.append(f)
    kvb = kortdurend_verblijf(w)
    uit.extend(groepszorg(w, kvb))
    if kvb:
        uit.append(kvb)
    return uit


def begeleiding_individueel(w: Werk) -> GeindiceerdeFunctie | None:
    bgi = w.b.begeleiding_individueel
    assert bgi is not None
    if "BG" not in w.toegang:
        w.uitleg.stap(
            "Toegang BG-IND",
            "Begeleiding niet geïndiceerd: de grondslagen geven geen toegang",
            w.p["toegang"]["functies_per_grondslag"]["bron"],
        )
        return None
    ok, reden, bron = toegang_criterium(w, "BG")
    w.uitleg.stap("Indicatiecriteria begeleiding", ("Voldaan: " if ok else "Niet voldaan: ") + reden, bron)
    if not ok:
        return None
    if (
        w.b.huishouden.kortdurende_zorgsituatie
        and w.b.huishouden.gebruikelijke_zorger_aanwezig
        and not w.b.terminaal
        and not w.b.huishouden.overbelasting
    ):
        w.uitleg.stap(
            "Gebruikelijke begeleiding",
            "Kortdurende zorgsituatie met uitzicht op herstel: alle begeleiding is gebruikelijke zorg",
            f"{BIA}, bijlage 3 §2.4 lid 1",
        )
        return None
    uren = d(bgi.uren_per_week)
    if bgi.oefenen_uren_per_week is not None:
        op = w.p["begeleiding_individueel"]["oefenen_max_uren"]
        oefenen = d(bgi.oefenen_uren_per_week)
        if oefenen > d(op["waarde"]):
            uren = uren - oefenen + d(op["waarde"])
            w.uitleg.stap(
                "Oefenen ten hoogste 3 uur",
                f"{fmt(oefenen)} uur oefenen gevraagd; ten hoogste {fmt(d(op['waarde']))} uur telt mee, bij de "
                f"andere activiteiten opgeteld: {fmt(d(bgi.uren_per_week))} → {fmt(uren)} uur per week",
                op["bron"],
            )
        else:
            w.uitleg.stap(
                "Oefenen ten hoogste 3 uur",
                f"{fmt(oefenen)} uur oefenen, binnen het maximum van {fmt(d(op['waarde']))} uur; opgeteld bij de "
                "andere activiteiten",
                op["bron"],
            )
    minuten = uren * ZESTIG
    for a in w.b.voorliggend + (w.b.mantelzorg.aftrek if w.b.mantelzorg.wens_aftrek else []):
        if a.functie == "BG-IND":
            minuten = max(Decimal(0), minuten - d(a.minuten_per_week))
    if minuten <= 0:
        return None
    f = uren_functie(w, "BG-IND", minuten, None)
    assert f.klasse is not None
    maximum, rij = max_klasse_begeleiding(w, set(bgi.activiteiten))
    # every combination controle lets through matches a row (klassen 1-8): never a cap to a klasse 0
    assert maximum >= 1, bgi.activiteiten
    if f.klasse > maximum:
        w.uitleg.stap(
            "Maximale omvang begeleiding individueel",
            f"Klasse {f.klasse} is meer dan het maximum voor '{rij}': klasse {maximum}; meer alleen als "
            f"additionele zorg met motivering",
            w.p["begeleiding_individueel"]["maximale_klasse"]["bron"],
        )
        f.klasse, f.klasse_code, f.additionele_uren_per_week = maximum, f"K{maximum}", None
    else:
        w.uitleg.stap(
            "Maximale omvang begeleiding individueel",
            f"Klasse {f.klasse} binnen het maximum klasse {maximum} voor '{rij}'",
            w.p["begeleiding_individueel"]["maximale_klasse"]["bron"],
        )
    return f


def behandeling_individueel(w: Werk) -> GeindiceerdeFunctie | None:
    bhi = w.b.behandeling_individueel
    assert bhi is not None
    if "BH" not in w.toegang:
        w.uitleg.stap(
            "Toegang BH-IND",
            "Behandeling niet geïndiceerd: de grondslagen geven geen toegang",
            w.p["toegang"]["functies_per_grondslag"]["bron"],
        )
        return None
    w.uitleg.stap(
        "Behandeling individueel",
        f"Behandeling individueel, doel {bhi.doel.replace('_', ' ')}: het CIZ stelt geen omvang of klasse vast",
        f"{BIA}, bijlage 7 §4.1 'Behandeling individueel'",
    )
    return GeindiceerdeFunctie(
        functie="BH-IND",
        minuten_per_week=None,
        klasse=None,
        klasse_code="99",
        ingangsdatum=w.besluitdatum,
        einddatum=einddatum_behandeling(w, bhi.doel),
        eenheid="geen",
    )


def kortdurend_verblijf(w: Werk) -> GeindiceerdeFunctie | None:
    """Kortdurend verblijf: permanent toezicht, ten hoogste 3 etmalen, ontlasting nodig (Bza art. 9a; bijlage 9)."""
    b = w.b
    kp = w.p["verblijf"]["kortdurend_max_etmalen"]
    if not (1 <= b.etmalen_per_week <= int(kp["waarde"])):
        return None
    redenen = []
    if not b.leefklimaat.permanent_toezicht:
        redenen.append("geen permanent toezicht")
    if not b.ontlasting_mantelzorger_nodig:
        redenen.append("ontlasting van de mantelzorger of gebruikelijke zorger is niet nodig")
    if "KVB" not in w.toegang:
        redenen.append("de grondslagen geven geen toegang")
    if redenen:
        w.uitleg.stap(
            "Kortdurend verblijf",
            f"{b.etmalen_per_week} etmalen gevraagd, niet geïndiceerd: {'; '.join(redenen)}",
            kp["bron"],
        )
        return None
    w.uitleg.stap(
        "Kortdurend verblijf",
        f"Permanent toezicht en ontlasting nodig: kortdurend verblijf {b.etmalen_per_week} etmalen per week "
        f"(klasse {b.etmalen_per_week})",
        kp["bron"],
    )
    return GeindiceerdeFunctie(
        functie="KVB",
        minuten_per_week=None,
        klasse=b.etmalen_per_week,
        klasse_code=f"KE{b.etmalen_per_week}",
        ingangsdatum=w.besluitdatum,
        einddatum=None,
        eenheid="etmalen",
        omvang=Decimal(b.etmalen_per_week),
    )


def groepszorg(w: Werk, kvb: GeindiceerdeFunctie | None) -> list[GeindiceerdeFunctie]:
    """BG and BH groep and verpleegkundig toezicht bij thuisbeademing in dagdelen within 3 etmalen = 18 dagdelen,
    school and work included (bijlage 1 §3.4; bijlage 5 §5.4). Order: school/werk and kortdurend verblijf, toezicht,
    behandeling groep, begeleiding groep."""
    b = w.b
    gp = w.p["groepszorg"]
    gevraagd = {"BH-GRP": b.dagdelen.behandeling_groep, "BG-GRP": b.dagdelen.begeleiding_groep}
    if not any(gevraagd.values()) and b.toezicht_thuisbeademing is None:
        return []
    school = school_dagdelen_per_week(
        d(b.dagdelen.school_werk),
        b.dagdelen.school_werk_weken_per_jaar,
        int(gp["schoolweken_per_jaar_basis"]["waarde"]),
    )
    kvb_dagdelen = (kvb.klasse or 0) * int(gp["dagdelen_per_etmaal"]["waarde"]) if kvb else 0
    maximum = int(gp["max_dagdelen_per_week"]["waarde"])
    uitzondering = b.uitzondering_ondoelmatigheid or b.terminaal
    beschikbaar = 10**6 if uitzondering else max(0, maximum - school - kvb_dagdelen)
    w.uitleg.stap(
        "Maximum groepszorg en logeren",
        (
            f"Uitzondering 'enige ondoelmatigheid' ({'terminale zorg' if b.terminaal else 'kinderen/jong volwassenen'}): "
            "het maximum van 18 dagdelen geldt niet"
            if uitzondering
            else f"Maximaal {maximum} dagdelen per week; school/werk {school} dagdelen (gemiddeld over 52 weken), "
            f"kortdurend verblijf {kvb_dagdelen} dagdelen: beschikbaar {beschikbaar} dagdelen"
        ),
        gp["max_dagdelen_per_week"]["bron"],
    )
    uit: list[GeindiceerdeFunctie] = []
    if b.toezicht_thuisbeademing is not None:
        toezicht, beschikbaar = toezicht_thuisbeademing(w, beschikbaar)
        if toezicht:
            uit.append(toezicht)
    toegang_nodig = {"BH-GRP": "BH", "BG-GRP": "BG"}
    for functie in ("BH-GRP", "BG-GRP"):
        n = gevraagd[functie]
        if not n:
            continue
        if toegang_nodig[functie] not in w.toegang:
            w.uitleg.stap(
                f"Toegang {functie}",
                f"{FUNCTIENAMEN[functie]} niet geïndiceerd: de grondslagen geven geen toegang",
                w.p["toegang"]["functies_per_grondslag"]["bron"],
            )
            continue
        if functie == "BG-GRP":
            ok, reden, bron = toegang_criterium(w, "BG")
            w.uitleg.stap(
                "Indicatiecriteria begeleiding groep", ("Voldaan: " if ok else "Niet voldaan: ") + reden, bron
            )
            if not ok:
                continue
        max_klasse = int(gp["max_klasse_groep"]["waarde"])
        toegekend = min(n, beschikbaar, max_klasse)
        beschikbaar -= toegekend
        tekst = f"{FUNCTIENAMEN[functie]}: {n} dagdelen gevraagd"
        if toegekend < n:
            tekst += f", {toegekend} toegekend binnen de maxima (klasse ten hoogste {max_klasse}, 18 dagdelen)"
        else:
            tekst += f", klasse {toegekend}"
        w.uitleg.stap(
            "Stap 5: dagdelen",
            tekst,
            f"{gp['max_klasse_groep']['bron']}; {gp['max_dagdelen_per_week']['bron']}",
        )
        if toegekend <= 0:
            continue
        eind = (
            einddatum_behandeling(w, b.behandeling_groep_doel)
            if functie == "BH-GRP" and b.behandeling_groep_doel
            else None
        )
        uit.append(
            GeindiceerdeFunctie(
                functie=functie,
                minuten_per_week=None,
                klasse=toegekend,
                klasse_code=f"KD{toegekend:02d}",
                ingangsdatum=w.besluitdatum,
                einddatum=eind,
                eenheid="dagdelen",
                omvang=Decimal(toegekend),
            )
        )
    return uit


# --- Stap 5: geldigheid -------------------------------------------------------------------------------------


def einddatum_aanleren(w: Werk, functie: str) -> date | None:
    """PV/VP gericht op aanleren en begeleiden: 6 weken, bij vertraagde leerbaarheid 3 maanden (bijlage 4/5 §4.3)."""
    gp = w.p["geldigheid"]
    for a in w.b.aanleren:
        if a.functie == functie:
            if a.vertraagde_leerbaarheid:
                eind = tot_en_met_na_maanden(w.besluitdatum, int(gp["aanleren_vertraagd_maanden"]["waarde"]))
                regel = f"vertraagde leerbaarheid: ten hoogste {gp['aanleren_vertraagd_maanden']['waarde']} maanden"
            else:
                eind = tot_en_met_na_weken(w.besluitdatum, int(gp["aanleren_weken"]["waarde"]))
                regel = f"{gp['aanleren_weken']['waarde']} weken"
            w.uitleg.stap(
                f"Geldigheid {functie} aanleren en begeleiden",
                f"{regel}: tot en met {nl(eind)}",
                gp["aanleren_weken"]["bron"],
            )
            return eind
    return None


def einddatum_behandeling(w: Werk, doel: str) -> date:
    bp = w.p["geldigheid"]["behandeling"]
    maanden = int(bp["waarde"]["doelen"][doel]["maanden"])
    eind = tot_en_met_na_maanden(w.besluitdatum, maanden)
    w.uitleg.stap(
        "Geldigheid behandeling",
        f"Behandeling gericht op {doel.replace('_', ' ')}: ten hoogste {maanden} maanden, tot en met {nl(eind)}",
        bp["bron"],
    )
    return eind


def stap5_geldigheid(
    w: Werk, functies: list[GeindiceerdeFunctie], verblijf: bool, zzp: dict[str, Any] | None
) -> tuple[date | None, bool]:
    """Geldigheidsduur (Zorgindicatieregeling art. 1; bijlage 1 §2.5); returns (geldig_tot, tot overlijden)."""
    gp = w.p["geldigheid"]
    b = w.b
    van = w.besluitdatum
    if b.terminaal and not verblijf and functies:
        for f in functies:
            f.einddatum = None
        w.uitleg.stap(
            "Geldigheidsduur",
            "Zorg zonder verblijf bij een levensverwachting korter dan drie maanden: geldig tot het overlijden",
            gp["terminaal_maanden"]["bron"],
        )
        return None, True
    jaren = int(gp["max_jaren"]["waarde"])
    eind = tot_en_met_na_maanden(van, 12 * jaren)
    grond = f"ten hoogste {jaren} jaar"
    bron = gp["max_jaren"]["bron"]
    if zzp and zzp.get("max_geldigheid_maanden"):
        m = int(zzp["max_geldigheid_maanden"])
        eind_zzp = tot_en_met_na_maanden(van, m)
        if eind_zzp < eind:
            eind, grond, bron = (
                eind_zzp,
                f"ten hoogste {m} maanden voor dit zorgzwaartepakket",
                zzp["max_geldigheid_bron"],
            )
    eind_bwo = einde_beschermende_woonomgeving_jongere(w) if verblijf else None
    if eind_bwo is not None and eind_bwo < eind:
        eind, grond, bron = (
            eind_bwo,
            "beschermende woonomgeving voor een jongere: ten hoogste tot de dag vóór de 23e verjaardag",
            w.p["verblijf"]["beschermende_woonomgeving_jongeren"]["bron"],
        )
    if b.respijtzorg:
        eind_r = tot_en_met_na_maanden(van, int(gp["respijtzorg_maanden"]["waarde"]))
        if eind_r < eind:
            eind, grond, bron = (
                eind_r,
                "respijtzorg: in eerste instantie een half jaar",
                gp["respijtzorg_maanden"]["bron"],
            )
    if b.geldig_tot_gewenst and b.geldig_tot_gewenst < eind:
        eind, grond = (
            b.geldig_tot_gewenst,
            "korter vastgesteld door de beoordelaar (beperkingen, woonsituatie, leeftijd)",
        )
        bron = f"{gp['max_jaren']['bron']} (onder a-c)"
    # Transition 2014: functions moving to Wmo/Zvw, decided July-December 2014 (Zorgindicatieregeling art. 1 lid 3-5)
    overgang_functies = set(gp["overgang_2014_functies"]["waarde"])
    for o in gp["overgang_2014"]["waarde"]:
        if date.fromisoformat(o["besluit_van"]) <= van <= date.fromisoformat(o["besluit_tot"]):
            grens = tot_en_met_na_maanden(van, int(o["maanden"]))
            if not any(f.functie in overgang_functies for f in functies):
                continue
            uitzondering = b.overgang_2014_uitzondering
            if uitzondering is None:
                raise InvoerFout.een(
                    "overgang_2014_uitzondering",
                    f"besluit van {voluit(van)}: geef aan of het besluit gericht is op intensieve kindzorg, "
                    "ADL-assistentie of nuluren (dan geldt de kortere geldigheid niet) of 'geen' "
                    f"({gp['overgang_2014_uitzonderingen']['bron']})",
                )
            if uitzondering != "geen":
                w.uitleg.stap(
                    "Geldigheid (overgang 2014)",
                    f"Besluit gericht op {uitzondering.replace('_', ' ').replace('adl', 'ADL')}: de kortere "
                    f"geldigheid van {o['maanden']} maanden ({o['bron']}) geldt niet",
                    gp["overgang_2014_uitzonderingen"]["bron"],
                )
                continue
            for f in functies:
                if f.functie in overgang_functies and (f.einddatum is None or f.einddatum > grens):
                    f.einddatum = grens
                    w.uitleg.stap(
                        f"Geldigheid {f.functie} (overgang 2014)",
                        f"Besluit genomen tussen {nl(date.fromisoformat(o['besluit_van']))} en "
                        f"{nl(date.fromisoformat(o['besluit_tot']))}: ten hoogste {o['maanden']} maanden, tot en met {nl(grens)}",
                        f"{o['bron']}; uitzonderingen: {gp['overgang_2014_uitzonderingen']['bron']}",
                    )
    for f in functies:
        if f.einddatum is None or f.einddatum > eind:
            f.einddatum = eind
    if functies and not verblijf:
        eind = max(f.einddatum for f in functies if f.einddatum is not None)
    w.uitleg.stap("Geldigheidsduur", f"Geldig van {nl(van)} tot en met {nl(eind)} ({grond})", bron)
    return eind, False


def behoefte_minstens_een_jaar(
    w: Werk, geldig_tot: date | None, tot_overlijden: bool
) -> tuple[bool | None, str | None]:
    """Zorgindicatiebesluit art. 14 lid 1: a decision valid shorter than a year says whether the need will last at
    least a year from the start of the care. (True/False, or None with the reason it was not established.)

    The assessor's judgement (``zorgbehoefte_minstens_een_jaar``) decides; without it the prognose of the
    assessment is used where it answers the question: 1 (volledig herstel binnen 1 jaar) = no, 3 (blijft
    hetzelfde) and 4 (verslechtering) = yes; 2, 5 or no prognose = not established.
    """
    bron = "Zorgindicatiebesluit art. 14 lid 1"
    jaar = tot_en_met_na_maanden(w.besluitdatum, 12)
    if tot_overlijden or geldig_tot is None or geldig_tot >= jaar:
        reden = "de geldigheidsduur is niet korter dan een jaar: het besluit hoeft dit niet aan te geven"
        w.uitleg.stap("Zorgbehoefte ten minste een jaar", reden[0].upper() + reden[1:], bron)
        return None, reden
    oordeel = w.b.zorgbehoefte_minstens_een_jaar
    if oordeel is not None:
        tekst = (
            f"Geldig tot en met {nl(geldig_tot)}, korter dan een jaar; naar het oordeel van de beoordelaar bestaat de "
            f"zorgbehoefte {'wel' if oordeel else 'niet'} ten minste een jaar vanaf {nl(w.besluitdatum)}"
        )
        w.uitleg.stap("Zorgbehoefte ten minste een jaar", tekst, bron)
        return oordeel, None
    prognose = w.b.prognose
    if prognose in ("1", "3", "4"):
        ja = prognose != "1"
        w.uitleg.stap(
            "Zorgbehoefte ten minste een jaar",
            f"Geldig tot en met {nl(geldig_tot)}, korter dan een jaar; prognose "
            f"'{codelijst('LDT_Prognose')[prognose]}': de zorgbehoefte bestaat {'wel' if ja else 'niet'} ten minste "
            "een jaar",
            f"{bron}; prognose uit de beoordeling (LDT_Prognose)",
        )
        return ja, None
    reden = (
        "niet vastgesteld: de beoordelaar heeft geen oordeel gegeven (zorgbehoefte_minstens_een_jaar) en de "
        "prognose zegt niet of de zorgbehoefte een jaar blijft"
    )
    w.uitleg.stap(
        "Zorgbehoefte ten minste een jaar",
        f"Geldig tot en met {nl(geldig_tot)}, korter dan een jaar; of de zorgbehoefte ten minste een jaar bestaat is "
        + reden,
        bron,
    )
    return None, reden


def beslistermijn(w: Werk) -> date | None:
    """Beslistermijn: zes weken, twee weken bij spoed (Zorgindicatiebesluit art. 12)."""
    b = w.b
    if b.aanvraagdatum is None:
        return None
    uiterste, weken, bron = uiterste_beslisdatum(b.aanvraagdatum, b.spoed, w.p)
    op_tijd = w.besluitdatum <= uiterste
    w.uitleg.stap(
        "Beslistermijn",
        f"Aanvraag {nl(b.aanvraagdatum)}{' (spoed)' if b.spoed else ''}: beslissen uiterlijk {nl(uiterste)} "
        f"({weken} weken); besluit {nl(w.besluitdatum)} is {'binnen' if op_tijd else 'NA'} de termijn",
        bron,
    )
    return uiterste


def uiterste_beslisdatum(aanvraagdatum: date, spoed: bool, p: dict[str, Any] | None = None) -> tuple[date, int, str]:
    """The last day to decide: six weeks after the aanvraag, two with spoed (Zorgindicatiebesluit art. 12)."""
    if p is None:  # the work list: the terms of Zorgindicatiebesluit art. 12 as the AWBZ regelset holds them
        p = regelset_met("indicatie", "indicatie_awbz_2014.yaml").tabel("indicatie_awbz_2014.yaml")
    gp = p["geldigheid"]
    sleutel = "beslistermijn_spoed_weken" if spoed else "beslistermijn_weken"
    weken = int(gp[sleutel]["waarde"])
    return aanvraagdatum + timedelta(weeks=weken), weken, str(gp[sleutel]["bron"])


def termijn_concept(
    peildatum: date | None,
    aanvraagdatum: date,
    spoed: bool,
    zorg_aangevangen_op: date | None = None,
    verblijf_in_instelling: bool | None = None,
) -> dict[str, Any]:
    """The deadline of a draft assessment for the work list, by the law of its peildatum.

    AWBZ (and a draft without a usable peildatum): Zorgindicatiebesluit art. 12 (six weeks, two with spoed). Wlz:
    Blz art. 3.2.4 of the version in force (six weeks; two when care, from 2024 a stay in an institution, is already
    given on the aanvraagdatum). Where the draft does not yet say whether the care already begun is a stay in an
    institution, the shorter term is shown and the reason says so.
    """
    regelset = None
    if peildatum is not None:
        try:
            regelset = regelset_op("indicatie", peildatum)
        except InvoerFout:
            regelset = None
    if regelset is None or regelset.stelsel != "Wlz":
        uiterste, weken, bron = uiterste_beslisdatum(aanvraagdatum, spoed)
        return {"uiterste": uiterste, "termijn": f"{weken} weken ({bron})", "kort": spoed}
    p = wlz_parameters(regelset)
    lopend = lopende_zorg(aanvraagdatum, zorg_aangevangen_op, verblijf_in_instelling, p["procedure"]["lopende_zorg"])
    uiterste, weken, bron = wlz_beslistermijn(aanvraagdatum, lopend is not False, p)
    tekst = f"{weken} weken ({bron}; {regelset.naam})"
    if lopend is None:
        tekst = (
            f"{weken} weken als de zorg die al begonnen is verblijf in een instelling is; anders zes weken "
            f"({bron}; {regelset.naam})"
        )
    return {"uiterste": uiterste, "termijn": tekst, "kort": lopend is not False}


def afwijzingsgronden(w: Werk) -> list[str]:
    gronden = [
        s.uitkomst for s in w.uitleg.stappen if s.uitkomst.startswith(("Niet voldaan", "Geen ", "De grondslagen"))
    ]
    gronden += [s.uitkomst for s in w.uitleg.stappen if "niet geïndiceerd" in s.uitkomst]
    if not gronden:
        gronden = ["Er is geen zorgbehoefte vastgesteld waarop de verzekerde is aangewezen"]
    w.uitleg.stap("Afwijzing", "; ".join(gronden), f"{BIA}, bijlage 1 §3.5; Zorgindicatiebesluit art. 13")
    return gronden
