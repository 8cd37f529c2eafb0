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

from sqlalchemy import func, insert, select
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
    Indicatiebesluit,
    Organisatie,
    Rapportage,
    Tarieftabel,
    Zorgleveringsovereenkomst,
    Zorgplan,
)
from zorgzwaarte.regels.datums import plus_maanden, voluit
from zorgzwaarte.regels.profielen.catalogus import Aanvulling, zoek_zzp
from zorgzwaarte.regels.regelset import tabel_op

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
WLZ_ZZP = ["5VV", "6VV", "4VG", "7VV", "8VV", "6LG", "5VV", "10VV", "5VG", "6VV", "4LG", "8VV", "6VG", "7VV", "3ZGvis"]


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


# The demo's story runs to `vandaag`. Without one it is told as on 1 December 2014 (the tests' fixed clock): only the
# AWBZ year. `serveer --demo` and `zorgzwaarte demo` pass the clock's date, so the provider looks current.
DEMO_2014 = date(2014, 12, 1)
WLZ_START = date(2015, 1, 1)
# Care that went on under the Wlz needs a few weeks of it to show; before this day the demo has no Wlz clients.
WLZ_DEMO_VANAF = date(2015, 3, 1)
# Wlz art. 11.1.3 lid 1: the indication of a GGZ-B client in an instelling runs three years from 1 January 2015.
GGZ_B_TOT = date(2017, 12, 31)


def _sector(code: str) -> str:
    return code.lstrip("0123456789ab")


