"""Indicatieregister, serve part 1: stable UUIDs per Wlz decision (migration 0004), organisation codes in /mij."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import text

from tests.api.conftest import Api
from zorgzwaarte.opslag.database import maak_engine, migreer


def _besluiten(api: Api, gebruiker: str = "beoordelaar") -> list[dict]:
    uit = []
    for c in api.als(gebruiker).get("/api/v1/clienten", params={"per_pagina": 200}).json()["items"]:
        uit += api.als(gebruiker).get(f"/api/v1/clienten/{c['id']}/indicatiebesluiten").json()
    return uit


def test_wlz_besluit_heeft_stabiele_uuid_v4(api: Api) -> None:
    """Every Wlz decision gets a version-4 UUID that does not change between reads; AWBZ decisions get none."""
    besluiten = _besluiten(api)
    wlz = [b for b in besluiten if b["stelsel"] == "Wlz"]
    awbz = [b for b in besluiten if b["stelsel"] == "AWBZ"]
    assert wlz and awbz
    for b in wlz:
        assert uuid.UUID(b["wlzindicatie_id"]).version == 4
        opnieuw = api.als("beoordelaar").get(f"/api/v1/indicatiebesluiten/{b['id']}").json()
        assert opnieuw["wlzindicatie_id"] == b["wlzindicatie_id"]
        assert opnieuw["indicatieregister"] is None
    assert len({b["wlzindicatie_id"] for b in wlz}) == len(wlz)
    for b in awbz:
        assert b["wlzindicatie_id"] is None
        assert "geen Wlz-indicatie" in b["indicatieregister"]


def test_mij_toont_uzovi_en_agb(api: Api) -> None:
    zk = api.als("zorgkantoor").get("/api/v1/mij").json()["organisatie"]
    assert zk["uzovi"] == "5509" and zk["agb"] is None
    za = api.als("linde").get("/api/v1/mij").json()["organisatie"]
    assert za["agb"] == "73730001" and za["uzovi"] is None


def test_demo_heeft_wlz_besluiten_in_de_regio_van_het_zorgkantoor(api: Api) -> None:
    """The zorgkantoor sees Wlz decisions of clients in its own region (what QIR-0001 serves it)."""
    assert any(b["wlzindicatie_id"] for b in _besluiten(api, "zorgkantoor"))


def test_migratie_0004_geeft_bestaande_records_een_uuid(tmp_path: Path) -> None:
    """A database at 0003 with a Wlz and an AWBZ decision: 0004 gives the Wlz one (and every client) a UUID."""
    engine = maak_engine(f"sqlite:///{tmp_path / 'oud.sqlite'}")
    migreer(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO organisatie (id, naam, soort, fictief) VALUES (1, 'CIZ', 'indicatieorgaan', 1)"))
        conn.execute(
            text(
                "INSERT INTO client (id, bsn, geslachtsnaam, geboortedatum, geslacht, fictief, vastgelegd_op, versie)"
                " VALUES (1, '999990019', 'Jansen', '1940-01-01', '1', 1, '2016-01-01 00:00:00', 1)"
            )
        )
        for bid, stelsel in ((1, "Wlz"), (2, "AWBZ")):
            conn.execute(
                text(
                    "INSERT INTO indicatiebesluit (id, client_id, extern, besluit, stelsel, verblijf, besluitdatum,"
                    " geldig_van, resultaat, ruleset_naam, ruleset_versie, ruleset_hash, status, vastgelegd_op, versie)"
                    f" VALUES ({bid}, 1, 0, 'toegekend', '{stelsel}', 1, '2016-01-01', '2016-01-01', '{{}}', 'x', 'x',"
                    " 'x', 'geldig', '2016-01-01 00:00:00', 1)"
                )
            )
    migreer(engine)
    with engine.connect() as conn:
        ids = dict(conn.execute(text("SELECT stelsel, wlzindicatie_id FROM indicatiebesluit")).all())
        client_id = conn.execute(text("SELECT register_id FROM client")).scalar_one()
    assert uuid.UUID(ids["Wlz"]).version == 4 and ids["AWBZ"] is None
    assert uuid.UUID(client_id).version == 4
    engine.dispose()
