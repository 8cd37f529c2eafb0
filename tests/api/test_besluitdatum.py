"""The date of the indicatiebesluit: the day it is recorded, or an earlier day with a reason (Awb 3:40, 6:8)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from zorgzwaarte.diensten.records import besluitdatum_kiezen
from zorgzwaarte.diensten.werkeenheid import vandaag_nl
from zorgzwaarte.fouten import InvoerFout

VANDAAG = date(2026, 11, 29)
PEILDATUM = date(2014, 3, 10)


def test_awb_3_40_zonder_keuze_de_dag_van_vastleggen_niet_de_peildatum() -> None:
    assert besluitdatum_kiezen(VANDAAG, PEILDATUM, None, None) == (VANDAAG, None)


def test_eerdere_besluitdatum_met_reden() -> None:
    assert besluitdatum_kiezen(VANDAAG, PEILDATUM, date(2026, 11, 20), " besluit mondeling meegedeeld ") == (
        date(2026, 11, 20),
        "besluit mondeling meegedeeld",
    )


@pytest.mark.parametrize(
    ("gekozen", "reden", "veld", "melding"),
    [
        (date(2026, 11, 20), None, "besluitdatum_reden", "geef de reden voor een besluitdatum vóór vandaag"),
        (date(2026, 12, 1), "x", "besluitdatum", "mag niet na vandaag liggen"),
        (date(2014, 3, 9), "x", "besluitdatum", "mag niet vóór de peildatum (10 maart 2014) liggen"),
    ],
)
def test_besluitdatum_geweigerd(gekozen: date, reden: str | None, veld: str, melding: str) -> None:
    with pytest.raises(InvoerFout) as fout:
        besluitdatum_kiezen(VANDAAG, PEILDATUM, gekozen, reden)
    assert [(f.veld, f.melding) for f in fout.value.fouten] == [(veld, melding)]


def test_vandaag_is_de_nederlandse_kalenderdag() -> None:
    """23:30 UTC on 28 November is already 29 November in Amsterdam."""
    assert vandaag_nl(datetime(2026, 11, 28, 23, 30, tzinfo=UTC)) == date(2026, 11, 29)
    assert vandaag_nl(datetime(2026, 11, 28, 22, 30)) == date(2026, 11, 28)


def test_geen_besluit_over_een_peildatum_in_de_toekomst() -> None:
    with pytest.raises(InvoerFout) as fout:
        besluitdatum_kiezen(VANDAAG, date(2026, 12, 1), None, None)
    assert [(f.veld, f.melding) for f in fout.value.fouten] == [
        ("peildatum", "ligt in de toekomst (1 december 2026); een besluit gaat over een onderzoek dat al is gedaan")
    ]
