"""Command-line adapter (Typer + Rich).

`start` is the `zorgzwaarte` command. It imports the commands itself, so that Ctrl-C while the program is still
loading ends it as quietly as later (no traceback), and so that a worker process of `serveer --workers N`, which
imports the script that started its parent, does not load the whole command line before it answers uvicorn."""

from __future__ import annotations

import sys

AFGEBROKEN = 130  # the shell's exit code for a program stopped with Ctrl-C (128 + SIGINT)


def start() -> None:
    try:
        from zorgzwaarte.cli.main import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("\nAfgebroken.\n")
        raise SystemExit(AFGEBROKEN) from None
