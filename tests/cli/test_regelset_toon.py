"""`zorgzwaarte regelset toon`: the parameters of the regelset of a peildatum for people (Dutch dates in the one style
of screens, letters and errors: '1 januari 2014') and a bad peildatum as the error contract (exit 2, the field named;
the input format it explains stays dd-mm-jjjj)."""

from __future__ import annotations

import pytest

from tests.cli.helpers import fouten, zorgzwaarte


def test_regelset_toon_met_nederlandse_datums() -> None:
    uit = zorgzwaarte("regelset", "toon", "--peildatum", "01-07-2014")
    assert uit.returncode == 0, uit.stderr
    kop = uit.stdout.splitlines()[0]
    assert kop.startswith("AWBZ 2014 (versie ") and "1 januari 2014 t/m 31 december 2014" in kop
    assert "gecontroleerd tegen de wetteksten tot en met 23 december 2014" in kop
    assert "2014-12-31" not in kop and "31-12-2014" not in kop


@pytest.mark.parametrize(
    ("peildatum", "melding"),
    [
        ("31-02-2014", "'31-02-2014' is geen datum; schrijf bijvoorbeeld 31-12-2014"),
        ("gisteren", "'gisteren' is geen datum; schrijf bijvoorbeeld 31-12-2014"),
        (
            "01-01-1990",
            "er is geen regelset voor peildatum 1 januari 1990; beschikbaar: AWBZ 2014 (1 januari 2014 t/m 31 december",
        ),
    ],
)
def test_regelset_toon_slechte_peildatum(peildatum: str, melding: str) -> None:
    assert fouten(zorgzwaarte("regelset", "toon", "--peildatum", peildatum))["peildatum"].startswith(melding)
