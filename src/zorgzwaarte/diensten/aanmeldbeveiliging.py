"""Login throttling: failed attempts counted per account and per source address.

- From the 3rd failure of an account (the 10th of an address) the next attempt must wait 1, 2, 4, ... seconds
  (at most 60) after the last failure; an earlier attempt is refused with 429 and `Retry-After`, without checking
  the password. Failures older than 15 minutes no longer count.
- After 10 failures (account) or 30 failures (address) the account or address is locked for 15 minutes.
- An attempt is counted as failed before the password is checked and taken back when it was right, so parallel
  guesses cannot slip past the count.
- Hash checks run at most two at a time (argon2 uses 64 MB each): many parallel logins cannot exhaust memory or
  CPU; a password longer than 1,000 characters is refused without hashing.
- The account key is the name as typed, also for names that do not exist: the answer never tells whether an
  account exists. Every failure, refusal and lock is audited; a beheerder can unlock (`ontgrendel_gebruiker`).

Documented in docs/api.md (Aanmelden).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.toegang import eis
from zorgzwaarte.diensten.werkeenheid import Poging, Werkeenheid
from zorgzwaarte.domein.uitvoer_beheer import AanmeldblokkadeUit, Aanmeldstatus, GebruikerGewijzigd
from zorgzwaarte.fouten import NietGevonden, TeVaak
from zorgzwaarte.opslag.modellen import Aanmeldblokkade, Gebruiker

VERTRAGING_VANAF = {"account": 3, "adres": 10}  # a shared address (an office) gets more room before waiting
MAX_VERTRAGING = 60
MAX_MISLUKT = {"account": 10, "adres": 30}
BLOKKADE = timedelta(minutes=15)
MAX_WACHTWOORD = 1000
GELIJKTIJDIGE_CONTROLES = 2
_controles = threading.BoundedSemaphore(GELIJKTIJDIGE_CONTROLES)


@dataclass
class Sleutel:
    soort: str  # account | adres
    waarde: str
    vorige_mislukking: datetime | None = None  # restored when the password was right


def sleutels(gebruikersnaam: str, adres: str | None) -> list[Sleutel]:
    uit = [Sleutel("account", gebruikersnaam.strip().lower()[:100])]
    if adres:
        uit.append(Sleutel("adres", adres[:100]))
    return uit


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _wachttijd(rij: Aanmeldblokkade, nu: datetime) -> int:
    """Seconds this key must still wait (0: an attempt may be made now)."""
    if rij.geblokkeerd_tot is not None and _aware(rij.geblokkeerd_tot) > nu:
        return math.ceil((_aware(rij.geblokkeerd_tot) - nu).total_seconds())
    vanaf = VERTRAGING_VANAF[rij.soort]
    if rij.mislukt >= vanaf:
        vertraging = min(2 ** (rij.mislukt - vanaf), MAX_VERTRAGING)
        resterend = (_aware(rij.laatste_mislukking) + timedelta(seconds=vertraging) - nu).total_seconds()
        return max(0, math.ceil(resterend))
    return 0


def _rij(sessie: Session, sleutel: Sleutel, nu: datetime) -> Aanmeldblokkade:
    rij = sessie.scalars(
        select(Aanmeldblokkade).where(Aanmeldblokkade.soort == sleutel.soort, Aanmeldblokkade.sleutel == sleutel.waarde)
    ).first()
    if rij is None:
        rij = Aanmeldblokkade(soort=sleutel.soort, sleutel=sleutel.waarde, mislukt=0, laatste_mislukking=nu)
        sessie.add(rij)
    elif rij.geblokkeerd_tot is None and _aware(rij.laatste_mislukking) + BLOKKADE <= nu:
        rij.mislukt = 0  # old failures no longer count
    elif rij.geblokkeerd_tot is not None and _aware(rij.geblokkeerd_tot) <= nu:
        rij.mislukt, rij.geblokkeerd_tot = 0, None  # the lock has run out
    return rij


def poging_registreren(fabriek: sessionmaker[Session], uow: Werkeenheid, te_controleren: list[Sleutel]) -> list[Poging]:
    """Count this attempt as failed before checking the password (in its own transaction); refuse with TeVaak
    when a key is locked or must still wait. Locks reached now are audited in `uow` (returned, so a right
    password can take them back)."""
    nu = uow.nu()
    sloten: list[Poging] = []
    for _ in range(3):  # a parallel first attempt may create the same row: try again
        try:
            with fabriek() as s, s.begin():
                rijen = [_rij(s, k, nu) for k in te_controleren]
                wacht = max(_wachttijd(r, nu) for r in rijen)
                if wacht:
                    raise TeVaak(
                        "te veel mislukte aanmeldpogingen; probeer het over "
                        + (f"{math.ceil(wacht / 60)} minuten" if wacht > 90 else f"{wacht} seconden")
                        + " opnieuw",
                        wacht,
                    )
                for r, k in zip(rijen, te_controleren, strict=True):
                    k.vorige_mislukking = r.laatste_mislukking if r.mislukt else None
                    r.mislukt = (r.mislukt or 0) + 1
                    r.laatste_mislukking = nu
                    if r.mislukt >= MAX_MISLUKT[k.soort]:
                        r.geblokkeerd_tot = nu + BLOKKADE
                        sloten.append(
                            uow.log(
                                "aanmelden.geblokkeerd",
                                "gebruiker" if k.soort == "account" else "adres",
                                details=f"{k.soort} {k.waarde} geblokkeerd tot {r.geblokkeerd_tot.isoformat()}",
                            )
                        )
            return sloten
        except IntegrityError:
            sloten.clear()
            continue
    raise TeVaak("het is op dit moment erg druk; probeer het over enkele seconden opnieuw", 5)


def poging_gelukt(fabriek: sessionmaker[Session], te_controleren: list[Sleutel]) -> None:
    """The password was right: the account starts afresh; the address gets its counted attempt back."""
    with fabriek() as s, s.begin():
        for k in te_controleren:
            rij = s.scalars(
                select(Aanmeldblokkade).where(Aanmeldblokkade.soort == k.soort, Aanmeldblokkade.sleutel == k.waarde)
            ).first()
            if rij is None:
                continue
            if k.soort == "account":
                s.delete(rij)
                continue
            # a locked address never reaches the password check: a lock here was set by this very attempt
            rij.mislukt = max(0, rij.mislukt - 1)
            if k.vorige_mislukking is not None:
                rij.laatste_mislukking = k.vorige_mislukking
            if rij.mislukt < MAX_MISLUKT["adres"]:
                rij.geblokkeerd_tot = None


@contextmanager
def hashcontrole() -> Iterator[None]:
    """At most GELIJKTIJDIGE_CONTROLES password hashes are checked at once; others wait (at most 10 s)."""
    if not _controles.acquire(timeout=10):
        raise TeVaak("het is op dit moment erg druk; probeer het over enkele seconden opnieuw", 5)
    try:
        yield
    finally:
        _controles.release()


def ontgrendel_gebruiker(uow: Werkeenheid, gebruiker_id: int) -> GebruikerGewijzigd:
    """A beheerder lifts the lock (and the count of failures) of an account."""
    assert uow.actor is not None
    uow.log("gebruiker.ontgrendelen", "gebruiker", gebruiker_id)
    eis(uow.actor, "beheer")
    g = uow.sessie.get(Gebruiker, gebruiker_id)
    if g is None:
        raise NietGevonden("gebruiker niet gevonden")
    sleutel = g.gebruikersnaam.lower()[:100]
    uow.sessie.execute(
        delete(Aanmeldblokkade).where(Aanmeldblokkade.soort == "account", Aanmeldblokkade.sleutel == sleutel)
    )
    return GebruikerGewijzigd(id=g.id, gebruikersnaam=g.gebruikersnaam, geblokkeerd=False)


def accountstatus(sessie: Session, nu: datetime) -> dict[str, Aanmeldstatus]:
    """Per account name (lower case) with failed attempts that still count: how many, and until when it is locked
    (None: not locked now). For the beheerder's user list, which offers 'ontgrendelen'."""
    uit: dict[str, Aanmeldstatus] = {}
    for r in sessie.scalars(select(Aanmeldblokkade).where(Aanmeldblokkade.soort == "account")):
        tot = _aware(r.geblokkeerd_tot) if r.geblokkeerd_tot else None
        if tot is not None and tot > nu:
            uit[r.sleutel] = Aanmeldstatus(mislukt=r.mislukt, geblokkeerd_tot=tot)
        elif r.mislukt and tot is None and _aware(r.laatste_mislukking) + BLOKKADE > nu:
            uit[r.sleutel] = Aanmeldstatus(mislukt=r.mislukt, geblokkeerd_tot=None)
    return uit


def blokkades(uow: Werkeenheid) -> list[AanmeldblokkadeUit]:
    """For the beheerder: accounts and addresses with failed attempts, locked or not (newest first)."""
    assert uow.actor is not None
    uow.log("aanmelden.blokkades_lezen")
    eis(uow.actor, "beheer")
    nu = uow.nu()
    gebruikers = {g.gebruikersnaam.lower(): g.id for g in uow.sessie.scalars(select(Gebruiker))}
    uit = []
    for r in uow.sessie.scalars(select(Aanmeldblokkade).order_by(Aanmeldblokkade.laatste_mislukking.desc())):
        tot = _aware(r.geblokkeerd_tot) if r.geblokkeerd_tot else None
        uit.append(
            AanmeldblokkadeUit.model_validate(
                {
                    "soort": r.soort,
                    "sleutel": r.sleutel,
                    "gebruiker_id": gebruikers.get(r.sleutel) if r.soort == "account" else None,
                    "mislukt": r.mislukt,
                    "laatste_mislukking": _aware(r.laatste_mislukking).isoformat(),
                    "geblokkeerd_tot": tot.isoformat() if tot and tot > nu else None,
                }
            )
        )
    return uit
