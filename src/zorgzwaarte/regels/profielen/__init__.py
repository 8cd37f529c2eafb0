"""Zorgzwaartepakketten: the catalogue and the best-fitting cliëntprofiel."""
