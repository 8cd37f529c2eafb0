"""IO31 out and in, valid against the national XSD for every code path (iWlz 2.2)."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest
from lxml import etree

from tests.cli.helpers import fouten, zorgzwaarte
from tests.conftest import TESTS, laad_gevallen
from tests.iwlz.conftest import valideer_xsd
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.iwlz.lezen import io31_lezen
from zorgzwaarte.iwlz.uitwisseling import exporteer_io31

CLIENT = {
    "bsn": "999990019",
    "geboortedatum": "1938-05-02",
    "geslacht": "2",
    "naam": {"geslachtsnaam": "Jansen", "voorvoegsel": "de", "voorletters": "M.A."},
    "adres": {"straat": "Demostraat", "huisnummer": "12a", "postcode": "3511 AB", "woonplaats": "Utrecht"},
}
VIGNETTEN = {v["zzp"]: v["invoer"] for v in laad_gevallen(TESTS / "regels" / "cases" / "vignetten_awbz_2014.yaml")}
WLZ = {v["zzp"]: v["invoer"] for v in laad_gevallen(TESTS / "regels" / "cases" / "vignetten_wlz_2016.yaml")}
THUIS = {
    "peildatum": "2014-03-10",
    "grondslagen": ["01", "04"],
    "beperkingscores": {"0301": 3, "0201": 2},
    "stoornisscores": {"0301": 2},
    "zorgmomenten": [
        {"per_week": 7, "handelingen": ["PV-1.1-2", "PV-1.2-1"]},
        {"per_week": 7, "handelingen": ["VP-1.2-5"]},
    ],
    "vp_medische_noodzaak": True,
}
GROEP = {
    "peildatum": "2014-03-10",
    "grondslagen": ["02"],
    "stoornisscores": {"0101": 2},
    "leefklimaat": {"permanent_toezicht": True},
    "etmalen_per_week": 2,
    "ontlasting_mantelzorger_nodig": True,
    "dagdelen": {"begeleiding_groep": 4, "behandeling_groep": 2, "vervoer": True},
    "behandeling_individueel": {"doel": "consultatie"},
    "begeleiding_individueel": {"uren_per_week": 3, "activiteiten": ["structuur_regie"]},
}
AFGEWEZEN = {"peildatum": "2014-03-10", "grondslagen": ["07"]}

PADEN = {
    "thuis PV en VP (klassen K)": THUIS,
    "groep, KVB en BH (KD, KE, 99)": GROEP,
    "afgewezen": AFGEWEZEN,
    "verblijf 5VV (AWBZ)": VIGNETTEN["5VV"],
    "verblijf 8VG met meerzorg": VIGNETTEN["8VG"],
    "Wlz 2016 zorgprofiel": WLZ["6LG"],
    "Wlz 2016 GGZ-B drie jaar": WLZ["4GGZB"],
}


@pytest.mark.parametrize("beoordeling", PADEN.values(), ids=PADEN.keys())
def test_io31_geldig_en_terug_te_lezen(beoordeling: dict[str, Any]) -> None:
    xml = exporteer_io31({"client": CLIENT, "beoordeling": beoordeling})
    assert valideer_xsd(xml, "io31") == []
    terug = io31_lezen(xml)
    assert terug["client"]["bsn"] == CLIENT["bsn"] and terug["client"]["geboortedatum"] == CLIENT["geboortedatum"]
    assert terug["client"]["naam"]["geslachtsnaam"] == "Jansen" and terug["client"]["naam"]["voorvoegsel"] == "de"
    assert terug["grondslagen"] == beoordeling["grondslagen"][:2]
    assert terug["stoornisscores"] == {k: int(v) for k, v in (beoordeling.get("stoornisscores") or {}).items()}
    assert terug["beperkingscores"] == {k: int(v) for k, v in (beoordeling.get("beperkingscores") or {}).items()}


def test_io31_functies_en_zzp_komen_terug() -> None:
    thuis = io31_lezen(exporteer_io31({"client": CLIENT, "beoordeling": THUIS}))
    assert {(f["functie"], f["klasse_code"]) for f in thuis["functies"]} == {
        ("PV", "K2"),
        ("VP", "K1"),
    }  # 220,5 en 70 minuten per week
    assert thuis["zzp"] is None
    groep = io31_lezen(exporteer_io31({"client": CLIENT, "beoordeling": GROEP}))
    assert {f["functie"]: f["klasse_code"] for f in groep["functies"]} == {
        "BG-IND": "K2",
        "BH-IND": "99",
        "BH-GRP": "KD02",
        "BG-GRP": "KD04",
        "KVB": "KE2",
    }
    verblijf = io31_lezen(exporteer_io31({"client": CLIENT, "beoordeling": VIGNETTEN["5VV"]}))
    assert (
        verblijf["zzp"]["code"] == "5VV"
        and verblijf["zzp"]["cod163"] == "754"
        and verblijf["zzp"]["klasse_code"] == "KE7"
    )
    assert verblijf["indicatie"]["meerzorg"] is False
    assert (
        io31_lezen(exporteer_io31({"client": CLIENT, "beoordeling": VIGNETTEN["8VG"]}))["indicatie"]["meerzorg"] is True
    )


def test_io31_kopvelden() -> None:
    xml = exporteer_io31(
        {"client": CLIENT, "beoordeling": THUIS},
        ontvanger="5521",
        besluitnummer=4711,
        dagtekening=__import__("datetime").date(2014, 3, 11),
    )
    gelezen = io31_lezen(xml)
    assert gelezen["header"] == {
        "ontvanger": "5521",
        "identificatie": gelezen["header"]["identificatie"],
        "dagtekening": "2014-03-11",
    }
    assert len(gelezen["header"]["identificatie"]) <= 12 and gelezen["indicatie"]["besluitnummer"] == 4711
    assert xml == exporteer_io31(
        {"client": CLIENT, "beoordeling": THUIS},
        ontvanger="5521",
        besluitnummer=4711,
        dagtekening=__import__("datetime").date(2014, 3, 11),
    )  # deterministic


def test_cli_export_en_import(tmp_path: Any) -> None:
    p = zorgzwaarte("iwlz", "export", "io31", "-", invoer=json.dumps({"client": CLIENT, "beoordeling": THUIS}))
    assert p.returncode == 0, p.stderr
    assert valideer_xsd(p.stdout.encode(), "io31") == []
    bestand = tmp_path / "io31.xml"
    bestand.write_text(p.stdout, encoding="utf-8")
    q = zorgzwaarte("iwlz", "import", str(bestand))
    assert q.returncode == 0, q.stderr
    uit = json.loads(q.stdout)
    assert {"client", "grondslagen", "stoornisscores", "beperkingscores", "zzp", "functies"} <= set(uit)


def _bederf(xml: bytes, pad: str, waarde: str) -> bytes:
    boom = etree.fromstring(xml)
    ns = {
        "io31": "http://www.istandaarden.nl/iwlz/2_2/io31/schema",
        "iwlz": "http://www.istandaarden.nl/iwlz/2_2/basisschema/schema",
    }
    boom.xpath(pad, namespaces=ns)[0].text = waarde
    return etree.tostring(boom)


@pytest.mark.parametrize(
    ("pad", "waarde", "in_veld"),
    [
        ("//io31:Bsn", "123456789", "Bsn"),
        ("//io31:Geboortedatum/iwlz:Datum", "1938-02-30", "Datum"),
        ("//io31:StoornisScore/io31:Score", "7", "Score"),
        ("//io31:GeindiceerdeFunctie/io31:FunctieCode", "99", "FunctieCode"),
        ("//io31:Header/io31:Ontvanger", "1234", "Ontvanger"),
    ],
)
def test_io31_ongeldig_element_met_pad(pad: str, waarde: str, in_veld: str) -> None:
    xml = _bederf(exporteer_io31({"client": CLIENT, "beoordeling": THUIS}), pad, waarde)
    with pytest.raises(InvoerFout) as fout:
        io31_lezen(xml)
    assert any(in_veld in f.veld and f.veld.startswith("/") for f in fout.value.fouten), fout.value.fouten


def test_cli_import_foutpaden(tmp_path: Any) -> None:
    assert "geen geldige XML" in fouten(zorgzwaarte("iwlz", "import", "-", invoer="<kapot"))["bestand"]
    meldingen = fouten(zorgzwaarte("iwlz", "import", "-", invoer="<a xmlns='x'/>"))
    assert "geen IO31" in next(iter(meldingen.values()))
    slecht = _bederf(exporteer_io31({"client": CLIENT, "beoordeling": THUIS}), "//io31:Bsn", "123")
    meldingen = fouten(zorgzwaarte("iwlz", "import", "-", invoer=slecht.decode()))
    assert any("Bsn" in veld for veld in meldingen)
    assert "bestaat niet" in fouten(zorgzwaarte("iwlz", "import", str(tmp_path / "x.xml")))["bestand"]


def test_cli_export_foutpaden() -> None:
    kapot = copy.deepcopy({"client": CLIENT, "beoordeling": THUIS})
    kapot["client"]["bsn"] = "111"
    kapot["beoordeling"]["grondslagen"] = ["99"]
    meldingen = fouten(zorgzwaarte("iwlz", "export", "io31", "-", invoer=json.dumps(kapot)))
    assert "client.bsn" in meldingen
    goed_client = {"client": CLIENT, "beoordeling": {**THUIS, "grondslagen": ["99"]}}
    assert "beoordeling.grondslagen.0" in fouten(
        zorgzwaarte("iwlz", "export", "io31", "-", invoer=json.dumps(goed_client))
    )
    assert "ontvanger" in fouten(
        zorgzwaarte(
            "iwlz",
            "export",
            "io31",
            "-",
            "--ontvanger",
            "9999",
            invoer=json.dumps({"client": CLIENT, "beoordeling": THUIS}),
        )
    )


def test_io31_groepszorg_zonder_opgave_vervoer_geweigerd() -> None:
    """iWlz CD022/CS107: with groepszorg the IO31 says whether transport is needed (1/2); never 'onbekend'."""
    zonder = copy.deepcopy(GROEP)
    del zonder["dagdelen"]["vervoer"]
    with pytest.raises(InvoerFout) as e:
        exporteer_io31({"client": CLIENT, "beoordeling": zonder})
    assert [f.veld for f in e.value.fouten] == ["beoordeling.dagdelen.vervoer"]


def test_io31_met_toezicht_bij_thuisbeademing_geweigerd() -> None:
    """BIA 2014 bijlage 5 §5.4 gives toezicht bij thuisbeademing in dagdelen; iWlz 2.2 has no such line for
    verpleging (TR008, TR035, TR101): the export refuses with a Dutch message instead of breaking the rules."""
    toezicht = copy.deepcopy(THUIS) | {
        "bijzondere_zorg": ["chronische_invasieve_beademing"],
        "toezicht_thuisbeademing": {
            "dagdelen_per_week": 4,
            "noodzaak_permanent_toezicht": True,
            "toezicht_door_mantelzorg_in_huishouden": True,
            "ontlasting_mantelzorg_nodig": True,
            "positief_advies_centrum_thuisbeademing": True,
            "andere_vormen_toezicht_niet_doelmatig": True,
        },
    }
    with pytest.raises(InvoerFout) as e:
        exporteer_io31({"client": CLIENT, "beoordeling": toezicht})
    ((veld, melding),) = [(f.veld, f.melding) for f in e.value.fouten]
    assert veld == "beoordeling.toezicht_thuisbeademing"
    assert melding.startswith("dit besluit kan niet als iWlz-bericht IO31 worden verstuurd")
    for nodig in ("BIA 2014 bijlage 5 §5.4", "TR008", "TR035, TR101", "Stuur het zorgkantoor daarom de besluitbrief"):
        assert nodig in melding


def test_toezicht_bij_thuisbeademing_heeft_geen_plaats_in_iwlz_2_2() -> None:
    """Why the export refuses, with the official XSD and business rules as the oracle: every way to put the toezicht
    (here 4 dagdelen, KD04; BIA 2014 bijlage 5 §5.4) into the IO31 of a decision with verpleging in hours is valid
    XML but breaks an iWlz 2.2 rule. A second line 41: TR008 (41 takes K0-K7), TR035 (overlap), TR101 (same key).
    The dagdelen instead of the hours: TR008. The dagdelen as Opslag on the hour klasse: TR010 (only on K7)."""
    import xmlschema

    from tests.iwlz.conftest import XSD_MAP, bedrijfsregels

    def overtreden(doc: Any) -> set[str]:
        """The rules broken by a message that the XSD alone accepts."""
        xml = etree.tostring(doc)
        assert not list(xmlschema.XMLSchema(str(XSD_MAP / "IO31.xsd")).iter_errors(xml))
        return {r.split(":")[0] for r in bedrijfsregels(xml, "io31")}

    xml = exporteer_io31({"client": CLIENT, "beoordeling": THUIS})
    assert bedrijfsregels(xml, "io31") == []

    def met_vp() -> tuple[Any, Any]:
        doc = etree.fromstring(xml)
        (vp,) = [f for f in doc.iter("{*}GeindiceerdeFunctie") if f.findtext("{*}FunctieCode") == "41"]
        return doc, vp

    doc, vp = met_vp()
    tweede = copy.deepcopy(vp)
    tweede.find("{*}Klasse").text = "KD04"
    vp.addnext(tweede)
    assert {"TR008", "TR035", "TR101"} <= overtreden(doc)

    doc, vp = met_vp()
    vp.find("{*}Klasse").text = "KD04"
    assert "TR008" in overtreden(doc)

    doc, vp = met_vp()
    klasse = vp.find("{*}Klasse")
    opslag = etree.Element(klasse.tag.replace("Klasse", "Opslag"))
    opslag.text = "4"
    klasse.addnext(opslag)
    assert "TR010" in overtreden(doc)


def test_io31_zonder_volledig_adres_geweigerd() -> None:
    """iWlz TR006: a Contact has a telephone number or an address with house number and postcode."""
    client = {**CLIENT, "adres": {"woonplaats": "Utrecht"}}
    with pytest.raises(InvoerFout) as e:
        exporteer_io31({"client": client, "beoordeling": THUIS})
    assert [f.veld for f in e.value.fouten] == ["client.adres"]


def test_io31_onbekende_meerzorg_ggzw_blijft_weg() -> None:
    """A GGZ-W profile chosen by professioneel oordeel (Wlz 2021, art. 3.2.1 lid 1) has no known profile text, so
    whether meerzorg could apply is unknown: IO31 leaves the optional element Meerzorg out (never a "2" = nee); the
    message stays valid against the XSD and breaks no iWlz 2.2 business rule; reading it back gives unknown."""
    from tests.iwlz.conftest import bedrijfsregels

    gevallen = {g["naam"]: g for g in laad_gevallen(TESTS / "regels" / "cases" / "indicatie_wlz_versies.yaml")}
    invoer = json.loads(
        json.dumps(gevallen["De beoordelaar kiest 3 GGZ-W met motivering - code 884 uit COD163"]["invoer"], default=str)
    )
    xml = exporteer_io31({"client": CLIENT, "beoordeling": invoer})
    assert valideer_xsd(xml, "io31") == [] and bedrijfsregels(xml, "io31") == []
    assert b"<io31:Meerzorg>" not in xml and b"Meerzorg" not in xml
    terug = io31_lezen(xml)
    assert terug["zzp"]["cod163"] == "884" and terug["indicatie"]["meerzorg"] is None
    # a known answer is still exported: 8 VG has meerzorg, 5 VV not
    assert b"Meerzorg>1<" in exporteer_io31({"client": CLIENT, "beoordeling": VIGNETTEN["8VG"]})
    assert b"Meerzorg>2<" in exporteer_io31({"client": CLIENT, "beoordeling": VIGNETTEN["5VV"]})


def test_io31_export_met_peildatum_na_vandaag_geweigerd() -> None:
    """Issue 11 item 19: a decision message (IO31) about a peildatum after today is refused, naming the peildatum;
    the day itself is allowed (boundary)."""
    peildatum = date.fromisoformat(THUIS["peildatum"])
    exporteer_io31({"client": CLIENT, "beoordeling": THUIS}, vandaag=peildatum)
    with pytest.raises(InvoerFout) as e:
        exporteer_io31({"client": CLIENT, "beoordeling": THUIS}, vandaag=peildatum - timedelta(days=1))
    assert [f.veld for f in e.value.fouten] == ["beoordeling.peildatum"]
    with pytest.raises(InvoerFout) as e:  # the real clock: a peildatum far in the future
        exporteer_io31({"client": CLIENT, "beoordeling": {**THUIS, "peildatum": "2099-01-05"}})
    assert [f.veld for f in e.value.fouten] == ["beoordeling.peildatum"]
