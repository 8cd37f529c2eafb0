"""Onderwijsaftrek, aanleren and begeleiden, thuisbeademing and toezicht bij thuisbeademing (AWBZ 2014).

Beleidsregels indicatiestelling AWBZ 2014: bijlage 4 §4.2 and bijlage 5 §4.2 (Afbakening Onderwijs en AWBZ, a table
per period), bijlage 4 §4.4 activiteit 2.5 and bijlage 5 §4.4 activiteiten 1.7 and 1.9 (aanleren en begeleiden, with
their maxima per week), bijlage 5 §5.3 (the home ventilation schedule) and §5.4 (individueel verpleegkundig
toezicht i.v.m. thuisbeademing in dagdelen, within the 18 dagdelen). Each rule reads its figures from the regelset
and writes its step with the bijlage and paragraph; a fact the assessment did not give is an input error, never a
default.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from zorgzwaarte.domein.beoordeling import Zorgmoment
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.datums import nl, tot_en_met_na_maanden, voluit
from zorgzwaarte.regels.indicatie.besluit import FUNCTIENAMEN, GeindiceerdeFunctie
from zorgzwaarte.regels.indicatie.controle import BIA, thuisbeademing
from zorgzwaarte.regels.indicatie.normtijden import Handeling
from zorgzwaarte.regels.indicatie.omvang import d, fmt

if TYPE_CHECKING:
    from zorgzwaarte.regels.indicatie.trechtermodel import Werk

TOEZICHT = "VP-TOEZICHT"
CLUSTERS = {
    "LG": "LG: cluster III (lichamelijk gehandicapte kinderen)",
    "LZ": "LZ: cluster III (langdurig zieke kinderen)",
    "ZMLK": "ZMLK: cluster III (zeer moeilijk lerende kinderen)",
    "LG_ZMLK": "LG/ZMLK: cluster III",
}
CRITERIA = {
    "noodzaak_permanent_toezicht": "noodzaak van permanent toezicht",
    "toezicht_door_mantelzorg_in_huishouden": "het permanent toezicht wordt geleverd door mantelzorg binnen een "
    "gezamenlijk huishouden",
    "ontlasting_mantelzorg_nodig": "ondersteuning of ontlasting van de mantelzorg is noodzakelijk",
    "positief_advies_centrum_thuisbeademing": "positief advies van het Centrum voor Thuisbeademing",
    "andere_vormen_toezicht_niet_doelmatig": "andere vormen van toezicht bieden geen doelmatige oplossing",
}


# --- Thuisbeademing: tijd per zorgmoment (bijlage 5 §5.3) -----------------------------------------------------


def thuisbeademing_tijd(zm: Zorgmoment, tb: list[Handeling], aantal_handelingen: int) -> tuple[Decimal, str]:
    """Minutes per time of the thuisbeademing handelingen of one zorgmoment, with the calculation in words.

    §4.4 says thuisbeademing has another way of counting (§5.3): its times count in full, without the 3,5-minute
    rule of samenvallende activiteiten that §4.4 gives for its own table; uitzuigen that falls together with another
    handeling is not indicated separately (0); uitzuigen alone counts the minutes the assessor gives (5 tot 10).
    """
    delen = []
    totaal = Decimal(0)
    for h in tb:
        if h.alleen_als_enige_handeling and aantal_handelingen > 1:
            delen.append(f"{h.omschrijving} valt samen met een andere handeling: niet apart (0 min)")
            continue
        minuten = d(zm.minuten_per_keer) if h.minuten_tot is not None and zm.minuten_per_keer else d(h.minuten)
        totaal += minuten
        tekst = f"{h.omschrijving} {fmt(minuten)} min"
        if h.minuten_tot is not None:
            tekst += f" (bandbreedte {fmt(d(h.minuten))} tot {fmt(d(h.minuten_tot))} min, opgegeven)"
        if h.standaard_per_dag:
            laag, hoog = h.standaard_per_dag
            keer = f"{laag}" if laag == hoog else f"{laag} à {hoog}"
            tekst += f"; standaard {keer} x per dag ({laag * 7}{'' if laag == hoog else f'–{hoog * 7}'} per week)"
        delen.append(tekst)
    return totaal, "thuisbeademing (volledige tijden, §5.3): " + "; ".join(delen) + f" = {fmt(totaal)} min"


# --- Aanleren en begeleiden (bijlage 4 §4.4 activiteit 2.5; bijlage 5 §4.4 activiteiten 1.7 en 1.9) -------------


def aanleren_en_begeleiden(w: Werk, totaal: dict[str, Decimal]) -> None:
    """Add the aanleertijd and the begeleiden time per week, each counted at most to the maximum of its row."""
    ap = w.p["aanleren_en_begeleiden"]
    for i, a in enumerate(w.b.aanleren):
        if a.aanleertijd_minuten_per_week is None:
            continue
        if a.functie not in totaal:
            raise InvoerFout.een(
                f"aanleren.{i}.aanleertijd_minuten_per_week",
                "aanleertijd komt bovenop de tijd van de aan te leren handelingen: geef die handelingen als "
                f"zorgmoment op ({BIA}, bijlage {'4' if a.functie == 'PV' else '5'} §4.4 activiteit "
                f"{'2.5' if a.functie == 'PV' else '1.9'})",
            )
        p = ap[f"{a.functie}_aanleertijd_max_minuten"]
        _tel_op(w, totaal, a.functie, d(a.aanleertijd_minuten_per_week), p, "aanleertijd")
    bz = w.b.begeleiden_zelfzorg
    if bz is None:
        return
    for functie, gevraagd, p, wat in (
        ("PV", bz.pv_minuten_per_week, ap["PV_begeleiden_minuten"], "begeleiden bij de uitvoering"),
        ("VP", bz.vp_minuten_per_week, ap["VP_begeleiding_zelfzorg_max_minuten"], "begeleiding bij zelfzorg"),
    ):
        if gevraagd:
            _tel_op(w, totaal, functie, d(gevraagd), p, wat)


def _tel_op(w: Werk, totaal: dict[str, Decimal], functie: str, gevraagd: Decimal, p: dict[str, Any], wat: str) -> None:
    maximum = d(p["waarde"])
    telt = min(gevraagd, maximum)
    oud = totaal.get(functie, Decimal(0))
    totaal[functie] = oud + telt
    tekst = f"{FUNCTIENAMEN[functie]}, {wat}: {fmt(gevraagd)} min per week gevraagd"
    tekst += (
        f", ten hoogste {fmt(maximum)} min per week telt mee"
        if gevraagd > maximum
        else f", binnen het maximum van {fmt(maximum)} min per week"
    )
    tekst += f"; {fmt(oud)} → {fmt(totaal[functie])} min per week"
    w.uitleg.stap("Stap 2: aanleren en begeleiden", tekst, p["bron"])


# --- Onderwijsaftrek (bijlage 4 §4.2; bijlage 5 §4.2) -----------------------------------------------------------


def _periode(perioden: list[dict[str, Any]], peildatum: date) -> dict[str, Any] | None:
    for p in perioden:
        if date.fromisoformat(p["van"]) <= peildatum <= date.fromisoformat(p["tot_en_met"]):
            return p
    return None


def tabelrij(w: Werk) -> str | None:
    """The row of the table from 1 August 2014 for the child's grondslagen: the given `onderwijs.tabelrij`, else
    the one most specific row whose grondslagen are all given; None when no row fits; an input error when the
    grondslagen point at more than one row."""
    o = w.b.onderwijs
    assert o is not None
    if o.tabelrij is not None:
        return o.tabelrij
    rijen: dict[str, list[str]] = w.p["onderwijsaftrek"]["grondslag_rij"]["waarde"]
    passend = {r: set(g) for r, g in rijen.items() if set(g) <= set(w.b.grondslagen)}
    meest = [r for r, g in passend.items() if not any(g < ander for ander in passend.values())]
    if len(meest) > 1:
        raise InvoerFout.een(
            "onderwijs.tabelrij",
            f"de grondslagen passen bij meer dan één rij van de tabel ({', '.join(r.replace('_', ' ') for r in meest)}): "
            f"kies de rij die voor dit kind geldt ({BIA}, bijlage 4 §4.2)",
        )
    return meest[0] if meest else None


def onderwijsaftrek(w: Werk, totaal: dict[str, Decimal]) -> None:
    """Take off the PV and VP that is already part of the child's education (bijlage 4 en 5 §4.2).

    Until 1 August 2014 the minutes of the clusterindicatie (cluster and onderwijssoort); from 1 August 2014 until
    1 January 2015, for a child that then first asks for PV at school, the minutes by AWBZ-grondslag and age (VP:
    no aftrek). A child that had AWBZ care at school before 1 August 2014 keeps the school part of the old
    indication, set by the Richtlijn, which is not in the sources: that part is unknown and not computed.
    """
    functies = [f for f in ("PV", "VP") if f in totaal]
    if not functies:
        return
    op = w.p["onderwijsaftrek"]
    o = w.b.onderwijs
    if o is None:
        grens = int(op["vraag_tot_jaar"]["waarde"])
        if w.leeftijd < grens:
            raise InvoerFout.een(
                "onderwijs.naar_school",
                f"de cliënt is {w.leeftijd} jaar en krijgt {' en '.join(FUNCTIENAMEN[f].lower() for f in functies)}: "
                "vul in of het kind naar school gaat; dan telt de zorg die al deel is van het onderwijs niet mee "
                f"({BIA}, bijlage 4 en 5 §4.2)",
            )
        return
    bron_beide = f"{op['PV']['bron']}; {op['VP']['bron']}"
    if not o.naar_school:
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            "Het kind gaat niet naar school: geen aftrek voor zorg die deel is van het onderwijs",
            bron_beide,
        )
        return
    for functie in functies:
        p = op[functie]
        periode = _periode(p["waarde"]["perioden"], w.b.peildatum)
        if periode is None:  # the regelset holds no table for this day: never a guess
            w.uitleg.stap(
                "Stap 2: afbakening onderwijs",
                f"{FUNCTIENAMEN[functie]}: voor {nl(w.b.peildatum)} staat geen tabel in de bronnen: aftrek onbekend",
                p["bron"],
            )
            w.waarschuwingen.append(
                f"De aftrek voor {FUNCTIENAMEN[functie].lower()} die deel is van het onderwijs is onbekend: voor "
                f"{nl(w.b.peildatum)} staat geen tabel in de bronnen."
            )
            continue
        gevonden = (
            _cluster_minuten(w, functie, periode, p["bron"])
            if periode["soort"] == "clusterindicatie"
            else _passend_minuten(w, functie, periode, p["bron"])
        )
        if gevonden is None:
            continue
        minuten, waarom = gevonden
        oud = totaal[functie]
        totaal[functie] = max(Decimal(0), oud - minuten)
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: {waarom}: {fmt(minuten)} min per week is al deel van het onderwijs; "
            f"{fmt(oud)} → {fmt(totaal[functie])} min per week",
            p["bron"],
        )


def _voluit(periode: dict[str, Any]) -> str:
    """A table's period as an error message writes it: '1 januari 2013 tot en met 31 juli 2014'."""
    return (
        f"{voluit(date.fromisoformat(periode['van']))} tot en met {voluit(date.fromisoformat(periode['tot_en_met']))}"
    )


