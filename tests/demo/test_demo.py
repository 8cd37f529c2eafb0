"""The fictional demo as on a given day: a believable provider on that day, the AWBZ history and the Wlz
overgangsrecht of 1 January 2015 as the law says, and the same demo for the same day."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import Klok
from zorgzwaarte.demo.gegevens import AWBZ_ZZP, laad_demo_aanvulling, vul_demo
from zorgzwaarte.diensten.brieven import zorgplanbrief
from zorgzwaarte.diensten.startpagina import startpagina
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
from zorgzwaarte.opslag.modellen import (
    Beoordeling,
    Client,
    Gebruiker,
    GeleverdeZorg,
    Indicatiebesluit,
    Rapportage,
    Zorgleveringsovereenkomst,
    Zorgplan,
)
from zorgzwaarte.rapporten.brieven import zorgplanbrief_pdf
from zorgzwaarte.regels.regelset import regelset_op

VANDAAG = date(2026, 11, 30)
# Wlz art. 11.1.1 lid 1: the packages whose AWBZ indication counts as a Wlz indication (3 VG and LVG: adults)
WLZ_ART_11_1_1_LID_1 = set(
    [
        "4VV",
        "5VV",
        "6VV",
        "7VV",
        "8VV",
        "9bVV",
        "10VV",
        "4VG",
        "5VG",
        "6VG",
        "7VG",
        "8VG",
        "1SGLVG",
        "2LG",
        "4LG",
        "5LG",
        "6LG",
        "7LG",
        "2ZGaud",
        "3ZGaud",
        "4ZGaud",
        "2ZGvis",
        "3ZGvis",
        "4ZGvis",
        "5ZGvis",
        "1LVG",
        "2LVG",
        "3LVG",
        "4LVG",
        "5LVG",
        "3VG",
    ]
)


def _demo(tmp_path: Path, vandaag: date, naam: str = "demo", aanvulling: bool = True) -> Engine:
    engine = maak_engine(f"sqlite:///{tmp_path / f'{naam}.sqlite'}")
    migreer(engine)
    if aanvulling:  # as `serveer --demo` does: the supplement first, so the decisions know those hours
        laad_demo_aanvulling(sessiefabriek(engine))
    vul_demo(sessiefabriek(engine), vandaag=vandaag)
    return engine


@pytest.fixture(scope="module")
def demo_2026(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = _demo(tmp_path_factory.mktemp("demo"), VANDAAG)
    yield engine
    engine.dispose()


def _start(engine: Engine, gebruikersnaam: str, vandaag: date) -> dict[str, Any]:
    fabriek = sessiefabriek(engine)
    with fabriek() as s:
        actor = Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).one())
    klok = Klok(datetime(vandaag.year, vandaag.month, vandaag.day, 9, 0, tzinfo=UTC))
    with Werkeenheid(fabriek, actor, klok) as uow:
        return startpagina(uow)


def test_aanbieder_werklijst_is_wat_vandaag_speelt(demo_2026: Engine) -> None:
    """Wlz art. 8.1.3 lid 1 (evaluation at least twice a year): the provider's plans are evaluated on time, so the
    home page holds what is genuinely due: a few evaluations within the month, none overdue, a new client for
    the intake and one zorgplan still to be made within six weeks of the start (art. 8.1.3 lid 1)."""
    for aanbieder in ("linde", "anker"):
        start = _start(demo_2026, aanbieder, VANDAAG)
        assert start["evaluaties_te_laat"] == [], aanbieder
        assert len(start["in_zorg"]) >= 8, aanbieder
        assert {p["soort"] for p in start["zorgplanplichten"]} <= {"zorgplan_nodig"}, start["zorgplanplichten"]
    linde = _start(demo_2026, "linde", VANDAAG)
    assert 1 <= len(linde["evaluaties"]) <= 5
    assert all(VANDAAG <= date.fromisoformat(e["datum"]) <= VANDAAG + timedelta(days=30) for e in linde["evaluaties"])
    assert len(linde["intake"]) == 1 and linde["intake"][0]["besluitdatum"] > "2026-11-01"
    assert [p["soort"] for p in linde["zorgplanplichten"]] == ["zorgplan_nodig"]


def test_beoordelaar_en_zorgkantoor_zien_het_heden(demo_2026: Engine) -> None:
    """The assessor has assessments in progress with their deadline ahead (Blz art. 3.2.4: six weeks); the
    zorgkantoor's current decisions leave out ended ones (care at home ended with the AWBZ, death, GGZ-B after
    three years: Wlz art. 11.1.3 lid 1) and list this year's contracts."""
    werk = _start(demo_2026, "beoordelaar", VANDAAG)["werkvoorraad"]
    assert len(werk) == 2 and all(r["dagen_over"] > 0 for r in werk)
    zk = _start(demo_2026, "zorgkantoor", VANDAAG)
    assert {c["jaar"] for c in zk["contracten"]} >= {2025, 2026}
    with sessiefabriek(demo_2026)() as s:
        beeindigd = {
            ib.client_id for ib in s.scalars(select(Indicatiebesluit).where(Indicatiebesluit.vervaldatum < VANDAAG))
        }
    assert beeindigd and not beeindigd & {b["client_id"] for b in zk["besluiten"]}
    assert zk["besluiten"][0]["besluitdatum"] > "2026-01-01"


