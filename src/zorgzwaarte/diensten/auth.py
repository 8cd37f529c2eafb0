"""Login with argon2-hashed passwords and opaque bearer tokens (stored only as a SHA-256 hash)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from zorgzwaarte.diensten.toegang import Actor
from zorgzwaarte.diensten.werkeenheid import Werkeenheid, nu_utc
from zorgzwaarte.fouten import NietAangemeld
from zorgzwaarte.opslag.modellen import Gebruiker, Token

TOKEN_GELDIG = timedelta(hours=8)
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("niet-een-echt-wachtwoord")


def hash_wachtwoord(wachtwoord: str) -> str:
    return _hasher.hash(wachtwoord)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def aanmelden(
    fabriek: sessionmaker[Session], gebruikersnaam: str, wachtwoord: str, nu: Callable[[], datetime] = nu_utc
) -> tuple[str, Actor]:
    """Check the password; return a new token and the actor. Every attempt is audited (never the password)."""
    with Werkeenheid(fabriek, None, nu) as uow:
        poging = uow.log("aanmelden", "gebruiker", details=f"gebruikersnaam {gebruikersnaam[:100]}")
        g = uow.sessie.scalars(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam)).first()
        try:
            _hasher.verify(g.wachtwoord_hash if g else _DUMMY, wachtwoord)
        except (VerificationError, InvalidHashError):
            g = None
        if g is None or not g.actief:
            raise NietAangemeld("onjuiste gebruikersnaam of wachtwoord")
        uow.actor = Actor.van(g)
        poging.object_id = g.id
        token = secrets.token_urlsafe(32)
        moment = nu()
        uow.sessie.add(
            Token(
                token_hash=_token_hash(token),
                gebruiker_id=g.id,
                aangemaakt_op=moment,
                verloopt_op=moment + TOKEN_GELDIG,
            )
        )
        return token, uow.actor


def actor_voor_token(sessie: Session, token: str, nu: Callable[[], datetime] = nu_utc) -> Actor:
    t = sessie.scalars(select(Token).where(Token.token_hash == _token_hash(token))).first()
    if t is None or t.ingetrokken or _aware(t.verloopt_op) <= nu():
        raise NietAangemeld("niet aangemeld of de sessie is verlopen; meld u opnieuw aan")
    g = sessie.get(Gebruiker, t.gebruiker_id)
    if g is None or not g.actief:
        raise NietAangemeld("dit account is niet actief")
    return Actor.van(g)


def afmelden(fabriek: sessionmaker[Session], token: str, actor: Actor) -> None:
    with Werkeenheid(fabriek, actor) as uow:
        uow.log("afmelden", "gebruiker", actor.gebruiker_id)
        t = uow.sessie.scalars(select(Token).where(Token.token_hash == _token_hash(token))).first()
        if t is not None:
            t.ingetrokken = True


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
