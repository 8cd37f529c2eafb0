"""Which leveringsvormen an indicatiebesluit allows (regels.leveringsvormen.niet_bij_indicatie): the overeenkomst
form proposes only these and the service refuses the others with the same words."""

from __future__ import annotations

from zorgzwaarte.regels.leveringsvormen import NAMEN, niet_bij_indicatie


def toegestaan(verblijf: bool, zzp_code: str | None) -> set[str]:
    return {lv for lv in NAMEN if niet_bij_indicatie(lv, verblijf, zzp_code) is None}


def test_functies_en_klassen_thuis_wlz_art_3_3_1_en_3_3_2() -> None:
    """Functies en klassen (care at home, no ZZP): no verblijf (it needs an indication with verblijf) and no volledig
    pakket thuis (the integral package of Wlz art. 3.3.2 lid 1 onder a needs a zorgzwaartepakket); a modulair pakket
    thuis (onder b) and a pgb (art. 3.3.1 lid 1) remain."""
    assert toegestaan(False, None) == {"mpt", "pgb"}
    assert niet_bij_indicatie("verblijf", False, None) == "verblijf vraagt een indicatie met verblijf"
    assert "zorgzwaartepakket" in (niet_bij_indicatie("vpt", False, None) or "")


def test_zzp_zonder_verblijf_wlz_art_3_3_2_lid_1() -> None:
    """A zorgzwaartepakket delivered at home: a volledig pakket thuis is possible, verblijf is not."""
    assert toegestaan(False, "5VV") == {"vpt", "mpt", "pgb"}


def test_zzp_met_verblijf_wlz_art_3_3_1_lid_1() -> None:
    """An indication with verblijf and a ZZP allows every leveringsvorm of art. 3.3.1 lid 1."""
    assert toegestaan(True, "5VV") == {"verblijf", "vpt", "mpt", "pgb"}
