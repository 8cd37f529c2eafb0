"""Letters for the client: what the decision letter says (the decision, the dates, why, and how to object).

The service gathers the letter's content under the reader's rights; the adapter renders it
(``rapporten.brieven.besluitbrief_pdf``): services import no adapter (docs/architectuur.md, "Lagen").
"""

from __future__ import annotations

import os
import re
from datetime import date
from typing import Any

from babel.dates import format_date

from zorgzwaarte.diensten import records as r
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, vandaag_nl
from zorgzwaarte.domein.records import LEVENSDOMEINEN
from zorgzwaarte.opslag.modellen import Beoordeling, Indicatiebesluit, Organisatie
from zorgzwaarte.regels.profielen.catalogus import zoek_zzp
from zorgzwaarte.regels.profielen.keuze import meerzorgbron, profielbron
from zorgzwaarte.regels.uitleg import bron_adres
from zorgzwaarte.regels.zorgplan import (
    zorgplan_onderwerpen,
    zorgplan_plichten,
    zorgplan_plichten_gelden,
    zorgplan_regels,
)

# Trail steps about the organisation's own deadlines: for the file, not for the client's letter.
INTERN = ("Beslistermijn",)

BEZWAAR_BRON = (
    "Algemene wet bestuursrecht art. 6:7 (bezwaartermijn zes weken) en 6:8 (aanvang termijn); "
    "Beleidsregels indicatiestelling AWBZ 2014 en Wlz 2015: tegen het indicatiebesluit staat bezwaar en beroep open"
)


# The assessor's warnings (regels) as the client reads them in the letter: what is uncertain, what it means for him
# and whom to ask. The full technical wording stays in the appendix and on the assessor's screen. `{afzender}` and
# `{datum}` (the first dd-mm-jjjj of the warning) are filled in.
LET_OP_VOOR_CLIENT: tuple[tuple[str, str], ...] = (
    (
        "Het zorgprofiel is niet berekend",
        "Welk zorgprofiel bij u past, kon de berekening niet vaststellen. De beoordelaar kiest het zorgprofiel op grond "
        "van zijn eigen oordeel. Vraag {afzender} gerust hoe dat is gegaan.",
    ),
    (
        "De zorgprofielen en hun maximale geldigheid komen uit",
        "Welk zorgprofiel bij u past en hoe lang dit besluit geldt, hebben wij bepaald met de regels zoals wij die "
        "kennen. Het kan zijn dat die regels later zijn veranderd. Denkt u dat dit besluit daardoor niet klopt? Vraag "
        "het {afzender}, of maak bezwaar (zie hieronder).",
    ),
    (
        "De regelset ",
        "Wij hebben de regels gebruikt zoals die golden tot en met {datum}. Zijn de regels daarna veranderd, dan staat "
        "dat niet in dit besluit. Denkt u dat dit besluit daardoor niet klopt? Vraag het {afzender}, of maak bezwaar "
        "(zie hieronder).",
    ),
    (
        "Niet opgegeven of de cliënt een jeugdige is",
        "Wij weten niet of u jeugdhulp krijgt via de Jeugdwet. Krijgt u die hulp? Laat het {afzender} dan weten, want "
        "dan kan het besluit anders zijn.",
    ),
    (
        "De aftrek voor ",
        "Een deel van uw zorg krijgt u misschien al op school. Hoeveel dat is, konden wij niet uitrekenen. Vraag "
        "{afzender} wat dit voor u betekent.",
    ),
    (
        "Het deel voor onderwijs van de oude indicatie",
        "Het deel van uw zorg op school loopt door zoals in uw oude indicatie. Hoeveel dat is, konden wij niet "
        "uitrekenen. Vraag {afzender} wat dit voor u betekent.",
    ),
)
ONZEKER_ALGEMEEN = (
    "Bij de berekening was niet alles zeker. In de bijlage staat wat. Vraag {afzender} wat dit voor u betekent."
)


def let_op_voor_client(waarschuwingen: list[str], afzender: str) -> list[str]:
    """The letter's 'Let op' in client words, one sentence per kind of uncertainty (never the assessor's text)."""
    uit: list[str] = []
    for w in waarschuwingen:
        sjabloon = next((tekst for begin, tekst in LET_OP_VOOR_CLIENT if w.startswith(begin)), ONZEKER_ALGEMEEN)
        datum = re.search(r"\d\d-\d\d-\d{4}", w)
        zin = sjabloon.format(afzender=afzender, datum=datum.group(0) if datum else "de dag van het onderzoek")
        if zin not in uit:
            uit.append(zin)
    return uit


_PROFIELTEKSTEN = re.compile(r"profielteksten: (.*)$")


