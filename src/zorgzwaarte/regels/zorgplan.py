"""Planned and delivered care set against the indication: signals with their reason and bron."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zorgzwaarte.regels.datums import nl, plus_maanden
from zorgzwaarte.regels.getallen import d, fmt
from zorgzwaarte.regels.indicatie.omvang import banden
from zorgzwaarte.regels.regelset import alleen_waarden, regelset_met, tabel_op


def _signalen() -> dict[str, Any]:
    """The signal thresholds (method choices of the project, not law), as plain values."""
    return alleen_waarden(tabel_op("signalen.yaml"))


KLASSEN_BRON = "Beleidsregels indicatiestelling AWBZ 2014, bijlagen 4-6 §4.1 (klassen)"


def geindiceerde_uren(functie: dict[str, Any]) -> tuple[Decimal | None, Decimal | None, str]:
    """(lower, upper) hours per week the indication allows for one function, and how that was read."""
    p = _signalen()
    klassen = regelset_met("indicatie", "indicatie_awbz_2014.yaml").tabel("indicatie_awbz_2014.yaml")["klassen"]
    f = functie["functie"]
    if f in klassen and functie.get("klasse") is not None:
        band = next(b for b in banden(klassen[f]["banden"]["waarde"]) if b.klasse == functie["klasse"])
        extra = d(functie.get("additionele_uren_per_week") or 0)
        return (
            band.uren_van,
            band.uren_tot_en_met + extra,
            f"klasse {functie['klasse']} ({fmt(band.uren_van)}–{fmt(band.uren_tot_en_met)} uur)",
        )
    if functie.get("eenheid") == "dagdelen" and functie.get("klasse"):
        boven = d(functie["klasse"]) * d(p["dagdeel_max_uren"])
        return None, boven, f"{functie['klasse']} dagdelen van ten hoogste {p['dagdeel_max_uren']} uur"
    return None, None, "geen omvang in uren"


def _bereik(bereik: dict[str, Any]) -> str:
    """A package's hours in Dutch: '22' when min and max are equal, else '21–25,5'."""
    laag, hoog = fmt(d(bereik["min"])), fmt(d(bereik["max"]))
    return laag if laag == hoog else f"{laag}–{hoog}"


