from __future__ import annotations

import os
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from tests.api.conftest import api  # noqa: F401  (the API fixture, shared)

XSD_MAP = Path(__file__).resolve().parents[3] / "shared" / "iwlz"
# The official iWlz 2.2 business rules (TRxxx, CDxxx, CSxxx) as XSLT 1.0 (iStandaarden/iWlz-Xslt, MIT)
XSLT_MAP = XSD_MAP / "xslt" / "xslt-validatie" / "wlz" / "2_2"
RAPPORT = {"r": "http://www.istandaarden.nl/validatie/1_1/rapport/schema"}
# retourberichten (written by others, read by the project): the official set has no XSLT for them
ZONDER_REGELS = {"aw34", "aw36", "aw310", "io32"}


@pytest.fixture(autouse=True)
def xsd_voor_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports are also validated against the official XSDs (the schemas stay in ../shared, not in the project)."""
    if not XSD_MAP.is_dir():
        pytest.fail(
            f"De iWlz-tests hebben de officiële iWlz 2.2-schema's nodig in {XSD_MAP} (../shared/iwlz naast de "
            "projectmap); die map ontbreekt.",
            pytrace=False,
        )
    monkeypatch.setenv("ZORGZWAARTE_IWLZ_XSD", str(XSD_MAP))


_SCHEMAS: dict[str, xmlschema.XMLSchema] = {}


def valideer_xsd(xml: bytes, bericht: str) -> list[str]:
    """Every XSD error and every violated iWlz business rule of a generated message (empty list = valid)."""
    assert XSD_MAP.is_dir(), f"iWlz-schema's niet gevonden in {XSD_MAP}"
    if bericht not in _SCHEMAS:
        _SCHEMAS[bericht] = xmlschema.XMLSchema(str(XSD_MAP / f"{bericht.upper()}.xsd"))
    fouten = [f"{e.path}: {e.reason}" for e in _SCHEMAS[bericht].iter_errors(xml)]
    return fouten or bedrijfsregels(xml, bericht)


_XSLT: dict[str, etree.XSLT] = {}


def bedrijfsregels(xml: bytes, bericht: str) -> list[str]:
    """The official iWlz 2.2 business rules (XSLT, run with lxml) that the message breaks: 'CODE: locatie, ...'."""
    if bericht in ZONDER_REGELS:
        return []
    pad = XSLT_MAP / f"{bericht.upper()}.xsl"
    assert pad.is_file(), f"geen bedrijfsregels voor {bericht} in {XSLT_MAP}"
    if bericht not in _XSLT:
        _XSLT[bericht] = etree.XSLT(etree.parse(str(pad)))
    rapport = _XSLT[bericht](etree.fromstring(xml))
    return [
        f"{fout.findtext('r:Code', namespaces=RAPPORT)}: "
        + ", ".join(loc.text or "" for loc in fout.iterfind("r:Locatie", RAPPORT))
        for fout in rapport.getroot().iterfind("r:Fouten/r:Fout", RAPPORT)
    ]


__all__ = ["XSD_MAP", "bedrijfsregels", "os", "valideer_xsd"]
