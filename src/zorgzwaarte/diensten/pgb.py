"""The pgb question from outside (CLI, API): validated input, the rules core's answer as JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from zorgzwaarte.domein.records import Invoer
from zorgzwaarte.domein.validatie import valideer
from zorgzwaarte.regels.bekostiging.pgb import PgbVraag, pgb_bij_verblijf


class PgbInvoer(Invoer):
    zzp: str = Field(min_length=1, max_length=10)
    van: date
    tot: date
    begeleiding_groep: bool = False
    vervoer: bool = False
    in_instelling: bool = False
    kleinschalig_wooninitiatief: bool = False
    eerder_3lvg_met_pgb: bool | None = Field(
        default=None,
        description="Wlz: de cliënt had vlak vóór 2015 ZZP 3 LVG met een pgb (Rlz art. 5.5 lid 2; nodig bij 3 LVG)",
    )


def bereken_pgb(data: Any) -> dict[str, Any]:
    v = valideer(PgbInvoer, data)
    return pgb_bij_verblijf(PgbVraag(**v.model_dump())).als_dict()
