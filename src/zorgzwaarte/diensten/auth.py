"""Login with argon2-hashed passwords and opaque bearer tokens (stored only as a SHA-256 hash).

A session (API token or web cookie) ends after `ZORGZWAARTE_SESSIE_INACTIEF_MINUTEN` (default 30) minutes without
use and at the latest `ZORGZWAARTE_SESSIE_MAX_UREN` (default 8) hours after login. Failed logins are throttled per
account and per address (diensten/aanmeldbeveiliging.py)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Row, bindparam, select, update
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.aanmeldbeveiliging import (
    MAX_WACHTWOORD,
    hashcontrole,
    poging_gelukt,
    poging_registreren,
    sleutels,
)
from zorgzwaarte.diensten.omgeving import positief_getal
from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, nu_utc
from zorgzwaarte.fouten import NietAangemeld
from zorgzwaarte.opslag.gegevensversie import VERSIE_KOLOM, onthoud
from zorgzwaarte.opslag.modellen import Gebruiker, Organisatie, Token

TOKEN_GELDIG = timedelta(hours=8)
INACTIEF = timedelta(minutes=30)
BIJWERKEN_NA = timedelta(seconds=60)  # `laatst_gebruikt_op` is written at most once a minute per session


def sessieduur() -> tuple[timedelta, timedelta]:
    """(idle timeout, absolute lifetime) of a session, from the environment."""
    return (
        timedelta(minutes=positief_getal("ZORGZWAARTE_SESSIE_INACTIEF_MINUTEN", INACTIEF // timedelta(minutes=1))),
        timedelta(hours=positief_getal("ZORGZWAARTE_SESSIE_MAX_UREN", TOKEN_GELDIG // timedelta(hours=1))),
    )


_hasher = PasswordHasher()
_DUMMY = _hasher.hash("niet-een-echt-wachtwoord")


def hash_wachtwoord(wachtwoord: str) -> str:
    return _hasher.hash(wachtwoord)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def aanmelden(
    fabriek: sessionmaker[Session],
    gebruikersnaam: str,
    wachtwoord: str,
    nu: Callable[[], datetime] = nu_utc,
    adres: str | None = None,
) -> tuple[str, Actor]:
    """Check the password; return a new token and the actor. Every attempt is audited (never the password).
    `adres` is the source address of the request (throttling per address); TeVaak (429) when throttled."""
    with Werkeenheid(fabriek, None, nu) as uow:
        poging = uow.log(
            "aanmelden",
            "gebruiker",
            details=f"gebruikersnaam {gebruikersnaam[:100]}" + (f", adres {adres[:60]}" if adres else ""),
        )
        te_controleren = sleutels(gebruikersnaam, adres)
        sloten = poging_registreren(fabriek, uow, te_controleren)
        g = uow.sessie.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).first()
        if len(wachtwoord) > MAX_WACHTWOORD:
            g = None  # never hashed: a huge password costs no memory or CPU
        else:
            with hashcontrole():
                try:
                    _hasher.verify(g.wachtwoord_hash if g else _DUMMY, wachtwoord)
                except (VerificationError, InvalidHashError):
                    g = None
        if g is None or not g.actief:
            raise NietAangemeld("onjuiste gebruikersnaam of wachtwoord")
        poging_gelukt(fabriek, te_controleren)
        for slot in sloten:
            uow.pogingen.remove(slot)
        uow.actor = Actor.van(g)
        poging.object_id = g.id
        token = secrets.token_urlsafe(32)
        moment = nu()
        uow.sessie.add(
            Token(
                token_hash=_token_hash(token),
                gebruiker_id=g.id,
                aangemaakt_op=moment,
                verloopt_op=moment + sessieduur()[1],
                laatst_gebruikt_op=moment,
            )
        )
        return token, uow.actor


_T, _G, _O = Token.__table__.c, Gebruiker.__table__.c, Organisatie.__table__.c
# Built once: the columns of token, user and organisation by the token's hash (plain rows, no ORM objects to load:
# the token check runs on every request and the ORM version cost five times the processor time).
_TOKEN_VRAAG = (
    select(
        _T.id,
        _T.ingetrokken,
        _T.verloopt_op,
        _T.aangemaakt_op,
        _T.laatst_gebruikt_op,
        _G.id.label("gebruiker_id"),
        _G.gebruikersnaam,
        _G.naam,
        _G.rol,
        _G.organisatie_id,
        _G.actief,
        _O.naam.label("organisatie_naam"),
        _O.soort,
        _O.regio,
        _O.iwlz_code,
        _O.agb_code,
        VERSIE_KOLOM,
    )
    .select_from(Token.__table__.join(Gebruiker.__table__, _G.id == _T.gebruiker_id))
    .join(Organisatie.__table__, _O.id == _G.organisatie_id)
    .where(_T.token_hash == bindparam("token_hash"))
)


def lees_token_en_versie(verbinding: Connection, token: str) -> Row[Any] | None:
    """The token's row with its user, organisation and the data version, in one statement on `verbinding` (Core:
    no ORM objects, no ORM execution); None for an unknown token."""
    return verbinding.execute(_TOKEN_VRAAG, {"token_hash": _token_hash(token[:200])}).first()


def actor_voor_token(sessie: Session, token: str, nu: Callable[[], datetime] = nu_utc) -> Actor:
    """The user of a valid session, in one query (token, user, organisation and the data version together); the
    session ends after the idle timeout or its absolute lifetime. Its last use is written (committed on `sessie`)
    at most once a minute. The data version is kept on `sessie` (opslag/gegevensversie.py `onthoud`): a unit of
    work that continues this session (api/eendraad.py) reads it without a second query."""
    rij = lees_token_en_versie(sessie.connection(), token)
    moment = nu()
    if rij is None or rij.ingetrokken or _aware(rij.verloopt_op) <= moment:
        raise NietAangemeld("niet aangemeld of de sessie is verlopen; meld u opnieuw aan")
    laatst = _aware(rij.laatst_gebruikt_op or rij.aangemaakt_op)
    if laatst + sessieduur()[0] <= moment:
        raise NietAangemeld("uw sessie is verlopen omdat u een tijd niets deed; meld u opnieuw aan")
    if not rij.actief:
        raise NietAangemeld("dit account is niet actief")
    actor = Actor(
        rij.gebruiker_id,
        rij.gebruikersnaam,
        rij.naam,
        rij.rol,
        rij.organisatie_id,
        rij.organisatie_naam,
        rij.soort,
        rij.regio,
        Organisatie.uzovi_van(rij.soort, rij.iwlz_code),
        rij.agb_code,
    )
    onthoud(sessie, rij.gegevensversie)
    if moment - laatst >= BIJWERKEN_NA:
        # on the connection, not through the session: the session stays "only read" for the unit of work that
        # continues it (diensten/werkeenheid.py `alleen_gelezen`); committed here, before the request's work
        sessie.connection().execute(_LAATST_GEBRUIKT, {"token_id": rij.id, "moment": moment})
        sessie.commit()
    return actor


_LAATST_GEBRUIKT = update(Token).where(Token.id == bindparam("token_id")).values(laatst_gebruikt_op=bindparam("moment"))


def afmelden(fabriek: sessionmaker[Session], token: str, actor: Actor, alle: bool = False) -> int:
    """End this session (or, with `alle`, every session of the user); returns how many were ended."""
    with Werkeenheid(fabriek, actor) as uow:
        uow.log("afmelden", "gebruiker", actor.gebruiker_id, details="alle sessies" if alle else None)
        waar = Token.gebruiker_id == actor.gebruiker_id if alle else Token.token_hash == _token_hash(token)
        tokens = list(uow.sessie.scalars(select(Token).where(waar, Token.ingetrokken.is_(False))))
        for t in tokens:
            t.ingetrokken = True
        return len(tokens)


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
