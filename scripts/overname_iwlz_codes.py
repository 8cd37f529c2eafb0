"""Take the iWlz 2.2 code lists (every LDT_* enumeration with its Dutch description) over from Basisschema.xsd.

Code values and their descriptions are facts of the national standard; the GPL-3 schema files themselves are
not copied into the project (tests validate against ../shared/iwlz).

Run: python scripts/overname_iwlz_codes.py ../shared/iwlz/Basisschema.xsd > src/zorgzwaarte/iwlz/codes.yaml
"""

from __future__ import annotations

import sys

import yaml
from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"


def main() -> None:
    boom = etree.parse(sys.argv[1])
    uit: dict[str, dict[str, str]] = {}
    for st in boom.iter(f"{XS}simpleType"):
        naam = st.get("name")
        if not naam or not naam.startswith("LDT_"):
            continue
        waarden: dict[str, str] = {}
        for en in st.iter(f"{XS}enumeration"):
            doc = en.find(f"{XS}annotation/{XS}documentation")
            waarden[str(en.get("value"))] = " ".join((doc.text or "").split()) if doc is not None else ""
        if waarden:
            uit[naam] = waarden
    print("# iWlz 2.2 code lists (release iWlz2.2-v1.0), taken from Basisschema.xsd by scripts/overname_iwlz_codes.py.")
    print("# Facts of the national standard: code value -> official Dutch description.")
    print(yaml.safe_dump(uit, allow_unicode=True, sort_keys=True, width=120))


if __name__ == "__main__":
    main()
