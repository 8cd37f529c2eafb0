from datetime import UTC, datetime

import pytest

from tests.api.conftest import api  # noqa: F401  (the API per role, on SQLite)
from tests.conftest import Klok

# The register tests need Wlz decisions: the demo made on this day (tests/api/conftest.py passes the clock's day)
# holds Wlz clients assessed in 2015-2016, all before this day ("a decision is never about a day after today", issue
# 11 item 19).
REGISTER_KLOK = datetime(2017, 1, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def klok() -> Klok:
    return Klok(REGISTER_KLOK)
