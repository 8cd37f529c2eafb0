"""Fictional demo data and vignettes (never real people; every record is marked fictief)."""
