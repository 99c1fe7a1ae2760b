"""``reportcli info``: one row per file — format, encoding, size, metadata, structure."""

from __future__ import annotations

from reportcli.cli._common import Common, PathsArg, command
from reportcli.cli.app import app


@command(app, "info", short_help="What each report is: format, encoding, size, title, date.")
def info(common: Common, paths: PathsArg = None) -> None:
    """What each report is: format, encoding, size, title, date delivered, meeting, speaker, structure.

    Columns: file, format, encoding, chars, han_chars, body_lines, title, date, meeting, speaker,
    source, published, sections, sentences.

    Example: reportcli info report.docx ../reports/ --format csv
    """
    from reportcli.analysis.info import INFO_COLUMNS, info_rows

    common.run_rows(paths, INFO_COLUMNS, info_rows, title="reportcli info")
