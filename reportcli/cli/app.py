"""The ``reportcli`` Typer application: one small module per command."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="reportcli",
    help="Turn Chinese official reports (政府工作报告, 人大常委会工作报告, 统计公报 …) into data: "
    "keywords, numeric facts, numbered terms, keyness, keyword-in-context, attention indices.\n\n"
    "With no PATH, every command analyses the seed report shipped with reportcli. Output is a table "
    "on a terminal and CSV in a pipe; see --format and -o.",
    epilog="Exit codes: 0 success; 1 a runtime failure (some files failed: the others are still written); "
    "2 a usage error; 130 interrupted.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from reportcli import __version__

        typer.echo(f"reportcli {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn Chinese official reports into data."""


def _register() -> None:
    # Importing a command module registers it; each keeps its heavy imports inside the command.
    from reportcli.cli import info, sections  # noqa: F401

    for name in ("segment", "keywords", "compare", "kwic", "facts", "lexicon"):
        try:
            __import__(f"reportcli.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"reportcli.cli.{name}":
                raise


_register()


def main() -> None:
    """Run the application (the console script is :func:`reportcli.cli.main`, which imports this module
    inside its Ctrl-C handler). A usage error found while parsing (an unknown option, a bad choice) is
    one line on stderr, like every other error, with exit status 2."""
    import sys

    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        sys.stderr.write("reportcli: error: interrupted\n")
        sys.exit(130)
    except typer.TyperException as exc:  # Click's usage errors (typer ships its own copy of Click)
        if type(exc).__name__ == "NoArgsIsHelpError":  # `reportcli` alone: the help, as Click shows it
            exc.show()  # type: ignore[attr-defined]
        else:
            ctx = getattr(exc, "ctx", None)
            hint = f"; see '{ctx.command_path} --help'" if ctx is not None else ""
            message = exc.format_message().rstrip(".")  # type: ignore[attr-defined]
            sys.stderr.write(f"reportcli: error: {message}{hint}\n")
        sys.exit(getattr(exc, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