def vergelijk_met_indicatie(besluit: dict[str, Any], gepland: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Signals for planned (or delivered) hours per function against the indicatiebesluit."""
    p = _signalen()
    fractie = d(p["ver_onder_fractie"])
    signalen: list[dict[str, str]] = []
    per_functie = {f["functie"]: f for f in besluit.get("functies", [])}
    zzp = besluit.get("zzp")
    for regel in gepland:
        functie, uren = regel["functie"], d(regel.get("uren_per_week", regel.get("uren", 0)))
        if functie == "ZZP":
            bereik = (zzp or {}).get("uren_per_week")
            if not bereik:
                signalen.append(
                    {
                        "functie": "ZZP",
                        "soort": "onbekend",
                        "melding": "de uren van dit zorgzwaartepakket staan in de regeling alleen als afbeelding: "
                        "geen vergelijking mogelijk",
                        "bron": "Regeling zorgaanspraken AWBZ, bijlage 2",
                    }
                )
            elif uren > d(bereik["max"]):
                signalen.append(
                    {
                        "functie": "ZZP",
                        "soort": "boven",
                        "melding": f"{fmt(uren)} uur is meer dan het pakket ({_bereik(bereik)} uur)",
                        "bron": str(bereik.get("bron")),
                    }
                )
            continue
        geindiceerd = per_functie.get(functie)
        if geindiceerd is None:
            if uren > 0:
                signalen.append(
                    {
                        "functie": functie,
                        "soort": "niet_geindiceerd",
                        "melding": f"{fmt(uren)} uur {functie} terwijl deze functie niet is geïndiceerd",
                        "bron": "indicatiebesluit",
                    }
                )
            continue
        onder, boven, hoe = geindiceerde_uren(geindiceerd)
        if boven is not None and uren > boven:
            signalen.append(
                {
                    "functie": functie,
                    "soort": "boven",
                    "melding": f"{fmt(uren)} uur is meer dan geïndiceerd ({hoe})",
                    "bron": KLASSEN_BRON,
                }
            )
        elif onder is not None and onder > 0 and uren < onder * fractie:
            signalen.append(
                {
                    "functie": functie,
                    "soort": "ver_onder",
                    "melding": f"{fmt(uren)} uur is minder dan de helft van de ondergrens ({hoe})",
                    "bron": f"{KLASSEN_BRON}; drempel: {tabel_op('signalen.yaml')['herindicatie_weken_boven']['bron']}",
                }
            )
    return signalen


def herindicatie_signaal(
    weeksignalen: list[list[dict[str, str]]], geldig_tot: str | None, laatste_week: str | None
) -> dict[str, str] | None:
    """A signal that herindicatie looks needed: care above the indication in at least N of the last M weeks
    (N, M in signalen.yaml: a method choice), or weeks delivered after the indication ended."""
    p = _signalen()
    venster, drempel = int(p["herindicatie_venster_weken"]), int(p["herindicatie_weken_boven"])
    if geldig_tot and laatste_week and laatste_week > geldig_tot:
        return {
            "soort": "herindicatie",
            "melding": f"er is zorg geleverd na het einde van de indicatie ({geldig_tot}): vraag een herindicatie aan",
            "bron": "Zorgindicatiebesluit: de aanspraak geldt zolang het indicatiebesluit geldt",
        }
    recent = weeksignalen[-venster:]
    boven = sum(1 for w in recent if any(s.get("soort") == "boven" for s in w))
    if boven >= drempel:
        return {
            "soort": "herindicatie",
            "melding": f"in {boven} van de laatste {len(recent)} weken meer zorg geleverd dan geïndiceerd: "
            "de zorgbehoefte lijkt gegroeid, overweeg een herindicatie",
            "bron": f"{KLASSEN_BRON}; drempel {drempel} van {venster} weken: {tabel_op('signalen.yaml')['herindicatie_weken_boven']['bron']}",
        }
    return None


WLZ_VANAF = date(2015, 1, 1)  # the zorgplan duties of Wlz art. 8.1.1 and 8.1.3 hold for care from the Wlz on


def zorgplan_plichten_gelden(aanvang_zorg: date, leveringsvorm: str | None) -> bool:
    """Whether Wlz art. 8.1.1 and 8.1.3 apply to an agreement: care in natura (art. 8.1.1 lid 1: 'anders dan op
    grond van artikel 3.3.3', so not the pgb) that started under the Wlz (in force from 2015-01-01)."""
    return leveringsvorm != "pgb" and aanvang_zorg >= WLZ_VANAF


# The rule on the zorgplanbespreking in the AWBZ (bronnen.yaml: besluit_zorgplanbespreking_awbz). Its text is not
# in the project's sources (../shared/regelgeving), so the product names it and never quotes or cites an article.
AWBZ_BESLUIT = "Besluit zorgplanbespreking AWBZ-zorg"


def zorgplan_regels(aanvang_zorg: date, leveringsvorm: str | None) -> dict[str, str]:
    """Which rules a zorgplan follows, for the letter and the screen (``zorgplan_plichten_gelden`` decides):

    - ``wlz``: care in natura that started under the Wlz: Wlz art. 8.1.1 and 8.1.3;
    - ``wlz_pgb``: a pgb under the Wlz: art. 8.1.1 lid 1 ("anders dan op grond van artikel 3.3.3") leaves it out;
    - ``awbz``: care that started before 2015: the AWBZ's Besluit zorgplanbespreking AWBZ-zorg, named only (its text
      is not in the sources, so no article and no subject is cited from it).
    """
    if zorgplan_plichten_gelden(aanvang_zorg, leveringsvorm):
        return {"soort": "wlz", "regels": "Wet langdurige zorg art. 8.1.1 en 8.1.3", "bron": "Wet langdurige zorg"}
    if aanvang_zorg >= WLZ_VANAF:
        return {
            "soort": "wlz_pgb",
            "regels": "Wet langdurige zorg art. 8.1.1 en 8.1.3 gelden niet bij een persoonsgebonden budget",
            "bron": "Wet langdurige zorg art. 8.1.1 lid 1 (zorg anders dan op grond van artikel 3.3.3)",
        }
    return {
        "soort": "awbz",
        "regels": f"AWBZ: {AWBZ_BESLUIT}",
        "bron": f"{AWBZ_BESLUIT} (de tekst staat niet in de bronnen van dit systeem)",
    }


def zorgplan_plichten(aanvang_zorg: date, plan: dict[str, Any] | None, vandaag: date) -> list[dict[str, str]]:
    """Signals for the zorgplan duties of the Wlz (art. 8.1.1 and 8.1.3), each naming its article and version.

    `plan` is the stored zorgplan (dict with domeinen, evaluatiedata, vastgesteld_op, besproken_op, afschrift_op,
    zorgverleners, persoonlijk_plan) or None when there is none yet. Pure: `vandaag` comes in as an argument.
    Care that started before the Wlz has none of these duties (empty list; see ``zorgplan_plichten_gelden``).
    """
    if aanvang_zorg < WLZ_VANAF:
        return []
    p = tabel_op("zorgplan_wlz.yaml", max(vandaag, aanvang_zorg))
    wet = p["wet_tekst"]["waarde"]
    weken = int(p["vastleggen_weken"]["waarde"])

    def signaal(soort: str, melding: str, bron: str, **extra: str) -> dict[str, str]:
        return {"soort": soort, "melding": melding, "bron": f"{bron}; tekst: {wet}", **extra}

    uit: list[dict[str, str]] = []
    uiterlijk = aanvang_zorg + timedelta(weeks=weken)
    if plan is None:
        if vandaag > uiterlijk:
            uit.append(
                signaal(
                    "zorgplan_te_laat",
                    f"er is geen zorgplan, terwijl de zorg begon op {nl(aanvang_zorg)}: het zorgplan had er uiterlijk "
                    f"{nl(uiterlijk)} moeten zijn",
                    p["vastleggen_weken"]["bron"],
                    uiterlijk=uiterlijk.isoformat(),
                )
            )
        else:
            uit.append(
                signaal(
                    "zorgplan_nodig",
                    f"leg het zorgplan uiterlijk {nl(uiterlijk)} vast (zes weken na de start van de zorg)",
                    p["vastleggen_weken"]["bron"],
                    uiterlijk=uiterlijk.isoformat(),
                )
            )
        return uit
    vastgesteld = date.fromisoformat(str(plan["vastgesteld_op"]))
    besproken = date.fromisoformat(str(plan["besproken_op"])) if plan.get("besproken_op") else None
    if besproken is None:
        uit.append(
            signaal(
                "bespreking_onbekend",
                "niet vastgelegd wanneer de zorgplanbespreking met de cliënt was",
                p["bespreking"]["bron"],
            )
        )
    else:
        if vastgesteld > besproken + timedelta(weeks=weken):
            uit.append(
                signaal(
                    "vastgelegd_te_laat",
                    f"het zorgplan is vastgelegd op {nl(vastgesteld)}, meer dan zes weken na de bespreking van "
                    f"{nl(besproken)}",
                    p["vastleggen_weken"]["bron"],
                )
            )
        maanden = int(p["evaluatie_maanden"]["waarde"])
        volgende = plus_maanden(besproken, maanden)
        if vandaag > volgende:
            uit.append(
                signaal(
                    "evaluatie_te_laat",
                    f"de laatste bespreking was op {nl(besproken)}: de evaluatie (tweemaal per jaar) had uiterlijk "
                    f"{nl(volgende)} moeten zijn",
                    p["evaluatie_maanden"]["bron"],
                    uiterlijk=volgende.isoformat(),
                )
            )
    if not plan.get("afschrift_op"):
        uit.append(
            signaal(
                "afschrift",
                "geef de cliënt een afschrift van het zorgplan en leg de datum vast",
                p["afschrift"]["bron"],
            )
        )
    for ontbreekt in ontbrekende_onderwerpen(plan):
        uit.append(
            signaal(
                "onderwerp_ontbreekt",
                f"het zorgplan zegt niets over {ontbreekt['onderwerp']} ({ontbreekt['plaats']})",
                f"Wet langdurige zorg {ontbreekt['bron']}",
                sleutel=ontbreekt["sleutel"],
            )
        )
    return uit


def ontbrekende_onderwerpen(plan: dict[str, Any]) -> list[dict[str, str]]:
    """The subjects of the zorgplanbespreking (Wlz art. 8.1.1 lid 1) the plan does not hold."""
    domeinen = list((plan.get("domeinen") or {}).values())
    heeft = {
        "doelen": any(d.get("doelen") for d in domeinen),
        "zorgverleners": bool((plan.get("zorgverleners") or "").strip()),
        "wensen": any(d.get("wensen") or d.get("hulpbronnen") for d in domeinen),
        "evaluatie": bool(plan.get("evaluatiedata")),
    }
    return [o for o in zorgplan_onderwerpen() if not heeft[o["sleutel"]]]


def zorgplan_onderwerpen() -> list[dict[str, str]]:
    """The subjects of Wlz art. 8.1.1 lid 1 and where the zorgplan holds them (for the PDF and the screen)."""
    return list(tabel_op("zorgplan_wlz.yaml")["onderwerpen"]["waarde"])