def bron_van_het_stelsel(stap: dict[str, Any], wlz: bool, peildatum: date | None = None) -> dict[str, Any]:
    """A trail step whose bron cites the sources of the decision's own regime. Decisions stored before the rules
    core cited them so (an AWBZ decision citing the Regeling langdurige zorg as its profile texts, a meerzorg step
    citing both regulations) get the same bron the rules core now gives; the step's outcome is unchanged. The link
    goes to the version of the law in force on the assessment's peildatum (a stored decision may carry the link
    of an older rules core)."""
    bron = str(stap.get("bron") or "")
    if stap.get("regel") == "Best passend cliëntprofiel":
        bron = _PROFIELTEKSTEN.sub(lambda m: profielbron(m.group(1), wlz), bron)
    elif stap.get("regel") == "Meerzorg":
        bron = meerzorgbron(bron, wlz)
    return {**stap, "bron": bron, "bron_adres": bron_adres(bron, peildatum)}


def uitleg_adres(zzp_code: str | None, basis_url: str = "") -> str | None:
    """Where the public explanation of the granted profile lives: $ZORGZWAARTE_URL (the public address) or the
    address the request came in on, plus /zzp/{code}."""
    z = zoek_zzp(zzp_code) if zzp_code else None
    if z is None:
        return None
    basis = (os.environ.get("ZORGZWAARTE_URL") or basis_url or "http://127.0.0.1:8000").rstrip("/")
    return f"{basis}/zzp/{z.code}"


def besluitbrief(uow: Werkeenheid, besluit_id: int, basis_url: str = "") -> dict[str, Any]:
    """The content of the decision letter; rights and audit as for reading the decision. The adapter renders it
    (``rapporten.brieven.besluitbrief_pdf``)."""
    besluit = r.besluit_lezen(uow, besluit_id).model_dump()
    client = r.client_lezen(uow, besluit["client_id"]).model_dump()
    afzender = None
    peildatum = None
    if besluit["beoordeling_id"]:
        b = uow.sessie.get(Beoordeling, besluit["beoordeling_id"])
        org = uow.sessie.get(Organisatie, b.organisatie_id) if b else None
        afzender = org.naam if org else None
        peildatum = (b.invoer or {}).get("peildatum") if b else None
    uow.log("besluit.brief", "indicatiebesluit", besluit_id, besluit["client_id"])
    afzender = afzender or "Het indicatieorgaan"
    res = besluit["resultaat"]
    oordeel_uitgelegd = bool(
        (res.get("zzp") or {}).get("professioneel_oordeel_nodig")
        and (res.get("zzp") or {}).get("redenen_oordeel")
        and not besluit.get("zzp_code")
    )
    # the warning that the profile is not computed says what the letter's paragraph on the assessor's choice says
    waarschuwingen = [
        w
        for w in res.get("waarschuwingen") or []
        if not (oordeel_uitgelegd and w.startswith("Het zorgprofiel is niet berekend"))
    ]
    return {
        "b": besluit,
        "res": res,
        "c": client,
        "afzender": afzender,
        "oordeel_uitgelegd": oordeel_uitgelegd,
        "let_op": let_op_voor_client(waarschuwingen, afzender),
        "waarschuwingen": res.get("waarschuwingen") or [],
        "bezwaar_bron": BEZWAAR_BRON,
        "zzp_uitleg": uitleg_adres(besluit.get("zzp_code"), basis_url) if besluit["besluit"] == "toegekend" else None,
        "peildatum": peildatum,
        "bijlage": [
            bron_van_het_stelsel(
                s, besluit["stelsel"] == "Wlz", date.fromisoformat(str(peildatum)) if peildatum else None
            )
            for s in res.get("toelichting") or []
            if s.get("regel") not in INTERN
        ],
    }


# The subjects of Wlz art. 8.1.1 lid 1 (regels.zorgplan, by sleutel) as the letter to the client says them, and the
# heading of this letter where each stands.
ONDERWERPEN_VOOR_U = {
    "doelen": ("Uw doelen voor de komende tijd, en hoe u die bereikt", "Uw doelen en wensen per deel van uw leven"),
    "zorgverleners": ("Wie voor welk deel van uw zorg zorgt", "Wie voor uw zorg zorgt"),
    "wensen": (
        "Hoe u uw leven wilt inrichten, en de hulp die u daarbij krijgt",
        "Uw doelen en wensen per deel van uw leven",
    ),
    "evaluatie": ("Wanneer wij de afspraken met u bekijken en aanpassen", "Wanneer wij het plan met u bekijken"),
}


def onderwerpen_voor_u() -> list[dict[str, str]]:
    """The subjects of the zorgplanbespreking addressed to the client ('u'), each with its article."""
    uit = []
    for o in zorgplan_onderwerpen():
        onderwerp, plaats = ONDERWERPEN_VOOR_U.get(o["sleutel"], (o["onderwerp"], o["plaats"]))
        uit.append({**o, "onderwerp": onderwerp, "plaats": plaats})
    return uit


