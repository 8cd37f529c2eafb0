"""The administrator's ZZP supplement lives in the database: every worker and every host on one database reads the
same supplement, a new load replaces the old one whole, bad input changes nothing, and the receipt fingerprint is
the one the supplement had when it was a file in the data folder (so earlier decisions stay reproducible)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.api.conftest import WACHTWOORD
from zorgzwaarte.api.app import maak_app
from zorgzwaarte.demo.gegevens import DEMO_AANVULLING, laad_demo_aanvulling, vul_demo
from zorgzwaarte.diensten.beheer import aanvulling_uit_database, laad_aanvulling, valideer_aanvulling
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp

# The fingerprint of the demo supplement (docs: "+aanvulling-<kenmerk>"), as the file-based version computed it
# before the supplement moved into the database (commit fce87a7). It must not change with the storage.
DEMO_KENMERK = "d45569a8ebde973a"

PSYCH: dict[str, Any] = {
    "peildatum": "2014-03-03",
    "client": {"geboortedatum": "1975-01-01"},
    "grondslagen": ["03"],
    "leefklimaat": {"beschermende_woonomgeving": True},
    "etmalen_per_week": 7,
    "beperkingscores": {"0101": 2, "0301": 1},
    "stoornisscores": {"0601": 2, "0201": 2},
}
GGZ_C = {
    "zzp": [
        {
            "code": "4 GGZ-C",
            "bron": "Rza bijlage 2, afbeelding 4C GGZ (overgenomen door beheer)",
            "geldig_van": "2009-01-01",
            "domeinen": {
                "sociale_redzaamheid": 2,
                "adl": 1,
                "psychosociaal_cognitief": 2,
                "psychiatrische_problematiek": 2,
            },
        }
    ]
}


def _tweede_host(engine: Engine) -> Engine:
    """Another host: its own engine (own connection pool) on the same database."""
    return maak_engine(engine.url.render_as_string(hide_password=False))


def test_demo_aanvulling_zelfde_kenmerk_als_bestand(engine: Engine) -> None:
    fabriek = sessiefabriek(engine)
    assert laad_demo_aanvulling(fabriek) == 8
    a = aanvulling_uit_database(fabriek)
    assert a.hash == DEMO_KENMERK and len(a.items()) == 8
    assert laad_demo_aanvulling(fabriek) == 0  # loaded once: a supplement already there is never replaced by the demo


def test_twee_hosts_lezen_dezelfde_aanvulling(engine: Engine, klok: Any) -> None:
    """Host A loads the supplement; host B (own engine, own app) uses it in its decisions at once."""
    vul_demo(sessiefabriek(engine), aantal_clienten=2)
    host_b = _tweede_host(engine)
    try:
        client = TestClient(maak_app(host_b, klok))
        r = client.post("/api/v1/auth/token", data={"username": "beoordelaar", "password": WACHTWOORD["beoordelaar"]})
        client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
        voor = client.post("/api/v1/indiceer", json=PSYCH).json()
        assert "+aanvulling-" not in voor["ruleset"]["versie"] and voor["zzp"]["afstand"] is None

        assert laad_aanvulling(sessiefabriek(engine), GGZ_C) == 1  # on host A
        na = client.post("/api/v1/indiceer", json=PSYCH).json()
        kenmerk = aanvulling_uit_database(sessiefabriek(engine)).hash
        assert na["ruleset"]["versie"].endswith(f"+aanvulling-{kenmerk}")
        assert na["zzp"]["code"] == "4GGZC" and na["zzp"]["afstand"] == 0.0
        assert aanvulling_uit_database(sessiefabriek(host_b)).hash == kenmerk
    finally:
        host_b.dispose()


def test_nieuwe_aanvulling_vervangt_de_vorige_helemaal(engine: Engine) -> None:
    fabriek = sessiefabriek(engine)
    laad_demo_aanvulling(fabriek)
    assert laad_aanvulling(fabriek, GGZ_C) == 1
    a = aanvulling_uit_database(fabriek)
    assert [i["code"] for i in a.items()] == ["4GGZC"] and a.hash != DEMO_KENMERK


def test_ongeldige_aanvulling_laat_de_vorige_staan(engine: Engine) -> None:
    fabriek = sessiefabriek(engine)
    laad_demo_aanvulling(fabriek)
    slecht = {
        "zzp": [
            *GGZ_C["zzp"],
            {"code": "99XX", "bron": "ergens vandaan", "geldig_van": "2009-01-01", "domeinen": {"adl": 1}},
        ]
    }
    with pytest.raises(InvoerFout) as fout:
        laad_aanvulling(fabriek, slecht)
    assert {f.veld for f in fout.value.fouten} >= {"zzp.1.code"}
    assert aanvulling_uit_database(fabriek).hash == DEMO_KENMERK


def test_migratie_neemt_aanvulling_uit_de_datamap_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An existing installation: the file of earlier versions becomes the rows, with the same fingerprint."""
    data = tmp_path / "data"
    (data / "aanvullingen").mkdir(parents=True)
    bestand = valideer_aanvulling(json.loads(DEMO_AANVULLING.read_text(encoding="utf-8")))
    items = []
    for item in bestand.zzp:  # the file exactly as the file-based `beheer zzp-aanvulling` wrote it
        z = zoek_zzp(item.code)
        assert z is not None
        items.append({**item.model_dump(mode="json"), "code": z.code})
    (data / "aanvullingen" / "zzp.json").write_text(json.dumps({"zzp": items}, indent=2), encoding="utf-8")
    monkeypatch.setenv("ZORGZWAARTE_DATA", str(data))
    e = maak_engine(f"sqlite:///{tmp_path / 'oud.sqlite'}")
    try:
        migreer(e)
        assert aanvulling_uit_database(sessiefabriek(e)).hash == DEMO_KENMERK
        with e.connect() as verbinding:  # migration 0011: the taken-over rows are one load with one mark
            ladingen = {r[0] for r in verbinding.exec_driver_sql("SELECT lading FROM zzp_aanvulling")}
        assert len(ladingen) == 1 and None not in ladingen
    finally:
        e.dispose()


