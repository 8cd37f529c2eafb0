"""Declaration lines as CSV (`;`-separated, UTF-8 with BOM so spreadsheet programs read the accents)."""

from __future__ import annotations

import csv
import io

from zorgzwaarte.domein.uitvoer_geld import DeclaratieUitkomst

KOLOMMEN = (
    "client",
    "prestatie",
    "dagen",
    "dagen_aanwezig",
    "dagen_afwezig_bekostigd",
    "dagen_afwezig_niet_bekostigd",
    "tarief",
    "bedrag",
    "toelichting",
)


def declaratie_csv(uitkomst: DeclaratieUitkomst) -> str:
    """One row per declaration line; amounts as decimal strings (point), the explanation in one column."""
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    w.writerow(KOLOMMEN)
    for r in uitkomst.regels:
        uitleg = " | ".join(f"{s.regel}: {s.uitkomst} ({s.bron})" for s in r.toelichting)
        rij = r.als_json()
        w.writerow([rij.get(k, "") if k != "toelichting" else uitleg for k in KOLOMMEN])
    w.writerow(["totaal", "", "", "", "", "", "", uitkomst.totaal, uitkomst.bron])
    return "\ufeff" + uit.getvalue()
