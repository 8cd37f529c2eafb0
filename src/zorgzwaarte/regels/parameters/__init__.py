"""Dated parameter tables shipped with the package (YAML, every value with its date and bron).

Data only: the files are read by ``zorgzwaarte.regels.regelset`` and nowhere else (see docs/architectuur.md).
"""
