"""Error messages a user reads (found by walking the product, issue: walker): Dutch words, no English from a library,
no exception class names, numbers written the Dutch way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel, Field, ValidationError

from tests.cli.helpers import fouten, zorgzwaarte
from zorgzwaarte.domein.records import normaliseer_bsn
from zorgzwaarte.domein.validatie import fouten_uit
from zorgzwaarte.fouten import InvoerFout, leesfout
from zorgzwaarte.iwlz.lezen import parse

ENGELS = re.compile(r"Expecting|Error|expected|line \d|column|not found|Extra data|delimiter", re.IGNORECASE)


@pytest.mark.parametrize(("bsn", "aantal"), [("1112223330000", 13), ("12345", 5), ("1", 1)])
def test_bsn_met_te_veel_of_te_weinig_cijfers(bsn: str, aantal: int) -> None:
    """A BSN of the wrong length is named as such, not as a failed 11-proef."""
    with pytest.raises(ValueError, match=f"een BSN heeft 9 cijfers; dit zijn er {aantal}"):
        normaliseer_bsn(bsn)


def test_bsn_van_negen_cijfers_zonder_elfproef() -> None:
    with pytest.raises(ValueError, match="11-proef"):
        normaliseer_bsn("123456789")
    assert normaliseer_bsn("123456721") == "123456721"


class _Grenzen(BaseModel):
    keer: float = Field(le=168.0)
    niveau: float = Field(ge=0.5)


def test_grens_in_de_melding_als_nederlands_getal() -> None:
    """'mag hoogstens 168 zijn', not '168.0'; '0,5', not '0.5'."""
    with pytest.raises(ValidationError) as exc:
        _Grenzen(keer=1e308, niveau=0.1)
    meldingen = {f.veld: f.melding for f in fouten_uit(exc.value)}
    assert meldingen == {"keer": "mag hoogstens 168 zijn", "niveau": "moet minimaal 0,5 zijn"}


@pytest.mark.parametrize(
    "exc",
    [
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        IsADirectoryError(),
        PermissionError(),
        OSError(),
    ],
)
def test_leesfout_zonder_naam_van_de_uitzondering(exc: BaseException) -> None:
    tekst = leesfout(exc, "bestand 'x.json'")
    assert tekst.startswith("bestand 'x.json' ")
    assert type(exc).__name__ not in tekst and not ENGELS.search(tekst)


def test_cli_leeg_bestand(tmp_path: Path) -> None:
    (tmp_path / "leeg.json").write_text("", encoding="utf-8")
    assert fouten(zorgzwaarte("indiceer", str(tmp_path / "leeg.json"))) == {
        "bestand": "het bestand is leeg; verwacht JSON"
    }


def test_cli_binair_bestand(tmp_path: Path) -> None:
    (tmp_path / "foto.json").write_bytes(bytes(range(128, 256)) * 8)
    melding = fouten(zorgzwaarte("indiceer", str(tmp_path / "foto.json")))["bestand"]
    assert "geen tekstbestand" in melding and not ENGELS.search(melding)


@pytest.mark.parametrize("tekst", ['{"peildatum": "2014-03-10",', "{'a': 1}", "[1, 2] 3"])
def test_cli_kapotte_json_in_het_nederlands(tmp_path: Path, tekst: str) -> None:
    (tmp_path / "kapot.json").write_text(tekst, encoding="utf-8")
    melding = fouten(zorgzwaarte("indiceer", str(tmp_path / "kapot.json")))["bestand"]
    assert melding.startswith("geen geldige JSON op regel 1, kolom ") and not ENGELS.search(melding)


def test_cli_map_in_plaats_van_bestand(tmp_path: Path) -> None:
    melding = fouten(zorgzwaarte("indiceer", str(tmp_path)))["bestand"]
    assert "is een map, geen bestand" in melding


@pytest.mark.parametrize(
    ("xml", "verwacht"), [(b"<kapot", "geen geldige XML (regel 1"), (b"  ", "het bericht is leeg")]
)
def test_xml_fout_in_het_nederlands(xml: bytes, verwacht: str) -> None:
    with pytest.raises(InvoerFout) as exc:
        parse(xml)
    melding = exc.value.fouten[0].melding
    assert melding.startswith(verwacht) and not ENGELS.search(melding)


@pytest.mark.parametrize(
    ("opdracht", "veld", "begin"),
    [
        (["indiceer"], "bestand", "ontbreekt: dit argument is verplicht; zie 'zorgzwaarte indiceer --help'"),
        (["indiceer", "--foo", "x"], "--foo", "is geen optie van dit commando"),
        (["pgb", "5VV"], "--van", "ontbreekt: deze optie is verplicht"),
        (["bestaatniet"], "(commando)", "dit commando bestaat niet"),
        (["indiceer", "a.json", "b.json"], "(commando)", "er staat meer op de regel dan dit commando verwacht"),
    ],
)
def test_cli_verkeerd_getypte_opdracht_in_het_nederlands(opdracht: list[str], veld: str, begin: str) -> None:
    """A missing argument or an unknown option: exit 2 with the project's Dutch error, not Click's English."""
    melding = fouten(zorgzwaarte(*opdracht))[veld]
    assert melding.startswith(begin) and not ENGELS.search(melding)


def test_cli_hulp_en_gewone_opdracht_houden_hun_exitcode() -> None:
    assert zorgzwaarte("--help").returncode == 0
    zonder = zorgzwaarte("codes")
    assert (
        zonder.returncode == 2 and "handelingen" in zonder.stdout + zonder.stderr
    )  # no subcommand: the help, as before
    uit = zorgzwaarte("codes", "zzp", "--json")
    assert uit.returncode == 0 and uit.stdout.startswith("[")
