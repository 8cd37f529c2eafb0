"""De Regeling zorgaanspraken AWBZ als uitvoerbare regels: één functie per artikel, gedateerd per versie.

Every function takes the validated input and the `Rza` view of the ruleset in force on the peildatum and returns
an `Uitkomst`: the output fields of the contract, the article as bron, and the trail.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zorgzwaarte.domein.aanspraken import (
    AanspraakInvoer,
    BuitenlandInvoer,
    DoventolkInvoer,
    HielprikInvoer,
    MeerzorgInvoer,
    MeldtermijnInvoer,
    RolstoelAanspraakInvoer,
    RolstoelOvernameInvoer,
    RolstoelToestemmingInvoer,
    TandheelkundeInvoer,
    TandheelkundigeToestemmingInvoer,
    VaccinatieInvoer,
    VoortgezetVerblijfInvoer,
)
from zorgzwaarte.fouten import Fout, InvoerFout
from zorgzwaarte.regels.datums import nl, plus_maanden, voluit
from zorgzwaarte.regels.getallen import d, euro, fmt
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.profielen.meerzorg import meerzorg_wlz_aanspraak
from zorgzwaarte.regels.regelset import Regelset, reeks, regelsets
from zorgzwaarte.regels.uitleg import Toelichting

RZA = "Regeling zorgaanspraken AWBZ"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def normaliseer_land(naam: str) -> str:
    zonder = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return " ".join(zonder.lower().replace("-", " ").split())


@dataclass
class Rza:
    """The Regeling as it reads on the peildatum: the version of the regelset, its articles and its values."""

    regelset: Regelset
    peildatum: date

    @property
    def p(self) -> dict[str, Any]:
        return self.regelset.tabel("regeling_zorgaanspraken.yaml")

    @property
    def versie(self) -> str:
        return self.regelset.versie

    def artikel_geldt(self, artikel: str) -> bool:
        """Whether the article (or lid, e.g. '1a lid 2') is in the text of this version."""
        return artikel in self.p["artikelen"]

    def waarde(self, naam: str) -> Any:
        item = self.p["waarden"].get(naam)
        if item is None:
            raise InvoerFout.een(
                "peildatum", f"{naam} staat niet in de versie {self.versie} die op {voluit(self.peildatum)} gold"
            )
        return item["waarde"]

    def heeft(self, naam: str) -> bool:
        return naam in self.p["waarden"]

    def bron(self, naam: str) -> str:
        """The article of a value in words, with the version it was read from (linked by ``bron_adres``)."""
        return str(self.p["waarden"][naam]["bron"])

    def art(self, tekst: str) -> str:
        return f"{RZA} (versie {self.versie}) {tekst}"

    def gebrek(self, naam: str) -> str | None:
        item = self.p["tekstgebreken"].get(naam)
        return None if item is None else str(item["waarde"])


@dataclass
class Uitkomst:
    velden: dict[str, Any]
    bron: str
    uitleg: Toelichting = field(default_factory=Toelichting)
    opmerkingen: list[str] = field(default_factory=list)
    # an outcome field that is null because the article sets no figure there (not because a fact is unknown):
    # field -> what that means, in words (the form shows it instead of "onbekend")
    leeg_betekent: dict[str, str] = field(default_factory=dict)


def artikel_perioden(artikel: str) -> tuple[date, date]:
    """First and last day an article (or lid) stands in a version of the Regeling."""
    perioden = reeks("regeling_zorgaanspraken.yaml", f"artikelen.{artikel}")
    return (
        min(date.fromisoformat(str(p["geldig_van"])) for p in perioden),
        max(date.fromisoformat(str(p["geldig_tot"])) for p in perioden),
    )


def niet_in_werking(r: Rza, artikel: str, velden: list[str]) -> Uitkomst:
    """The article is not in the version of the peildatum: the outcome is unknown (null), with the reason."""
    van, tot = artikel_perioden(artikel)
    u = Uitkomst({"aanspraak": None, **{v: None for v in velden}}, r.art(f"art. {artikel}"))
    u.uitleg.stap(
        f"Artikel {artikel} in werking?",
        f"Art. {artikel} staat in de versies van {nl(van)} tot en met {nl(tot)}; de versie {r.versie} die op "
        f"{nl(r.peildatum)} gold, heeft het niet",
        r.art(f"art. {artikel}"),
    )
    return u


# --- art. 1a lid 2: meerzorg ---------------------------------------------------------------------------------


def meerzorg(inv: MeerzorgInvoer, r: Rza) -> Uitkomst:
    """Art. 1a lid 2: meer zorg dan het ZZP bij ≥ 25% meer zorgbehoefte (onder a) of bijzondere zorg (onder b)."""
    zzp = zoek_zzp(inv.zzp)
    if zzp is None:
        raise InvoerFout.een("zzp", f"'{inv.zzp}' is geen zorgzwaartepakket (zie 'zorgzwaarte codes zzp')")
    if not r.artikel_geldt("1a lid 2"):  # before the version of 2012-01-01 art. 1a has one paragraph: no meerzorg
        u = niet_in_werking(r, "1a lid 2", ["grond", "drempel_uren_per_week"])
        u.velden["zzp"] = zzp.code
        u.opmerkingen.append(
            "In deze versie regelt art. 1a alleen de aanspraak op de zorg uit het zorgzwaartepakket; meerzorg staat er "
            "niet in. Of er meer zorg mogelijk was, volgt niet uit deze regeling: onbekend."
        )
        return u
    lijst = r.waarde("meerzorg_zzp_onderdeel_a")
    op_lijst = zzp.code in lijst
    u = Uitkomst({}, r.art("art. 1a lid 2"))
    grond_a = False
    drempel: Decimal | None = None
    if op_lijst:
        if inv.zzp_uren_per_week is None or inv.zorgbehoefte_uren_per_week is None:
            ontbreekt = [
                veld for veld in ("zzp_uren_per_week", "zorgbehoefte_uren_per_week") if getattr(inv, veld) is None
            ]
            raise InvoerFout(
                [
                    Fout(v, f"is nodig om onder a te toetsen ({zzp.code} staat in de lijst van onder a)")
                    for v in ontbreekt
                ]
            )
        procent = Decimal(str(r.waarde("meerzorg_min_procent")))
        drempel = Decimal(str(inv.zzp_uren_per_week)) * (1 + procent / 100)
        grond_a = Decimal(str(inv.zorgbehoefte_uren_per_week)) >= drempel
        u.uitleg.stap(
            "Onder a: minimaal 25% meer zorg",
            f"{zzp.code} staat in onder a; zorgbehoefte {fmt(d(inv.zorgbehoefte_uren_per_week))} uur tegen drempel "
            f"{fmt(drempel)} uur ({fmt(d(inv.zzp_uren_per_week))} + {procent}%): {'voldaan' if grond_a else 'niet voldaan'}",
            r.bron("meerzorg_min_procent"),
        )
    else:
        u.uitleg.stap(
            "Onder a: minimaal 25% meer zorg",
            f"{zzp.code} staat niet in de lijst van onder a ({r.p['waarden']['meerzorg_zzp_onderdeel_a']['beschrijving'].removeprefix('tekst in de bron: ')})",
            r.bron("meerzorg_zzp_onderdeel_a"),
        )
    grond_b = bool(inv.bijzondere_zorg)
    u.uitleg.stap(
        "Onder b: bijzondere zorg",
        f"Bijzondere zorg: {', '.join(inv.bijzondere_zorg).replace('_', ' ')}"
        if grond_b
        else "Geen bijzondere zorg als bedoeld in onder b",
        r.bron("meerzorg_bijzondere_zorg_onderdeel_b"),
    )
    aanspraak = grond_a or grond_b
    u.velden = {
        "aanspraak": aanspraak,
        "grond": "onder a en b" if grond_a and grond_b else "onder a" if grond_a else "onder b" if grond_b else None,
        "zzp": zzp.code,
        "drempel_uren_per_week": float(drempel) if drempel is not None else None,
    }
    u.opmerkingen.append(
        "Meerzorg vraagt daarnaast het oordeel van de zorgverzekeraar dat meer zorg nodig is (art. 1a lid 2, aanhef)."
    )
    return u


# --- vanaf 2015: Regeling langdurige zorg art. 2.2 (meerzorg onder de Wlz) ------------------------------------


@dataclass
class WlzUitkomst(Uitkomst):
    """An outcome under the Wlz: the version of the Regeling langdurige zorg whose text was applied."""

    versie: str = ""


def meerzorg_wlz_regel(inv: MeerzorgInvoer, rs: Regelset) -> WlzUitkomst:
    """Rlz art. 2.2 (per version) for the calculator: the zorgprofiel of the ZZP (onder a), the ZZP on 31 December
    2014 (onder b: 'geen' = none, left out = unknown), the listed forms of care (onder c) and lid 2."""
    zzp = zoek_zzp(inv.zzp)
    if zzp is None:
        raise InvoerFout.een("zzp", f"'{inv.zzp}' is geen zorgzwaartepakket (zie 'zorgzwaarte codes zzp')")
    op_peildag: list[str] | None = None
    if inv.zzp_op_31_december_2014 is not None and inv.zzp_op_31_december_2014.strip():
        tekst = inv.zzp_op_31_december_2014.strip()
        if tekst.lower() == "geen":
            op_peildag = []
        elif (oud := zoek_zzp(tekst)) is None:
            raise InvoerFout.een(
                "zzp_op_31_december_2014",
                f"'{tekst}' is geen zorgzwaartepakket; vul een pakket in zoals 5 VG, of 'geen' als u toen geen "
                "zorgzwaartepakket had",
            )
        else:
            op_peildag = [oud.code]
    u = WlzUitkomst({}, "")
    a = meerzorg_wlz_aanspraak(
        zzp.zorgprofiel_wlz,
        op_peildag,
        inv.bijzondere_zorg,
        None if inv.zzp_uren_per_week is None else d(inv.zzp_uren_per_week),
        None if inv.zorgbehoefte_uren_per_week is None else d(inv.zorgbehoefte_uren_per_week),
        rs.tabel("meerzorg_wlz.yaml"),
        u.uitleg,
    )
    u.bron, u.versie = a.bron, a.versie
    if a.drempel_leeg:
        u.leeg_betekent["drempel_uren_per_week"] = a.drempel_leeg
    u.opmerkingen.extend(a.opmerkingen)
    u.velden = {
        "aanspraak": a.aanspraak,
        "grond": a.grond,
        "zzp": zzp.code,
        "drempel_uren_per_week": None if a.drempel_uren_per_week is None else float(a.drempel_uren_per_week),
    }
    return u


# --- art. 2: tandheelkundige zorg na einde verblijf -----------------------------------------------------------


def tandheelkunde(inv: TandheelkundeInvoer, r: Rza) -> Uitkomst:
    """Art. 2: tandheelkundige zorg tot 8 dagen, prothese tot 9 weken (verlengbaar tot 52) na einde verblijf."""
    if not r.artikel_geldt("2"):
        return niet_in_werking(r, "2", ["tandheelkundige_zorg_tot", "prothese_tot", "prothese_uiterlijk_verlengd_tot"])
    u = Uitkomst({}, r.art("art. 2"))
    dagen = int(r.waarde("tandheelkunde_na_einde_verblijf_dagen"))
    zorg_tot = None
    if inv.einde_wegens_zvw_verblijf is not False:
        zorg_tot = inv.einde_verblijf + timedelta(days=dagen)
        u.uitleg.stap(
            "Lid 1",
            f"Einde verblijf {nl(inv.einde_verblijf)} + {dagen} dagen: tot en met {nl(zorg_tot)}",
            r.bron("tandheelkunde_na_einde_verblijf_dagen"),
        )
        if inv.einde_wegens_zvw_verblijf is None:
            u.opmerkingen.append(
                "Lid 1 geldt alleen als het verblijf eindigt wegens verblijf als bedoeld in art. 2.10 "
                "Besluit zorgverzekering (veld einde_wegens_zvw_verblijf)."
            )
    else:
        u.uitleg.stap(
            "Lid 1",
            "Het verblijf eindigt niet wegens verblijf als bedoeld in art. 2.10 Bzv: lid 1 geldt niet",
            r.bron("tandheelkunde_na_einde_verblijf_dagen"),
        )
    weken = int(r.waarde("prothese_na_einde_verblijf_weken"))
    max_weken = int(r.waarde("prothese_verlengd_max_weken"))
    prothese_tot = verlengd_tot = None
    if inv.behandeling_voor_einde_aangevangen is not False:
        prothese_tot = inv.einde_verblijf + timedelta(weeks=weken)
        verlengd_tot = inv.einde_verblijf + timedelta(weeks=max_weken)
        u.uitleg.stap(
            "Lid 2",
            f"Prothese, kronen of bruggen tot {weken} weken na einde verblijf: tot en met {nl(prothese_tot)}; de "
            f"zorgverzekeraar kan, gehoord de adviserend tandarts, verlengen tot ten hoogste {max_weken} weken: {nl(verlengd_tot)}",
            r.bron("prothese_na_einde_verblijf_weken"),
        )
        if inv.behandeling_voor_einde_aangevangen is None:
            u.opmerkingen.append(
                "Lid 2 geldt alleen als de tandheelkundige hulp vóór het einde van het verblijf was "
                "aangevangen (veld behandeling_voor_einde_aangevangen)."
            )
    else:
        u.uitleg.stap(
            "Lid 2",
            "De hulp was niet vóór het einde van het verblijf aangevangen: lid 2 geldt niet",
            r.bron("prothese_na_einde_verblijf_weken"),
        )
    u.velden = {
        "aanspraak": zorg_tot is not None or prothese_tot is not None,
        "tandheelkundige_zorg_tot": iso(zorg_tot),
        "prothese_tot": iso(prothese_tot),
        "prothese_uiterlijk_verlengd_tot": iso(verlengd_tot),
        "tandheelkundige_zorg_op_peildatum": zorg_tot is not None and inv.einde_verblijf < r.peildatum <= zorg_tot,
    }
    return u


def tandheelkundige_toestemming(inv: TandheelkundigeToestemmingInvoer, r: Rza) -> Uitkomst:
    """Art. 9: bijzondere tandheelkundige zorg alleen met voorafgaande toestemming van de zorgverzekeraar."""
    u = Uitkomst({"aanspraak": inv.toestemming_vooraf, "toestemming_nodig": True}, r.art("art. 9"))
    u.uitleg.stap(
        "Art. 9",
        "Voorafgaande toestemming "
        + ("verleend: aanspraak" if inv.toestemming_vooraf else "ontbreekt: geen aanspraak"),
        r.art("art. 9"),
    )
    return u


# --- art. 3 en 10: rolstoel ------------------------------------------------------------------------------------


def rolstoel_aanspraak(inv: RolstoelAanspraakInvoer, r: Rza) -> Uitkomst:
    """Art. 3 lid 2: aanspraak bij ontbreken van de loopfunctie of blijvende of langdurige loopfunctiestoornissen."""
    ja = inv.loopfunctie in ("ontbreekt", "blijvend_gestoord", "langdurig_gestoord")
    u = Uitkomst({"aanspraak": ja, "toestemming_nodig": ja}, r.art("art. 3 lid 2"))
    u.uitleg.stap(
        "Art. 3 lid 2",
        f"Loopfunctie: {inv.loopfunctie.replace('_', ' ')}: {'aanspraak' if ja else 'geen aanspraak'}",
        r.art("art. 3 lid 2"),
    )
    if ja:
        u.uitleg.stap(
            "Art. 10 lid 1",
            "Een rolstoel vraagt voorafgaande toestemming van de zorgverzekeraar",
            r.art("art. 10 lid 1"),
        )
    return u


def _lineair_restwaarde(prijs: Decimal, van: date, tot: date, jaren: int) -> tuple[Decimal, int, int]:
    """Straight-line depreciation per day over `jaren` from `van` to `tot`: (remaining value, days used, term days)."""
    einde_termijn = plus_maanden(van, 12 * jaren)
    termijn = (einde_termijn - van).days
    gebruikt = max(0, min((tot - van).days, termijn))
    rest = prijs * (Decimal(termijn - gebruikt) / Decimal(termijn))
    return rest, gebruikt, termijn


def rolstoel_overname(inv: RolstoelOvernameInvoer, r: Rza) -> Uitkomst:
    """Art. 3 lid 3-4: overname bij einde verblijf voor aanschafprijs plus wijzigingen min afschrijving.

    Method (the article names the term, not the method): straight-line depreciation per day, the chair from the
    day it was taken into use and each change from its own date, each over the full term (3 years electric,
    5 years otherwise), until the end of the stay; rounded to the cent at the end. Straight-line is the usual
    reading of 'afschrijvingstermijn' and treats every euro of a later change the same as the purchase.
    """
    fouten = []
    if inv.einde_verblijf < inv.ingebruikname:
        fouten.append(Fout("einde_verblijf", f"ligt vóór de ingebruikname {voluit(inv.ingebruikname)}"))
    for i, w in enumerate(inv.wijzigingen):
        if not (inv.ingebruikname <= w.datum <= inv.einde_verblijf):
            fouten.append(Fout(f"wijzigingen.{i}.datum", "moet tussen ingebruikname en einde verblijf liggen"))
    if fouten:
        raise InvoerFout(fouten)
    jaren = int(
        r.waarde(
            "rolstoel_afschrijving_elektrisch_jaar" if inv.elektrisch else "rolstoel_afschrijving_niet_elektrisch_jaar"
        )
    )
    bron = r.bron(
        "rolstoel_afschrijving_elektrisch_jaar" if inv.elektrisch else "rolstoel_afschrijving_niet_elektrisch_jaar"
    )
    u = Uitkomst({}, r.art("art. 3 lid 3 en 4"))
    delen = [("aanschaf", inv.aanschafprijs, inv.ingebruikname)] + [
        (f"wijziging {i + 1}", w.prijs, w.datum) for i, w in enumerate(inv.wijzigingen)
    ]
    totaal = Decimal(0)
    specificatie = []
    for naam, prijs, van in delen:
        rest, gebruikt, termijn = _lineair_restwaarde(prijs, van, inv.einde_verblijf, jaren)
        totaal += rest
        specificatie.append(
            {
                "onderdeel": naam,
                "prijs": euro(prijs),
                "vanaf": van.isoformat(),
                "dagen_gebruikt": gebruikt,
                "termijn_dagen": termijn,
                "restwaarde": euro(rest),
            }
        )
        u.uitleg.stap(
            f"Afschrijving {naam}",
            f"€ {euro(prijs)} vanaf {nl(van)}: {gebruikt} van {termijn} dagen ({jaren} jaar) afgeschreven; restwaarde € {euro(rest)}",
            bron,
        )
    u.velden = {
        "aanspraak": True,
        "overnameprijs": euro(totaal),
        "afschrijvingstermijn_jaren": jaren,
        "specificatie": specificatie,
        "methode": "lineaire afschrijving per dag over de afschrijvingstermijn; aanschaf vanaf ingebruikname, elke "
        "wijziging vanaf haar eigen datum; afgerond op hele centen (half naar boven) na optelling",
    }
    u.uitleg.stap("Overnameprijs", f"Som van de restwaarden: € {euro(totaal)}", r.art("art. 3 lid 3"))
    return u


def rolstoel_toestemming(inv: RolstoelToestemmingInvoer, r: Rza) -> Uitkomst:
    """Art. 10: toestemming vooraf, behalve aanpassing of herstel onder € 1 000 (elektrisch) of € 500."""
    u = Uitkomst({}, r.art("art. 10"))
    if inv.soort == "nieuw":
        nodig = True
        u.uitleg.stap("Art. 10 lid 1", "Een (nieuwe) rolstoel vraagt voorafgaande toestemming", r.art("art. 10 lid 1"))
        grens = None
        u.leeg_betekent["grens"] = (
            "geen grens: voor een (nieuwe) rolstoel is altijd vooraf toestemming nodig, wat hij ook kost (art. 10 "
            "lid 1); de bedragen van lid 2 gelden alleen voor aanpassing of herstel"
        )
    else:
        naam = (
            "rolstoel_toestemming_grens_elektrisch" if inv.elektrisch else "rolstoel_toestemming_grens_niet_elektrisch"
        )
        grens = Decimal(str(r.waarde(naam)))
        nodig = not (inv.kosten < grens)
        u.uitleg.stap(
            "Art. 10 lid 2",
            f"{inv.soort.capitalize()} van een {'elektrisch' if inv.elektrisch else 'niet-elektrisch'} aangedreven rolstoel: "
            f"€ {euro(inv.kosten)} is {'minder dan' if not nodig else 'niet minder dan'} € {euro(grens)}: "
            f"toestemming {'niet ' if not nodig else ''}nodig",
            r.bron(naam),
        )
    u.velden = {"toestemming_nodig": nodig, "grens": euro(grens) if grens is not None else None}
    return u


# --- art. 4 en 7 lid 2-3: doventolk ---------------------------------------------------------------------------


def doventolk(inv: DoventolkInvoer, r: Rza) -> Uitkomst:
    """Art. 4: 30 uur per kalenderjaar, 168 bij doofblindheid, meer bij onbillijkheid; een sessie telt vanaf 30 minuten."""
    u = Uitkomst({}, r.art("art. 4"))
    if inv.onbillijkheid:
        maximum = None
        u.uitleg.stap(
            "Art. 4 lid 2",
            "Onbillijkheid van overwegende aard: aanspraak op meer uren, geen vast maximum",
            r.art("art. 4 lid 2"),
        )
        geen_maximum = "geen vast maximum: bij onbillijkheid van overwegende aard zijn er meer uren (art. 4 lid 2)"
        u.leeg_betekent.update(
            max_uren_per_jaar=geen_maximum, resterende_uren=geen_maximum, resterende_uren_na_sessie=geen_maximum
        )
    else:
        naam = "doventolk_max_uren_doofblind" if inv.doofblind else "doventolk_max_uren"
        maximum = int(r.waarde(naam))
        u.uitleg.stap(
            "Art. 4 lid 1",
            f"{'Doofblind: ' if inv.doofblind else ''}maximaal {maximum} uren per kalenderjaar",
            r.bron(naam),
        )
    min_min = int(r.waarde("doventolk_min_minuten_sessie"))
    telt = inv.sessie_minuten >= min_min
    u.uitleg.stap(
        "Art. 4 lid 3",
        f"Sessie van {fmt(d(inv.sessie_minuten))} minuten {'telt' if telt else 'telt niet'} (minimaal {min_min} minuten)",
        r.bron("doventolk_min_minuten_sessie"),
    )
    rest = None if maximum is None else max(0.0, maximum - inv.uren_gebruikt_dit_jaar)
    na = None if rest is None else max(0.0, rest - (inv.sessie_minuten / 60 if telt else 0))
    vrijstelling = [
        g
        for g, ja in (
            ("dovenonderwijs", inv.dovenonderwijs),
            ("re-integratievergoeding", inv.reintegratie_vergoeding),
            ("zorg onder art. 1p Ziekenfondswet", inv.ziekenfonds_art_1p),
        )
        if ja
    ]
    verklaring_ontbreekt = inv.verklaring_arts is False
    u.uitleg.stap(
        "Art. 7 lid 2 en 3",
        "Een verklaring van de huisarts of KNO-arts is nodig"
        + (
            f"; een grond uit lid 3 is aanwezig ({', '.join(vrijstelling)}), maar lid 3 verwijst naar een niet-bestaand vierde lid: "
            "ter beoordeling door de zorgverzekeraar"
            if vrijstelling
            else ""
        ),
        r.art("art. 7 lid 2 en 3"),
    )
    gebrek = r.gebrek("art_7_lid_3")
    if gebrek:
        u.opmerkingen.append(gebrek)
    u.velden = {
        "aanspraak": telt and not verklaring_ontbreekt and (rest is None or rest > 0),
        "max_uren_per_jaar": maximum,
        "resterende_uren": rest,
        "resterende_uren_na_sessie": na,
        "sessie_telt": telt,
        "verklaring_arts_nodig": True,
        "vrijstelling_lid_3_grond": vrijstelling,
    }
    return u


# --- art. 5: hielprik ------------------------------------------------------------------------------------------


def hielprik(inv: HielprikInvoer, r: Rza) -> Uitkomst:
    """Art. 5: onderzoek voor zuigelingen jonger dan twee maanden (en zeer bijzondere gevallen), bij voorkeur dag 4-7."""
    if inv.geboortedatum > r.peildatum:
        raise InvoerFout.een("geboortedatum", f"ligt na de peildatum {voluit(r.peildatum)}")
    maanden = int(r.waarde("hielprik_max_leeftijd_maanden"))
    grens = plus_maanden(inv.geboortedatum, maanden)
    jong_genoeg = r.peildatum < grens
    u = Uitkomst({}, r.art("art. 5"))
    u.uitleg.stap(
        "Art. 5 lid 2",
        f"De leeftijd van {maanden} maanden wordt bereikt op {nl(grens)}: op {nl(r.peildatum)} "
        f"{'nog niet bereikt' if jong_genoeg else 'bereikt'}"
        + ("; zeer bijzonder geval" if inv.zeer_bijzonder_geval else ""),
        r.bron("hielprik_max_leeftijd_maanden"),
    )
    aandoeningen = r.p["hielprik_aandoeningen"]
    u.uitleg.stap(
        "Art. 5 lid 1",
        f"Onderzoek naar {len(aandoeningen['waarde'])} aandoeningen: {', '.join(aandoeningen['waarde'])}",
        aandoeningen["bron"],
    )
    van = inv.geboortedatum + timedelta(days=int(r.waarde("hielprik_aanbevolen_dag_van")))
    tot = inv.geboortedatum + timedelta(days=int(r.waarde("hielprik_aanbevolen_dag_tot")))
    u.uitleg.stap(
        "Art. 5 lid 3",
        f"In de regel op de leeftijd van 4 tot en met 7 dagen: {nl(van)} tot en met {nl(tot)}",
        r.bron("hielprik_aanbevolen_dag_van"),
    )
    u.velden = {
        "aanspraak": jong_genoeg or inv.zeer_bijzonder_geval,
        "aanbevolen_van": van.isoformat(),
        "aanbevolen_tot": tot.isoformat(),
        "aandoeningen": aandoeningen["waarde"],
    }
    return u


# --- art. 6, 16 en bijlage 1: vaccinaties ---------------------------------------------------------------------


def volle_maanden(geboortedatum: date, peildatum: date) -> int:
    maanden = (peildatum.year - geboortedatum.year) * 12 + peildatum.month - geboortedatum.month
    if plus_maanden(geboortedatum, maanden) > peildatum:
        maanden -= 1
    return maanden


PNEUMOKOKKEN = "geconjugeerd pneumokokkenvaccin"


def _leeftijd_past(item: dict[str, Any], geboortedatum: date, peildatum: date, maanden: int) -> tuple[bool, str]:
    """Whether the age (or the year of birth) of an onderdeel of art. 6 holds on the peildatum, and how in words."""
    if "geboren_jaren_voor_lopend_jaar" in item:
        jaar = peildatum.year - int(item["geboren_jaren_voor_lopend_jaar"])
        return geboortedatum.year == jaar, f"geboren in {jaar}"
    if "leeftijd_maanden_tot_exclusief" in item:
        return (
            item["leeftijd_maanden_van"] <= maanden < item["leeftijd_maanden_tot_exclusief"],
            f"jonger dan {item['leeftijd_maanden_tot_exclusief']} maand",
        )
    reeksen = item.get("leeftijden_maanden") or [[item["leeftijd_maanden_van"], item["leeftijd_maanden_tot"]]]
    raak = [f"{a}–{b} maanden" for a, b in reeksen if a <= maanden <= b]
    return bool(raak), ", ".join(raak)


def vaccinaties(inv: VaccinatieInvoer, r: Rza) -> Uitkomst:
    """Art. 6 (het schema van de versie), art. 16 (overgangsrecht van de versie) en bijlage 1 (landen).

    Up to the version of 2011-08-01 hepatitis B is not in lid 1 but in lid 2, for three groups (a parent from a
    country outside bijlage 1, a HbsAg-positive mother, Downsyndroom: art. 16 lid 2 only when born on or after
    1-1-2008), and art. 16 lid 1 gives the pneumokokkenvaccin only when born on or after 1-4-2006. From that version
    hepatitis B is part of lid 1 for those born on or after 1-8-2011 and for the groups of art. 16 lid 2."""
    if inv.geboortedatum > r.peildatum:
        raise InvoerFout.een("geboortedatum", f"ligt na de peildatum {voluit(r.peildatum)}")
    u = Uitkomst({}, r.art("art. 6 en 16"))
    maanden = volle_maanden(inv.geboortedatum, r.peildatum)
    b1 = r.p["bijlage_1"]
    bijlage = {normaliseer_land(x) for x in b1["waarde"]["landen"]}
    buiten_bijlage = [land for land in inv.herkomstlanden_ouders if normaliseer_land(land) not in bijlage]
    groepen = {
        "moeder_hbsag_positief": (inv.moeder_hbsag_positief, "moeder HbsAg-positief"),
        "ouder_buiten_bijlage_1": (
            bool(buiten_bijlage),
            f"ouder uit een land buiten bijlage 1: {', '.join(buiten_bijlage)}",
        ),
        "downsyndroom": (inv.downsyndroom, "Downsyndroom"),
    }
    u.uitleg.stap(
        "Art. 6 lid 1, aanhef",
        f"Het programma omvat de vaccins afgeleverd door of vanwege {r.waarde('vaccins_afgeleverd_door')}, "
        "aan de daartoe opgeroepen verzekerden",
        r.bron("vaccins_afgeleverd_door"),
    )
    schema = r.p["vaccinatieschema"]
    if r.heeft("hepatitis_b_geboren_vanaf"):
        hep_b_vanaf = date.fromisoformat(str(r.waarde("hepatitis_b_geboren_vanaf")))
        uitzondering = [
            f"{tekst} (art. 16 lid 2 onder {letter})"
            for letter, (ja, tekst) in zip("abc", groepen.values(), strict=True)  # in the order of art. 16 lid 2
            if ja
        ]
        hep_b = inv.geboortedatum >= hep_b_vanaf or bool(uitzondering)
        u.uitleg.stap(
            "Art. 16: hepatitis B",
            (
                f"Geboren op of na {nl(hep_b_vanaf)}: hepatitis B-vaccin in het schema"
                if inv.geboortedatum >= hep_b_vanaf
                else f"Geboren vóór {nl(hep_b_vanaf)}: "
                + (
                    f"toch hepatitis B-vaccin wegens {'; '.join(uitzondering)}"
                    if uitzondering
                    else "geen hepatitis B-component (art. 16 lid 1)"
                )
            ),
            f"{r.bron('hepatitis_b_geboren_vanaf')}; {b1['bron']}",
        )
    else:
        hep_b = False
        redenen = []
        for item in schema["waarde"]:
            ja, tekst = groepen.get(item.get("voorwaarde", ""), (False, ""))
            if not ja:
                continue
            if item.get("geboren_vanaf"):
                grens = date.fromisoformat(str(r.waarde(item["geboren_vanaf"])))
                if inv.geboortedatum < grens:
                    redenen.append(f"{tekst}, maar geboren vóór {nl(grens)} (art. 16 lid 2): niet")
                    continue
            hep_b = True
            redenen.append(f"{tekst} ({item['bron']})")
        u.uitleg.stap(
            "Art. 6 lid 2: hepatitis B",
            "In deze versie krijgen alleen de groepen van lid 2 het hepatitis B-vaccin: "
            + ("; ".join(redenen) if redenen else "de verzekerde hoort bij geen van die groepen"),
            f"{schema['bron']}; {b1['bron']}",
        )
    lijst = []
    for item in schema["waarde"]:
        past, wanneer = _leeftijd_past(item, inv.geboortedatum, r.peildatum, maanden)
        voorwaarde = item.get("voorwaarde")
        if past and voorwaarde and not groepen[voorwaarde][0]:
            past = False
        if past and item.get("geboren_vanaf"):
            past = inv.geboortedatum >= date.fromisoformat(str(r.waarde(item["geboren_vanaf"])))
        if not past:
            continue
        vaccins = list(item["vaccins"])
        if item.get("hepatitis_b") and not hep_b:
            vaccins = [v.replace("DKTP-Hib-hepatitis B-vaccin", "DKTP-Hib-vaccin") for v in vaccins]
        if PNEUMOKOKKEN in vaccins and r.heeft("pneumokokken_geboren_vanaf"):
            grens = date.fromisoformat(str(r.waarde("pneumokokken_geboren_vanaf")))
            if inv.geboortedatum < grens:
                vaccins.remove(PNEUMOKOKKEN)
                u.uitleg.stap(
                    "Art. 16 lid 1: pneumokokken",
                    f"Geboren vóór {nl(grens)}: geen pneumokokkenvaccin",
                    r.bron("pneumokokken_geboren_vanaf"),
                )
        lijst.append({"onderdeel": item["onderdeel"], "vaccins": vaccins})
        u.uitleg.stap(item["bron"].capitalize(), f"{wanneer}: {', '.join(vaccins)}", r.art(item["bron"]))
    if not lijst:
        u.uitleg.stap(
            "Art. 6",
            f"Op {nl(r.peildatum)} (leeftijd {maanden} maanden) is geen vaccinatie uit het schema aan de orde",
            r.art("art. 6"),
        )
    inhaal_tot = r.waarde("vaccinatie_inhaal_tot_jaar")
    if inhaal_tot is None:
        inhaal = True
        u.uitleg.stap(
            "Art. 6 lid 3: andere leeftijd",
            "In bijzondere gevallen kan toediening op een andere leeftijd tot het programma horen; deze versie noemt "
            "geen leeftijdsgrens",
            r.bron("vaccinatie_inhaal_tot_jaar"),
        )
    else:
        inhaal = maanden < 12 * int(inhaal_tot)
        u.uitleg.stap(
            "Art. 6 lid 2: inhalen",
            f"In bijzondere gevallen voor een niet of niet volledig gevaccineerde verzekerde tot {inhaal_tot} jaar: "
            + ("nog mogelijk" if inhaal else "niet meer (leeftijd bereikt)"),
            r.bron("vaccinatie_inhaal_tot_jaar"),
        )
    for naam in ("art_16_tweede_lid_2", "bijlage_1_kop"):
        gebrek = r.gebrek(naam)
        if gebrek:
            u.opmerkingen.append(gebrek)
    u.velden = {
        "aanspraak": bool(lijst),
        "leeftijd_maanden": maanden,
        "vaccinaties": lijst,
        "hepatitis_b": hep_b,
        "inhaalvaccinatie_mogelijk": inhaal,
        "landen_buiten_bijlage_1": buiten_bijlage,
    }
    return u


# --- art. 6a, 6b en 7a: zorg in het buitenland (vervallen per 2013) --------------------------------------------


def buitenland(inv: BuitenlandInvoer, r: Rza) -> Uitkomst:
    """Art. 6a (extramuraal in een andere lidstaat) en 6b (toestemming niet-gecontracteerde aanbieder); art. 7a."""
    if not (r.artikel_geldt("6a") and r.artikel_geldt("6b")):
        u = niet_in_werking(r, "6a", ["lidstaat", "toestemming_nodig", "vergoeding"])
        u.uitleg.stap("Art. 6b en 7a", "Ook art. 6b en 7a staan niet in deze versie", r.art("art. 6b"))
        u.opmerkingen.append(
            "Zorg buiten Nederland staat vanaf de versie van 1-1-2013 niet meer in deze regeling. De versie van "
            "31-12-2013 van het Besluit zorgaanspraken AWBZ regelt haar in art. 20 lid 2 en art. 20a; dit programma "
            "rekent die artikelen niet."
        )
        return u
    lidstaten = {normaliseer_land(x) for x in r.p["lidstaten"]["waarde"]["landen"]}
    land = normaliseer_land(inv.land)
    in_nl = land == "nederland"
    lidstaat = land in lidstaten and not in_nl
    u = Uitkomst({}, r.art("art. 6a en 6b"))
    vergoeding = min(inv.kosten, inv.kosten_nederland)
    if inv.gecontracteerd:
        nodig, verg, artikel = False, None, "art. 6a en 6b"
        tekst = "Gecontracteerde zorgaanbieder: zorg in natura; art. 6a en 6b gaan over vergoeding en niet-gecontracteerde aanbieders"
    elif inv.soort == "extramuraal" and lidstaat:
        nodig, verg, artikel = False, vergoeding, "art. 6a"
        tekst = f"Extramurale zorg in lidstaat {inv.land}: geen toestemming nodig; vergoeding ten hoogste de Nederlandse kosten"
    elif inv.soort == "intramuraal" and lidstaat:
        nodig, verg, artikel = True, vergoeding, "art. 6b lid 1 en 3"
        tekst = f"Intramurale zorg bij een niet-gecontracteerde aanbieder in lidstaat {inv.land}: toestemming nodig"
    else:
        nodig, verg, artikel = True, vergoeding, "art. 6b lid 2 en 3"
        tekst = (
            f"Zorg bij een niet-gecontracteerde aanbieder in {'Nederland' if in_nl else inv.land + ' (geen lidstaat)'}: "
            "toestemming nodig"
        )
    if verg is not None:
        tekst += f"; vergoeding € {euro(verg)} (gemaakte kosten € {euro(inv.kosten)}, ten hoogste € {euro(inv.kosten_nederland)})"
    u.uitleg.stap(artikel.capitalize(), tekst, r.art(artikel))
    reis_uitgesloten = inv.reizen_of_tijdelijk_verblijf and r.artikel_geldt("7a")
    if reis_uitgesloten:
        u.uitleg.stap(
            "Art. 7a",
            "Tijdens reizen of tijdelijk verblijf buiten Nederland geen aanspraak op zorg van art. 4-8 Bza "
            "door een AWBZ-instelling",
            r.art("art. 7a"),
        )
    u.velden = {
        "aanspraak": not reis_uitgesloten,
        "lidstaat": lidstaat,
        "toestemming_nodig": nodig,
        "vergoeding": euro(verg) if verg is not None else None,
    }
    return u


# --- art. 7 lid 1: meldtermijn ---------------------------------------------------------------------------------


def meldtermijn(inv: MeldtermijnInvoer, r: Rza) -> Uitkomst:
    """Art. 7 lid 1: melding aan het uitvoeringsorgaan binnen twee weken na aanvang van de zorg."""
    weken = int(r.waarde("meldtermijn_weken"))
    uiterst = inv.aanvang_zorg + timedelta(weeks=weken)
    u = Uitkomst({}, r.art("art. 7 lid 1"))
    op_tijd = None if inv.meldingsdatum is None else inv.meldingsdatum <= uiterst
    u.uitleg.stap(
        "Art. 7 lid 1",
        f"Aanvang zorg {nl(inv.aanvang_zorg)} + {weken} weken: melden uiterlijk {nl(uiterst)}"
        + ("" if op_tijd is None else f"; gemeld op {nl(inv.meldingsdatum)}: {'op tijd' if op_tijd else 'te laat'}"),
        r.bron("meldtermijn_weken"),
    )
    u.velden = {
        "uiterste_meldingsdatum": uiterst.isoformat(),
        "op_tijd": op_tijd,
        "aanspraak": None if op_tijd is None else op_tijd,
    }
    return u


# --- art. 15: voortgezet verblijf ----------------------------------------------------------------------------


def voortgezet_verblijf(inv: VoortgezetVerblijfInvoer, r: Rza) -> Uitkomst:
    """Art. 15: four weeks more of the current stay, when (1) the insured stays in an art. 9 Bza institution for a
    psychiatric condition or in voortgezet verblijf (art. 13 Bza), (2) the new indicatiebesluit is for verblijf for a
    somatic or psychogeriatric condition, and (3) the continued stay is due to a shortage of places."""
    weken = int(r.waarde("voortgezet_verblijf_weken"))
    u = Uitkomst({}, r.art("art. 15"))
    bron = r.bron("voortgezet_verblijf_weken")
    voorwaarden = [
        (
            inv.huidig_verblijf != "anders",
            "de verzekerde verblijft "
            + (
                "in een instelling (art. 9 Besluit) wegens een psychiatrische aandoening"
                if inv.huidig_verblijf == "psychiatrisch_art9"
                else "in voortgezet verblijf (art. 13 Besluit)"
                if inv.huidig_verblijf == "voortgezet_verblijf_art13"
                else "niet in een instelling wegens een psychiatrische aandoening of in voortgezet verblijf"
            ),
        ),
        (
            inv.indicatie_verblijf != "anders",
            "het nieuwe indicatiebesluit is "
            + (
                f"voor verblijf wegens een {inv.indicatie_verblijf}e aandoening"
                if inv.indicatie_verblijf != "anders"
                else "niet voor verblijf wegens een somatische of psychogeriatrische aandoening"
            ),
        ),
        (
            inv.tekort_plaatsingsmogelijkheden,
            "er is "
            + ("een" if inv.tekort_plaatsingsmogelijkheden else "geen")
            + " tekort aan plaatsingsmogelijkheden",
        ),
    ]
    for ok, tekst in voorwaarden:
        u.uitleg.stap("Art. 15: voorwaarde", ("Voldaan: " if ok else "Niet voldaan: ") + tekst, bron)
    if not all(ok for ok, _ in voorwaarden):
        u.velden = {"aanspraak": False, "verblijf_tot": None}
        return u
    tot = inv.indicatiedatum + timedelta(weeks=weken)
    u.uitleg.stap(
        "Art. 15",
        f"Indicatiebesluit {nl(inv.indicatiedatum)} + {weken} weken: verblijf tot en met {nl(tot)}",
        bron,
    )
    u.velden = {"aanspraak": True, "verblijf_tot": tot.isoformat()}
    return u


# --- registry ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regel:
    naam: str
    artikel: str
    invoer: type[AanspraakInvoer]
    functie: Callable[[Any, Rza], Uitkomst]
    uitvoer: tuple[str, ...]
    artikelen: tuple[str, ...]
    # from the Wlz the rule follows the Regeling langdurige zorg: its article, the onderwerp of its regelsets
    # (regelsets.yaml) and its function
    wlz_artikel: str | None = None
    wlz_onderwerp: str | None = None
    wlz: Callable[[Any, Regelset], WlzUitkomst] | None = None

    def volgens_wlz(self, peildatum: date) -> bool:
        """Whether the peildatum falls under the Wlz text of this rule: on or after the first day of its first Wlz
        regelset (the AWBZ regeling ended on 31-12-2014)."""
        return self.wlz_onderwerp is not None and peildatum >= regelsets(self.wlz_onderwerp)[0].geldig_van


REGELS: dict[str, Regel] = {
    r.naam: r
    for r in (
        Regel(
            "meerzorg",
            "art. 1a lid 2",
            MeerzorgInvoer,
            meerzorg,
            ("aanspraak", "grond", "zzp", "drempel_uren_per_week"),
            ("1a lid 2",),
            "Regeling langdurige zorg art. 2.2",
            "meerzorg_wlz",
            meerzorg_wlz_regel,
        ),
        Regel(
            "tandheelkunde",
            "art. 2",
            TandheelkundeInvoer,
            tandheelkunde,
            (
                "aanspraak",
                "tandheelkundige_zorg_tot",
                "prothese_tot",
                "prothese_uiterlijk_verlengd_tot",
                "tandheelkundige_zorg_op_peildatum",
            ),
            ("2",),
        ),
        Regel(
            "tandheelkunde_toestemming",
            "art. 9",
            TandheelkundigeToestemmingInvoer,
            tandheelkundige_toestemming,
            ("aanspraak", "toestemming_nodig"),
            ("9",),
        ),
        Regel(
            "rolstoel_aanspraak",
            "art. 3 lid 2",
            RolstoelAanspraakInvoer,
            rolstoel_aanspraak,
            ("aanspraak", "toestemming_nodig"),
            ("3",),
        ),
        Regel(
            "rolstoel_overname",
            "art. 3 lid 3 en 4",
            RolstoelOvernameInvoer,
            rolstoel_overname,
            ("aanspraak", "overnameprijs", "afschrijvingstermijn_jaren", "specificatie", "methode"),
            ("3",),
        ),
        Regel(
            "rolstoel_toestemming",
            "art. 10",
            RolstoelToestemmingInvoer,
            rolstoel_toestemming,
            ("toestemming_nodig", "grens"),
            ("10",),
        ),
        Regel(
            "doventolk",
            "art. 4; art. 7 lid 2 en 3",
            DoventolkInvoer,
            doventolk,
            (
                "aanspraak",
                "max_uren_per_jaar",
                "resterende_uren",
                "resterende_uren_na_sessie",
                "sessie_telt",
                "verklaring_arts_nodig",
                "vrijstelling_lid_3_grond",
            ),
            ("4", "7"),
        ),
        Regel(
            "hielprik",
            "art. 5",
            HielprikInvoer,
            hielprik,
            ("aanspraak", "aanbevolen_van", "aanbevolen_tot", "aandoeningen"),
            ("5",),
        ),
        Regel(
            "vaccinaties",
            "art. 6, 16 en bijlage 1",
            VaccinatieInvoer,
            vaccinaties,
            (
                "aanspraak",
                "leeftijd_maanden",
                "vaccinaties",
                "hepatitis_b",
                "inhaalvaccinatie_mogelijk",
                "landen_buiten_bijlage_1",
            ),
            ("6", "16"),
        ),
        Regel(
            "buitenland",
            "art. 6a, 6b en 7a",
            BuitenlandInvoer,
            buitenland,
            ("aanspraak", "lidstaat", "toestemming_nodig", "vergoeding"),
            ("6a", "6b", "7a"),
        ),
        Regel(
            "meldtermijn",
            "art. 7 lid 1",
            MeldtermijnInvoer,
            meldtermijn,
            ("uiterste_meldingsdatum", "op_tijd", "aanspraak"),
            ("7",),
        ),
        Regel(
            "voortgezet_verblijf",
            "art. 15",
            VoortgezetVerblijfInvoer,
            voortgezet_verblijf,
            ("aanspraak", "verblijf_tot"),
            ("15",),
        ),
    )
}
