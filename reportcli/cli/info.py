"""``reportcli info``: one row per file — format, encoding, size, metadata, structure."""

from __future__ import annotations

from typing import Any

from reportcli.analysis.info import INFO_COLUMNS
from reportcli.cli._common import Common, PathsArg, command
from reportcli.cli.app import app


def info_rows(doc: Any) -> list[dict[str, Any]]:
    from reportcli.analysis.info import document_info

    return [document_info(doc)]


@command(app, "info")
def info(common: Common, paths: PathsArg = None) -> None:
    """What each report is: format, encoding, size, title, date delivered, meeting, speaker, structure.

    Example: reportcli info report.docx ../reports/ --format csv
    """
    common.run_rows(paths, INFO_COLUMNS, info_rows, title="reportcli info")
