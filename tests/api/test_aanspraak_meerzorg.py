"""POST /aanspraken/meerzorg with a Wlz peildatum follows the Regeling langdurige zorg art. 2.2 (the same rule as the
web form and the CLI); an AWBZ peildatum keeps the Regeling zorgaanspraken art. 1a lid 2."""

from __future__ import annotations

from tests.api.conftest import Api


def test_meerzorg_wlz_via_api(api: Api) -> None:
    c = api.als("zorgkantoor")
    r = c.post(
        "/api/v1/aanspraken/meerzorg",
        json={
            "peildatum": "2015-03-01",
            "zzp": "4VV",
            "zzp_op_31_december_2014": "5VG",
            "zzp_uren_per_week": 20,
            "zorgbehoefte_uren_per_week": 25,
        },
    )
    assert r.status_code == 200, r.text
    uit = r.json()
    assert (uit["aanspraak"], uit["grond"], uit["regeling"]) == (True, "onder b", "Regeling langdurige zorg")
    assert uit["versie_gebruikt"]["adres"] == "https://wetten.overheid.nl/BWBR0036014/2014-12-29"
    assert any("zorgkantoor" in o for o in uit["opmerkingen"])  # lid 1 aanhef: the judgement is not taken
    awbz = c.post("/api/v1/aanspraken/meerzorg", json={"peildatum": "2014-12-31", "zzp": "6VV"}).json()
    assert awbz["regeling"] == "Regeling zorgaanspraken AWBZ" and awbz["artikel"] == "art. 1a lid 2"
    fout = c.post(
        "/api/v1/aanspraken/meerzorg", json={"peildatum": "2015-03-01", "zzp": "4VV", "zzp_op_31_december_2014": "12VV"}
    )
    assert fout.status_code == 422
    assert [f["veld"] for f in fout.json()["fouten"]] == ["zzp_op_31_december_2014"]
    lijst = {x["naam"]: x for x in c.get("/api/v1/aanspraken").json()}
    assert lijst["meerzorg"]["wlz_artikel"] == "Regeling langdurige zorg art. 2.2"
    assert [v["versie"] for v in lijst["meerzorg"]["wlz_versies"]] == ["2014-12-29", "2015-07-27"]
