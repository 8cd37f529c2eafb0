"""Generated populations of assessments within the batch subset (for equality tests and benchmarks)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, get_args

from zorgzwaarte.domein.records import AfwezigheidReden
from zorgzwaarte.regels.codes import codelijst
from zorgzwaarte.regels.indicatie.normtijden import laatste_normtijden
from zorgzwaarte.regels.indicatie.vector import BIJZONDERHEDEN, DOELEN

GRONDSLAG_KEUZE = ["01", "02", "03", "04", "05", "06", "07"]


def genereer(n: int, seed: int = 1, uitgebreid: bool = True) -> list[dict[str, Any]]:
    """N assessments; ``uitgebreid`` adds the rest of the assessment (gebruikelijke zorg, mantelzorg, kortdurend
    verblijf, begeleiding, behandeling, groepszorg, later Wlz versions, ...) from a second random stream, so the
    base population of a seed stays the same."""
    rnd = random.Random(seed)
    extra = random.Random(seed + 1_000_003)
    svragen, bvragen = sorted(codelijst("LDT_StoornisVraag")), sorted(codelijst("LDT_BeperkingVraag"))
    handelingen = list(laatste_normtijden())
    uit = []
    for _ in range(n):
        jaar = rnd.choice([2014, 2014, 2016])
        peil = date(jaar, 1, 1) + timedelta(days=rnd.randrange(365))
        geboren = peil - timedelta(days=rnd.randrange(16 * 365, 95 * 365))
        g = rnd.sample(GRONDSLAG_KEUZE, rnd.choice([1, 1, 2]))
        b: dict[str, Any] = {
            "peildatum": peil.isoformat(),
            "client": {"geboortedatum": geboren.isoformat()},
            "grondslagen": g,
            "leefklimaat": {
                "beschermende_woonomgeving": rnd.random() < 0.4,
                "therapeutisch_leefklimaat": rnd.random() < 0.1,
                "permanent_toezicht": rnd.random() < 0.4,
            },
            "etmalen_per_week": rnd.choice([0, 0, 2, 3, 4, 5, 7, 7]),
            "stoornisscores": {q: rnd.choice([0, 1, 2, 3, 9]) for q in rnd.sample(svragen, rnd.randrange(0, 12))},
            "beperkingscores": {q: rnd.choice([0, 1, 2, 3, 9]) for q in rnd.sample(bvragen, rnd.randrange(0, 20))},
            "prognose": rnd.choice(["1", "2", "3", "4", "5"]),
            "bijzonderheden": rnd.sample(BIJZONDERHEDEN, rnd.choice([0, 0, 0, 1, 1, 2])),
        }
        if rnd.random() < 0.7:
            b["verpleegkundige_aandacht"] = rnd.randrange(4)
        if rnd.random() < 0.6:
            b["begeleidingsdoel"] = rnd.choice(DOELEN)
        if rnd.random() < 0.1:
            b["bijzondere_zorg"] = ["non_invasieve_beademing"]
        if rnd.random() < 0.2:
            b["zorg_24_uur_nabijheid"] = rnd.choice(["fysieke_problemen", "zware_regieproblemen"])
        if rnd.random() < 0.6:
            b["zorgmomenten"] = [
                {
                    "per_week": rnd.choice([1, 3, 7, 14]),
                    "handelingen": rnd.sample(handelingen, rnd.randrange(1, 4)),
                    "twee_zorgverleners": rnd.random() < 0.1,
                    # who is responsible for '*' nursing (bijlage 5 §3.1); sometimes missing (an input error)
                    "medisch_specialist_verantwoordelijk": rnd.choice([True, False, False, None]),
                }
                for _ in range(rnd.randrange(1, 4))
            ]
            for zm in b["zorgmomenten"]:
                if zm["medisch_specialist_verantwoordelijk"] is None:
                    del zm["medisch_specialist_verantwoordelijk"]
        if rnd.random() < 0.9:
            b["vp_medische_noodzaak"] = rnd.random() < 0.85
        if rnd.random() < 0.7:
            b["zelfstandig_wonen_leerbaar"] = rnd.random() < 0.5
        if rnd.random() < 0.8:
            b["overgang_2014_uitzondering"] = rnd.choice(["geen", "geen", "geen", "nuluren", "adl_assistentie"])
        if uitgebreid:
            voeg_toe(b, extra, peil)
        uit.append(b)
    return uit


BG_ACTIVITEITEN = ["structuur_regie", "vaardigheden", "toezicht", "toezicht_onderwijs", "oefenen"]
BH_DOELEN = ["cslm", "herstel_aanleren", "aanvullende_functionele_diagnostiek", "consultatie", "medebehandeling"]


def voeg_toe(b: dict[str, Any], rnd: random.Random, peil: date) -> None:
    """The parts of an assessment beyond the batch's first subset, each in a minority of rows."""
    if rnd.random() < 0.12:  # a child or young person (gebruikelijke zorg of the parents, bijlage 3)
        b["client"]["geboortedatum"] = (peil - timedelta(days=rnd.randrange(365, 18 * 365))).isoformat()
    if rnd.random() < 0.06:  # a later Wlz version: computed per client
        peil = date(rnd.choice([2021, 2023, 2025]), 1, 1) + timedelta(days=rnd.randrange(365))
        b["peildatum"] = peil.isoformat()
        b["blijvend"] = rnd.random() < 0.8
        b["jeugdige_jeugdwet"] = rnd.random() < 0.2
    if rnd.random() < 0.3:
        b["huishouden"] = {
            "gebruikelijke_zorger_aanwezig": rnd.random() < 0.6,
            "kortdurende_zorgsituatie": rnd.random() < 0.4,
            "overbelasting": rnd.random() < 0.15,
            "intieme_zorg_door_ouder_geweigerd": rnd.random() < 0.3,
        }
    for zm in b.get("zorgmomenten", []):
        if rnd.random() < 0.25:
            zm["gebruikelijke_zorg"] = True
    if rnd.random() < 0.05:
        b["levensverwachting_korter_dan_3_maanden"] = True
    for sleutel in ("voorliggend", "mantelzorg"):
        if rnd.random() < 0.15:
            aftrek = [
                {"functie": f, "minuten_per_week": rnd.choice([15, 60, 200, 1000])}
                for f in rnd.sample(["PV", "VP", "BG-IND"], rnd.randrange(1, 3))
            ]
            if sleutel == "mantelzorg":
                b["mantelzorg"] = {"wens_aftrek": rnd.random() < 0.7, "aftrek": aftrek}
            else:
                b["voorliggend"] = aftrek
    if rnd.random() < 0.3:
        b["ontlasting_mantelzorger_nodig"] = True
    if rnd.random() < 0.08:
        activiteiten = rnd.sample(BG_ACTIVITEITEN, rnd.randrange(1, 4))
        bg: dict[str, Any] = {"uren_per_week": rnd.choice([1, 2.5, 6, 12, 30]), "activiteiten": activiteiten}
        if "oefenen" in activiteiten:
            bg["oefenen_uren_per_week"] = rnd.choice([1, 3, 5])
        b["begeleiding_individueel"] = bg
    if rnd.random() < 0.05:
        b["behandeling_individueel"] = {"doel": rnd.choice(BH_DOELEN)}
    if rnd.random() < 0.06:
        b["dagdelen"] = {"begeleiding_groep": rnd.randrange(0, 10), "behandeling_groep": rnd.randrange(0, 6)}
        if rnd.random() < 0.5:
            b["dagdelen"]["school_werk"] = rnd.randrange(0, 10)
        if b["dagdelen"]["behandeling_groep"] and rnd.random() < 0.7:
            b["behandeling_groep_doel"] = rnd.choice(BH_DOELEN)
    if rnd.random() < 0.04:
        b["aanleren"] = [{"functie": "PV", "vertraagde_leerbaarheid": rnd.random() < 0.5}]
    if rnd.random() < 0.04:
        b["respijtzorg"] = True
    if rnd.random() < 0.03:
        b["geldig_tot_gewenst"] = (peil + timedelta(days=rnd.randrange(30, 2000))).isoformat()
    if rnd.random() < 0.03:
        b["besluitdatum"] = (peil + timedelta(days=rnd.randrange(0, 30))).isoformat()
    if rnd.random() < 0.02:
        b["geen_recht_wlz"] = ["palliatief_terminaal_zvw"]
    if rnd.random() < 0.03:  # overgangsrecht ZZP 1-2 en 3 VV (Wijzigingsregeling Rza 2012 art. II-III)
        b["aanvraagdatum"] = (peil - timedelta(days=rnd.randrange(0, 400))).isoformat()
        b["na_zvw_of_forensisch_verblijf"] = rnd.random() < 0.5


