"""Write one vignette (a concrete assessment) per ZZP indicatable on a date, from that profile's own sentences.

Each domain's scores are chosen so the client's level equals the level read from the profile sentence, which
is quoted beside the scores. The result is a readable case file a policy expert can sharpen by hand.

Run: python scripts/maak_vignetten.py 2014-06-01 > tests/regels/cases/vignetten_awbz_2014.yaml
     python scripts/maak_vignetten.py 2016-06-01 > tests/regels/cases/vignetten_wlz_2016.yaml
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import yaml

from zorgzwaarte.demo.vignetten import vignet
from zorgzwaarte.regels.profielen.catalogus import catalogus


def main() -> None:
    peildatum = date.fromisoformat(sys.argv[1])
    stelsel = "Wlz" if peildatum >= date(2015, 1, 1) else "AWBZ"
    uit: list[dict[str, Any]] = []
    for z in catalogus():
        if not z.indiceerbaar_in(stelsel, peildatum):
            continue
        invoer, zinnen = vignet(z, peildatum.isoformat(), "1945-05-01" if z.sector == "VV" else "1985-05-01")
        uit.append(
            {
                "zzp": z.code,
                "zorgprofiel_wlz": z.zorgprofiel_wlz if stelsel == "Wlz" else None,
                "naam": z.naam,
                "profiel_bekend": z.profiel_bekend,
                "bron": z.profiel_bron,
                "zinnen": zinnen,
                "invoer": invoer,
            }
        )
    print("# Eén vignet per zorgzwaartepakket dat op de peildatum indiceerbaar is, geschreven vanuit de eigen")
    print(
        "# profieltekst (de zinnen staan erbij). Gemaakt door scripts/maak_vignetten.py; aanscherpen mag met de hand."
    )
    print(yaml.safe_dump(uit, allow_unicode=True, sort_keys=False, width=110))


if __name__ == "__main__":
    main()