def _vragen_naar_aanvulling(engine: Engine) -> list[str]:
    """Record the statements on the supplement table (to see what a worker's in-memory copy saves)."""
    from sqlalchemy import event

    vragen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _noteer(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        if "zzp_aanvulling" in sql:
            vragen.append(" ".join(sql.split()))

    return vragen


def test_werkproces_houdt_aanvulling_vast_tot_een_nieuwe_lading(engine: Engine) -> None:
    """A worker keeps the supplement in memory: a later request asks only for the mark of the load (one small
    query, no rows). When another host loads a new supplement, the mark changes and the next request reads it."""
    host_b = _tweede_host(engine)
    try:
        laad_demo_aanvulling(sessiefabriek(engine))
        vragen = _vragen_naar_aanvulling(host_b)
        assert aanvulling_uit_database(sessiefabriek(host_b)).hash == DEMO_KENMERK  # read: mark, then the rows
        eerst = len(vragen)
        assert eerst == 2
        assert aanvulling_uit_database(sessiefabriek(host_b)).hash == DEMO_KENMERK
        assert len(vragen) == eerst + 1 and "LIMIT" in vragen[-1].upper()  # only the mark

        assert laad_aanvulling(sessiefabriek(engine), GGZ_C) == 1  # host A loads a new one
        na = aanvulling_uit_database(sessiefabriek(host_b))
        assert [i["code"] for i in na.items()] == ["4GGZC"] and na.hash != DEMO_KENMERK
        assert len(vragen) == eerst + 3  # the new mark did not match: the rows were read again
    finally:
        host_b.dispose()


def test_geen_aanvulling_is_een_vraag(engine: Engine) -> None:
    vragen = _vragen_naar_aanvulling(engine)
    assert aanvulling_uit_database(sessiefabriek(engine)).inhoud == ()
    assert len(vragen) == 1


def test_elke_lading_een_eigen_kenmerk(engine: Engine) -> None:
    """Every row of one load carries the same fresh mark; the next load (even with the same content) another."""
    from sqlalchemy import select

    from zorgzwaarte.opslag.modellen import ZzpAanvulling

    fabriek = sessiefabriek(engine)

    def ladingen() -> set[str | None]:
        with fabriek() as s:
            return set(s.scalars(select(ZzpAanvulling.lading)))

    laad_demo_aanvulling(fabriek)
    eerste = ladingen()
    assert len(eerste) == 1 and None not in eerste
    laad_aanvulling(fabriek, json.loads(DEMO_AANVULLING.read_text(encoding="utf-8")))
    tweede = ladingen()
    assert len(tweede) == 1 and tweede != eerste
    assert aanvulling_uit_database(fabriek).hash == DEMO_KENMERK  # same content, same fingerprint