def _cluster_minuten(w: Werk, functie: str, periode: dict[str, Any], bron: str) -> tuple[Decimal, str] | None:
    o = w.b.onderwijs
    assert o is not None
    van, tot = nl(date.fromisoformat(periode["van"])), nl(date.fromisoformat(periode["tot_en_met"]))
    if o.clusterindicatie is None:
        raise InvoerFout.een(
            "onderwijs.clusterindicatie",
            f"peildatum {voluit(w.b.peildatum)} (tabel van {_voluit(periode)}): vul de clusterindicatie van het kind "
            f"in (LG, LZ, ZMLK of LG/ZMLK), of 'geen' ({BIA}, bijlage 4 en 5 §4.2)",
        )
    if o.clusterindicatie == "geen":
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: het kind heeft geen clusterindicatie: geen aftrek (tabel tot en met {tot})",
            bron,
        )
        return None
    if o.onderwijssoort is None:
        raise InvoerFout.een(
            "onderwijs.onderwijssoort",
            "vul in of het kind speciaal onderwijs of voortgezet speciaal onderwijs volgt "
            f"({BIA}, bijlage 4 en 5 §4.2)",
        )
    minuten = d(periode["minuten_per_week"][o.clusterindicatie][o.onderwijssoort])
    return minuten, (
        f"clusterindicatie {CLUSTERS[o.clusterindicatie]}, {o.onderwijssoort.replace('_', ' ')} "
        f"(tabel van {van} tot en met {tot})"
    )


