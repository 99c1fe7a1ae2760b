"""``python -m reportcli``: the same entry point as the ``reportcli`` command."""

from reportcli.cli import main

if __name__ == "__main__":
    main()
