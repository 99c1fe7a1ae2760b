"""``reportcli kwic``: every occurrence of a word or pattern, with its context, line and section."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, SegOptions, command, usage_error
from reportcli.cli.app import app


def kwic_work(doc: Any, *, seg: SegOptions, **options: Any) -> list[dict[str, Any]]:
    from reportcli.analysis.kwic import kwic_rows

    segmenter = seg.segmenter() if options.get("whole_token") else None
    return list(kwic_rows(doc, segmenter=segmenter, **options))


@command(app, "kwic", segmentation=True, stopwords=False)
def kwic(
    common: Common,
    pattern: Annotated[
        str, typer.Argument(help="The word to find (or a regular expression with --regex).", show_default=False,
                            metavar="PATTERN")
    ],
    paths: PathsArg = None,
    width: Annotated[int, typer.Option("--width", "-w", min=0, help="Characters of context on each side.")] = 20,
    regex: Annotated[bool, typer.Option("--regex", "-E", help="PATTERN is a Python regular expression.")] = False,
    whole_token: Annotated[
        bool,
        typer.Option(
            "--whole-token", help="Keep only matches that start and end on token boundaries (not inside a longer word)."
        ),
    ] = False,
) -> None:
    """Keyword in context: each occurrence of PATTERN in the report body, with its line and section.

    The search runs on the text, so a term the segmenter would cut into pieces still matches.

    Example: reportcli kwic 高质量发展 report.txt --width 15
    """
    from reportcli.analysis._tokens import KeywordsError
    from reportcli.analysis.kwic import KWIC_COLUMNS, compile_pattern

    try:
        compile_pattern(pattern, regex=regex)
    except KeywordsError as exc:
        raise usage_error(exc.message) from None
    options = {
        "pattern": pattern,
        "width": width,
        "regex": regex,
        "whole_token": whole_token,
        "seg": common.seg,
    }
    common.run_rows(paths, KWIC_COLUMNS, kwic_work, options, title=f"reportcli kwic {pattern}")
