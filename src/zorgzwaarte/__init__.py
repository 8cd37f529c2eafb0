"""zorgzwaarte: zorgzwaartebekostiging voor de langdurige zorg (AWBZ en Wlz)."""

__version__ = "0.1.0"
