"""Dates in the vectorised rules: integer calendar arithmetic equal to Python's date (hypothesis)."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from zorgzwaarte.regels.datums import leeftijd
from zorgzwaarte.regels.indicatie.vector import jaar_maand_dag, leeftijden

datums = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(st.lists(datums, min_size=1, max_size=50))
def test_jaar_maand_dag_als_date(dagen: list[date]) -> None:
    j, m, d = jaar_maand_dag(np.array([x.toordinal() for x in dagen], dtype=np.int64))
    assert [(int(a), int(b), int(c)) for a, b, c in zip(j, m, d, strict=True)] == [
        (x.year, x.month, x.day) for x in dagen
    ]


@given(st.lists(st.tuples(datums, datums), min_size=1, max_size=50))
def test_leeftijden_als_per_client(paren: list[tuple[date, date]]) -> None:
    """The age on the peildatum as regels.datums.leeftijd, also around 29 February and year ends."""
    paren = [(min(a, b), max(a, b)) for a, b in paren]
    uit = leeftijden(
        np.array([g.toordinal() for g, _ in paren], dtype=np.int64),
        np.array([p.toordinal() for _, p in paren], dtype=np.int64),
    )
    assert uit.tolist() == [leeftijd(g, p) for g, p in paren]
