"""The CLI contract of 'batch wat-als' and 'indiceer --variant' (issue 16 §1, §2, §5), run as a user would."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.batch.populatie import genereer
from tests.cli.helpers import fouten, zorgzwaarte
from zorgzwaarte.batch.indicatie import als_tabel

VOORBEELD = str(Path(__file__).resolve().parents[2] / "examples" / "wat_als_pv_klasse3.yaml")


@pytest.fixture(scope="module")
def map_(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    d = tmp_path_factory.mktemp("wat_als")
    invoer = genereer(150, seed=7)
    for i, b in enumerate(invoer[:20]):
        b.update(peildatum="2014-05-01", grondslagen=["01"], etmalen_per_week=0)
        b["zorgmomenten"] = [{"per_week": 7, "handelingen": ["PV-1.1-1"], "twee_zorgverleners": False}] * 3
        b["stoornisscores"], b["beperkingscores"] = {}, {"0301": 2} if i % 2 else {"0302": 3}
    tabel, momenten = als_tabel(invoer)
    tabel.write_csv(d / "b.csv")
    momenten.write_parquet(d / "zm.parquet")
    (d / "t.csv").write_text("prestatie,bedrag_per_maand\nPV2,200\nPV3,300\n", encoding="utf-8")
    return d, invoer


def test_batch_wat_als_samenvatting_en_tabel(map_: Any) -> None:
    d, _ = map_
    p = zorgzwaarte(
        "batch", "wat-als", str(d / "b.csv"), "--zorgmomenten", str(d / "zm.parquet"),
        "--variant", VOORBEELD, "--tarieven", str(d / "t.csv"), "--uit", str(d / "uit.csv"),
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    s = json.loads(p.stdout)
    assert s["aantal"] == 150 and s["gewijzigd"] >= 1
    assert s["hash_basis"] != s["hash_variant"]
    assert s["verschuivingen"]["PV"][0] == {"van": 2, "naar": 3, "aantal": s["gewijzigd"]}
    assert {"per_maand_basis", "per_maand_variant", "verschil_per_maand"} <= set(s["geld"])
    rijen = list(csv.DictReader((d / "uit.csv").open(encoding="utf-8")))
    assert len(rijen) == 150
    assert {"gewijzigd", "pv_minuten", "pv_klasse_basis", "pv_klasse_variant", "besluit_basis"} <= set(rijen[0])
    assert sum(r["gewijzigd"] == "true" for r in rijen) == s["gewijzigd"]


def test_indiceer_variant_geeft_dezelfde_uitkomst_als_de_batch(map_: Any) -> None:
    """Issue 16 §5: a changed row through 'zorgzwaarte indiceer --variant': same klasse, the variant's receipt."""
    d, invoer = map_
    rijen = [r for r in csv.DictReader((d / "uit.csv").open(encoding="utf-8")) if r["gewijzigd"] == "true"]
    assert rijen
    rij = rijen[0]
    (d / "een.json").write_text(json.dumps(invoer[int(rij["id"])]), encoding="utf-8")
    p = zorgzwaarte("indiceer", str(d / "een.json"), "--variant", VOORBEELD)
    assert p.returncode == 0, p.stderr
    besluit = json.loads(p.stdout)
    pv = next(f for f in besluit["functies"] if f["functie"] == "PV")
    assert str(pv["klasse"]) == rij["pv_klasse_variant"]
    assert besluit["ruleset"]["hash"] == rij["ruleset_hash_variant"]
    assert besluit["ruleset"]["naam"] == "AWBZ 2014 (variant)"
    zonder = json.loads(zorgzwaarte("indiceer", str(d / "een.json")).stdout)
    assert str(next(f for f in zonder["functies"] if f["functie"] == "PV")["klasse"]) == rij["pv_klasse_basis"]


def test_indiceer_variant_buiten_de_basis(map_: Any, tmp_path: Path) -> None:
    _, invoer = map_
    b = dict(invoer[0], peildatum="2016-03-01")
    (tmp_path / "b.json").write_text(json.dumps(b), encoding="utf-8")
    f = fouten(zorgzwaarte("indiceer", str(tmp_path / "b.json"), "--variant", VOORBEELD))
    assert "de variant wijzigt regelset AWBZ 2014" in f["peildatum"]


def test_foute_variant_exit_2(map_: Any, tmp_path: Path) -> None:
    d, _ = map_
    slecht = tmp_path / "v.yaml"
    slecht.write_text(
        "basis: AWBZ 2014\nwijzigingen:\n  - {parameter: klassen.PV.bandje, waarde: 3}\n"
        "  - {parameter: klassen.PV.banden, waarde: 3}\n",
        encoding="utf-8",
    )
    f = fouten(
        zorgzwaarte("batch", "wat-als", str(d / "b.csv"), "--variant", str(slecht), "--uit", str(tmp_path / "o.csv"))
    )
    assert "onbekende parameter 'klassen.PV.bandje'" in f["wijzigingen[1].parameter"]
    assert "lijst" in f["wijzigingen[2].waarde"]
    assert not (tmp_path / "o.csv").exists()
    f = fouten(zorgzwaarte("indiceer", "-", "--variant", str(slecht), invoer="{}"))
    assert "wijzigingen[1].parameter" in f


@pytest.mark.parametrize(
    ("args", "veld"),
    [
        (["--variant", "bestaat-niet.yaml"], "bestand"),
        (["--variant", VOORBEELD, "--tarieven", "geen.csv"], "tarieven"),
    ],
)
def test_foute_bestanden(map_: Any, tmp_path: Path, args: list[str], veld: str) -> None:
    d, _ = map_
    f = fouten(zorgzwaarte("batch", "wat-als", str(d / "b.csv"), *args, "--uit", str(tmp_path / "o.csv")))
    assert veld in f


def test_ontbrekende_invoer(tmp_path: Path) -> None:
    f = fouten(zorgzwaarte("batch", "wat-als", str(tmp_path / "nee.csv"), "--variant", VOORBEELD, "--uit", "o.csv"))
    assert "bestaat niet" in f["invoer"]
