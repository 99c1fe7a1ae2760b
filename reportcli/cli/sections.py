"""``reportcli sections``: the heading outline of each report."""

from __future__ import annotations

from typing import Any

from reportcli.analysis.info import SECTION_COLUMNS
from reportcli.cli._common import Common, PathsArg, command
from reportcli.cli.app import app


def section_rows(doc: Any) -> list[dict[str, Any]]:
    from reportcli.analysis.info import outline

    return outline(doc)


@command(app, "sections")
def sections(common: Common, paths: PathsArg = None) -> None:
    """The heading outline (一、 / （一） / 一是 / 第一部分 …) with levels and line numbers.

    Example: reportcli sections report.txt
    """
    common.run_rows(paths, SECTION_COLUMNS, section_rows, title="reportcli sections")
