"""A tariff file replaces the years it covers and keeps the others, first seen in a preview that stores nothing;
the same service behind the API and the web page, on SQLite and PostgreSQL (docs/bekostiging.md, "Laden per jaar")."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from tests.api.conftest import Api
from tests.api.test_bekostiging import KOP, aantal
from zorgzwaarte.diensten import bekostiging as b
from zorgzwaarte.opslag.modellen import Tarieftabel

A = "/api/v1"
BESTAND_2017 = KOP + "4VV;ZZP 4VV;160,00;dag;2017-01-01;2017-12-31;NZa tariefbeschikking 2017 (test)\n"


def regels_per_jaar(api: Api, jaar: int) -> list[dict[str, Any]]:
    r = api.als("linde").get(f"{A}/tarieven/jaar/{jaar}")
    assert r.status_code == 200, r.text
    return list(r.json()["regels"])


def test_voorbeeld_zegt_wat_er_gebeurt_en_slaat_niets_op(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    huidig = zk.get(f"{A}/tarieven").json()
    voor, audit = aantal(api_beide, Tarieftabel), api_beide.audit_aantal()
    r = zk.post(f"{A}/tarieven/voorbeeld", params={"naam": "NZa 2017"}, content=BESTAND_2017)
    assert r.status_code == 200, r.text
    v = r.json()
    assert (v["dekking"], v["perioden"]) == ("2017", [{"van": "2017-01-01", "tot": "2017-12-31"}])
    assert (v["nieuw"], v["gewijzigd"], v["ongewijzigd"], v["vervalt"]) == (1, 0, 0, 0)
    assert v["behouden"] == huidig["aantal_regels"]  # the demo's 2014-2016 stay as they are
    assert v["basis"]["id"] == huidig["id"]
    assert v["per_jaar"] == [
        {"jaar": 2017, "regels": 1, "prestaties": 1, "nieuw": 1, "gewijzigd": 0, "ongewijzigd": 0, "vervalt": 0}
    ]
    assert aantal(api_beide, Tarieftabel) == voor  # a preview stores nothing
    assert [(a.actie, a.uitkomst) for a in api_beide.audit_sinds(audit)] == [("tarieftabel.voorbeeld", "toegestaan")]


def test_laden_vervangt_alleen_de_jaren_van_het_bestand(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    huidig = zk.get(f"{A}/tarieven").json()
    audit = api_beide.audit_aantal()
    r = zk.post(f"{A}/tarieven", params={"naam": "NZa 2017", "basis": huidig["id"]}, content=BESTAND_2017)
    assert r.status_code == 201, r.text
    t = r.json()
    assert (t["dekking"], t["vorige_id"], t["aantal_regels"]) == ("2017", huidig["id"], huidig["aantal_regels"] + 1)
    # the moment it was stored reads the same in the load's answer and in the table in force (UTC, no offset)
    assert zk.get(f"{A}/tarieven").json()["vastgelegd_op"] == t["vastgelegd_op"] == "2014-12-01T09:00:00"
    (regel,) = [a for a in api_beide.audit_sinds(audit) if a.actie == "tarieftabel.laden"]
    assert regel.uitkomst == "toegestaan" and regel.object_id == t["id"] and "vervangt 2017" in (regel.details or "")
    # 2015 as before (the demo, loaded whole), 2017 the file, 2018 nothing: onbekend
    in_2015 = {x["prestatiecode"]: x for x in regels_per_jaar(api_beide, 2015)}
    assert in_2015["4VV"]["tarief"] == "150.00" and in_2015["4VV"]["geladen_met"] == huidig["naam"]
    in_2017 = {x["prestatiecode"]: x for x in regels_per_jaar(api_beide, 2017)}
    assert in_2017["4VV"]["tarief"] == "160.00" and in_2017["4VV"]["geladen_met"] == "NZa 2017"
    assert in_2017["4VV"]["bron"] == "NZa tariefbeschikking 2017 (test)"
    assert in_2017["5VV"]["tarief"] is None  # onbekend, never 0
    assert {x["tarief"] for x in regels_per_jaar(api_beide, 2018)} == {None}
    # the same file again: a new version, every row unchanged
    v = zk.post(f"{A}/tarieven/voorbeeld", params={"naam": "NZa 2017"}, content=BESTAND_2017).json()
    assert (v["nieuw"], v["gewijzigd"], v["ongewijzigd"], v["vervalt"]) == (0, 0, 1, 0)


def test_een_jaar_opnieuw_laden_zonder_een_prestatie_laat_die_vervallen(api_beide: Api) -> None:
    zk = api_beide.als("beheerder")
    bestand = KOP + "4VV;ZZP 4VV;151,00;dag;2016-01-01;2016-12-31;NZa 2016 (test)\n"
    v = zk.post(f"{A}/tarieven/voorbeeld", params={"naam": "2016"}, content=bestand).json()
    vervalt = {w["regel"]["prestatiecode"] for w in v["wijzigingen"] if w["soort"] == "vervalt"}
    assert v["gewijzigd"] == 1 and "5VV" in vervalt and "4VV" not in vervalt
    gewijzigd = next(w for w in v["wijzigingen"] if w["soort"] == "gewijzigd")
    assert gewijzigd["velden"] == ["tarief", "omschrijving", "bron"]  # the demo's 2014-2016 row covers all of 2016
    assert gewijzigd["oud"][0]["tarief"] == "150.00"
    assert zk.post(f"{A}/tarieven", params={"naam": "2016"}, content=bestand).status_code == 201
    in_2016 = {x["prestatiecode"]: x["tarief"] for x in regels_per_jaar(api_beide, 2016)}
    assert in_2016["4VV"] == "151.00" and in_2016["5VV"] is None
    in_2015 = {x["prestatiecode"]: x["tarief"] for x in regels_per_jaar(api_beide, 2015)}
    assert in_2015["5VV"] == "165.00"  # 2015 untouched


def test_foute_tabel_dezelfde_meldingen_in_voorbeeld_en_laden_en_niets_opgeslagen(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    voor = aantal(api_beide, Tarieftabel)
    fout = KOP + "\n4VV;x;0;dag;2017-01-01;;b\n4VV;x;3;dag;2017-13-01;;b\n"  # an empty line 2 counts, as in an editor
    a = zk.post(f"{A}/tarieven/voorbeeld", params={"naam": "Fout"}, content=fout)
    c = zk.post(f"{A}/tarieven", params={"naam": "Fout"}, content=fout)
    assert a.status_code == c.status_code == 422
    assert a.json() == c.json()
    assert {f["veld"] for f in a.json()["fouten"]} == {"regel 3.tarief", "regel 4.ingangsdatum"}
    assert aantal(api_beide, Tarieftabel) == voor
    assert zk.post(f"{A}/tarieven/voorbeeld", params={"naam": " "}, content=BESTAND_2017).json() == {
        "fouten": [{"veld": "naam", "melding": "geef de tabel een naam"}]
    }
    assert zk.get(f"{A}/tarieven/jaar/2008").status_code == 422


def test_laden_op_een_verouderd_voorbeeld_wordt_geweigerd(api_beide: Api) -> None:
    zk = api_beide.als("zorgkantoor")
    oud = zk.get(f"{A}/tarieven").json()["id"]
    assert zk.post(f"{A}/tarieven", params={"naam": "eerst"}, content=BESTAND_2017).status_code == 201
    voor = aantal(api_beide, Tarieftabel)
    r = zk.post(f"{A}/tarieven", params={"naam": "later", "basis": oud}, content=BESTAND_2017)
    assert r.status_code == 409 and "voorbeeld opnieuw" in r.json()["fouten"][0]["melding"]
    assert aantal(api_beide, Tarieftabel) == voor


def test_twee_ladingen_op_dezelfde_versie_een_wordt_geweigerd(api_beide: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two loads that both read version N: the second is refused (409) instead of storing a table without the first
    one's years (unique vorige_id, SQLite and PostgreSQL)."""
    zk = api_beide.als("zorgkantoor")
    with api_beide.fabriek() as s:
        oud = s.scalars(select(Tarieftabel).order_by(Tarieftabel.id.desc())).first()
        assert oud is not None
        s.expunge(oud)
    assert zk.post(f"{A}/tarieven", params={"naam": "eerst"}, content=BESTAND_2017).status_code == 201
    voor = aantal(api_beide, Tarieftabel)
    monkeypatch.setattr(b, "_huidige_tabel", lambda uow: uow.sessie.merge(oud))  # it read N before the first stored
    r = zk.post(f"{A}/tarieven", params={"naam": "tegelijk"}, content=BESTAND_2017)
    assert r.status_code == 409, r.text
    assert aantal(api_beide, Tarieftabel) == voor
    with api_beide.fabriek() as s, pytest.raises(IntegrityError):  # the storage itself refuses it
        eerste = s.scalars(select(Tarieftabel).order_by(Tarieftabel.id.desc())).first()
        assert eerste is not None and eerste.vorige_id is not None
        s.add(
            Tarieftabel(
                naam="dubbel",
                regels=[],
                vingerafdruk="0" * 64,
                vorige_id=eerste.vorige_id,
                geladen_door_id=eerste.geladen_door_id,
                organisatie_id=eerste.organisatie_id,
                vastgelegd_op=eerste.vastgelegd_op,
            )
        )
        s.flush()