def _maandag(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _zorgplan_domeinen() -> dict[str, Any]:
    leeg: dict[str, Any] = {"doelen": [], "wensen": [], "mogelijkheden": "", "beperkingen": "", "hulpbronnen": []}
    return {
        "wonen": {
            "doelen": ["Veilig en vertrouwd wonen"],
            "wensen": ["Eigen spullen om zich heen"],
            "mogelijkheden": "Kiest zelf de dagindeling",
            "beperkingen": "Hulp bij persoonlijke verzorging",
            "hulpbronnen": ["Dochter komt wekelijks"],
        },
        "werken_dagbesteding": {**leeg, "doelen": ["Zinvolle dagbesteding"]},
        "leren": dict(leeg),
        "sociale_contacten": {
            "doelen": ["Contact met familie houden"],
            "wensen": ["Samen koffie drinken"],
            "mogelijkheden": "Sociaal en betrokken",
            "beperkingen": "",
            "hulpbronnen": ["Buurvrouw"],
        },
    }


def geplande_zorg(uit: dict[str, Any]) -> list[dict[str, Any]]:
    """The care a demo zorgplan plans per week, from the decision: each function with its indicated hours; for a
    zorgzwaartepakket its hours when the decision knows them (the lower bound of a range), else no row: a plan
    never says a package is 0 hours when its hours are unknown (docs/profielkeuze.md)."""
    gepland = [
        {"functie": f["functie"], "uren_per_week": round(f["minuten_per_week"] / 60, 1)}
        for f in uit["functies"]
        if f.get("minuten_per_week")
    ]
    if gepland:
        return gepland
    bereik = (uit.get("zzp") or {}).get("uren_per_week") or {}
    if bereik.get("min") is not None:
        return [{"functie": "ZZP", "uren_per_week": float(bereik["min"])}]
    return []


class _Demo:
    """One demo being written: the organisations, users and the clock's date, and a writer per kind of record."""

    def __init__(self, s: Session, vandaag: date, aanvulling: Aanvulling) -> None:
        self.s, self.vandaag, self.aanvulling = s, vandaag, aanvulling
        # Wlz art. 8.1.3 lid 1: the zorgplan is evaluated at least twice a year (zorgplan_wlz.yaml)
        wlz = tabel_op("zorgplan_wlz.yaml", max(vandaag, WLZ_START))
        self.evaluatie_maanden = int(wlz["evaluatie_maanden"]["waarde"])
        self.orgs = {k: Organisatie(**v, fictief=True) for k, v in ORGANISATIES.items()}
        s.add_all(self.orgs.values())
        s.flush()
        self.gebruikers: dict[str, Gebruiker] = {}
        for gnaam, naam, rol, org, ww in DEMO_GEBRUIKERS:
            g = Gebruiker(
                gebruikersnaam=gnaam,
                naam=naam,
                rol=rol,
                organisatie_id=self.orgs[org].id,
                wachtwoord_hash=hash_wachtwoord(ww),
            )
            s.add(g)
            self.gebruikers[gnaam] = g
        s.flush()

    def beoordeling(self, c: Client, invoer: dict[str, Any], aanvraag: date, definitief: bool) -> Beoordeling:
        peildatum = date.fromisoformat(invoer["peildatum"])
        b = Beoordeling(
            client_id=c.id,
            status="definitief" if definitief else "concept",
            invoer=invoer,
            beoordelaar_id=self.gebruikers["beoordelaar"].id,
            organisatie_id=self.orgs["ciz"].id,
            aanvraagdatum=aanvraag,
            vastgelegd_op=_moment(aanvraag),
            definitief_op=_moment(peildatum) if definitief else None,
        )
        self.s.add(b)
        self.s.flush()
        return b

    def besluit(self, c: Client, b: Beoordeling) -> tuple[Indicatiebesluit, dict[str, Any]]:
        besluit = bereken_indicatie({**b.invoer, "aanvraagdatum": b.aanvraagdatum.isoformat()}, self.aanvulling)  # type: ignore[union-attr]
        ib = besluit_record(c.id, b.id, besluit, self.gebruikers["beoordelaar"].id, _moment(besluit.besluitdatum))
        self.s.add(ib)
        self.s.flush()
        return ib, besluit.als_dict()

    def overeenkomst(
        self, c: Client, ib: Indicatiebesluit, uit: dict[str, Any], aanbieder: str, ingang: date
    ) -> Zorgleveringsovereenkomst:
        o = Zorgleveringsovereenkomst(
            client_id=c.id,
            zorgaanbieder_id=self.orgs[aanbieder].id,
            indicatiebesluit_id=ib.id,
            zzp_code=ib.zzp_code,
            functies=[
                {"functie": f["functie"], "klasse": f["klasse"], "klasse_code": f["klasse_code"]}
                for f in uit["functies"]
            ],
            leveringsvorm="verblijf" if ib.verblijf else "mpt",
            ingangsdatum=ingang,
            vastgelegd_op=_moment(ingang),
        )
        self.s.add(o)
        self.s.flush()
        return o

    def zorgplan(
        self,
        o: Zorgleveringsovereenkomst,
        gepland: list[dict[str, Any]],
        vastgesteld: date,
        evaluaties: list[date],
        besproken: date | None = None,
    ) -> None:
        """A zorgplan; from the Wlz on with its bespreking, afschrift and zorgverleners (Wlz art. 8.1.1, 8.1.3)."""
        wlz = besproken is not None
        self.s.add(
            Zorgplan(
                client_id=o.client_id,
                overeenkomst_id=o.id,
                vastgesteld_op=vastgesteld,
                vastgelegd_op=_moment(vastgesteld),
                gepland=gepland,
                evaluatiedata=[d.isoformat() for d in evaluaties],
                domeinen=_zorgplan_domeinen(),
                besproken_op=besproken,
                afschrift_op=vastgesteld if wlz else None,
                zorgverleners="Vast team van de afdeling; eerst verantwoordelijk verzorgende is het aanspreekpunt "
                "(fictief)"
                if wlz
                else None,
            )
        )

    def week(
        self, o: Zorgleveringsovereenkomst, gepland: list[dict[str, Any]], maandag: date, rnd: random.Random
    ) -> None:
        self.s.add(
            GeleverdeZorg(
                client_id=o.client_id,
                overeenkomst_id=o.id,
                week=maandag,
                vastgelegd_op=_moment(min(maandag + timedelta(days=7), self.vandaag)),
                uren=[
                    {"functie": g["functie"], "uren": round(g["uren_per_week"] * rnd.uniform(0.85, 1.0), 1)}
                    for g in gepland
                ],
                afwezigheid=[],
            )
        )

    def rapportage(self, c: Client, aanbieder: str, datum: date, tekst: str) -> None:
        self.s.add(
            Rapportage(
                client_id=c.id,
                auteur_id=self.gebruikers[aanbieder].id,
                organisatie_id=self.orgs[aanbieder].id,
                datum=datum,
                domein="algemeen",
                tekst=tekst,
                vastgelegd_op=_moment(datum),
            )
        )


def _moment(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 9, 0)


def vul_demo(
    fabriek: sessionmaker[Session],
    aantal_clienten: int = 50,
    seed: int = 2014,
    vandaag: date = DEMO_2014,
    aanvulling: Aanvulling | None = None,
) -> dict[str, Any]:
    """Seed the fictional demo as on `vandaag` (idempotent: does nothing when organisations exist).

    The same date and seed give the same demo. The story follows the law (docs/demo.md): clients assessed under
    the AWBZ in 2014; on 1 January 2015 the ZZP clients went on under the Wlz (Wlz art. 11.1.1 lid 1: their
    indication counts as a Wlz indication; GGZ-B art. 11.1.3 lid 1: three years), care at home in functions and
    classes ended with the AWBZ; and from 2015 up to `vandaag` clients assessed under the Wlz version in force
    then. Zorgplannen are evaluated on time (twice a year, Wlz art. 8.1.3), so the provider's worklist holds what
    is genuinely due. Decisions are computed with the supplement in the database (or `aanvulling`), as a
    beoordelaar's would be, so a package's hours are known where the loaded figures know them.
    """
    if vandaag < DEMO_2014:
        raise ValueError(f"de demo begint in 2014: vandaag moet op of na {voluit(DEMO_2014)} liggen")
    if not is_leeg(fabriek):
        return {"aangemaakt": False}
    if aanvulling is None:
        aanvulling = aanvulling_uit_database(fabriek)
    rnd = random.Random(seed)
    met_wlz = vandaag >= WLZ_DEMO_VANAF
    with fabriek() as s:
        demo = _Demo(s, vandaag, aanvulling)
        bsns = fictieve_bsns(aantal_clienten)
        for i in range(aantal_clienten):
            geslachtsnaam, voorvoegsel, voorletters = _naam(rnd)
            woonplaats, pc = rnd.choice(WOONPLAATSEN)
            postcode = f"{pc}{rnd.choice(['AB', 'CD', 'EF'])}"
            lot = random.Random(seed * 1000 + i)  # this client's own chances: the same whatever the others drew
            soort = i % 10
            if soort >= 7 and met_wlz:
                k = (i // 10) * 3 + soort - 7
                _wlz_client(demo, i, k, bsns[i], (geslachtsnaam, voorvoegsel, voorletters), woonplaats, postcode, lot)
                continue
            if soort not in (5, 6):
                zzp = zoek_zzp(AWBZ_ZZP[i % len(AWBZ_ZZP)])
                assert zzp is not None
                peildatum = date(2014, 1, 6) + timedelta(days=7 * (i % 40))
                geboren = (
                    date(1930 + lot.randint(0, 15), lot.randint(1, 12), lot.randint(1, 28))
                    if zzp.sector == "VV"
                    else date(1960 + lot.randint(0, 30), lot.randint(1, 12), lot.randint(1, 28))
                )
                invoer, _ = vignet(zzp, peildatum.isoformat(), geboren.isoformat())
            else:
                peildatum = date(2014, 2, 3) + timedelta(days=7 * (i % 30))
                geboren = date(1935 + lot.randint(0, 20), lot.randint(1, 12), lot.randint(1, 28))
                invoer = thuis_invoer(peildatum.isoformat(), geboren.isoformat(), lot)
            c = _client(demo, i, bsns[i], (geslachtsnaam, voorvoegsel, voorletters), geboren, woonplaats, postcode, lot)
            b = demo.beoordeling(c, invoer, peildatum - timedelta(days=14), definitief=True)
            ib, uit = demo.besluit(c, b)
            if ib.besluit != "toegekend":
                continue
            aanbieder = "linde" if i % 2 == 0 else "anker"
            o = demo.overeenkomst(c, ib, uit, aanbieder, ib.geldig_van + timedelta(days=7))
            gepland = geplande_zorg(uit)
            demo.zorgplan(o, gepland, o.ingangsdatum, [o.ingangsdatum + timedelta(days=182)])
            for w in range(4):
                demo.week(o, gepland, _maandag(o.ingangsdatum) + timedelta(weeks=w + 1), lot)
            demo.rapportage(
                c,
                aanbieder,
                o.ingangsdatum + timedelta(days=3),
                "Cliënt is goed gestart; afspraken uit het zorgplan besproken (fictief).",
            )
            if _kort_verblijf(demo, c, ib, o, aanbieder, lot):
                continue
            if vandaag >= WLZ_START:
                _na_de_awbz(demo, i, c, ib, o, gepland, aanbieder, lot)
        _bekostiging(demo)
        s.commit()
    return {"aangemaakt": True, "clienten": aantal_clienten}


def _client(
    demo: _Demo,
    i: int,
    bsn: str,
    naam: tuple[str, str | None, str],
    geboren: date,
    woonplaats: str,
    postcode: str,
    lot: random.Random,
    aangemaakt: date = date(2014, 1, 2),
) -> Client:
    c = Client(
        bsn=bsn,
        geslachtsnaam=naam[0],
        voorvoegsel=naam[1],
        voorletters=naam[2],
        geboortedatum=geboren,
        geslacht=lot.choice("12"),
        straat="Demostraat",
        huisnummer=str(i + 1),
        postcode=postcode,
        woonplaats=woonplaats,
        regio=REGIO,
        fictief=True,
        aangemaakt_door_organisatie_id=demo.orgs["ciz"].id,
        vastgelegd_op=_moment(aangemaakt),
    )
    demo.s.add(c)
    demo.s.flush()
    return c


def _kort_verblijf(
    demo: _Demo, c: Client, ib: Indicatiebesluit, o: Zorgleveringsovereenkomst, aanbieder: str, lot: random.Random
) -> bool:
    """A package for a short stay ends: 10 VV (palliatief-terminale zorg, for a life expectancy of about three
    months or less) with death, 9b VV (herstelgerichte behandeling) with the return home. True when it ended
    before today."""
    if o.zzp_code == "10VV":
        einde, tekst = o.ingangsdatum + timedelta(days=lot.randint(40, 90)), "Cliënt is overleden; de zorg is beëindigd"
    elif o.zzp_code == "9bVV":
        einde, tekst = o.ingangsdatum + timedelta(days=lot.randint(60, 150)), "Cliënt is hersteld en weer naar huis"
    else:
        return False
    if einde >= demo.vandaag:
        return False
    o.einddatum = einde
    if o.zzp_code == "10VV":
        ib.vervaldatum = einde
    demo.rapportage(c, aanbieder, einde, f"{tekst} (fictief).")
    return True


def _huidig_zorgplan(
    demo: _Demo,
    i: int,
    o: Zorgleveringsovereenkomst,
    gepland: list[dict[str, Any]],
    aanbieder: str,
    begin: date,
) -> None:
    """The plan in force today: discussed at the last half-yearly evaluation, the next one ahead (spread over the
    coming half year, so a few fall within the month the home page shows), recent weeks of care delivered."""
    volgende = demo.vandaag + timedelta(days=8 + (i * 37) % 160)
    besproken = max(plus_maanden(volgende, -demo.evaluatie_maanden), begin)
    demo.zorgplan(
        o,
        gepland,
        besproken + timedelta(days=7),
        [plus_maanden(besproken, demo.evaluatie_maanden), plus_maanden(besproken, 2 * demo.evaluatie_maanden)],
        besproken=besproken,
    )
    c = demo.s.get(Client, o.client_id)
    assert c is not None
    demo.rapportage(
        c, aanbieder, besproken, "Zorgplan met cliënt en contactpersoon geëvalueerd; afspraken bijgesteld (fictief)."
    )
    lot = random.Random(i)
    for w in range(8, 0, -1):
        maandag = _maandag(demo.vandaag) - timedelta(weeks=w)
        if maandag >= o.ingangsdatum:
            demo.week(o, gepland, maandag, lot)


def _na_de_awbz(
    demo: _Demo,
    i: int,
    c: Client,
    ib: Indicatiebesluit,
    o: Zorgleveringsovereenkomst,
    gepland: list[dict[str, Any]],
    aanbieder: str,
    lot: random.Random,
) -> None:
    """What became of a 2014 client on and after 1 January 2015, as the Wlz's overgangsrecht says."""
    vandaag = demo.vandaag
    code = ib.zzp_code or ""
    if not code:  # care at home in functions and classes: no ZZP, so not in Wlz art. 11.1.1
        o.einddatum = ib.vervaldatum = date(2014, 12, 31)
        demo.rapportage(
            c,
            aanbieder,
            date(2014, 12, 15),
            "De AWBZ stopt op 31 december 2014. Deze zorg thuis (functies en "
            "klassen, zonder zorgzwaartepakket) gaat niet over naar de Wet langdurige zorg (Wlz art. 11.1.1); de zorg "
            "van ons stopt op die dag (fictief).",
        )
        return
    if _sector(code) == "GGZB":
        einde = GGZ_B_TOT
        tekst = (
            "Per 1 januari 2015 valt de zorg onder de Wet langdurige zorg: de indicatie geldt tot en met 31 december "
            "2017 (Wlz art. 11.1.3 lid 1) (fictief)."
        )
    else:
        einde = None
        tekst = (
            "Per 1 januari 2015 valt de zorg onder de Wet langdurige zorg; het indicatiebesluit geldt als "
            "Wlz-indicatie (Wlz art. 11.1.1 lid 1). De zorg gaat door zoals afgesproken (fictief)."
        )
        if _sector(code) == "LVG" and ib.geldig_tot:  # adults: not after the decision's end (art. 11.1.2 lid 3)
            einde = ib.geldig_tot
    demo.rapportage(c, aanbieder, date(2015, 1, 2), tekst)
    if einde is None and _sector(code) == "VV" and lot.random() < 0.7:  # old age: most 2014 residents have died
        dagen = (vandaag - timedelta(days=120) - date(2015, 3, 1)).days
        if dagen > 0:
            einde = date(2015, 3, 1) + timedelta(days=lot.randint(0, dagen))
            demo.rapportage(c, aanbieder, einde, "Cliënt is overleden; de zorg is beëindigd (fictief).")
    if einde is not None and einde < vandaag:
        o.einddatum = einde
        if ib.geldig_tot is None or einde < ib.geldig_tot:  # the decision ends with the care (death, art. 11.1.3)
            ib.vervaldatum = einde
        if einde != date(2014, 12, 31) and _sector(code) == "LVG":
            demo.rapportage(
                c,
                aanbieder,
                einde,
                "De indicatie is afgelopen; voor een meerderjarige met een LVG-pakket loopt de "
                "Wlz daarna niet door (Wlz art. 11.1.2 lid 3). De zorg is beëindigd (fictief).",
            )
        return
    _huidig_zorgplan(demo, i, o, gepland, aanbieder, WLZ_START)


# Days before today a Wlz client's assessment was (one per Wlz client, in order): recent ones for the worklists,
# older ones back to the first years of the Wlz.
WLZ_DAGEN_GELEDEN = [150, 45, 0, 12, 290, 0, 420, 610, 800, 1000, 1300, 1650, 2000, 2400, 2900, 3500]
WLZ_CONCEPT = {2: 9, 5: 24}  # client k: an assessment still in progress, requested this many days ago
WLZ_ZORGPLAN_NODIG = 1  # client k started recently and has no zorgplan yet
WLZ_INTAKE = 3  # client k has a decision naming the provider, no agreement yet


def _wlz_client(
    demo: _Demo,
    i: int,
    k: int,
    bsn: str,
    naam: tuple[str, str | None, str],
    woonplaats: str,
    postcode: str,
    lot: random.Random,
) -> None:
    """A client assessed under the Wlz version in force on the peildatum. Client WLZ_INTAKE has a decision naming
    the provider but no agreement yet (the intake), client WLZ_ZORGPLAN_NODIG started recently and has no zorgplan
    yet, the WLZ_CONCEPT clients have an assessment in progress (the assessor's werkvoorraad); the others are in
    care with a current plan."""
    vandaag = demo.vandaag
    zzp = zoek_zzp(WLZ_ZZP[k % len(WLZ_ZZP)])
    assert zzp is not None
    geboren = (
        date(1928 + lot.randint(0, 20), lot.randint(1, 12), lot.randint(1, 28))
        if zzp.sector == "VV"
        else date(1965 + lot.randint(0, 35), lot.randint(1, 12), lot.randint(1, 28))
    )
    if k in WLZ_CONCEPT:
        aanvraag = vandaag - timedelta(days=WLZ_CONCEPT[k])
        c = _client(demo, i, bsn, naam, geboren, woonplaats, postcode, lot, aangemaakt=aanvraag)
        invoer, _ = vignet(zzp, (aanvraag + timedelta(days=5)).isoformat(), geboren.isoformat())
        demo.beoordeling(c, invoer, aanvraag, definitief=False)
        return
    peildatum = max(vandaag - timedelta(days=WLZ_DAGEN_GELEDEN[k % len(WLZ_DAGEN_GELEDEN)]), WLZ_START)
    aanvraag = peildatum - timedelta(days=21)
    c = _client(demo, i, bsn, naam, geboren, woonplaats, postcode, lot, aangemaakt=max(aanvraag, date(2014, 1, 2)))
    invoer, _ = vignet(zzp, peildatum.isoformat(), geboren.isoformat())
    b = demo.beoordeling(c, invoer, aanvraag, definitief=True)
    ib, uit = demo.besluit(c, b)
    aanbieder = "linde" if i % 2 == 0 or k in (WLZ_ZORGPLAN_NODIG, WLZ_INTAKE) else "anker"
    if ib.besluit != "toegekend":
        return
    if k == WLZ_INTAKE:  # the client chose the provider; the agreement is still to be made
        ib.zorgaanbieder_id = demo.orgs[aanbieder].id
        return
    ingang = ib.geldig_van + timedelta(days=14)
    o = demo.overeenkomst(c, ib, uit, aanbieder, ingang)
    gepland = geplande_zorg(uit)
    demo.rapportage(
        c,
        aanbieder,
        ingang + timedelta(days=3),
        "Cliënt is goed gestart; kennismaking met het team en de eerste afspraken gemaakt (fictief).",
    )
    if _kort_verblijf(demo, c, ib, o, aanbieder, lot):
        besproken = ingang + timedelta(days=14)
        if besproken + timedelta(days=7) < o.einddatum:  # type: ignore[operator]
            demo.zorgplan(
                o, gepland, besproken + timedelta(days=7), [plus_maanden(besproken, demo.evaluatie_maanden)], besproken
            )
        return
    if k == WLZ_ZORGPLAN_NODIG:  # started within the six weeks the zorgplan may take (Wlz art. 8.1.1)
        for w in range(1, 4):
            maandag = _maandag(ingang) + timedelta(weeks=w)
            if maandag + timedelta(days=7) <= vandaag:
                demo.week(o, gepland, maandag, lot)
        return
    if plus_maanden(ingang, demo.evaluatie_maanden) > vandaag:  # the first plan is still the current one
        besproken = ingang + timedelta(days=14)
        demo.zorgplan(
            o,
            gepland,
            besproken + timedelta(days=7),
            [plus_maanden(besproken, demo.evaluatie_maanden), plus_maanden(besproken, 2 * demo.evaluatie_maanden)],
            besproken=besproken,
        )
        lot2 = random.Random(i)
        for w in range(8, 0, -1):
            maandag = _maandag(vandaag) - timedelta(weeks=w)
            if maandag >= ingang:
                demo.week(o, gepland, maandag, lot2)
        return
    besproken = ingang + timedelta(days=14)
    demo.zorgplan(
        o, gepland, besproken + timedelta(days=7), [plus_maanden(besproken, demo.evaluatie_maanden)], besproken
    )
    _huidig_zorgplan(demo, i, o, gepland, aanbieder, besproken + timedelta(days=30))


def _bekostiging(demo: _Demo) -> None:
    """The demo tariff table (fictief, 2014-2016: the sources give no NZa maximum tariffs, so later years say
    'onbekend') and the zorgkantoor's contracts: 2014 and 2016, and last year and this year once the Wlz runs."""
    tekst = demo_tarieven_csv()
    # a table loaded whole (no previous version): only the columns it sets, so the demo also fills a database at
    # an older revision (tests/opslag/test_migratie_bsn.py)
    demo.s.execute(
        insert(Tarieftabel).values(
            naam="Demotarieven 2014-2016 (fictief)",
            regels=[r.als_dict() for r in lees_tarieftabel(tekst)],
            vingerafdruk=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
            geladen_door_id=demo.gebruikers["zorgkantoor"].id,
            organisatie_id=demo.orgs["zk"].id,
            vastgelegd_op=_moment(DEMO_2014),
        )
    )
    codes = sorted(set(AWBZ_ZZP) | set(WLZ_ZZP))
    jaren = [(2014, "linde"), (2016, "linde")]
    if demo.vandaag >= WLZ_DEMO_VANAF:
        jaren += [(j, a) for j in (demo.vandaag.year - 1, demo.vandaag.year) if j > 2016 for a in ("linde", "anker")]
    for jaar, aanbieder in jaren:
        demo.s.add(
            Contract(
                zorgkantoor_id=demo.orgs["zk"].id,
                zorgaanbieder_id=demo.orgs[aanbieder].id,
                jaar=jaar,
                kwaliteitsopslag_per_dag="1.50",
                afspraken=[
                    {"prestatiecode": c, "percentage": "97.00", "productie_dagen": 3650, "nhc": "NHC", "nic": "NIC"}
                    for c in codes
                ],
                vastgelegd_op=_moment(max(date(jaar - 1, 12, 1), DEMO_2014)),
            )
        )


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