REDENEN = list(get_args(AfwezigheidReden))  # the reasons the declaration contract accepts


def genereer_declaratie(n: int, van: date, seed: int = 1) -> list[dict[str, Any]]:
    """Clients in care around a period, with absences before and in it (some clients twice: one ZZP per day)."""
    rnd = random.Random(seed)
    uit = []
    for i in range(n):
        opname = van - timedelta(days=rnd.randrange(-20, 400))
        ontslag = van + timedelta(days=rnd.randrange(0, 40)) if rnd.random() < 0.2 else None
        afw = []
        for _ in range(rnd.choice([0, 0, 1, 2, 4])):
            begin = van - timedelta(days=rnd.randrange(-30, 200))
            afw.append(
                {
                    "van": begin.isoformat(),
                    "tot": (begin + timedelta(days=rnd.randrange(0, 120))).isoformat(),
                    "reden": rnd.choice(REDENEN),
                    "toestemming": rnd.random() < 0.3,
                }
            )
        c = {
            "id": f"c{i if rnd.random() > 0.03 else max(i - 1, 0)}",
            "prestatie": rnd.choice(["5VV", "6VV", "4VG"]),
            "opname": opname.isoformat(),
            "ontslag": ontslag.isoformat() if ontslag and ontslag >= opname else None,
            "afwezigheid": afw,
        }
        if rnd.random() < 0.5:
            c["behandeling"] = rnd.random() < 0.5
        uit.append(c)
    return uit