def _passend_minuten(w: Werk, functie: str, periode: dict[str, Any], bron: str) -> tuple[Decimal, str] | None:
    o = w.b.onderwijs
    assert o is not None
    van, tot = nl(date.fromisoformat(periode["van"])), nl(date.fromisoformat(periode["tot_en_met"]))
    if o.zorg_op_school_gevraagd is None:
        raise InvoerFout.een(
            "onderwijs.zorg_op_school_gevraagd",
            f"peildatum {voluit(w.b.peildatum)} (passend onderwijs, {_voluit(periode)}): vul in of de aanvraag zorg "
            f"voor op school omvat ({BIA}, bijlage 4 en 5 §4.2)",
        )
    if not o.zorg_op_school_gevraagd:
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: geen zorg voor op school gevraagd: geen aftrek (passend onderwijs, {van} tot en "
            f"met {tot})",
            bron,
        )
        return None
    if o.eerder_indicatie_zorg_op_school is None:
        raise InvoerFout.een(
            "onderwijs.eerder_indicatie_zorg_op_school",
            "vul in of het kind vóór 1 augustus 2014 al een indicatie had voor AWBZ-zorg op school "
            f"({BIA}, bijlage 4 en 5 §4.2)",
        )
    if o.eerder_indicatie_zorg_op_school:
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: het kind had vóór 1 augustus 2014 al AWBZ-zorg op school; het CIZ verlengt het "
            "deel voor onderwijs van de oude indicatie, vastgesteld op basis van de Richtlijn. Die Richtlijn staat "
            "niet in de bronnen: dat deel is onbekend en niet berekend",
            bron,
        )
        w.waarschuwingen.append(
            f"Het deel voor onderwijs van de oude indicatie ({FUNCTIENAMEN[functie].lower()}) wordt verlengd volgens "
            "de Richtlijn, die niet in de bronnen staat: de omvang daarvan is onbekend en niet berekend."
        )
        return None
    tabel = periode["minuten_per_week"]
    if tabel is None:
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: eerste aanvraag voor op school vanaf 1 augustus 2014: geen rekening gehouden "
            "met verpleging als onderdeel van passend onderwijs, geen aftrek",
            bron,
        )
        return None
    rij = tabelrij(w)
    if rij is None:
        w.uitleg.stap(
            "Stap 2: afbakening onderwijs",
            f"{FUNCTIENAMEN[functie]}: de tabel (passend onderwijs) noemt de grondslagen van het kind niet: geen aftrek",
            bron,
        )
        return None
    grens = int(periode["leeftijd_grens_jaar"])
    kolom = f"tot_{grens}_jaar" if w.leeftijd < grens else f"vanaf_{grens}_jaar"
    minuten = d(tabel[rij][kolom])
    return minuten, (
        f"eerste aanvraag voor op school, passend onderwijs (tabel van {van} tot en met {tot}): "
        f"{rij.replace('_', ' ')}, {kolom.replace('_', ' ')} ({w.leeftijd} jaar)"
    )


