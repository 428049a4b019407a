"""The conventions of kg's command line that other tools taught people: help written as they
write it, `-q`/`-v` on every command, `kg --version`.

Help reads `--out DIR`, `--quiet`, `PATHS...`: Typer 0.29 shows each parameter's Python type
instead (`--quiet <bool>`, `paths... <list[str]>`, `{paths}...` in the usage line), which no
other tool does and which reads as noise. Typer has no setting for it, so its display methods
are replaced, for kg's process only, when the CLI module is imported.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperOption

log = logging.getLogger("kg")

# The placeholder of each option's value, by parameter name; else the name in capitals.
METAVARS = {
    "out": "DIR",
    "store": "DIR",
    "top_n": "N",
    "focus": "NAME",
    "hops": "N",
    "community": "N",
    "workers": "N",
    "scheduler": "URL",
    "max_file_size": "MB",
    "timeout": "SECONDS",
    "port": "PORT",
    "host": "ADDRESS",
}


def option_placeholder(option: TyperOption, ctx: object = None) -> str | None:
    """Nothing for a flag; the choices for a choice ('table|csv|json'); else a metavar."""
    if option.is_flag or option.count:
        return None
    if option.metavar is not None:
        return option.metavar
    if option.type_descriptor.is_choice:
        return option.display_type(ctx).strip("<>")
    return METAVARS.get(option.name, (option.name or "value").upper())


def argument_type(argument: TyperArgument, ctx: object = None) -> None:
    """No type column for an argument: its name (PATHS...) says what it takes."""
    return None


def argument_usage(argument: TyperArgument) -> str:
    """An argument in the usage line: PATHS... when required, [QUERY]... when optional."""
    name = argument.metavar or (argument.name or "").upper()
    if not argument.required:
        name = f"[{name}]"
    return name + ("..." if argument.nargs != 1 else "")


def argument_name(argument: TyperArgument) -> str:
    name = argument.metavar or (argument.name or "").upper()
    return name + ("..." if argument.nargs != 1 and argument.metavar is None else "")


def use_plain_help() -> None:
    """Replace typer's type placeholders with the metavars above (idempotent)."""
    TyperOption.display_type_rich = option_placeholder
    TyperArgument.display_type_rich = argument_type
    TyperArgument._usage_display_name = argument_usage
    TyperArgument._rich_display_name = argument_name


def set_quiet(value: bool) -> bool:
    if value:
        log.setLevel(logging.ERROR)
    return value


def set_verbose(value: bool) -> bool:
    if value:
        log.setLevel(logging.DEBUG)
    return value


def show_version(value: bool) -> None:
    if value:
        try:
            number = version("kg")
        except PackageNotFoundError:  # run from a source tree that was never installed
            number = "unknown (not installed)"
        typer.echo(f"kg {number}")
        raise typer.Exit()


Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Errors only: no warnings, notes or progress.", callback=set_quiet
    ),
]
Verbose = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Also say what kg does on the way.", callback=set_verbose),
]
Version = Annotated[
    bool,
    typer.Option(
        "--version", help="Print kg's version and exit.", callback=show_version, is_eager=True
    ),
]
