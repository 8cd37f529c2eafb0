"""A client generated from /openapi.json with openapi-python-client (a maintained generator from PyPI) runs the
chain: create a client -> assessment -> make it final -> record the decision -> fetch the letter (PDF), and
computes a pgb (a closed computed answer).
The generated code goes to a temp folder; its HTTP goes through the ASGI app (Starlette's TestClient is an
httpx.Client, which the generated client accepts), against a temp database."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import WACHTWOORD, Api
from tests.api.test_keten import THUIS

GENERATOR = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(GENERATOR is None, reason="openapi-python-client ontbreekt (pip install -e '.[dev]')")
def test_gegenereerde_client_doet_de_keten(api: Api, tmp_path: Path) -> None:
    assert GENERATOR is not None
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(api.app.openapi()), encoding="utf-8")
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"package_name_override": "zz_client", "project_name_override": "zz_client"}))
    uit = subprocess.run(
        [
            GENERATOR,
            "generate",
            "--path",
            str(spec),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "zz_client"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "Warning" not in uit.stdout, uit.stdout  # every operation and model could be generated

    sys.path.insert(0, str(tmp_path))
    try:
        _keten(api, tmp_path)
    finally:
        sys.path.remove(str(tmp_path))
        for naam in [m for m in sys.modules if m == "zz_client" or m.startswith("zz_client.")]:
            del sys.modules[naam]


def _keten(api: Api, tmp_path: Path) -> None:
    zz: Any = importlib.import_module("zz_client")
    modellen: Any = importlib.import_module("zz_client.models")

    def op(tag: str, operatie: str) -> Any:  # one generated module per operation, under its tag
        return importlib.import_module(f"zz_client.api.{tag}.{operatie}")

    anoniem = zz.Client(base_url="http://testserver")
    anoniem.set_httpx_client(TestClient(api.app, base_url="http://testserver"))
    token = op("aanmelden", "token").sync(
        client=anoniem, body=modellen.BodyToken(username="beoordelaar", password=WACHTWOORD["beoordelaar"])
    )
    assert isinstance(token, modellen.Token) and token.gebruiker.rol == "beoordelaar"

    c = zz.AuthenticatedClient(base_url="http://testserver", token=token.access_token)
    c.set_httpx_client(
        TestClient(api.app, base_url="http://testserver", headers={"Authorization": f"Bearer {token.access_token}"})
    )

    # a refusal arrives as the fouten model, in Dutch, naming the field
    fout = op("cliënten", "client_nieuw").sync(
        client=c, body=modellen.ClientNieuw(bsn="123456789", geslachtsnaam="Proef", geboortedatum=_datum("1940-02-01"))
    )
    assert isinstance(fout, modellen.Fouten) and fout.fouten[0].veld == "bsn"

    nieuw = op("cliënten", "client_nieuw").sync(
        client=c,
        body=modellen.ClientNieuw(
            bsn="999990652", geslachtsnaam="Gegenereerd", voorletters="G.", geboortedatum=_datum("1940-02-01")
        ),
    )
    assert isinstance(nieuw, modellen.ClientUit) and nieuw.naam == "G. Gegenereerd"

    concept = op("beoordelingen", "beoordeling_nieuw").sync(
        client_id=nieuw.id,
        client=c,
        body=modellen.BeoordelingConcept(
            invoer=modellen.BeoordelingConceptInvoer.from_dict(THUIS), aanvraagdatum=_datum("2014-03-01")
        ),
    )
    assert isinstance(concept, modellen.BeoordelingUit) and concept.status == "concept"

    definitief = op("beoordelingen", "beoordeling_def").sync(
        beoordeling_id=concept.id, client=c, body=modellen.Versie(versie=concept.versie)
    )
    assert isinstance(definitief, modellen.BeoordelingUit) and definitief.status == "definitief"

    besluit = op("indicatiebesluiten", "besluit_nieuw").sync(
        beoordeling_id=definitief.id, client=c, body=modellen.BesluitVastleggen(versie=definitief.versie)
    )
    assert isinstance(besluit, modellen.BesluitUit), besluit
    assert besluit.besluit == "toegekend" and besluit.client_id == nieuw.id
    assert besluit.ruleset.naam == "AWBZ 2014"

    brief = op("indicatiebesluiten", "besluit_brief").sync_detailed(besluit_id=besluit.id, client=c)
    assert brief.status_code == 200 and brief.content.startswith(b"%PDF")
    assert brief.headers["content-type"] == "application/pdf"

    # a computation with a closed answer: the maximum pgb (Rsa 2014 art. 2.6.6), its steps and its regelset typed
    pgb = op("bekostiging", "pgb").sync(
        client=c,
        body=modellen.PgbInvoer(zzp="4VV", van=_datum("2014-01-01"), tot=_datum("2014-12-31"), in_instelling=True),
    )
    assert isinstance(pgb, modellen.PgbUitkomst), pgb
    assert pgb.mogelijk and pgb.maximum_per_jaar == "31079.00" and pgb.dagen == 365
    assert all(isinstance(s, modellen.Stap) and s.bron for s in pgb.toelichting)
    assert isinstance(pgb.regelset, modellen.Ontvangstbewijs) and pgb.regelset.naam


def _datum(tekst: str) -> Any:
    from datetime import date

    return date.fromisoformat(tekst)
