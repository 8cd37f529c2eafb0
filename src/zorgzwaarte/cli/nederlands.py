"""The command line's own words in Dutch: the usage line, the panels and the --help option of every command, and
the usage errors (a missing argument, an unknown option, a wrong value) as the project's `{"fouten": [...]}`.

The texts come from a gettext catalogue (locale/nl/LC_MESSAGES/typer.po, by Typer's and Click's English originals),
compiled with Babel when the command line starts. Typer reads its panel titles from the `typer.rich_utils`
constants, which `bind` sets; the Click that Typer carries has fixed English texts (no gettext), so the command
classes here pass the Dutch ones where Click takes them: the usage prefix, the option and command placeholders,
the help option's text and the value types.
"""

from __future__ import annotations

import copy
import io
import sys
from collections.abc import Callable, Sequence
from functools import cache
from gettext import GNUTranslations
from importlib import resources
from typing import Any

import typer
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer import rich_utils
from typer._click import Context, HelpFormatter  # Typer carries its own Click
from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer.core import TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

from zorgzwaarte.cli.invoer import stop_met_fout
from zorgzwaarte.fouten import InvoerFout, MigratieGestopt

CATALOGUS = ("locale", "nl", "LC_MESSAGES", "typer.po")


@cache
def vertaling() -> GNUTranslations:
    """The Dutch catalogue, compiled from its .po with Babel (no .mo in the repository to keep in step)."""
    with resources.files(__package__).joinpath(*CATALOGUS).open("rb") as po:
        catalogus = read_po(po, locale="nl")
    mo = io.BytesIO()
    write_mo(mo, catalogus)
    mo.seek(0)
    return GNUTranslations(mo)


def _(tekst: str) -> str:
    return vertaling().gettext(tekst)


# the texts of typer.rich_utils, each by the constant Typer reads when it prints help or an error
RICH_TEKSTEN = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
}


def bind() -> None:
    """Typer's panel titles and markers in Dutch (its documented constants in typer.rich_utils)."""
    for constante, engels in RICH_TEKSTEN.items():
        setattr(rich_utils, constante, _(engels))


class _Nederlands:
    """What a command shows of itself in Dutch: used as the first base of both command classes below."""

    params: list[Any]

    def _nederlandse_typen(self) -> None:
        # the value type beside an option (`<tekst>`): a copy of the type under its Dutch name, same conversion
        for param in self.params:
            naam = _(param.type.name)
            if naam != param.type.name:
                param.type = copy.copy(param.type)
                param.type.name = naam

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        stukken = [_(stuk) for stuk in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(stukken), prefix=_("Usage: "))

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        optie: TyperOption | None = super().get_help_option(ctx)  # type: ignore[misc]
        if optie is not None:
            optie.help = _("Show this message and exit.")
        return optie


class NederlandsCommando(_Nederlands, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._nederlandse_typen()


class NederlandseGroep(_Nederlands, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._nederlandse_typen()

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line in Dutch: a wrongly typed command (a missing argument, an unknown option) ends
        with exit 2 and the project's `{"fouten": [...]}` on stderr, as a bad file does, never Click's English."""
        bind()
        try:
            uitkomst = super().main(
                args, prog_name or "zorgzwaarte", complete_var, False, windows_expand_args, **extra
            )  # `python -m zorgzwaarte` is called zorgzwaarte too
        except NoArgsIsHelpError:  # no command given: the help (already printed), as before
            raise SystemExit(2) from None
        except UsageError as exc:
            stop_met_fout(opdrachtfout(exc))
        except typer.Abort:
            sys.stderr.write(_("Aborted.") + "\n")
            raise SystemExit(1) from None
        except MigratieGestopt as exc:  # the data stops a migration: its message, not a traceback
            sys.stderr.write(exc.melding + "\n")
            raise SystemExit(1) from None
        if not standalone_mode:
            return uitkomst
        raise SystemExit(uitkomst if isinstance(uitkomst, int) else 0)


class NederlandseTyper(typer.Typer):
    """A Typer whose commands and groups speak Dutch (the classes above)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", NederlandseGroep)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", NederlandsCommando)
        return super().command(*args, **kwargs)


def opdrachtfout(exc: UsageError) -> InvoerFout:
    """Click's usage error as the argument or option the user typed, with a Dutch message."""
    hulp = f"zie '{exc.ctx.command_path} --help'" if exc.ctx is not None else "zie 'zorgzwaarte --help'"
    param = getattr(exc, "param", None)
    optie = getattr(param, "param_type_name", "") == "option"
    naam = (param.opts[0] if optie else str(param.name)) if param is not None else "(commando)"
    if isinstance(exc, MissingParameter):
        soort = "deze optie" if optie else "dit argument"
        return InvoerFout.een(naam, f"ontbreekt: {soort} is verplicht; {hulp}")
    if isinstance(exc, NoSuchOption):
        return InvoerFout.een(exc.option_name, f"is geen optie van dit commando; {hulp}")
    if isinstance(exc, BadParameter):
        return InvoerFout.een(naam, f"heeft een ongeldige waarde; {hulp}")
    if exc.message.startswith("No such command"):
        return InvoerFout.een("(commando)", f"dit commando bestaat niet; {hulp}")
    if "extra argument" in exc.message:
        return InvoerFout.een("(commando)", f"er staat meer op de regel dan dit commando verwacht; {hulp}")
    return InvoerFout.een("(commando)", f"de opdracht is niet goed opgebouwd; {hulp}")