def plicht_voor_u(p: dict[str, str], plan: dict[str, Any]) -> str:
    """What the provider still owes, said to the client: 'wij' do it for 'u' (regels.zorgplan says it to the
    provider, about 'de cliënt')."""
    soort = p["soort"]
    if soort == "bespreking_onbekend":
        return "Wij hebben nog niet opgeschreven op welke dag wij dit plan met u hebben besproken."
    if soort == "afschrift":
        return "Wij geven u een afschrift (kopie) van dit plan en schrijven op wanneer u het kreeg."
    if soort == "vastgelegd_te_laat":
        return (
            "Wij hebben dit plan later opgeschreven dan de wet wil: meer dan zes weken na ons gesprek met u. "
            "Dat had eerder gemoeten."
        )
    if soort == "evaluatie_te_laat":
        return (
            f"Wij hadden dit plan uiterlijk {format_date(date.fromisoformat(p['uiterlijk']), format='long', locale='nl_NL')} opnieuw met u moeten bespreken. Wij maken "
            "zo snel mogelijk een afspraak met u."
        )
    if soort == "onderwerp_ontbreekt" and p.get("sleutel") in ONDERWERPEN_VOOR_U:
        onderwerp = ONDERWERPEN_VOOR_U[p["sleutel"]][0]
        return f"In dit plan staat nog niet: {onderwerp[0].lower()}{onderwerp[1:]}. Dat bespreken wij met u."
    return p["melding"][0].upper() + p["melding"][1:]


def zorgplanbrief(uow: Werkeenheid, zorgplan_id: int) -> dict[str, Any]:
    """The content of the zorgplan for the client (Wlz art. 8.1.3 lid 1: a copy to the client): the agreements per
    subject of the zorgplanbespreking (art. 8.1.1 lid 1) and per life domain, and what the provider still owes.
    Care that started before 2015 follows the AWBZ's rules and a Wlz pgb is outside art. 8.1.1 (``zorgplan_regels``):
    then the letter names those rules and cites no Wlz article.
    Rights and audit as for reading the plan; the adapter renders it (``rapporten.brieven.zorgplanbrief_pdf``)."""
    plan = r.zorgplan_lezen(uow, zorgplan_id).model_dump()
    o = r.overeenkomst_lezen(uow, plan["overeenkomst_id"]).model_dump()
    client = r.client_lezen(uow, plan["client_id"]).model_dump()
    org = uow.sessie.get(Organisatie, o["zorgaanbieder_id"]) if o.get("zorgaanbieder_id") else None
    uow.log("zorgplan.brief", "zorgplan", zorgplan_id, plan["client_id"])
    aanvang = date.fromisoformat(o["ingangsdatum"])
    plichten_gelden = zorgplan_plichten_gelden(aanvang, o.get("leveringsvorm"))
    regels = zorgplan_regels(aanvang, o.get("leveringsvorm"))
    return {
        # which rules the plan follows (Wlz art. 8.1.1/8.1.3, none for a Wlz pgb, the AWBZ's besluit before 2015):
        # the letter cites the Wlz's subjects and duties only where they apply
        "regels": {**regels, "adres": bron_adres(regels["bron"], aanvang)},
        "z": plan,
        "o": o,
        "c": client,
        "afzender": org.naam if org else "Uw zorgaanbieder",
        "domeinen": tuple(LEVENSDOMEINEN.items()),
        "onderwerpen": onderwerpen_voor_u() if plichten_gelden else [],
        "plichten": [
            {**p, "melding": plicht_voor_u(p, plan)}
            for p in (zorgplan_plichten(aanvang, plan, vandaag_nl(uow.nu())) if plichten_gelden else [])
        ],
        "uren_onbekend": None if plan["gepland"] else waarom_geen_uren(uow, o),
    }


def waarom_geen_uren(uow: Werkeenheid, o: dict[str, Any]) -> str:
    """Why a zorgplan without planned rows has no hours per week, in the client's words (the letter says "onbekend"
    and this, never a blank or a 0): nothing was planned, and for a zorgzwaartepakket whether its hours are known
    (the indication's hours per week; Regeling zorgaanspraken AWBZ bijlage 2 has most of them only as an image)."""
    tekst = "in dit zorgplan zijn nog geen uren zorg per week afgesproken"
    ib = uow.sessie.get(Indicatiebesluit, o["indicatiebesluit_id"]) if o.get("indicatiebesluit_id") else None
    if ib is None or not ib.zzp_code:
        return f"{tekst}. Dat bespreken wij met u."
    z = zoek_zzp(ib.zzp_code)
    pakket = f"uw zorgzwaartepakket ({z.code_lang if z else ib.zzp_code})"
    bereik = ((ib.resultaat or {}).get("zzp") or {}).get("uren_per_week") or {}
    if bereik.get("min") is None or bereik.get("max") is None:
        return (
            f"{tekst}, en de uren van {pakket} zijn niet bekend: de regeling geeft ze alleen als afbeelding. "
            "Wij spreken de uren met u af."
        )
    laag, hoog = (str(bereik[k]).replace(".", ",") for k in ("min", "max"))
    van_tot = laag if laag == hoog else f"{laag} tot {hoog}"
    return f"{tekst}; {pakket} geeft {van_tot} uur per week. Wij spreken de uren met u af."
