"""Bekostiging: declarations, tariffs, meerzorg."""
