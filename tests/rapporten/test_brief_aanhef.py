"""The decision letter speaks to the client: salutation from geslacht and voorvoegsel, no internal terms."""

from __future__ import annotations

import pytest

from zorgzwaarte.rapporten.opmaak import aanhef, achternaam, voor_client


@pytest.mark.parametrize(
    ("geslacht", "voorvoegsel", "naam", "verwacht"),
    [
        ("2", "de", "Boer", "Geachte mevrouw De Boer"),
        ("1", "van den", "Berg", "Geachte heer Van den Berg"),
        ("1", None, "Jansen", "Geachte heer Jansen"),
        ("0", "de", "Vries", "Geachte heer/mevrouw De Vries"),
        (None, None, "Bakker", "Geachte heer/mevrouw Bakker"),
    ],
)
def test_aanhef_uit_geslacht_en_voorvoegsel(
    geslacht: str | None, voorvoegsel: str | None, naam: str, verwacht: str
) -> None:
    """'heer/mevrouw' only when the sex is unknown; the voorvoegsel has a capital when no initials precede it."""
    assert aanhef(geslacht, voorvoegsel, naam) == verwacht


def test_voorvoegsel_klein_na_voorletters() -> None:
    assert achternaam("de", "Boer", met_voorletters=True) == "de Boer"
    assert achternaam("de", "Boer") == "De Boer"


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (
            "Berekend: 7VV Wonen (afstand 0.268); alternatieven: 4VV (0.5), 8VV (0.75)",
            "Berekend: 7VV Wonen; alternatieven: 4VV, 8VV",
        ),
        ("de ZZP-code 7VV (COD163 756) in gebruik", "de ZZP-code 7VV in gebruik"),
        ("verschil per domein (0-3); zie docs/profielkeuze.md", "verschil per domein (0-3)"),
        ("6.59 uur per week; bijlage 4 §4.4; PV-1.2-1", "6,59 uur per week; bijlage 4 §4.4; PV-1.2-1"),
    ],
)
def test_toelichting_voor_de_client(tekst: str, verwacht: str) -> None:
    """No file paths, code-list names or internal distances in the letter; Dutch decimals; articles untouched."""
    assert voor_client(tekst) == verwacht
