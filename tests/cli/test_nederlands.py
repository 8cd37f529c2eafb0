"""The command line's own words are Dutch (docs/cli.md): the usage line, the panels and the --help option of every
command, and the usage errors (exit 2, the project's `{"fouten": [...]}`), run in-process (Typer's CliRunner) and
as a real process. The Dutch texts come from a gettext catalogue; when Typer gains a text, the catalogue test
names it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
import typer.main
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from typer._click import Context
from typer.testing import CliRunner

from tests.cli.helpers import fouten, zorgzwaarte
from zorgzwaarte.cli import nederlands
from zorgzwaarte.cli.main import app

# the framework's English words, as Typer and Click print them (word by word: a wrapped line cannot hide one)
ENGELS = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Show|message|exit|required|default|env var|Error|Try|help\b(?! ?')|"
    r"Missing|Invalid|value for|Aborted|deprecated|COMMAND|OPTIONS|ARGS|completion|No such|Did you mean|"
    r"str|int|float|text|TEXT|INTEGER|boolean|filename)\b"
)
BREED = {"COLUMNS": "200", "TERMINAL_WIDTH": "200"}


def _commandos(groep: typer.core.TyperGroup, pad: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    uit = [pad]
    for naam, commando in groep.commands.items():
        if isinstance(commando, typer.core.TyperGroup):
            uit += _commandos(commando, (*pad, naam))
        else:
            uit.append((*pad, naam))
    return uit


ALLE = _commandos(typer.main.get_command(app))  # type: ignore[arg-type]


def engels(tekst: str) -> list[str]:
    # `--help` as the option's name is not a word of the text
    return ENGELS.findall(re.sub(r"--help\b", "", tekst))


def test_elk_commando_is_bereikbaar() -> None:
    """The walk reaches the groups and the commands under them (so the tests below see every --help)."""
    assert () in ALLE and ("indiceer",) in ALLE and ("iwlz", "register") in ALLE and len(ALLE) > 25


@pytest.mark.parametrize("pad", ALLE, ids=[" ".join(p) or "zorgzwaarte" for p in ALLE])
def test_help_van_elk_commando_is_nederlands(pad: tuple[str, ...]) -> None:
    uit = CliRunner().invoke(app, [*pad, "--help"], env=BREED, prog_name="zorgzwaarte")
    assert uit.exit_code == 0, uit.output
    assert uit.output.count("Gebruik: zorgzwaarte") == 1 and "Toon deze hulp en stop." in uit.output
    assert engels(uit.output) == [], uit.output


@pytest.mark.parametrize("pad", [(), ("iwlz",), ("indiceer",), ("batch", "wat-als")])
def test_help_als_echt_proces(pad: tuple[str, ...]) -> None:
    """The real command (`python -m zorgzwaarte`): the same Dutch help as in-process."""
    p = zorgzwaarte(*pad, "--help", omgeving=BREED)
    assert p.returncode == 0 and p.stderr == "", p.stderr
    assert "Gebruik: zorgzwaarte" in p.stdout and "Opties" in p.stdout
    assert engels(p.stdout) == [], p.stdout


def test_groep_zonder_commando_toont_de_nederlandse_hulp() -> None:
    p = zorgzwaarte("codes", omgeving=BREED)
    assert p.returncode == 2 and "Commando's" in p.stdout and "handelingen" in p.stdout
    assert engels(p.stdout + p.stderr) == [], p.stdout + p.stderr


GEBRUIKSFOUTEN = [
    (["indiceer"], "bestand", "ontbreekt: dit argument is verplicht"),
    (["indiceer", "--onbekend", "x"], "--onbekend", "is geen optie van dit commando"),
    (["demo", "--aantal", "veel"], "--aantal", "heeft een ongeldige waarde"),
    (["bestaat-niet"], "(commando)", "dit commando bestaat niet"),
]


@pytest.mark.parametrize(("args", "veld", "melding"), GEBRUIKSFOUTEN, ids=[" ".join(a) for a, _, _ in GEBRUIKSFOUTEN])
def test_gebruiksfout_als_echt_proces(args: list[str], veld: str, melding: str) -> None:
    """A wrongly typed command: exit 2, nothing on stdout, the field and a Dutch message on stderr."""
    p = zorgzwaarte(*args, omgeving=BREED)
    gevonden = fouten(p)
    assert melding in gevonden[veld] and "--help" in gevonden[veld]
    assert engels(p.stderr) == [], p.stderr


@pytest.mark.parametrize(("args", "veld", "melding"), GEBRUIKSFOUTEN, ids=[" ".join(a) for a, _, _ in GEBRUIKSFOUTEN])
def test_gebruiksfout_in_het_proces(args: list[str], veld: str, melding: str) -> None:
    """The same under Typer's CliRunner (which runs the command without `app.__call__`)."""
    uit = CliRunner().invoke(app, args, env=BREED, prog_name="zorgzwaarte")
    assert uit.exit_code == 2 and uit.stdout == "", uit.output
    data = json.loads(uit.stderr)
    assert [f["veld"] for f in data["fouten"]] == [veld] and melding in data["fouten"][0]["melding"]
    assert engels(uit.stderr) == [], uit.stderr


def test_waardetypen_zijn_nederlands() -> None:
    """Beside an option its value type (`<tekst>`, `<geheel getal>`); the conversion is Click's own."""
    demo = typer.main.get_command(app).commands["demo"]  # type: ignore[attr-defined]
    aantal = next(p for p in demo.params if p.name == "aantal")
    assert aantal.type.name == "geheel getal" and aantal.type.convert("12", aantal, Context(demo)) == 12


def _catalogus() -> dict[str, str]:
    pad = Path(nederlands.__file__).parent.joinpath(*nederlands.CATALOGUS)
    with pad.open("rb") as po:
        return {str(m.id): str(m.string) for m in read_po(po) if m.id and not m.fuzzy}


def test_catalogus_vertaalt_elke_tekst_van_typer() -> None:
    """Every text Typer marks for translation (extracted from its source with Babel) and every text of Click the
    command classes use has a Dutch translation in the catalogue; the compiled catalogue gives it."""
    catalogus = _catalogus()
    typer_map = Path(typer.__file__).parent
    gemarkeerd = {
        str(boodschap)
        for bestand in ("rich_utils.py", "core.py")
        for _regel, _functie, boodschap, _commentaar in extract_from_file("python", typer_map / bestand)
        if isinstance(boodschap, str)  # a literal text, not `_(variable)`
    }
    click = {"Usage: ", "[OPTIONS]", "COMMAND [ARGS]...", "Show this message and exit.", "str", "int", "float"}
    ontbreekt = sorted((gemarkeerd | click | set(nederlands.RICH_TEKSTEN.values())) - set(catalogus))
    assert ontbreekt == [], f"niet in {nederlands.CATALOGUS[-1]}: {ontbreekt}"
    for engels_, nl in catalogus.items():
        assert nl and (nl != engels_ or engels_ == "uuid"), engels_
        assert nederlands.vertaling().gettext(engels_) == nl
