from datetime import UTC, datetime

import pytest

from tests.api.conftest import api  # noqa: F401  (the API per role, on SQLite)
from tests.conftest import Klok

# The demo's Wlz decisions are of 2016 (peildatum from 7 March 2016, a week apart); the register tests run on a day
# after all of them, so that "a decision is never about a day after today" (issue 11 item 19) holds for them too.
REGISTER_KLOK = datetime(2017, 1, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def klok() -> Klok:
    return Klok(REGISTER_KLOK)
