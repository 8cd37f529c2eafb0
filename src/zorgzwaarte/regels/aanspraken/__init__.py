"""De Regeling zorgaanspraken AWBZ als uitvoerbare regels."""
