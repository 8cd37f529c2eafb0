"""The variant file (issue 16 §1): basis, wijzigingen with paths as 'regelset toon' lists them, own receipt."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from zorgzwaarte.diensten.varianten import variant_samenvatting, variant_uit_tekst
from zorgzwaarte.fouten import InvoerFout
from zorgzwaarte.regels.regelset import regelset_op, regelsets
from zorgzwaarte.regels.variant import lees_variant

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "wat_als_pv_klasse3.yaml"
PV = "indicatie_awbz_2014.yaml:klassen.PV.banden"


def velden(data: Any) -> dict[str, str]:
    with pytest.raises(InvoerFout) as e:
        lees_variant(data)
    return {f.veld: f.melding for f in e.value.fouten}


def test_voorbeeld_pv_klasse3_begint_bij_3_5_uur() -> None:
    """Beleidsregels indicatiestelling AWBZ 2014, bijlage 4 §4.1: klasse 3 is 4 – 6,9 uur; de variant: 3,5."""
    variant = variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8"))
    basis = regelsets("indicatie")[0]
    assert variant.naam == basis.naam == "AWBZ 2014"
    banden = variant.tabel("indicatie_awbz_2014.yaml")["klassen"]["PV"]["banden"]["waarde"]
    assert [b["uren_van"] for b in banden if b["klasse"] in (2, 3)] == [2, 3.5]
    # the basis table (cached) is untouched
    assert basis.tabel("indicatie_awbz_2014.yaml")["klassen"]["PV"]["banden"]["waarde"][2]["uren_van"] == 4
    samenvatting = variant_samenvatting(variant)
    assert samenvatting["wijzigingen"][0]["parameter"] == PV
    assert samenvatting["wijzigingen"][0]["was"][2]["uren_van"] == 4
    assert "bijlage 4 §4.1" in samenvatting["wijzigingen"][0]["bron"]


def test_variant_heeft_eigen_ontvangstbewijs() -> None:
    variant = variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8"))
    basis = regelsets("indicatie")[0]
    assert variant.kenmerk != basis.kenmerk
    assert variant.ontvangstbewijs.hash == variant.kenmerk
    assert variant.ontvangstbewijs.naam == "AWBZ 2014 (variant)"
    # the same variant gives the same hash; another value another hash
    assert variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8")).kenmerk == variant.kenmerk
    ander = variant_uit_tekst(VOORBEELD.read_text(encoding="utf-8").replace("uren_van: 3.5", "uren_van: 3.0"))
    assert ander.kenmerk not in (variant.kenmerk, basis.kenmerk)


def test_nulvariant_is_de_basis() -> None:
    nul = lees_variant({"basis": "AWBZ 2014", "wijzigingen": []})
    basis = regelsets("indicatie")[0]
    assert nul.kenmerk == basis.kenmerk and nul.ontvangstbewijs.naam == basis.naam


def test_basis_als_peildatum_kiest_de_regelset() -> None:
    assert lees_variant({"basis": "01-07-2014"}).naam == "AWBZ 2014"
    assert lees_variant({"basis": "2016-03-01"}).naam == regelset_op("indicatie", date(2016, 3, 1)).naam


def test_pad_zonder_bestand_mag_als_het_eenduidig_is() -> None:
    v = lees_variant(
        {"basis": "AWBZ 2014", "wijzigingen": [{"parameter": "verblijf.min_etmalen_exclusief", "waarde": 4}]}
    )
    assert v.tabel("indicatie_awbz_2014.yaml")["verblijf"]["min_etmalen_exclusief"]["waarde"] == 4


def test_onbekend_pad_noemt_het_veld() -> None:
    f = velden({"basis": "AWBZ 2014", "wijzigingen": [{"parameter": "klassen.PV.bandje", "waarde": 3}]})
    assert "onbekende parameter 'klassen.PV.bandje'" in f["wijzigingen[1].parameter"]


def test_verkeerd_type_noemt_het_veld() -> None:
    f = velden(
        {
            "basis": "AWBZ 2014",
            "wijzigingen": [
                {"parameter": PV, "waarde": 4},
                {"parameter": "verblijf.min_etmalen_exclusief", "waarde": "drie"},
                {"parameter": "zorgmoment.indirecte_tijd_minuten", "waarde": True},
            ],
        }
    )
    assert "moet een lijst zijn, niet een getal" in f["wijzigingen[1].waarde"]
    assert "moet een getal zijn, niet een tekst" in f["wijzigingen[2].waarde"]
    assert "moet een getal zijn, niet een ja/nee" in f["wijzigingen[3].waarde"]


def test_band_met_ontbrekend_veld() -> None:
    f = velden({"basis": "AWBZ 2014", "wijzigingen": [{"parameter": PV, "waarde": [{"klasse": 1, "uren_van": 0}]}]})
    assert "ontbreekt: uren_tot_en_met" in f["wijzigingen[1].waarde"]


def test_klassebanden_moeten_oplopen() -> None:
    """Bijlage 4 §4.1: a higher klasse covers more hours; a band that starts before the one below is refused."""
    nieuw = [{"klasse": 1, "uren_van": 0, "uren_tot_en_met": 1.9}, {"klasse": 2, "uren_van": 0, "uren_tot_en_met": 3.9}]
    f = velden({"basis": "AWBZ 2014", "wijzigingen": [{"parameter": PV, "waarde": nieuw}]})
    assert "elke hogere klasse" in f["wijzigingen[1].waarde"]


@pytest.mark.parametrize(
    ("data", "veld", "tekst"),
    [
        ({"wijzigingen": []}, "basis", "ontbreekt"),
        ({"basis": "AWBZ 2099"}, "basis", "geen regelset en geen datum"),
        ({"basis": "01-01-1990"}, "basis", "geen regelset voor peildatum"),
        ({"basis": "AWBZ 2014", "wijzigingen": {"a": 1}}, "wijzigingen", "lijst"),
        ({"basis": "AWBZ 2014", "wijzigingen": [{"parameter": PV}]}, "wijzigingen[1]", "parameter en een waarde"),
        ({"basis": "AWBZ 2014", "extra": 1}, "extra", "onbekend veld"),
        ("tekst", "variant", "tabel"),
    ],
)
def test_foute_variant(data: Any, veld: str, tekst: str) -> None:
    assert tekst in velden(data)[veld]


def test_geen_yaml() -> None:
    with pytest.raises(InvoerFout) as e:
        variant_uit_tekst("basis: [AWBZ\n  wijzigingen: :")
    assert e.value.fouten[0].veld == "variant" and "geen geldige YAML" in e.value.fouten[0].melding
