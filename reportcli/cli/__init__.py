"""The command line: a Typer application (:mod:`reportcli.cli.app`), one small module per command.

:func:`main` is the console script's entry point. It imports nothing itself: Ctrl-C while the
application is still being imported (typer, click, the command modules: some 50 ms) is then one line
and exit 130, like Ctrl-C at any later moment, never a traceback.
"""


def main() -> None:
    """Entry point of ``reportcli`` and ``python -m reportcli``."""
    import sys

    try:
        from reportcli.cli.app import main as run

        run()
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the message
        try:
            sys.stderr.write("reportcli: error: interrupted\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # stderr closed
            pass
        sys.exit(130)
