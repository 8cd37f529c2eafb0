"""The zorgkantoor's check of a declaration against what is on record: for each line with a BSN, is there an
indicatiebesluit and a zorgleveringsovereenkomst over the declared days, and is the declared ZZP the indicated one, and does the leveringsvorm of those agreements include a ZZP per day
(Wlz art. 3.3.2 and 3.3.3 of the version in force), and is the logeeropvang within Blz art. 3.1.3 of that version.
Audited like every read of client data (the BSN itself never goes into the log)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from zorgzwaarte.diensten.datums import voluit
from zorgzwaarte.diensten.declaratie import ClientRegel, DeclaratieInvoer, declareer
from zorgzwaarte.diensten.invoer import Ontvangen, aanvaard
from zorgzwaarte.diensten.toegang import eis, zichtbare_clienten
from zorgzwaarte.diensten.werkeenheid import Werkeenheid
from zorgzwaarte.domein.records import normaliseer_bsn
from zorgzwaarte.domein.uitvoer_geld import DeclaratieControle
from zorgzwaarte.opslag.modellen import Client, Indicatiebesluit, Zorgleveringsovereenkomst
from zorgzwaarte.regels.bekostiging.declaratie import parameters
from zorgzwaarte.regels.leveringsvormen import logeeropvang_te_veel, zzp_declaratie_fout

BRON = "Wlz art. 3.3.3 (zorg op grond van een indicatiebesluit); NZa Regeling declaratievoorschriften Wlz-zorg art. 4.1"


def _nl(d: date) -> str:
    return voluit(d)


def _overlapt(van: date, tot: date | None, begin: date, einde: date) -> bool:
    return van <= einde and (tot is None or tot >= begin)


def controleer_regel(
    uow: Werkeenheid, regel: ClientRegel, van: date, tot: date, logeeretmalen: dict[int, int] | None = None
) -> list[str]:
    """What does not match the records for one declared line (empty: it matches). ``logeeretmalen``: the client's
    etmalen logeeropvang in this declaration per calendar year (all its logeeropvang lines together)."""
    logeeretmalen = logeeretmalen if logeeretmalen is not None else etmalen_per_jaar(regel, van, tot)
    assert uow.actor is not None
    begin, einde = max(van, regel.opname), min(tot, regel.ontslag or tot)
    if not regel.bsn:
        return ["geen BSN op deze regel: niet te vergelijken met een indicatie"]
    try:
        bsn = normaliseer_bsn(regel.bsn)
    except ValueError:
        return ["het BSN op deze regel is niet geldig"]
    c = uow.sessie.scalars(
        zichtbare_clienten(uow.actor, select(Client).where(Client.bsn == bsn)).order_by(Client.id)
    ).first()
    if c is None:
        return ["geen cliënt met dit BSN in uw regio"]
    uow.log("declaratie.controleren", "client", c.id, c.id)
    bevindingen = []
    besluiten = [
        b
        for b in uow.sessie.scalars(
            select(Indicatiebesluit).where(Indicatiebesluit.client_id == c.id, Indicatiebesluit.besluit == "toegekend")
        )
        if _overlapt(b.geldig_van, b.geldig_tot, begin, einde)
    ]
    if not besluiten:
        bevindingen.append(f"geen indicatie voor de gedeclareerde dagen ({_nl(begin)} tot en met {_nl(einde)})")
    else:
        eerste = min(b.geldig_van for b in besluiten)
        laatste = (
            None
            if any(b.geldig_tot is None for b in besluiten)
            else max(b.geldig_tot for b in besluiten if b.geldig_tot)
        )
        if begin < eerste or (laatste and einde > laatste):
            tot_tekst = f" tot en met {_nl(laatste)}" if laatste else ""
            bevindingen.append(f"dagen buiten de geldigheid van de indicatie (geldig vanaf {_nl(eerste)}{tot_tekst})")
        zzps = sorted({b.zzp_code for b in besluiten if b.zzp_code})
        if regel.zzp and regel.zzp.upper() not in {z.upper() for z in zzps}:
            geindiceerd = ", ".join(zzps) if zzps else "geen zorgzwaartepakket"
            bevindingen.append(f"ander zorgzwaartepakket: gedeclareerd {regel.zzp}, geïndiceerd {geindiceerd}")
    overeenkomsten = [
        o
        for o in uow.sessie.scalars(
            select(Zorgleveringsovereenkomst).where(Zorgleveringsovereenkomst.client_id == c.id)
        )
        if _overlapt(o.ingangsdatum, o.einddatum, begin, einde)
    ]
    if not overeenkomsten:
        bevindingen.append("geen zorgleveringsovereenkomst voor de gedeclareerde dagen")
    # logeeropvang (Wlz art. 3.1.1 lid 1 onder g) is no zorgzwaartepakket per day: it may come with an mpt or pgb
    leveringsvorm = (
        None if regel.logeeropvang else zzp_declaratie_fout([o.leveringsvorm for o in overeenkomsten], begin)
    )
    if leveringsvorm:
        bevindingen.append(leveringsvorm)
    if regel.logeeropvang and besluiten:
        bevindingen += _logeeropvang(regel, besluiten, logeeretmalen)
    return bevindingen


def etmalen_per_jaar(regel: ClientRegel, van: date, tot: date) -> dict[int, int]:
    """The etmalen of a logeeropvang line in the declared period, per calendar year (a four-week period can cross
    New Year), counted like the declaration counts days (opnamedag counts, ontslagdag does not)."""
    telling = parameters()["dagtelling"]
    begin = max(van, regel.opname if telling["opnamedag_telt"] else regel.opname + timedelta(days=1))
    einde = tot
    if regel.ontslag is not None:
        einde = min(tot, regel.ontslag if telling["ontslagdag_telt"] else regel.ontslag - timedelta(days=1))
    uit: dict[int, int] = {}
    for jaar in range(begin.year, einde.year + 1):
        dagen = (min(einde, date(jaar, 12, 31)) - max(begin, date(jaar, 1, 1))).days + 1
        if dagen > 0:
            uit[jaar] = dagen
    return uit


def _logeeropvang(regel: ClientRegel, besluiten: list[Indicatiebesluit], etmalen: dict[int, int]) -> list[str]:
    """More logeeropvang than Blz art. 3.1.3 of the version in force allows in a calendar year (156, or pro rata the
    weeks the indicatiebesluit is valid in that year): this declaration's etmalen of the client plus those declared
    earlier that year as the line states them; not stated: only this declaration counts, and the finding says so."""
    van = min(b.geldig_van for b in besluiten)
    tot = None if any(b.geldig_tot is None for b in besluiten) else max(b.geldig_tot for b in besluiten if b.geldig_tot)
    bevindingen = []
    for jaar, hier in sorted(etmalen.items()):
        eerder = regel.logeeropvang_eerder_dit_jaar if jaar == min(etmalen) else None
        wat = f"{hier} in deze declaratie" + (
            f" en {eerder} eerder dit jaar" if eerder is not None else "; eerder gedeclareerde etmalen niet opgegeven"
        )
        te_veel = logeeropvang_te_veel(hier + (eerder or 0), jaar, van, tot, wat)
        if te_veel:
            bevindingen.append(te_veel)
        elif eerder is None:
            bevindingen.append(
                f"logeeropvang in {jaar}: alleen de {hier} etmalen van deze declaratie zijn geteld; geef "
                "logeeropvang_eerder_dit_jaar op om het maximum per kalenderjaar (Blz art. 3.1.3) te controleren"
            )
    return bevindingen


def declaratie_controleren(uow: Werkeenheid, data: Ontvangen[DeclaratieInvoer]) -> DeclaratieControle:
    """The declaration computed line by line, and per client line what does not match the records."""
    assert uow.actor is not None
    poging = uow.log("declaratie.controleren")
    eis(uow.actor, "client.lezen")
    inv = aanvaard(DeclaratieInvoer, data)
    uitkomst = declareer(inv)
    controle: dict[str, list[str]] = {}
    logeeretmalen: dict[str, dict[int, int]] = {}  # per client: all its logeeropvang lines count together
    for regel in inv.clienten:
        if regel.logeeropvang:
            per_jaar = logeeretmalen.setdefault(regel.id, {})
            for jaar, n in etmalen_per_jaar(regel, inv.periode.van, inv.periode.tot).items():
                per_jaar[jaar] = per_jaar.get(jaar, 0) + n
    for regel in inv.clienten:
        controle.setdefault(regel.id, []).extend(
            controleer_regel(uow, regel, inv.periode.van, inv.periode.tot, logeeretmalen.get(regel.id, {}))
        )
    poging.details = f"{len(inv.clienten)} regels, {sum(1 for v in controle.values() if v)} met een afwijking"
    return DeclaratieControle.model_validate({**uitkomst.als_json(), "controle": controle, "controle_bron": BRON})
