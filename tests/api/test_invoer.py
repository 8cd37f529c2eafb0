"""Typed service input (issue 13, item 3): the adapter reads the body with `ontvang`, the service takes the model.

A refused body keeps the order of checks of the service (role and record before input) and is audited as the
attempt it was; nothing is stored."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api
from zorgzwaarte.diensten.invoer import Geweigerd, aanvaard, ontvang
from zorgzwaarte.domein.records import ClientWijziging, Versie
from zorgzwaarte.fouten import InvoerFout


def test_ontvang_geeft_het_model_of_de_weigering() -> None:
    model = Versie(versie=3)
    assert ontvang(Versie, model) is model
    assert ontvang(Versie, {"versie": 3}) == model
    geweigerd = ontvang(Versie, {"versie": 0})
    assert isinstance(geweigerd, Geweigerd)
    with pytest.raises(InvoerFout) as fout:
        aanvaard(Versie, geweigerd)
    assert [(f.veld, f.melding) for f in fout.value.fouten] == [("versie", "moet minimaal 1 zijn")]
    assert aanvaard(Versie, {"versie": 2}) == Versie(versie=2)  # an in-process caller may give raw JSON
    voorvoegsel = ontvang(ClientWijziging, [], "client.")
    assert isinstance(voorvoegsel, Geweigerd)
    assert voorvoegsel.fout.fouten[0].veld == "client"


def test_geweigerde_invoer_wordt_geaudit_als_de_poging_zelf(api: Api) -> None:
    """A body that does not fit ClientWijziging: 422 with the field, one audit line of client.wijzigen with the
    client, uitkomst ongeldig; the record is unchanged."""
    c = api.eerste_client("beoordelaar")
    n = api.audit_aantal()
    r = api.als("beoordelaar").patch(f"/api/v1/clienten/{c['id']}", json={"versie": c["versie"], "postcode": 12})
    assert r.status_code == 422, r.text
    assert r.json()["fouten"][0]["veld"] == "postcode"
    assert [(a.actie, a.uitkomst, a.client_id) for a in api.audit_sinds(n)] == [
        ("client.wijzigen", "ongeldig", c["id"])
    ]
    assert api.als("beoordelaar").get(f"/api/v1/clienten/{c['id']}").json()["versie"] == c["versie"]


def test_rol_en_record_gaan_voor_de_invoer(api: Api) -> None:
    """The service checks role and record before it takes the input: a role without the right gets 403 and an
    unknown record 404, also with a body that does not fit."""
    beheerder = api.als("beheerder")  # logged in before counting: the login has its own audit line
    n = api.audit_aantal()
    r = beheerder.post("/api/v1/clienten", json={"bsn": 1})
    assert r.status_code == 403, r.text
    assert [(a.actie, a.uitkomst) for a in api.audit_sinds(n)] == [("client.aanmaken", "geweigerd")]
    r = api.als("beoordelaar").patch("/api/v1/clienten/999999", json={"versie": "x"})
    assert r.status_code == 404, r.text