# --- Verpleegkundig toezicht bij thuisbeademing (bijlage 5 §5.4) ------------------------------------------------


def toezicht_thuisbeademing(w: Werk, beschikbaar: int) -> tuple[GeindiceerdeFunctie | None, int]:
    """Toezicht in dagdelen (klasse 1-9) when every criterion of §5.4 is met, within the dagdelen still available
    of the 18 (school, kortdurend verblijf first); the decision holds for half a year at first. Returns the function
    (or None) and the dagdelen left."""
    t = w.b.toezicht_thuisbeademing
    assert t is not None
    tp = w.p["toezicht_thuisbeademing"]
    bron_criteria = tp["criteria"]["bron"]
    if "VP" not in w.toegang:
        w.uitleg.stap(
            "Toezicht bij thuisbeademing",
            "Niet geïndiceerd: de grondslagen geven geen toegang tot verpleging",
            w.p["toegang"]["functies_per_grondslag"]["bron"],
        )
        return None, beschikbaar
    niet = [] if thuisbeademing(w.b) else ["chronische ademhalingsondersteuning in de thuissituatie (beademing)"]
    if w.b.vp_medische_noodzaak is not True:
        niet.append("een door een arts vastgestelde medische noodzaak (bijlage 5 §3)")
    niet += [tekst for veld, tekst in CRITERIA.items() if veld in tp["criteria"]["waarde"] and not getattr(t, veld)]
    if niet:
        w.uitleg.stap("Toezicht bij thuisbeademing", "Niet voldaan, ontbreekt: " + "; ".join(niet), bron_criteria)
        return None, beschikbaar
    kp = tp["klassen"]
    hoogste = int(kp["waarde"]["max_klasse"])
    klasse = min(t.dagdelen_per_week, hoogste, beschikbaar)
    tekst = (
        f"Voldaan aan de criteria; {t.dagdelen_per_week} dagdelen per week gevraagd (één dagdeel is "
        f"{kp['waarde']['uren_per_dagdeel']} aaneengesloten uren)"
    )
    if klasse < t.dagdelen_per_week:
        tekst += f", {klasse} toegekend binnen de maxima (klasse ten hoogste {hoogste}; 18 dagdelen met school)"
    else:
        tekst += f": klasse {klasse}"
    tekst += (
        ". Het toezicht is een integraal pakket: persoonlijke verzorging, verpleging en begeleiding tijdens de uren "
        "toezicht horen erbij en worden niet apart geïndiceerd"
    )
    w.uitleg.stap(
        "Toezicht bij thuisbeademing", tekst, f"{bron_criteria}; {kp['bron']}; {tp['binnen_18_dagdelen']['bron']}"
    )
    if klasse <= 0:
        return None, beschikbaar
    mp = w.p["geldigheid"]["thuisbeademing_maanden"]
    eind = tot_en_met_na_maanden(w.besluitdatum, int(mp["waarde"]))
    w.uitleg.stap(
        "Geldigheid toezicht bij thuisbeademing",
        f"In eerste instantie een half jaar ({mp['waarde']} maanden): tot en met {nl(eind)}; daarna kan verlenging volgen",
        mp["bron"],
    )
    return (
        GeindiceerdeFunctie(
            functie=TOEZICHT,
            minuten_per_week=None,
            klasse=klasse,
            klasse_code=f"KD{klasse:02d}",
            ingangsdatum=w.besluitdatum,
            einddatum=eind,
            eenheid="dagdelen",
            omvang=Decimal(klasse),
        ),
        beschikbaar - klasse,
    )
