"""The `kg` app and its entry point: errors of kg become one line on stderr and exit code 1,
an unexpected one a line and exit code 2 (its traceback with --debug)."""

from __future__ import annotations

import logging
import os
import signal
import sys

import click
import typer

from graph.cli.help import Version, use_plain_help
from graph.errors import KgError, first_line
from graph.terminal import visible

use_plain_help()
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn English text into a knowledge graph you can browse, query with SPARQL and explore. "
    "Errors are one line; --debug shows the traceback of an unexpected one.",
)
log = logging.getLogger("kg")


@app.callback()
def kg(version: Version = False) -> None:
    """Turn English text into a knowledge graph (see kg --help)."""
    log.setLevel(logging.INFO)  # each command's -q or -v changes it


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"kg: {record.levelname.lower()}: {visible(record.getMessage())}"


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning kg's errors into one line on stderr and exit code 1."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    debug = "--debug" in (argv if argv is not None else sys.argv)
    args = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--debug"]
    try:
        code = app(args, standalone_mode=False)
    except KgError as e:
        if debug:
            raise
        typer.echo(f"kg: error: {visible(str(e))}", err=True)
        sys.exit(1)
    except (KeyboardInterrupt, *ABORTS):
        code = INTERRUPTED
    except CLICK_ERRORS as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        # The reader went away (kg query ... | head): stop quietly, as other commands do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception as e:
        # A bug or a fault no message foresaw: still one line, the traceback with --debug.
        if debug:
            raise
        message = visible(first_line(e, default=""))
        typer.echo(
            f"kg: internal error: {type(e).__name__}: {message}; run with --debug for details",
            err=True,
        )
        sys.exit(2)
    finally:
        log.removeHandler(handler)
        if argv is None:
            # The outcome is decided: a Ctrl-C while the process shuts its worker pool and
            # threads down must not turn it into a traceback and a death by signal.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    if code == INTERRUPTED:  # typer turns Ctrl-C into this exit code
        typer.echo(
            "kg: interrupted; finished documents are stored, run the same command to go on",
            err=True,
        )
    sys.exit(code if isinstance(code, int) else 0)


# Typer 0.29 carries its own copy of click: its errors are not click's.
CLICK_ERRORS = tuple(
    {click.ClickException}
    | {c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"}
)
ABORTS = tuple({click.exceptions.Abort, typer.Abort})
INTERRUPTED = 130