def test_overgangsrecht_wlz_2015(demo_2026: Engine) -> None:
    """Wlz art. 11.1.1 lid 1: an AWBZ indication for one of its packages counts as a Wlz indication, so that care
    goes on after 2014; care at home in functions and classes (no package) ends on 31 December 2014; GGZ-B
    (art. 11.1.3 lid 1) three years after 1 January 2015."""
    with sessiefabriek(demo_2026)() as s:
        rijen = s.execute(
            select(Zorgleveringsovereenkomst, Indicatiebesluit).join(
                Indicatiebesluit, Indicatiebesluit.id == Zorgleveringsovereenkomst.indicatiebesluit_id
            )
        ).all()
    awbz = [(o, ib) for o, ib in rijen if ib.stelsel == "AWBZ"]
    assert awbz and any(ib.zzp_code is None for _, ib in awbz)
    for o, ib in awbz:
        if ib.zzp_code is None:
            assert o.einddatum == date(2014, 12, 31), "zorg thuis in functies en klassen stopt met de AWBZ"
        elif "GGZB" in ib.zzp_code:
            assert o.einddatum == date(2017, 12, 31)
        elif o.einddatum is None or o.einddatum >= VANDAAG:
            assert ib.zzp_code in WLZ_ART_11_1_1_LID_1
    lopend = [(o, ib) for o, ib in rijen if o.einddatum is None]
    assert any(ib.stelsel == "AWBZ" for _, ib in lopend) and any(ib.stelsel == "Wlz" for _, ib in lopend)
    assert set(AWBZ_ZZP) - WLZ_ART_11_1_1_LID_1 == {"4GGZB"}


def test_wlz_besluiten_naar_de_versie_van_hun_peildatum(demo_2026: Engine) -> None:
    """Each Wlz decision of the demo is computed with the ruleset in force on its peildatum (Blz versions of
    2015, 2021, 2024 and 2026 all occur)."""
    with sessiefabriek(demo_2026)() as s:
        rijen = s.execute(
            select(Indicatiebesluit, Beoordeling)
            .join(Beoordeling, Beoordeling.id == Indicatiebesluit.beoordeling_id)
            .where(Indicatiebesluit.stelsel == "Wlz")
        ).all()
    namen = set()
    for ib, b in rijen:
        assert ib.ruleset_naam == regelset_op("indicatie", date.fromisoformat(b.invoer["peildatum"])).naam
        namen.add(ib.ruleset_naam)
    assert {"Wlz 2015", "Wlz 2021", "Wlz 2024", "Wlz 2026"} <= namen


def _na(s: Session, vandaag: date) -> list[str]:
    """Every record dated after `vandaag` (a demo never holds the future)."""
    later = []
    grens = datetime(vandaag.year, vandaag.month, vandaag.day, 23, 59)
    for model, velden in [
        (Client, ["vastgelegd_op"]),
        (Beoordeling, ["aanvraagdatum", "vastgelegd_op", "definitief_op"]),
        (Indicatiebesluit, ["besluitdatum", "geldig_van", "vastgelegd_op", "vervaldatum"]),
        (Zorgleveringsovereenkomst, ["ingangsdatum", "vastgelegd_op", "einddatum"]),
        (Zorgplan, ["vastgesteld_op", "besproken_op", "afschrift_op", "vastgelegd_op"]),
        (Rapportage, ["datum", "vastgelegd_op"]),
        (GeleverdeZorg, ["week", "vastgelegd_op"]),
    ]:
        for rij in s.scalars(select(model)):
            for veld in velden:
                waarde = getattr(rij, veld)
                if waarde is None:
                    continue
                te_laat = waarde > grens if isinstance(waarde, datetime) else waarde > vandaag
                if te_laat:
                    later.append(f"{model.__name__}.{veld} {waarde}")
    return later


