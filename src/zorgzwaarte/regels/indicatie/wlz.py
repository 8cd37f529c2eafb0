"""Indicatiestelling onder de Wlz (vanaf 2015): toegang (art. 3.2.1-3.2.2 Wlz) en het best passende zorgprofiel.

Under the Wlz there are no functies en klassen at home any more: an indication names a zorgprofiel (and keeps
the ZZP code used for financing); the client later chooses the leveringsvorm (Wlz art. 3.3.1).
Steps follow Beleidsregels indicatiestelling Wlz 2015, bijlage 1 §2: zorgsituatie, gebruikelijke zorg,
permanent toezicht of 24 uur zorg in de nabijheid, blijvend, besluit.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from zorgzwaarte.domein.beoordeling import Beoordeling
from zorgzwaarte.regels.codes import codelijst, grondslag_naam
from zorgzwaarte.regels.datums import leeftijd, nl, tot_en_met_na_maanden
from zorgzwaarte.regels.indicatie.besluit import Indicatiebesluit
from zorgzwaarte.regels.regelset import Regelset
from zorgzwaarte.regels.uitleg import Toelichting

if TYPE_CHECKING:
    from zorgzwaarte.regels.indicatie.trechtermodel import ProfielKeuze

BIW = "Beleidsregels indicatiestelling Wlz 2015"


def toegang_wlz(b: Beoordeling, p: dict[str, Any], uitleg: Toelichting) -> tuple[bool, list[str]]:
    """Wlz art. 3.2.1 lid 1 (and lid 3, art. 3.2.2): grondslag, permanent toezicht or 24 uur zorg nabij, blijvend."""
    tp = p["toegang"]
    redenen: list[str] = []
    grondslagen = [g for g in b.grondslagen if g in tp["grondslagen"]["waarde"]]
    ggz_b = (
        "voortgezet_verblijf_ggz" in b.bijzonderheden
        and tp["psychische_stoornis_voortgezet"]["grondslag"] in b.grondslagen
    )
    lvg = (
        "lvg_behandeling" in b.bijzonderheden
        and "05" in b.grondslagen
        and leeftijd(b.client.geboortedatum, b.peildatum) >= 18
    )
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
    blijvend = b.blijvend
    if blijvend is None:
        blijvend = b.prognose != "1"
        afgeleid = f" (afgeleid uit de prognose: {codelijst('LDT_Prognose').get(b.prognose or '', 'niet opgegeven')})"
    else:
        afgeleid = ""
    if not blijvend:
        redenen.append("de zorgbehoefte is niet blijvend")
        uitleg.stap("Stap 4: blijvend", f"Niet voldaan: {redenen[-1]}{afgeleid}", tp["blijvend_bron"])
        return False, redenen
    uitleg.stap("Stap 4: blijvend", f"Voldaan: de zorgbehoefte is blijvend{afgeleid}", tp["blijvend_bron"])
    return True, []


def indiceer_wlz(b: Beoordeling, regelset: Regelset, profielkeuze: ProfielKeuze | None) -> Indicatiebesluit:
    p = regelset.tabel("indicatie_wlz_2015.yaml")
    uitleg = Toelichting()
    besluitdatum = b.besluitdatum or b.peildatum
    uitleg.stap(
        "Regelset op peildatum", f"{regelset.naam} (versie {regelset.versie}) geldt op {nl(b.peildatum)}", regelset.bron
    )
    toegang, redenen = toegang_wlz(b, p, uitleg)
    zzp: dict[str, Any] | None = None
    geldig_tot: date | None = None
    if toegang and profielkeuze is not None:
        zzp = profielkeuze(b, regelset, uitleg, besluitdatum)
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
    uiterste = None
    if b.aanvraagdatum:
        sleutel = "beslistermijn_spoed_weken" if b.spoed else "beslistermijn_weken"
        uiterste = b.aanvraagdatum + timedelta(weeks=int(p["geldigheid"][sleutel]["waarde"]))
        uitleg.stap("Beslistermijn", f"Beslissen uiterlijk {nl(uiterste)}", p["geldigheid"][sleutel]["bron"])
    besluit = "toegekend" if toegang else "afgewezen"
    uitleg.stap(
        "Stap 5: indicatiebesluit",
        f"Besluit: {besluit}" + (f"; zorgprofiel {zzp['zorgprofiel_wlz']}" if zzp else ""),
        f"{BIW}, bijlage 1 §2.5",
    )
    return Indicatiebesluit(
        besluit=besluit,
        verblijf=toegang,
        functies=[],
        besluitdatum=besluitdatum,
        geldig_van=besluitdatum,
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
    )
