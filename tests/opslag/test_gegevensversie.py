"""The data version (opslag/gegevensversie.py): database triggers raise one counter on every write of every table
except the exempt ones, on SQLite and PostgreSQL, seen by every connection; a rollback leaves it as it was."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, inspect, text

from zorgzwaarte.opslag.database import alembic_config, huidige_revisie, migreer, sessiefabriek
from zorgzwaarte.opslag.gegevensversie import VRIJGESTELD, gegevensversie, tabellen_zonder_trigger

NU = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _versie(engine: Engine) -> int:
    with sessiefabriek(engine)() as s:
        return gegevensversie(s)


def _schrijf(engine: Engine, code: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO zzp_aanvulling (code, inhoud, geladen_op) VALUES (:c, '{}', :t)"), {"c": code, "t": NU}
        )


def test_elke_tabel_heeft_een_trigger_of_een_reden(engine: Engine) -> None:
    """Every table (also one a later migration adds) raises the counter, or is exempt with a reason."""
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == []
        tabellen = set(inspect(conn).get_table_names())
    assert set(VRIJGESTELD) <= tabellen, "een vrijstelling voor een tabel die niet bestaat"
    assert all(reden.strip() for reden in VRIJGESTELD.values())


def test_een_nieuwe_tabel_zonder_trigger_wordt_gezien_en_krijgt_er_een_bij_de_migratie(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE later_erbij (id INTEGER PRIMARY KEY, naam VARCHAR(20))"))
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == ["later_erbij"]  # the guard above would fail
    migreer(engine)  # every migration run gives every table its triggers (migraties/env.py)
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == []
    voor = _versie(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO later_erbij (id, naam) VALUES (1, 'a')"))
    assert _versie(engine) > voor


def test_schrijven_in_een_verbinding_is_zichtbaar_in_een_andere(engine: Engine) -> None:
    """Insert, update and delete by raw SQL in one connection each raise the version another session reads."""
    gezien = [_versie(engine)]
    _schrijf(engine, "1VV")
    gezien.append(_versie(engine))
    with engine.begin() as conn:
        conn.execute(text("UPDATE zzp_aanvulling SET inhoud = '[]' WHERE code = '1VV'"))
    gezien.append(_versie(engine))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM zzp_aanvulling WHERE code = '1VV'"))
    gezien.append(_versie(engine))
    assert gezien == sorted(set(gezien)), gezien  # strictly rising


def test_een_teruggedraaide_schrijfactie_verhoogt_niet(engine: Engine) -> None:
    voor = _versie(engine)
    with engine.connect() as conn:
        trans = conn.begin()
        conn.execute(text("INSERT INTO zzp_aanvulling (code, inhoud, geladen_op) VALUES ('2VV', '{}', :t)"), {"t": NU})
        trans.rollback()
    assert _versie(engine) == voor
    _schrijf(engine, "2VV")
    assert _versie(engine) > voor


def test_de_versie_wordt_eenmaal_per_sessie_gelezen(engine: Engine) -> None:
    """Memoised in the session: the key of everything the session reads afterwards (read first, data after)."""
    with sessiefabriek(engine)() as s:
        eerst = gegevensversie(s)
        _schrijf(engine, "3VV")
        assert gegevensversie(s) == eerst
    assert _versie(engine) > eerst


def test_downgrade_en_weer_upgrade(engine: Engine) -> None:
    cfg = alembic_config(engine)
    command.downgrade(cfg, "0009")
    assert huidige_revisie(engine) == "0009"
    with engine.connect() as conn:
        assert "gegevensversie" not in inspect(conn).get_table_names()
        sql = (
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'gv\\_%'"
            if engine.dialect.name == "postgresql"
            else "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gv\\_%' ESCAPE '\\'"
        )
        assert conn.execute(text(sql)).scalar_one() == 0
    _schrijf(engine, "4VV")  # writes work without the counter
    migreer(engine)
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == []
    voor = _versie(engine)
    _schrijf(engine, "5VV")
    assert _versie(engine) == voor + 1


def _met_token(engine: Engine) -> None:
    """Demo data and one signed-in assessor: a row in `token`."""
    from zorgzwaarte.demo.gegevens import vul_demo
    from zorgzwaarte.diensten.auth import aanmelden

    vul_demo(sessiefabriek(engine))
    aanmelden(sessiefabriek(engine), "beoordelaar", "demo-beoordelaar", lambda: NU)


def test_laatst_gebruikt_op_van_een_token_verhoogt_niet_intrekken_wel(engine: Engine) -> None:
    """The idle-timeout moment of a token is written every minute per active session; counting it would empty the
    read cache for everyone whenever anyone works. Revoking a token, or any other column, still counts."""
    _met_token(engine)
    voor = _versie(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE token SET laatst_gebruikt_op = :t"), {"t": NU})
    assert _versie(engine) == voor
    with engine.begin() as conn:
        conn.execute(text("UPDATE token SET ingetrokken = :j"), {"j": True})
    assert _versie(engine) == voor + 1
    with engine.begin() as conn:  # both in one statement: counts
        conn.execute(text("UPDATE token SET laatst_gebruikt_op = :t, verloopt_op = :t"), {"t": NU})
    assert _versie(engine) == voor + 2


def test_een_kolom_die_later_bij_token_komt_telt_na_de_migratie(engine: Engine) -> None:
    """The update trigger lists the columns it watches; a column added later makes it outdated: seen by the guard,
    replaced at the next migration run, and then its updates count."""
    _met_token(engine)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE token ADD COLUMN apparaat VARCHAR(40)"))
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == ["token"]
    migreer(engine)
    with engine.connect() as conn:
        assert tabellen_zonder_trigger(conn) == []
    voor = _versie(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE token SET apparaat = 'x'"))
    assert _versie(engine) == voor + 1
    with engine.connect() as conn:
        sql = (
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'gv\\_token%'"
            if engine.dialect.name == "postgresql"
            else "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gv\\_token\\_%' ESCAPE '\\'"
        )
        assert conn.execute(text(sql)).scalar_one() == (1 if engine.dialect.name == "postgresql" else 3)