@pytest.mark.parametrize("vandaag", [date(2014, 12, 1), date(2017, 1, 2), VANDAAG])
def test_geen_toekomst_en_zelfde_dag_zelfde_demo(tmp_path: Path, vandaag: date) -> None:
    """On the tests' clocks (1-12-2014, 2-1-2017) and today: nothing dated after the day of creation, and the
    same day gives the same demo (the random identifiers aside)."""
    a, b = _demo(tmp_path, vandaag, "a"), _demo(tmp_path, vandaag, "b")

    def inhoud(e: Engine) -> list[Any]:
        with sessionmaker(e)() as s:
            assert _na(s, vandaag) == []
            return [
                *((c.bsn, c.geslachtsnaam, c.geboortedatum) for c in s.scalars(select(Client).order_by(Client.id))),
                *(
                    (z.vastgesteld_op, z.gepland, z.evaluatiedata)
                    for z in s.scalars(select(Zorgplan).order_by(Zorgplan.id))
                ),
                *((o.ingangsdatum, o.einddatum) for o in s.scalars(select(Zorgleveringsovereenkomst))),
                *((w.week, w.uren) for w in s.scalars(select(GeleverdeZorg).order_by(GeleverdeZorg.id))),
            ]

    assert inhoud(a) == inhoud(b)
    a.dispose()
    b.dispose()


def test_vandaag_voor_de_demo_is_een_fout(tmp_path: Path) -> None:
    engine = maak_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    migreer(engine)
    with pytest.raises(ValueError, match="2014"):
        vul_demo(sessiefabriek(engine), vandaag=date(2014, 6, 1))
    engine.dispose()


def test_geen_zorgzwaartepakket_van_0_uur(demo_2026: Engine, tmp_path: Path) -> None:
    """A demo zorgplan never plans a package at 0 hours: the hours the decision knows (the supplement loaded before
    the demo: ZZP 5 VV 18 hours), else no row; delivered weeks stay within the plan."""
    with sessiefabriek(demo_2026)() as s:
        plannen = list(s.scalars(select(Zorgplan)))
        zzp = {o.id: o.zzp_code for o in s.scalars(select(Zorgleveringsovereenkomst))}
        weken = list(s.scalars(select(GeleverdeZorg)))
    assert all(g["uren_per_week"] > 0 for z in plannen for g in z.gepland)
    vijf_vv = [z for z in plannen if zzp[z.overeenkomst_id] == "5VV"]
    assert vijf_vv and all(z.gepland == [{"functie": "ZZP", "uren_per_week": 18.0}] for z in vijf_vv)
    plan = {z.overeenkomst_id: {g["functie"]: g["uren_per_week"] for g in z.gepland} for z in plannen}
    gepland = [
        (u["uren"], plan[w.overeenkomst_id][u["functie"]]) for w in weken if w.overeenkomst_id in plan for u in w.uren
    ]
    assert gepland and all(0 < geleverd <= uren for geleverd, uren in gepland)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make system) ontbreekt")
def test_zorgplan_pdf_noemt_de_uren_van_het_pakket(demo_2026: Engine, tmp_path: Path) -> None:
    """The client's zorgplan (Wlz art. 8.1.3 lid 2: afschrift) names the package's hours, never 0."""
    fabriek = sessiefabriek(demo_2026)
    with fabriek() as s:
        actor = Actor.van(s.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == "linde")).one())
        z = next(
            z
            for z, o in s.execute(
                select(Zorgplan, Zorgleveringsovereenkomst)
                .join(Zorgleveringsovereenkomst, Zorgleveringsovereenkomst.id == Zorgplan.overeenkomst_id)
                .where(Zorgleveringsovereenkomst.zorgaanbieder_id == actor.organisatie_id)
                .order_by(Zorgplan.id.desc())
            )
            if o.zzp_code == "8VV" or o.zzp_code == "7VV"
        )
    with Werkeenheid(fabriek, actor, Klok(datetime(2026, 11, 30, 9, tzinfo=UTC))) as uow:
        inhoud = zorgplanbrief(uow, z.id)
    (tmp_path / "zorgplan.pdf").write_bytes(zorgplanbrief_pdf(inhoud))
    tekst = subprocess.run(
        ["pdftotext", str(tmp_path / "zorgplan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    uren = {"7VV": "22", "8VV": "27"}
    assert "Zorgzwaartepakket" in tekst and "Zorgzwaartepakket\n\n0\n" not in tekst
    assert any(f"\n{u}\n" in tekst for u in uren.values()), tekst
