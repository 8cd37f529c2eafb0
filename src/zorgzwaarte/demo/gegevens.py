"""Fictional demo data: organisations, users and about fifty clients across the sectors, each with an assessment,
a decision computed by the rules core, and (when granted) an agreement, a zorgplan and delivered care.

Everything is marked fictief; BSNs are generated to pass the 11-proef and never belong to a real person we know of.
Demo tariffs or amounts are not created here.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from stdnum.nl import bsn as stdnum_bsn

from zorgzwaarte.demo.vignetten import vignet
from zorgzwaarte.diensten.auth import hash_wachtwoord
from zorgzwaarte.diensten.beheer import aanvulling_uit_database, laad_aanvulling
from zorgzwaarte.diensten.indicatie import bereken_indicatie
from zorgzwaarte.diensten.records import besluit_record
from zorgzwaarte.diensten.tarieven import lees_tarieftabel
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Contract,
    Gebruiker,
    GeleverdeZorg,
    Organisatie,
    Rapportage,
    Tarieftabel,
    Zorgleveringsovereenkomst,
    Zorgplan,
)
from zorgzwaarte.regels.profielen.catalogus import GEEN_AANVULLING, zoek_zzp

REGIO = "Midden (fictief)"
DEMO_GEBRUIKERS = [
    # gebruikersnaam, naam, rol, organisatiesleutel, wachtwoord
    ("beoordelaar", "Bea Beoordelaar (fictief)", "beoordelaar", "ciz", "demo-beoordelaar"),
    ("linde", "Lars van de Linde (fictief)", "zorgaanbieder", "linde", "demo-zorgaanbieder"),
    ("anker", "Anna Ankersmit (fictief)", "zorgaanbieder", "anker", "demo-zorgaanbieder"),
    ("zorgkantoor", "Zoë Kantoor (fictief)", "zorgkantoor", "zk", "demo-zorgkantoor"),
    ("beheerder", "Ben Beheer (fictief)", "beheerder", "beheer", "demo-beheerder"),
]
ORGANISATIES = {
    "zk": dict(naam="Zorgkantoor Midden (fictief)", soort="zorgkantoor", regio=REGIO, iwlz_code="5509"),
    "ciz": dict(naam="Indicatieorgaan Demo (fictief)", soort="indicatieorgaan"),
    "linde": dict(naam="Zorggroep De Linde (fictief)", soort="zorgaanbieder", agb_code="73730001", regio=REGIO),
    "anker": dict(naam="Stichting Het Anker (fictief)", soort="zorgaanbieder", agb_code="73730002", regio=REGIO),
    "beheer": dict(naam="Functioneel beheer (fictief)", soort="beheer"),
}
ACHTERNAMEN = [
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
]
WOONPLAATSEN = [
    ("Utrecht", "3511"),
    ("Amersfoort", "3811"),
    ("Zeist", "3701"),
    ("Nieuwegein", "3431"),
    ("Houten", "3991"),
]
AWBZ_ZZP = [
    "4VV",
    "5VV",
    "6VV",
    "7VV",
    "8VV",
    "10VV",
    "3VG",
    "4VG",
    "5VG",
    "6VG",
    "8VG",
    "2LVG",
    "4LG",
    "6LG",
    "2ZGvis",
    "3ZGaud",
    "4GGZB",
    "9bVV",
]
WLZ_ZZP = ["5VV", "6VV", "4VG", "6LG"]


def fictieve_bsns(aantal: int, start: int = 999_990_000) -> list[str]:
    uit: list[str] = []
    n = start
    while len(uit) < aantal:
        kandidaat = f"{n:09d}"
        if stdnum_bsn.is_valid(kandidaat):
            uit.append(kandidaat)
        n += 1
    return uit


def _naam(rnd: random.Random) -> tuple[str, str | None, str]:
    """(geslachtsnaam, voorvoegsel, voorletters): 'van den Berg' is stored as voorvoegsel 'van den', naam 'Berg'."""
    *voorvoegsel, geslachtsnaam = rnd.choice(ACHTERNAMEN).split(" ")
    return geslachtsnaam, " ".join(voorvoegsel) or None, rnd.choice("ABCDEGHJKMPRSTW") + "."


def thuis_invoer(peildatum: str, geboortedatum: str, rnd: random.Random) -> dict[str, Any]:
    """Care without stay: PV and VP at home (AWBZ 2014)."""
    return {
        "peildatum": peildatum,
        "client": {"geboortedatum": geboortedatum},
        "grondslagen": ["01", "04"],
        "prognose": "3",
        "vp_medische_noodzaak": True,
        "overgang_2014_uitzondering": "geen",
        "beperkingscores": {"0301": rnd.choice([2, 3]), "0302": 2, "0303": rnd.choice([1, 2]), "0201": 2},
        "stoornisscores": {"0301": 2},
        "zorgmomenten": [
            {"per_week": 7, "handelingen": ["PV-1.1-2", "PV-1.2-1", "PV-1.2-4"], "omschrijving": "ochtendzorg"},
            {"per_week": rnd.choice([3, 7]), "handelingen": ["PV-1.2-1", "PV-1.2-5"], "omschrijving": "avondzorg"},
            {"per_week": rnd.choice([3, 7]), "handelingen": ["VP-1.2-5"], "omschrijving": "bloedsuiker"},
        ],
    }


def is_leeg(fabriek: sessionmaker[Session]) -> bool:
    with fabriek() as s:
        return not s.scalar(select(func.count()).select_from(Organisatie))


def vul_demo(fabriek: sessionmaker[Session], aantal_clienten: int = 50, seed: int = 2014) -> dict[str, Any]:
    """Seed the fictional demo (idempotent: does nothing when organisations exist)."""
    if not is_leeg(fabriek):
        return {"aangemaakt": False}
    rnd = random.Random(seed)
    nu = datetime(2014, 12, 1, 9, 0)
    with fabriek() as s:
        orgs = {k: Organisatie(**v, fictief=True) for k, v in ORGANISATIES.items()}
        s.add_all(orgs.values())
        s.flush()
        gebruikers = {}
        for gnaam, naam, rol, org, ww in DEMO_GEBRUIKERS:
            g = Gebruiker(
                gebruikersnaam=gnaam,
                naam=naam,
                rol=rol,
                organisatie_id=orgs[org].id,
                wachtwoord_hash=hash_wachtwoord(ww),
            )
            s.add(g)
            gebruikers[gnaam] = g
        s.flush()
        bsns = fictieve_bsns(aantal_clienten)
        for i in range(aantal_clienten):
            geslachtsnaam, voorvoegsel, voorletters = _naam(rnd)
            woonplaats, pc = rnd.choice(WOONPLAATSEN)
            soort = i % 10
            if soort < 7:
                zzp = zoek_zzp(AWBZ_ZZP[i % len(AWBZ_ZZP)])
                assert zzp is not None
                peildatum = date(2014, 1, 6) + timedelta(days=7 * (i % 40))
                geboren = (
                    date(1930 + rnd.randint(0, 15), rnd.randint(1, 12), rnd.randint(1, 28))
                    if zzp.sector == "VV"
                    else date(1960 + rnd.randint(0, 30), rnd.randint(1, 12), rnd.randint(1, 28))
                )
                invoer, _ = vignet(zzp, peildatum.isoformat(), geboren.isoformat())
            elif soort < 9:
                peildatum = date(2014, 2, 3) + timedelta(days=7 * (i % 30))
                geboren = date(1935 + rnd.randint(0, 20), rnd.randint(1, 12), rnd.randint(1, 28))
                invoer = thuis_invoer(peildatum.isoformat(), geboren.isoformat(), rnd)
            else:
                zzp = zoek_zzp(WLZ_ZZP[i % len(WLZ_ZZP)])
                assert zzp is not None
                peildatum = date(2016, 3, 7) + timedelta(days=7 * (i % 20))
                geboren = date(1935 + rnd.randint(0, 40), rnd.randint(1, 12), rnd.randint(1, 28))
                invoer, _ = vignet(zzp, peildatum.isoformat(), geboren.isoformat())
            c = Client(
                bsn=bsns[i],
                geslachtsnaam=geslachtsnaam,
                voorvoegsel=voorvoegsel,
                voorletters=voorletters,
                geboortedatum=geboren,
                geslacht=rnd.choice("12"),
                straat="Demostraat",
                huisnummer=str(i + 1),
                postcode=f"{pc}{rnd.choice(['AB', 'CD', 'EF'])}",
                woonplaats=woonplaats,
                regio=REGIO,
                fictief=True,
                aangemaakt_door_organisatie_id=orgs["ciz"].id,
                vastgelegd_op=nu,
            )
            s.add(c)
            s.flush()
            b = Beoordeling(
                client_id=c.id,
                status="definitief",
                invoer=invoer,
                beoordelaar_id=gebruikers["beoordelaar"].id,
                organisatie_id=orgs["ciz"].id,
                aanvraagdatum=peildatum - timedelta(days=14),
                vastgelegd_op=nu,
                definitief_op=nu,
            )
            s.add(b)
            s.flush()
            besluit = bereken_indicatie({**invoer, "aanvraagdatum": b.aanvraagdatum.isoformat()}, GEEN_AANVULLING)  # type: ignore[union-attr]
            uit = besluit.als_dict()
            ib = besluit_record(c.id, b.id, besluit, gebruikers["beoordelaar"].id, nu)
            s.add(ib)
            s.flush()
            if besluit.besluit != "toegekend":
                continue
            aanbieder = orgs["linde"] if i % 2 == 0 else orgs["anker"]
            o = Zorgleveringsovereenkomst(
                client_id=c.id,
                zorgaanbieder_id=aanbieder.id,
                indicatiebesluit_id=ib.id,
                zzp_code=ib.zzp_code,
                functies=[
                    {"functie": f["functie"], "klasse": f["klasse"], "klasse_code": f["klasse_code"]}
                    for f in uit["functies"]
                ],
                leveringsvorm="verblijf" if besluit.verblijf else "mpt",
                ingangsdatum=besluit.geldig_van + timedelta(days=7),
                vastgelegd_op=nu,
            )
            s.add(o)
            s.flush()
            gepland = [
                {"functie": f["functie"], "uren_per_week": round((f["minuten_per_week"] or 0) / 60, 1)}
                for f in uit["functies"]
                if f["minuten_per_week"]
            ] or [{"functie": "ZZP", "uren_per_week": 0}]
            s.add(
                Zorgplan(
                    client_id=c.id,
                    overeenkomst_id=o.id,
                    vastgesteld_op=o.ingangsdatum,
                    vastgelegd_op=nu,
                    gepland=gepland,
                    evaluatiedata=[(o.ingangsdatum + timedelta(days=182)).isoformat()],
                    domeinen={
                        "wonen": {
                            "doelen": ["Veilig en vertrouwd wonen"],
                            "wensen": ["Eigen spullen om zich heen"],
                            "mogelijkheden": "Kiest zelf de dagindeling",
                            "beperkingen": "Hulp bij persoonlijke verzorging",
                            "hulpbronnen": ["Dochter komt wekelijks"],
                        },
                        "werken_dagbesteding": {
                            "doelen": ["Zinvolle dagbesteding"],
                            "wensen": [],
                            "mogelijkheden": "",
                            "beperkingen": "",
                            "hulpbronnen": [],
                        },
                        "leren": {
                            "doelen": [],
                            "wensen": [],
                            "mogelijkheden": "",
                            "beperkingen": "",
                            "hulpbronnen": [],
                        },
                        "sociale_contacten": {
                            "doelen": ["Contact met familie houden"],
                            "wensen": ["Samen koffie drinken"],
                            "mogelijkheden": "Sociaal en betrokken",
                            "beperkingen": "",
                            "hulpbronnen": ["Buurvrouw"],
                        },
                    },
                )
            )
            for w in range(4):
                week = o.ingangsdatum - timedelta(days=o.ingangsdatum.weekday()) + timedelta(weeks=w + 1)
                s.add(
                    GeleverdeZorg(
                        client_id=c.id,
                        overeenkomst_id=o.id,
                        week=week,
                        vastgelegd_op=nu,
                        uren=[
                            {"functie": g["functie"], "uren": round(g["uren_per_week"] * rnd.uniform(0.8, 1.2), 1)}
                            for g in gepland
                        ],
                        afwezigheid=[],
                    )
                )
            s.add(
                Rapportage(
                    client_id=c.id,
                    auteur_id=gebruikers["linde" if aanbieder is orgs["linde"] else "anker"].id,
                    organisatie_id=aanbieder.id,
                    datum=o.ingangsdatum + timedelta(days=3),
                    domein="algemeen",
                    tekst="Cliënt is goed gestart; afspraken uit het zorgplan besproken (fictief).",
                    vastgelegd_op=nu,
                )
            )
        tekst = demo_tarieven_csv()
        s.add(
            Tarieftabel(
                naam="Demotarieven 2014-2016 (fictief)",
                regels=[r.als_dict() for r in lees_tarieftabel(tekst)],
                vingerafdruk=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
                geladen_door_id=gebruikers["zorgkantoor"].id,
                organisatie_id=orgs["zk"].id,
                vastgelegd_op=nu,
            )
        )
        codes = sorted(set(AWBZ_ZZP) | set(WLZ_ZZP))
        for jaar in (2014, 2016):
            s.add(
                Contract(
                    zorgkantoor_id=orgs["zk"].id,
                    zorgaanbieder_id=orgs["linde"].id,
                    jaar=jaar,
                    kwaliteitsopslag_per_dag="1.50",
                    afspraken=[
                        {"prestatiecode": c, "percentage": "97.00", "productie_dagen": 3650, "nhc": "NHC", "nic": "NIC"}
                        for c in codes
                    ],
                    vastgelegd_op=nu,
                )
            )
        s.commit()
    return {"aangemaakt": True, "clienten": aantal_clienten}


def demo_tarieven_csv() -> str:
    """Fictitious daily tariffs for the demo ZZP codes (never official figures; every row says 'fictief')."""
    regels = ["prestatiecode;omschrijving;tarief;eenheid;ingangsdatum;einddatum;bron"]
    for code in sorted(set(AWBZ_ZZP) | set(WLZ_ZZP)):
        niveau = int("".join(ch for ch in code if ch.isdigit()) or "1")
        regels.append(f"{code};ZZP {code} (demo);{90 + 15 * niveau},00;dag;2014-01-01;2016-12-31;fictief (demo)")
    regels.append("NHC;Normatieve huisvestingscomponent (demo);21,50;dag;2014-01-01;2016-12-31;fictief (demo)")
    regels.append("NIC;Normatieve inventariscomponent (demo);2,95;dag;2014-01-01;2016-12-31;fictief (demo)")
    return "\n".join(regels) + "\n"


DEMO_AANVULLING = Path(__file__).parent / "zzp_uren_achtergrond.json"


def laad_demo_aanvulling(fabriek: sessionmaker[Session]) -> int:
    """Load the average hours of the background page (VV 5-10, LG 6-7) as an administrator would, with their source.

    Only when no supplement is loaded yet: an administrator's own figures are never replaced by the demo.
    """
    if aanvulling_uit_database(fabriek).inhoud:
        return 0
    return laad_aanvulling(fabriek, json.loads(DEMO_AANVULLING.read_text(encoding="utf-8")))
