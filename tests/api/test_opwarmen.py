"""A server worker builds what the first requests would otherwise build before it serves (diensten/opwarmen.py):
after `maak_app_voor_werkproces` a preview and an indication parse no YAML and compute no regelset table or
fingerprint. Counted in a fresh process (the caches of this one are warm from other tests); the same requests on an
app made without the warm-up, in the same process with its caches emptied, do parse (so the count can fail)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import yaml
    from fastapi.testclient import TestClient
    from zorgzwaarte.api.app import maak_app, maak_app_voor_werkproces
    from zorgzwaarte.demo.gegevens import DEMO_GEBRUIKERS, laad_demo_aanvulling, vul_demo
    from zorgzwaarte.opslag.database import maak_engine, migreer, sessiefabriek
    from zorgzwaarte.regels import regelset
    from zorgzwaarte.diensten import leescache

    engine = maak_engine()
    migreer(engine)
    vul_demo(sessiefabriek(engine), aantal_clienten=5)
    laad_demo_aanvulling(sessiefabriek(engine))
    gelezen = []
    echt = yaml.safe_load
    yaml.safe_load = lambda *a, **k: gelezen.append(1) or echt(*a, **k)
    GECACHET = (regelset._lees, regelset.parameters, regelset._opgelost, regelset._kenmerk, regelset._regelsets,
                leescache._regelsets_kenmerk)

    def leeg():
        for naam, module in list(sys.modules.items()):
            if naam.startswith("zorgzwaarte"):
                for waarde in list(vars(module).values()):
                    if callable(getattr(waarde, "cache_clear", None)):
                        waarde.cache_clear()

    def verzoeken(app):
        c = TestClient(app)
        wachtwoord = {g[0]: g[4] for g in DEMO_GEBRUIKERS}["beoordelaar"]
        r = c.post("/api/v1/auth/token", data={"username": "beoordelaar", "password": wachtwoord})
        c.headers["Authorization"] = "Bearer " + r.json()["access_token"]
        clienten = [k["id"] for k in c.get("/api/v1/clienten").json()["items"]]
        beoordelingen = [b["id"] for k in clienten for b in c.get(f"/api/v1/clienten/{k}/beoordelingen").json()]
        gelezen.clear()
        missers = sum(f.cache_info().misses for f in GECACHET)
        statussen = [c.post(f"/api/v1/beoordelingen/{b}/voorbeeld").status_code for b in beoordelingen]
        invoer = json.loads(Path(sys.argv[1]).read_text())
        statussen.append(c.post("/api/v1/indiceer", json=invoer).status_code)
        return {"yaml": len(gelezen), "missers": sum(f.cache_info().misses for f in GECACHET) - missers,
                "statussen": sorted(set(statussen)), "verzoeken": len(statussen)}

    leeg()
    zonder = verzoeken(maak_app(engine))
    leeg()
    met = verzoeken(maak_app_voor_werkproces())
    print(json.dumps({"zonder": zonder, "met": met}))
    """
)


def test_na_het_opwarmen_leest_een_voorbeeld_of_indicatie_geen_yaml(tmp_path: Path) -> None:
    uit = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(ROOT / "examples" / "thuis_pv_vp.json")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**_omgeving(), "ZORGZWAARTE_DATA": str(tmp_path / "data")},
        timeout=300,
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    telling = json.loads(uit.stdout.strip().splitlines()[-1])
    zonder, met = telling["zonder"], telling["met"]
    assert zonder["statussen"] == met["statussen"] == [200] and met["verzoeken"] > 2, telling
    assert zonder["yaml"] > 0 and zonder["missers"] > 0, telling  # without the warm-up the first ones parse
    assert met["yaml"] == 0 and met["missers"] == 0, telling


def _omgeving() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "ZORGZWAARTE_DATABASE_URL"}
