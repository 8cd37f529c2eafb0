"""Indicatieregister, notify and consume, end to end and offline: system A is the register (our own app with the demo),
system B a zorgkantoor's system (another database). respx stands in for the network: a token server (RFC0014),
the gateway in front of A's register and of B's netwerkpunt. Refused tokens, unknown ids, a register that is down
and malformed answers: never stored half."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from graphql import build_schema, find_breaking_changes, parse, validate
from sqlalchemy import func, select
from typer.testing import CliRunner

from tests.api.conftest import Api
from tests.conftest import Klok
from tests.register.conftest import REGISTER_KLOK
from tests.register.test_serveren import REGISTER, wlz_besluiten
from tests.sjablonen import Sjablonen, demo
from zorgzwaarte.diensten.register import MAX_POGINGEN, actor_van_gebruiker
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.iwlz.register.netwerk import NetwerkFout, OnbekendeIndicatie
from zorgzwaarte.iwlz.register.schema import schema
from zorgzwaarte.iwlz.register.werk import bezorg_wachtende, haal_en_bewaar
from zorgzwaarte.opslag.modellen import Beoordeling, Indicatiebesluit, NotificatieIn, Organisatie

REGISTER_URL = "https://register.test/iwlz/indicatieregister/v2/graphql"
TOKEN_URL = "https://token.test/auth/token"
NETWERKPUNT_ZK = "https://zorgkantoor.test/netwerkpunt/graphql"
TOKEN = "tok-123"
OFFICIEEL_NETWERKPUNT = REGISTER / "iWlz-generiek" / "gql-specificatie" / "netwerkpunt.graphql"


@dataclass
class Netwerk:
    a: Api  # the register (CIZ side)
    b: Api  # the zorgkantoor's system
    mock: respx.MockRouter
    token_verzoeken: list[dict[str, Any]]
    notificaties: list[dict[str, Any]]

    def actor_b(self) -> Any:
        with self.b.fabriek() as s:
            return actor_van_gebruiker(s, "zorgkantoor")

    def haal(self, wlz_id: str) -> dict[str, Any]:
        return haal_en_bewaar(self.b.fabriek, self.b.klok, self.actor_b(), wlz_id)

    def tellingen(self) -> tuple[int, int]:
        with self.b.fabriek() as s:
            return (
                int(s.scalar(select(func.count()).select_from(Indicatiebesluit)) or 0),
                int(s.scalar(select(func.count()).select_from(Beoordeling)) or 0),
            )


def _doorsturen(client: Any, pad: str, request: httpx.Request) -> httpx.Response:
    """The stand-in gateway: checks the network token, then hands the request to the app behind it."""
    if request.headers.get("authorization") != f"Bearer {TOKEN}":
        return httpx.Response(401, json={"errors": [{"message": "token ontbreekt of ongeldig"}]})
    r = client.post(
        pad,
        content=request.content,
        headers={"content-type": "application/json", "accept": request.headers.get("accept", "")},
    )
    return httpx.Response(r.status_code, content=r.content, headers={"content-type": r.headers["content-type"]})


@pytest.fixture
def netwerk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sjablonen: Sjablonen) -> Iterator[Netwerk]:
    engines = []
    apis = []
    for naam in ("a", "b"):
        # the demo as Api makes it; each system its own (a demo draws its own UUIDs)
        e = sjablonen.sqlite(tmp_path / f"{naam}.sqlite", *demo(10, REGISTER_KLOK.date(), systeem=naam))
        engines.append(e)
        apis.append(Api(e, Klok(REGISTER_KLOK)))
    a, b = apis
    with a.fabriek() as s:
        zk = s.scalars(select(Organisatie).where(Organisatie.soort == "zorgkantoor")).one()
        zk.notificatie_url = NETWERKPUNT_ZK
        s.commit()
    for sleutel, waarde in {
        "ZORGZWAARTE_REGISTER_URL": REGISTER_URL,
        "ZORGZWAARTE_IWLZ_TOKEN_URL": TOKEN_URL,
        "ZORGZWAARTE_IWLZ_AFZENDER": "KVK:12345678",
        "ZORGZWAARTE_IWLZ_WACHT": "0",
    }.items():
        monkeypatch.setenv(sleutel, waarde)
    token_verzoeken: list[dict[str, Any]] = []
    notificaties: list[dict[str, Any]] = []

    def token_server(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        token_verzoeken.append(body)
        if body.get("grant_type") != "client_credentials" or not body.get("audience"):
            return httpx.Response(400, text="audience is required")
        return httpx.Response(200, json={"access_token": TOKEN, "token_type": "bearer", "expires_in": 3600})

    def netwerkpunt_b(request: httpx.Request) -> httpx.Response:
        notificaties.append(json.loads(request.content))
        return _doorsturen(b.als("zorgkantoor"), "/api/v1/iwlz/netwerkpunt/graphql", request)

    with respx.mock(assert_all_called=False, assert_all_mocked=True) as mock:
        mock.post(TOKEN_URL, name="token").mock(side_effect=token_server)
        mock.post(REGISTER_URL, name="register").mock(
            side_effect=lambda r: _doorsturen(a.als("zorgkantoor"), "/api/v1/iwlz/indicatieregister/graphql", r)
        )
        mock.post(NETWERKPUNT_ZK, name="netwerkpunt").mock(side_effect=netwerkpunt_b)
        yield Netwerk(a, b, mock, token_verzoeken, notificaties)
    for e in engines:
        e.dispose()


def test_netwerkpunt_schema_gelijkwaardig_aan_iwlz_generiek() -> None:
    officieel = build_schema(OFFICIEEL_NETWERKPUNT.read_text(encoding="utf-8"))
    assert find_breaking_changes(officieel, schema("netwerkpunt")) == []
    assert find_breaking_changes(schema("netwerkpunt"), officieel) == []


def test_ophalen_als_io31_met_token_volgens_rfc0014(netwerk: Netwerk) -> None:
    """QIR-0001 with an OAuth2 client-credentials token (scope, audience); stored like an IO31 import, audited."""
    b_a = wlz_besluiten(netwerk.a)[0]
    uit = netwerk.haal(b_a["wlzindicatie_id"])
    assert uit["nieuw"] is True
    assert netwerk.token_verzoeken == [
        {
            "grant_type": "client_credentials",
            "scope": "registers/wlzindicatieregister/indicaties/indicatie:read",
            "audience": REGISTER_URL,
        }
    ]
    ib = uit["indicatiebesluit"]
    assert ib["extern"] and ib["wlzindicatie_id"] == b_a["wlzindicatie_id"] and ib["stelsel"] == "Wlz"
    assert ib["zzp_code"] == b_a["zzp_code"] and ib["geldig_van"] == b_a["geldig_van"]
    assert ib["resultaat"]["bron"] == "iWlz Indicatieregister"
    assert netwerk.b.als("zorgkantoor").get(f"/api/v1/indicatiebesluiten/{ib['id']}").status_code == 200
    audit = [x for x in netwerk.b.audit_sinds(0) if x.actie == "register.ophalen"]
    assert [(x.client_id, x.uitkomst) for x in audit] == [(uit["client"]["id"], "toegestaan")]


def test_tweemaal_dezelfde_versie_een_keer_nieuwere_vervangt_bitemporeel(netwerk: Netwerk) -> None:
    b_a = wlz_besluiten(netwerk.a)[0]
    eerste = netwerk.haal(b_a["wlzindicatie_id"])
    tellingen = netwerk.tellingen()
    assert netwerk.haal(b_a["wlzindicatie_id"])["nieuw"] is False
    assert netwerk.tellingen() == tellingen
    r = netwerk.a.als("beoordelaar").post(
        f"/api/v1/indicatiebesluiten/{b_a['id']}/vervallen", json={"vervaldatum": "2017-06-30", "versie": b_a["versie"]}
    )
    assert r.status_code == 200, r.text
    tweede = netwerk.haal(b_a["wlzindicatie_id"])
    assert tweede["nieuw"] is True and tweede["indicatiebesluit"]["vervaldatum"] == "2017-06-30"
    oud = netwerk.b.als("zorgkantoor").get(f"/api/v1/indicatiebesluiten/{eerste['indicatiebesluit']['id']}").json()
    assert oud["status"] == "vervangen" and oud["vervangen_door_id"] == tweede["indicatiebesluit"]["id"]
    assert oud["vastgelegd_op"] and tweede["indicatiebesluit"]["vastgelegd_op"]  # both versions kept


def test_geweigerd_token(netwerk: Netwerk) -> None:
    netwerk.mock.routes["token"].mock(return_value=httpx.Response(401, text="authenticating with issuing authority"))
    with pytest.raises(NetwerkFout) as fout:
        netwerk.haal(wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"])
    assert "weigerde het token (HTTP 401" in fout.value.melding and not fout.value.tijdelijk
    assert not netwerk.mock.routes["register"].called


def test_onbekend_id(netwerk: Netwerk) -> None:
    tellingen = netwerk.tellingen()
    with pytest.raises(OnbekendeIndicatie, match="kent geen WlzIndicatie"):
        netwerk.haal(str(uuid.uuid4()))
    with pytest.raises(InvoerFout) as fout:
        netwerk.haal("geen-uuid")
    assert fout.value.fouten[0].veld == "id"
    assert netwerk.tellingen() == tellingen


@pytest.mark.parametrize("storing", [httpx.Response(503), httpx.ConnectError("geen route")])
def test_register_plat_herhaalt_en_zegt_het_in_het_nederlands(netwerk: Netwerk, storing: Any) -> None:
    netwerk.mock.routes["register"].mock(side_effect=[storing] * 3)
    with pytest.raises(NetwerkFout) as fout:
        netwerk.haal(wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"])
    assert netwerk.mock.routes["register"].call_count == 3  # ZORGZWAARTE_IWLZ_POGINGEN, standaard 3
    assert (
        "het Indicatieregister is niet bereikbaar" in fout.value.melding
        and "probeer het later opnieuw" in fout.value.melding
    )
    assert fout.value.tijdelijk


def _antwoord(netwerk: Netwerk, wlz_id: str) -> dict[str, Any]:
    r = netwerk.a.als("zorgkantoor").post(
        "/api/v1/iwlz/indicatieregister/graphql",
        json={
            "query": __import__("zorgzwaarte.iwlz.register.sjablonen", fromlist=["x"]).query_tekst("QIR-0001"),
            "variables": {"wlzIndicatieID": wlz_id, "initieelVerantwoordelijkZorgkantoor": "5509"},
        },
    )
    return r.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("bederf", "veld"),
    [
        (lambda w: w.pop("bsn"), "wlzIndicatie.0.bsn"),
        (lambda w: w["client"].update(geslacht="7"), "wlzIndicatie.0.client.geslacht"),
        (lambda w: w["grondslag"][0].update(grondslag="99"), "wlzIndicatie.0.grondslag.0.grondslag"),
        (lambda w: w.update(ingangsdatum="2016-02-30"), "wlzIndicatie.0.ingangsdatum"),
        # issue 11 item 19: a decision about a day after today is refused, also from the register
        (lambda w: w.update(afgiftedatum="2999-01-01"), "wlzIndicatie.0.afgiftedatum"),
        (
            lambda w: w["geindiceerdZorgzwaartepakket"][0].update(zzpCode="000"),
            "wlzIndicatie.0.geindiceerdZorgzwaartepakket.0.zzpCode",
        ),
        (lambda w: w["client"].update(bsn="123456789"), "wlzIndicatie.0.client.bsn"),
        (
            lambda w: w["beperking"][0]["beperkingScore"][-1].update(beperkingScore="x"),
            "wlzIndicatie.0.beperking.0.beperkingScore",
        ),
    ],
)
def test_ongeldig_antwoord_slaat_niets_op(netwerk: Netwerk, bederf: Any, veld: str) -> None:
    wlz_id = wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"]
    body = _antwoord(netwerk, wlz_id)
    bederf(body["data"]["wlzIndicatie"][0])
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(200, json=body))
    tellingen = netwerk.tellingen()
    with pytest.raises(InvoerFout) as fout:
        netwerk.haal(wlz_id)
    assert any(f.veld.startswith(veld) for f in fout.value.fouten), fout.value.fouten
    assert all("ongeldig" in f.melding for f in fout.value.fouten)
    assert netwerk.tellingen() == tellingen


@pytest.mark.parametrize(
    "antwoord",
    [
        httpx.Response(200, content=b"<html>gateway</html>"),
        httpx.Response(200, json={"data": {"wlzIndicatie": [{}, {}]}}),
        httpx.Response(200, json={"data": None, "errors": [{"message": "kapot"}]}),
        httpx.Response(403, json={"errors": [{"message": "Request Does Not Match Scopes"}]}),
    ],
)
def test_onleesbaar_of_geweigerd_antwoord(netwerk: Netwerk, antwoord: httpx.Response) -> None:
    netwerk.mock.routes["register"].mock(return_value=antwoord)
    tellingen = netwerk.tellingen()
    with pytest.raises(NetwerkFout):
        netwerk.haal(wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"])
    assert netwerk.tellingen() == tellingen


def test_notificatie_van_vastleggen_tot_ophalen(netwerk: Netwerk) -> None:
    """A ends a Wlz decision: the outbox gets VERVALLEN_INDICATIE_ZORGKANTOOR in the same transaction, no network call
    in that request; the delivery pass sends zendNotificatie (valid against iWlz-generiek v1.1) to B's netwerkpunt,
    which stores it once and fetches the indication from A; the beheerder of A sees 'bezorgd'."""
    b_a = wlz_besluiten(netwerk.a)[0]
    r = netwerk.a.als("beoordelaar").post(
        f"/api/v1/indicatiebesluiten/{b_a['id']}/vervallen", json={"vervaldatum": "2017-06-30", "versie": b_a["versie"]}
    )
    assert r.status_code == 200 and not netwerk.mock.calls  # nothing went over the network while recording
    (wachtend,) = netwerk.a.als("beheerder").get("/api/v1/iwlz/notificaties").json()
    assert wachtend["status"] == "wachtend" and wachtend["event_type"] == "VERVALLEN_INDICATIE_ZORGKANTOOR"
    assert wachtend["subject"] == f"WlzIndicatie/{b_a['wlzindicatie_id']}"

    uit = bezorg_wachtende(netwerk.a.fabriek, netwerk.a.klok)
    assert uit["bezorgd"] == 1, uit
    (verzonden,) = netwerk.notificaties
    officieel = build_schema(OFFICIEEL_NETWERKPUNT.read_text(encoding="utf-8"))
    assert validate(officieel, parse(verzonden["query"])) == []
    invoer = verzonden["variables"]["notificatieInput"]
    assert invoer["ontvangerIDType"] == "UZOVI" and invoer["ontvangerID"] == "5509"
    assert invoer["afzenderIDType"] == "KVK" and invoer["subjectList"] == [
        {"subject": "WlzIndicatie", "recordID": b_a["wlzindicatie_id"]}
    ]
    assert {
        "scope": "organisaties/zorgkantoor/notificaties/notificatie:create",
        "audience": NETWERKPUNT_ZK,
    }.items() <= netwerk.token_verzoeken[0].items()
    (bezorgd,) = netwerk.a.als("beheerder").get("/api/v1/iwlz/notificaties").json()
    assert bezorgd["status"] == "bezorgd" and bezorgd["pogingen"] == 1
    with netwerk.b.fabriek() as s:
        (ontvangen,) = s.scalars(select(NotificatieIn)).all()
        assert ontvangen.status == "verwerkt" and ontvangen.record_id == b_a["wlzindicatie_id"]
        opgehaald = s.get(Indicatiebesluit, ontvangen.indicatiebesluit_id)
        assert (
            opgehaald is not None
            and opgehaald.vervaldatum is not None
            and opgehaald.vervaldatum.isoformat() == "2017-06-30"
        )
    # the same notification again: accepted, stored once, nothing fetched again
    voor = netwerk.mock.routes["register"].call_count
    r = netwerk.b.als("zorgkantoor").post("/api/v1/iwlz/netwerkpunt/graphql", json=verzonden)
    assert r.status_code == 200 and r.json()["data"]["zendNotificatie"]["notificatieID"] == ontvangen.notificatie_id
    assert netwerk.mock.routes["register"].call_count == voor
    assert [x.actie for x in netwerk.a.audit_sinds(0)].count("register.notificatie_bezorgen") == 1


def test_bezorging_mislukt_wacht_oplopend_en_stopt(netwerk: Netwerk) -> None:
    b_a = wlz_besluiten(netwerk.a)[0]
    netwerk.a.als("beoordelaar").post(
        f"/api/v1/indicatiebesluiten/{b_a['id']}/vervallen", json={"vervaldatum": "2017-06-30", "versie": b_a["versie"]}
    )
    netwerk.mock.routes["netwerkpunt"].mock(return_value=httpx.Response(502))
    assert bezorg_wachtende(netwerk.a.fabriek, netwerk.a.klok)["niet_bezorgd"] == 1
    (n,) = netwerk.a.als("beheerder").get("/api/v1/iwlz/notificaties").json()
    assert n["status"] == "wachtend" and n["pogingen"] == 1 and "niet bereikbaar" in n["laatste_fout"]
    assert bezorg_wachtende(netwerk.a.fabriek, netwerk.a.klok) == {"bezorgd": 0, "niet_bezorgd": 0, "meldingen": []}
    for _ in range(MAX_POGINGEN - 1):
        netwerk.a.klok.moment += timedelta(days=1)
        bezorg_wachtende(netwerk.a.fabriek, netwerk.a.klok)
    netwerk.a._clients.clear()  # the login expired while the clock ran on
    (n,) = netwerk.a.als("beheerder").get("/api/v1/iwlz/notificaties").json()
    assert n["status"] == "mislukt" and n["pogingen"] == MAX_POGINGEN
    r = netwerk.a.als("beheerder").post(f"/api/v1/iwlz/notificaties/{n['id']}/opnieuw")
    assert r.status_code == 200 and r.json()["status"] == "wachtend"


def _notificatie(record_id: str, ontvanger: str = "5509") -> dict[str, Any]:
    """A zendNotificatie input from the register (KVK 12345678) for a zorgkantoor, about one WlzIndicatie."""
    return {
        "timestamp": "2017-01-02T08:00:00Z",
        "afzenderIDType": "KVK",
        "afzenderID": "12345678",
        "ontvangerIDType": "UZOVI",
        "ontvangerID": ontvanger,
        "eventType": "NIEUWE_INDICATIE_ZORGKANTOOR",
        "subjectList": [{"subject": "WlzIndicatie", "recordID": record_id}],
    }


def test_netwerkpunt_weigert_wat_niet_voor_ons_is(netwerk: Netwerk) -> None:
    zk = netwerk.b.als("zorgkantoor")
    invoer = _notificatie(str(uuid.uuid4()), ontvanger="5501")
    q = "mutation($n: NotificatieInput!) { zendNotificatie(notificatieInput: $n) { notificatieID } }"
    r = zk.post("/api/v1/iwlz/netwerkpunt/graphql", json={"query": q, "variables": {"n": invoer}})
    assert r.status_code == 403 and "niet voor uw organisatie" in r.json()["errors"][0]["message"]
    r = zk.post("/api/v1/iwlz/netwerkpunt/graphql", json={"query": "{ _empty }"})
    assert r.status_code == 403
    r = netwerk.b.anoniem.post("/api/v1/iwlz/netwerkpunt/graphql", json={"query": q, "variables": {"n": invoer}})
    assert r.status_code == 401
    with netwerk.b.fabriek() as s:
        assert not s.scalar(select(func.count()).select_from(NotificatieIn))


def test_notificatie_ontvangen_terwijl_register_plat_en_later_verwerkt(netwerk: Netwerk) -> None:
    wlz_id = wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"]
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(503))
    invoer = _notificatie(wlz_id)
    q = "mutation($n: NotificatieInput!) { zendNotificatie(notificatieInput: $n) { notificatieID eventType } }"
    r = netwerk.b.als("zorgkantoor").post(
        "/api/v1/iwlz/netwerkpunt/graphql", json={"query": q, "variables": {"n": invoer}}
    )
    assert r.status_code == 200 and r.json()["data"]["zendNotificatie"]["eventType"] == "NIEUWE_INDICATIE_ZORGKANTOOR"
    with netwerk.b.fabriek() as s:
        (n,) = s.scalars(select(NotificatieIn)).all()
        assert n.status == "open" and "niet bereikbaar" in (n.laatste_fout or "")
    netwerk.mock.routes["register"].mock(
        side_effect=lambda req: _doorsturen(netwerk.a.als("zorgkantoor"), "/api/v1/iwlz/indicatieregister/graphql", req)
    )
    netwerk.b.klok.moment += timedelta(hours=1)
    uitvoer = CliRunner().invoke(
        __import__("zorgzwaarte.cli.main", fromlist=["app"]).app,
        ["iwlz", "register", "verwerk", "--gebruiker", "zorgkantoor"],
        env={"ZORGZWAARTE_DATABASE_URL": str(netwerk.b.engine.url)},
    )
    assert uitvoer.exit_code == 0, uitvoer.output
    assert json.loads(uitvoer.stdout)["verwerkt"] == 1


def test_cli_haal(netwerk: Netwerk) -> None:
    from zorgzwaarte.cli.main import app

    wlz_id = wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"]
    env = {"ZORGZWAARTE_DATABASE_URL": str(netwerk.b.engine.url)}
    uit = CliRunner().invoke(app, ["iwlz", "register", "haal", "--id", wlz_id, "--gebruiker", "zorgkantoor"], env=env)
    assert uit.exit_code == 0, uit.output
    assert json.loads(uit.stdout)["wlzindicatie_id"] == wlz_id and json.loads(uit.stdout)["opgeslagen"] is True
    uit = CliRunner().invoke(app, ["iwlz", "register", "haal", "--id", wlz_id, "--gebruiker", "zorgkantoor"], env=env)
    assert json.loads(uit.stdout)["opgeslagen"] is False
    uit = CliRunner().invoke(app, ["iwlz", "register", "haal", "--id", "x", "--gebruiker", "zorgkantoor"], env=env)
    assert uit.exit_code == 2 and json.loads(uit.stderr)["fouten"][0]["veld"] == "id"
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(503))
    uit = CliRunner().invoke(app, ["iwlz", "register", "haal", "--id", wlz_id, "--gebruiker", "zorgkantoor"], env=env)
    assert uit.exit_code == 1 and "niet bereikbaar" in json.loads(uit.stderr)["fouten"][0]["melding"]


def test_afgiftedatum_na_vandaag_geweigerd_op_elke_weg(netwerk: Netwerk) -> None:
    """Issue 11 item 19: a WlzIndicatie from the register with an afgiftedatum after today (the Dutch day of the
    clock) is refused, naming the field, before anything is stored: fetched on demand, after a notification at the
    netwerkpunt (the reason is kept with the notification) and by the CLI (exit 2). Today itself is accepted."""
    from zorgzwaarte.cli.main import app

    wlz_id = wlz_besluiten(netwerk.a)[0]["wlzindicatie_id"]
    body = _antwoord(netwerk, wlz_id)
    vandaag = netwerk.b.klok.moment.date()
    body["data"]["wlzIndicatie"][0]["afgiftedatum"] = (vandaag + timedelta(days=1)).isoformat()
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(200, json=body))
    tellingen = netwerk.tellingen()
    verwacht = [
        (
            "wlzIndicatie.0.afgiftedatum",
            "het antwoord van het Indicatieregister is ongeldig: ligt in de toekomst (3 januari 2017); "
            "een besluit gaat over een onderzoek dat al is gedaan",
        )
    ]
    with pytest.raises(InvoerFout) as fout:
        netwerk.haal(wlz_id)
    assert [(f.veld, f.melding) for f in fout.value.fouten] == verwacht
    assert netwerk.tellingen() == tellingen

    invoer = _notificatie(wlz_id)
    q = "mutation($n: NotificatieInput!) { zendNotificatie(notificatieInput: $n) { notificatieID } }"
    r = netwerk.b.als("zorgkantoor").post(
        "/api/v1/iwlz/netwerkpunt/graphql", json={"query": q, "variables": {"n": invoer}}
    )
    assert r.status_code == 200, r.text  # the notification itself is fine; the fetch after it is refused
    with netwerk.b.fabriek() as s:
        (n,) = s.scalars(select(NotificatieIn)).all()
        assert n.status == "open" and n.indicatiebesluit_id is None
        assert n.laatste_fout == f"{verwacht[0][0]}: {verwacht[0][1]}"
    assert netwerk.tellingen() == tellingen

    # the CLI runs on the real clock: a day far ahead
    body["data"]["wlzIndicatie"][0]["afgiftedatum"] = "2999-01-01"
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(200, json=body))
    env = {"ZORGZWAARTE_DATABASE_URL": str(netwerk.b.engine.url)}
    uit = CliRunner().invoke(app, ["iwlz", "register", "haal", "--id", wlz_id, "--gebruiker", "zorgkantoor"], env=env)
    assert uit.exit_code == 2 and not uit.stdout
    (f,) = json.loads(uit.stderr)["fouten"]
    assert f["veld"] == "wlzIndicatie.0.afgiftedatum" and "ligt in de toekomst (1 januari 2999)" in f["melding"]
    assert netwerk.tellingen() == tellingen

    body["data"]["wlzIndicatie"][0]["afgiftedatum"] = vandaag.isoformat()
    netwerk.mock.routes["register"].mock(return_value=httpx.Response(200, json=body))
    assert netwerk.haal(wlz_id)["nieuw"] is True
