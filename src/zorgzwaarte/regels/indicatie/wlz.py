"""Indicatiestelling onder de Wlz (vanaf 2015): toegang (art. 3.2.1-3.2.2 Wlz) en het best passende zorgprofiel.

Under the Wlz there are no functies en klassen at home any more: an indication names a zorgprofiel (and keeps
the ZZP code used for financing); the client later chooses the leveringsvorm (Wlz art. 3.3.1).
Steps follow Beleidsregels indicatiestelling Wlz 2015, bijlage 1 §2: zorgsituatie, gebruikelijke zorg,
permanent toezicht of 24 uur zorg in de nabijheid, blijvend, besluit.

Each version of the Wet and the Besluit langdurige zorg whose articles differ is its own regelset
(parameters/regelsets.yaml, parameters/indicatie_wlz_<jaar>.yaml); every step cites the version it used.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.codes import codelijst, grondslag_naam
from zorgzwaarte.regels.datums import leeftijd, nl, tot_en_met_na_maanden
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit
from zorgzwaarte.regels.profielen.meerzorg import meerzorg_wlz
from zorgzwaarte.regels.regelset import Regelset, als_waarde_en_bron
from zorgzwaarte.regels.uitleg import Toelichting

if TYPE_CHECKING:
    from zorgzwaarte.regels.indicatie.trechtermodel import ProfielKeuze

BIW = "Beleidsregels indicatiestelling Wlz 2015"
ONBEKEND_PROFIELTEKST = "onbekend: de profieltekst staat niet in de bronnen"


def wlz_parameters(regelset: Regelset) -> dict[str, Any]:
    """The Wlz parameter file of this regelset (one per version: indicatie_wlz_<jaar>.yaml)."""
    bestand = next(f for f in regelset.bestanden if f.startswith("indicatie_wlz_"))
    return als_waarde_en_bron(regelset.tabel(bestand))


def geen_recht(b: Beoordeling, p: dict[str, Any], uitleg: Toelichting) -> list[str]:
    """Besluit langdurige zorg art. 3.1.5 (per version): who has no right to Wlz care."""
    redenen: list[str] = []
    minderjarig = leeftijd(b.client.geboortedatum, b.peildatum) < 18
    for code in b.geen_recht_wlz:
        cfg = p["geen_recht"][code]
        if cfg["minderjarig"] and not minderjarig:
            uitleg.stap(
                "Geen recht op Wlz-zorg (Blz art. 3.1.5)",
                f"Niet van toepassing: de cliënt is meerderjarig ({cfg['tekst']})",
                cfg["bron"],
            )
            continue
        redenen.append(f"geen recht op Wlz-zorg: {cfg['tekst']}")
        uitleg.stap("Geen recht op Wlz-zorg (Blz art. 3.1.5)", f"Van toepassing: {cfg['tekst']}", cfg["bron"])
    return redenen


def blijvend_vastgesteld(b: Beoordeling, tp: dict[str, Any]) -> tuple[bool, str]:
    """Blijvend is established, never assumed (Wlz art. 3.2.1 lid 1; BIWlz 2015 bijlage 1 §2.4).

    The assessor answers `blijvend`; without it only a prognose that decides the question is used, and the trail
    says so. Otherwise an input error names `blijvend`.
    """
    if b.blijvend is not None:
        return b.blijvend, " (vastgesteld door de beoordelaar)"
    uit_prognose: dict[str, bool] = tp["blijvend_uit_prognose"]["waarde"]
    if b.prognose in uit_prognose:
        naam = codelijst("LDT_Prognose").get(b.prognose, b.prognose)
        return uit_prognose[b.prognose], f" (afgeleid uit de prognose {b.prognose}: {naam})"
    prognose = (
        f"de prognose '{codelijst('LDT_Prognose').get(b.prognose, b.prognose)}' zegt dat niet"
        if b.prognose
        else "er is geen prognose"
    )
    raise InvoerFout.een(
        "blijvend",
        "geef aan of de behoefte aan permanent toezicht of 24 uur zorg in de nabijheid blijvend is "
        f"(van niet voorbijgaande aard, Wet langdurige zorg art. 3.2.1): {prognose}",
    )


def toegang_wlz(
    b: Beoordeling, p: dict[str, Any], uitleg: Toelichting, waarschuwingen: list[str] | None = None
) -> tuple[bool, list[str]]:
    """Wlz art. 3.2.1 (lid 1, 3 and 6 as the version words them), art. 3.2.2 and Blz art. 3.1.5."""
    waarschuwingen = [] if waarschuwingen is None else waarschuwingen
    tp = p["toegang"]
    redenen = geen_recht(b, p, uitleg)
    if redenen:
        return False, redenen
    ps = tp["psychische_stoornis"]
    grondslagen = [g for g in b.grondslagen if g in tp["grondslagen"]["waarde"]]
    ggz_b = (
        "voortgezet_verblijf_ggz" in b.bijzonderheden
        and tp["psychische_stoornis_voortgezet"]["grondslag"] in b.grondslagen
    )
    volwassen = leeftijd(b.client.geboortedatum, b.peildatum) >= 18
    lvg = "lvg_behandeling" in b.bijzonderheden and "05" in b.grondslagen and volwassen
    namen = ", ".join(f"{grondslag_naam(g)} ({g})" for g in b.grondslagen)
    if ggz_b:
        uitleg.stap(
            "Toegang: voortgezet verblijf psychische stoornis",
            "Voortgezet verblijf na het einde van de Zvw-aanspraak: recht op voortzetting, ten hoogste drie jaar; "
            "de blijvende noodzaak van permanent toezicht of 24 uur zorg in de nabijheid wordt niet beoordeeld",
            tp["psychische_stoornis_voortgezet"]["bron"],
        )
        return True, []
    if not grondslagen:
        if ps["grondslag"] in b.grondslagen and not ps["toegang_lid_1"]:
            redenen.append(
                "een psychische stoornis geeft onder deze versie van de wet alleen recht op voortgezet verblijf "
                "na de Zvw (art. 3.2.2), niet op toegang volgens art. 3.2.1"
            )
            uitleg.stap("Toegang: grondslag", f"Niet voldaan: {redenen[-1]}", ps["bron"])
            return False, redenen
        redenen.append(f"geen grondslag die toegang geeft tot de Wlz ({namen})")
        uitleg.stap("Toegang: grondslag", f"Niet voldaan: {redenen[-1]}", tp["grondslagen"]["bron"])
        return False, redenen
    uitleg.stap("Toegang: grondslag", f"Voldaan: {namen}", tp["grondslagen"]["bron"])
    if b.leefklimaat.permanent_toezicht:
        uitleg.stap(
            "Toegang: permanent toezicht",
            "Aangewezen op permanent toezicht ter voorkoming van escalatie of ernstig nadeel",
            tp["permanent_toezicht_bron"],
        )
    elif b.zorg_24_uur_nabijheid:
        oorzaak = "fysieke problemen" if b.zorg_24_uur_nabijheid == "fysieke_problemen" else "zware regieproblemen"
        uitleg.stap(
            "Toegang: 24 uur per dag zorg in de nabijheid",
            f"Aangewezen op 24 uur per dag zorg in de nabijheid door {oorzaak}",
            tp["zorg_24_uur_bron"],
        )
    elif lvg:
        uitleg.stap(
            "Toegang: licht verstandelijke handicap",
            "Meerderjarige met lvg en behandeling met verblijf: toegang op grond van art. 3.2.1 lid 3 (tijdelijk)",
            tp["lvg_tijdelijk_bron"],
        )
    else:
        redenen.append("geen behoefte aan permanent toezicht of aan 24 uur per dag zorg in de nabijheid")
        uitleg.stap(
            "Toegang: permanent toezicht of 24 uur zorg", f"Niet voldaan: {redenen[-1]}", tp["zorg_24_uur_bron"]
        )
        return False, redenen
    if lvg:
        return True, []
    blijvend, hoe = blijvend_vastgesteld(b, tp)
    if not blijvend:
        redenen.append("de zorgbehoefte is niet blijvend")
        uitleg.stap("Stap 4: blijvend", f"Niet voldaan: {redenen[-1]}{hoe}", tp["blijvend_bron"])
        return False, redenen
    uitleg.stap("Stap 4: blijvend", f"Voldaan: de zorgbehoefte is blijvend{hoe}", tp["blijvend_bron"])
    if psychische_route(b, p) and ps["jeugdige_uitgesloten"]:
        if not volwassen or b.jeugdige_jeugdwet:
            wie = "minderjarig" if not volwassen else "jeugdige volgens de Jeugdwet (opgegeven)"
            redenen.append(
                f"de cliënt is {wie} en de blijvende behoefte komt voort uit een psychische stoornis: "
                "geen recht op Wlz-zorg (zorg en ondersteuning uit de Jeugdwet)"
            )
            uitleg.stap("Toegang: jeugdige met een psychische stoornis", f"Niet voldaan: {redenen[-1]}", ps["bron"])
            return False, redenen
        if b.jeugdige_jeugdwet is None:
            waarschuwingen.append(
                "Niet opgegeven of de cliënt een jeugdige is volgens de Jeugdwet (bijvoorbeeld met voortgezette "
                "jeugdhulp na het 18e jaar). Is dat zo, dan geeft de Wet langdurige zorg (art. 3.2.1 lid 6) geen "
                "recht op zorg vanwege een psychische stoornis. De Jeugdwet staat niet in de bronnen."
            )
        uitleg.stap(
            "Toegang: jeugdige met een psychische stoornis",
            "Niet van toepassing: de cliënt is meerderjarig"
            + (" en geen jeugdige volgens de Jeugdwet" if b.jeugdige_jeugdwet is False else " (zie waarschuwing)"),
            ps["bron"],
        )
    return True, []


def psychische_route(b: Beoordeling, p: dict[str, Any]) -> bool:
    """Access rests on a psychische stoornis (Wlz art. 3.2.1 lid 1 from 2021): dominant grondslag 03, and not
    voortgezet verblijf after the Zvw (art. 3.2.2, GGZ-B)."""
    ps = p["toegang"]["psychische_stoornis"]
    voortgezet = "voortgezet_verblijf_ggz" in b.bijzonderheden
    return bool(ps["toegang_lid_1"]) and b.dominante_grondslag == ps["grondslag"] and not voortgezet


def norm_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def profiel_zonder_tekst(b: Beoordeling, p: dict[str, Any], uitleg: Toelichting) -> dict[str, Any]:
    """Zorgprofiel for a client whose access rests on a psychische stoornis (2021+).

    The GGZ-W profiles are known only from the iWlz code list COD163; their text is in a Regeling langdurige zorg
    the sources do not hold. So no distance is computed: the assessor chooses (gekozen_zzp + motivering).
    """
    pz = p["profielen_zonder_tekst"]
    kandidaten: list[dict[str, str]] = pz["profielen"]
    lijst = ", ".join(f"{k['code']} {k['naam']}" for k in kandidaten)
    reden = (
        "De zorgprofielen voor wonen met een psychische stoornis (GGZ-W) staan alleen in de iWlz-codelijst; de "
        "tekst van die profielen staat niet in de bronnen van dit systeem. Daarom wordt niets berekend: de "
        "beoordelaar kiest het profiel op grond van professioneel oordeel en schrijft op waarom."
    )
    gekozen: dict[str, str] | None = None
    motivering = (b.motivering_afwijkend_profiel or "").strip() or None
    if b.gekozen_zzp:
        gekozen = next(
            (k for k in kandidaten if norm_code(k["code"]) == norm_code(b.gekozen_zzp) or k["cod163"] == b.gekozen_zzp),
            None,
        )
        if gekozen is None:
            raise InvoerFout.een(
                "gekozen_zzp",
                f"'{b.gekozen_zzp}' past niet bij toegang vanwege een psychische stoornis; kies een van: {lijst}",
            )
        if motivering is None:
            raise InvoerFout.een(
                "motivering_afwijkend_profiel",
                f"de keuze van {gekozen['code']} is een professioneel oordeel en vraagt een schriftelijke motivering",
            )
    uitleg.stap(
        "Zorgprofiel: professioneel oordeel",
        f"Kandidaten zonder bekende profieltekst: {lijst}; geen berekende afstand. "
        + (
            f"De beoordelaar kiest {gekozen['code']} {gekozen['naam']}: {motivering}"
            if gekozen
            else "Nog geen keuze van de beoordelaar."
        ),
        pz["bron"],
    )
    # Rlz art. 2.2: onder a is unknown without the profile's text; onder b and c still decide
    meerzorg = meerzorg_wlz(None, b.eerdere_indicaties, b.bijzondere_zorg, b.peildatum, b.client.geboortedatum, uitleg)
    return {
        "code": gekozen["code"] if gekozen else None,
        "cod163": gekozen["cod163"] if gekozen else None,
        "naam": gekozen["naam"] if gekozen else None,
        "sector": "GGZ-W",
        "zorgprofiel_wlz": f"GGZ Wonen: {gekozen['naam']}" if gekozen else None,
        "uren_per_week": None,
        "uren_per_week_status": ONBEKEND_PROFIELTEKST,
        "meerzorg_mogelijk": meerzorg.mogelijk,
        "meerzorg_grond": meerzorg.grond,
        "pgb_mogelijk": None,
        "berekend": None,
        "gekozen_door_beoordelaar": gekozen is not None,
        "motivering": motivering if gekozen else None,
        "professioneel_oordeel_nodig": True,
        "redenen_oordeel": [reden],
        "afstand": None,
        "begeleidingsdoel_past": None,
        "alternatieven": [
            {
                "code": k["code"],
                "cod163": k["cod163"],
                "naam": k["naam"],
                "afstand": None,
                "voorwaarden": [],
                "profiel_bekend": False,
                "domeinen": [],
            }
            for k in kandidaten
            if k is not gekozen
        ],
        "domeinen": [],
        "max_geldigheid_maanden": None,
        "max_geldigheid_bron": None,
        "afstand_methode": "geen: professioneel oordeel, de profieltekst is onbekend",
        "bron": pz["bron"],
    }


def lopende_zorg(
    aanvraagdatum: date | None,
    zorg_aangevangen_op: date | None,
    verblijf_in_instelling: bool | None,
    lz: dict[str, Any],
) -> bool | None:
    """Whether the short term of Blz art. 3.2.4 lid 2 (per version) applies: care (from 2024: a stay in an
    institution) is already given on the aanvraagdatum. None: the answer needs `verblijf_in_instelling`."""
    if zorg_aangevangen_op is None or aanvraagdatum is None or zorg_aangevangen_op > aanvraagdatum:
        return False
    if lz["alleen_verblijf_in_instelling"]:
        return verblijf_in_instelling
    return True


def wlz_beslistermijn(aanvraagdatum: date, lopend: bool, p: dict[str, Any]) -> tuple[date, int, str]:
    """The last day to decide under the Wlz (Blz art. 3.2.4 per version; BIWlz 2015 bijlage 1 §1.4): six weeks
    after the aanvraag (lid 1), two when care is already given on the aanvraagdatum as lid 2 words it."""
    pr = p["procedure"]
    lz = pr["lopende_zorg"]
    weken = int(lz["weken"] if lopend else pr["beslistermijn_weken"]["waarde"])
    bron = lz["bron"] if lopend else pr["beslistermijn_weken"]["bron"]
    return aanvraagdatum + timedelta(weeks=weken), weken, str(bron)


def procedure(
    b: Beoordeling, p: dict[str, Any], uitleg: Toelichting, besluitdatum: date, toegang: bool
) -> tuple[date | None, date]:
    """Beslistermijn and start date (BIWlz 2015 bijlage 1 §1.4; Blz art. 3.2.4 per version).

    Six weeks; two only when care (from 2024: a stay in an institution) is already given on the aanvraagdatum, and
    then the decision reaches back to the day that care began (from 2024: at most two weeks before the decision).
    """
    lz = p["procedure"]["lopende_zorg"]
    if b.zorg_aangevangen_op is not None and b.aanvraagdatum is None:
        raise InvoerFout.een("aanvraagdatum", "nodig om te bepalen of op de aanvraagdatum al zorg werd verleend")
    if b.zorg_aangevangen_op is None and b.spoed:
        raise InvoerFout.een(
            "zorg_aangevangen_op",
            "onder de Wlz geldt de beslistermijn van twee weken alleen als op de aanvraagdatum al zorg wordt "
            "verleend: vul de dag in waarop die zorg begon",
        )
    lopend_of_onbekend = lopende_zorg(b.aanvraagdatum, b.zorg_aangevangen_op, b.verblijf_in_instelling, lz)
    if lopend_of_onbekend is None:
        raise InvoerFout.een(
            "verblijf_in_instelling",
            "geef aan of de zorg die al begonnen is verblijf in een instelling is (alleen dan geldt de "
            "termijn van twee weken, Besluit langdurige zorg art. 3.2.4 lid 2)",
        )
    lopend = lopend_of_onbekend
    uiterste = None
    if b.aanvraagdatum:
        uiterste, weken, bron = wlz_beslistermijn(b.aanvraagdatum, lopend, p)
        if lopend and b.zorg_aangevangen_op is not None:
            waarom = f"op de aanvraagdatum werd al zorg verleend (sinds {nl(b.zorg_aangevangen_op)}); "
        elif b.zorg_aangevangen_op is not None and b.zorg_aangevangen_op <= b.aanvraagdatum:
            waarom = "de zorg die al begonnen is, is geen verblijf in een instelling; "
        else:
            waarom = ""
        uitleg.stap(
            "Beslistermijn",
            f"Aanvraag {nl(b.aanvraagdatum)}: {waarom}beslissen binnen {weken} weken, uiterlijk {nl(uiterste)}",
            bron,
        )
    ingang = besluitdatum
    if lopend and toegang and b.zorg_aangevangen_op is not None and b.zorg_aangevangen_op < besluitdatum:
        ingang = b.zorg_aangevangen_op
        uitkomst = f"Het besluit werkt terug tot en met de dag waarop de zorg begon: {nl(ingang)}"
        if lz["terugwerking_max_dagen"] is not None:
            grens = besluitdatum - timedelta(days=int(lz["terugwerking_max_dagen"]))
            if ingang < grens:
                ingang = grens
                uitkomst = (
                    f"Het verblijf begon op {nl(b.zorg_aangevangen_op)}; het besluit werkt ten hoogste twee weken "
                    f"terug: vanaf {nl(ingang)}"
                )
        uitleg.stap("Ingangsdatum", uitkomst, lz["bron"])
    return uiterste, ingang


def indiceer_wlz(b: Beoordeling, regelset: Regelset, profielkeuze: ProfielKeuze | None) -> Indicatiebesluit:
    p = wlz_parameters(regelset)
    uitleg = Toelichting()
    waarschuwingen: list[str] = []
    besluitdatum = b.besluitdatum or b.peildatum
    teksten = p["teksten"]
    uitleg.stap(
        "Regelset op peildatum",
        f"{regelset.naam} (versie {regelset.versie}) geldt op {nl(b.peildatum)}: {teksten['wlz']}; {teksten['blz']}",
        regelset.bron,
    )
    toegang, redenen = toegang_wlz(b, p, uitleg, waarschuwingen)
    zzp: dict[str, Any] | None = None
    geldig_tot: date | None = None
    if toegang and psychische_route(b, p):
        zzp = profiel_zonder_tekst(b, p, uitleg)
        waarschuwingen.append(
            "Het zorgprofiel is niet berekend: de profielen voor wonen met een psychische stoornis (GGZ-W) staan "
            "alleen in de iWlz-codelijst, zonder profieltekst in de bronnen. De beoordelaar kiest op grond van "
            "professioneel oordeel."
        )
    elif toegang and profielkeuze is not None:
        zzp = profielkeuze(b, regelset, uitleg, besluitdatum)
    rlz_versie = date.fromisoformat(str(teksten["rlz_versie"]))
    if zzp is not None and b.peildatum > rlz_versie:
        waarschuwingen.append(
            f"De zorgprofielen en hun maximale geldigheid komen uit de {teksten['rlz']}, de nieuwste tekst in de "
            f"bronnen. Latere wijzigingen van die regeling zijn niet meegenomen."
        )
        uitleg.stap(
            "Zorgprofielen: nieuwste bekende tekst",
            f"Peildatum {nl(b.peildatum)} ligt na de nieuwste bekende tekst ({nl(rlz_versie)}): de laatst bekende "
            "profielen zijn gebruikt",
            teksten["rlz"],
        )
    if zzp is not None:
        gp = p["geldigheid"]
        maanden = zzp.get("max_geldigheid_maanden")
        if maanden:
            geldig_tot = tot_en_met_na_maanden(besluitdatum, int(maanden))
            uitleg.stap(
                "Geldigheidsduur",
                f"Ten hoogste {maanden} maanden: tot en met {nl(geldig_tot)}",
                str(zzp["max_geldigheid_bron"]),
            )
        else:
            uitleg.stap("Geldigheidsduur", "Onbepaald", gp["onbepaald_bron"])
        uitleg.stap(
            "Leveringsvorm",
            "De verzekerde kiest de leveringsvorm: verblijf in een instelling, volledig pakket thuis, modulair pakket "
            "thuis of persoonsgebonden budget",
            p["toegang"]["leveringsvormen_bron"],
        )
    uiterste, ingang = procedure(b, p, uitleg, besluitdatum, toegang)
    besluit = "toegekend" if toegang else "afgewezen"
    profiel = ""
    if zzp:
        profiel = f"; zorgprofiel {zzp['zorgprofiel_wlz'] or 'nog te kiezen (professioneel oordeel)'}"
    uitleg.stap("Stap 5: indicatiebesluit", f"Besluit: {besluit}{profiel}", f"{BIW}, bijlage 1 §2.5")
    return Indicatiebesluit(
        besluit=besluit,
        verblijf=toegang,
        functies=[],
        besluitdatum=besluitdatum,
        geldig_van=ingang,
        geldig_tot=geldig_tot,
        geldig_tot_overlijden=False,
        grondslagen=list(b.grondslagen),
        ruleset=regelset.ontvangstbewijs,
        toelichting=list(uitleg.stappen),
        etmalen_verblijf=7 if toegang else None,
        uiterste_beslisdatum=uiterste,
        zzp=zzp,
        afwijzingsgronden=redenen,
        stelsel="Wlz",
        waarschuwingen=[*waarschuwingen, *regelset.waarschuwingen(b.peildatum)],
        peildatum=b.peildatum,
    )