def test_twee_eerste_ladingen_tegelijk_een_wordt_geweigerd(api_beide: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two first loads, the second having read "no table yet" before the first was stored: the second is refused
    (409, the same message as any load another one beat) and the first table stays whole, instead of the second
    silently dropping its years (a unique vorige_id lets two NULLs through; the partial unique index
    uq_tarieftabel_eerste_lading of migration 0016 does not; SQLite and PostgreSQL)."""
    with api_beide.fabriek() as s, s.begin():
        s.execute(delete(Tarieftabel))  # a database without a tariff table
    zk, beheer = api_beide.als("zorgkantoor"), api_beide.als("beheerder")
    assert zk.get(f"{A}/tarieven").status_code == 404
    r = zk.post(f"{A}/tarieven", params={"naam": "eerst", "basis": 0}, content=BESTAND_2017)
    assert r.status_code == 201, r.text
    eerste = r.json()
    assert ("vorige_id" not in eerste, eerste["dekking"]) == (True, "2017")
    audit = api_beide.audit_aantal()
    monkeypatch.setattr(b, "_huidige_tabel", lambda uow: None)  # it read "no table" before the first was stored
    r = beheer.post(
        f"{A}/tarieven", params={"naam": "tegelijk", "basis": 0}, content=BESTAND_2017.replace("160", "170")
    )
    assert r.status_code == 409, r.text
    assert r.json()["fouten"][0]["melding"] == b.GEWIJZIGD
    monkeypatch.undo()
    assert [(a.actie, a.uitkomst) for a in api_beide.audit_sinds(audit)] == [("tarieftabel.laden", "conflict")]
    assert aantal(api_beide, Tarieftabel) == 1  # nothing of the second stored
    nu = zk.get(f"{A}/tarieven").json()  # the first table, whole
    assert (nu["id"], nu["naam"], nu["regels"], nu["dekking"]) == (eerste["id"], "eerst", eerste["regels"], "2017")
    assert regels_per_jaar(api_beide, 2017)[0]["tarief"] == "160.00"
