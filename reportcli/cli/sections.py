"""``reportcli sections``: the heading outline of each report."""

from __future__ import annotations

from reportcli.cli._common import Common, PathsArg, command
from reportcli.cli.app import app


@command(app, "sections", short_help="The heading outline, with levels and line numbers.")
def sections(common: Common, paths: PathsArg = None) -> None:
    """The heading outline (一、 / （一） / 一是 / 第一部分 …) with levels and line numbers.

    Columns: file, level, number, title, line.

    Example: reportcli sections report.txt
    """
    from reportcli.analysis.info import SECTION_COLUMNS, outline

    common.run_rows(paths, SECTION_COLUMNS, outline, title="reportcli sections")
