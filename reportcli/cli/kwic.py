"""``reportcli kwic``: every occurrence of a word or pattern, with its context, line and section."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, SegOptions, command, note, usage_error
from reportcli.cli.app import app

_SEG_HELP = {  # the text is segmented only to tell token boundaries
    "engine": "With --whole-token: the segmentation engine, rjieba (fast, jieba's dictionary semantics) or jieba "
    "(the reference).",
    "hmm": "With --whole-token: let the HMM guess unknown words (off: it invents words).",
    "user_dicts": "With --whole-token: a user dictionary in jieba's format (word [freq] [pos]), any encoding; "
    "repeatable, later ones win.",
    "no_lexicon": "With --whole-token: do not load the shipped report lexicon (全过程人民民主, 新质生产力 …).",
}


def kwic_work(doc: Any, *, seg: SegOptions | None = None, **options: Any) -> list[dict[str, Any]]:
    from reportcli.analysis.kwic import kwic_rows

    segmenter = seg.segmenter() if seg is not None and options.get("whole_token") else None
    return list(kwic_rows(doc, segmenter=segmenter, **options))


@command(app, "kwic", segmentation=True, stopwords=False, seg_help=_SEG_HELP,
         short_help="Keyword in context: each match, with its line and section.")  # fmt: skip
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
            "--whole-token", help="Keep only matches that start and end on token boundaries (not inside a longer "
            "word); the segmentation options say how the text is cut."
        ),
    ] = False,
) -> None:
    """Keyword in context: each occurrence of PATTERN in the report body, with its line and section.

    The search runs on the text, so a term the segmenter would cut into pieces still matches. The text
    is segmented only with --whole-token: the segmentation options act only then.

    Example: reportcli kwic 高质量发展 report.txt --width 15
    """
    from reportcli.analysis._tokens import KeywordsError
    from reportcli.analysis.kwic import KWIC_COLUMNS, compile_pattern

    try:
        compile_pattern(pattern, regex=regex)
    except KeywordsError as exc:
        raise usage_error(exc.message) from None
    seg = common.seg
    if not whole_token and not common.quiet:
        unused = [option for option, given in (("--engine", seg.engine != "rjieba"), ("--hmm", seg.hmm),
                                               ("--dict", bool(seg.user_dicts)), ("--no-lexicon", not seg.lexicon))
                  if given]  # fmt: skip
        if unused:
            note(f"{', '.join(unused)} act{'s' if len(unused) == 1 else ''} only with --whole-token; the search "
                 "itself does not segment the text")  # fmt: skip
    options = {
        "pattern": pattern,
        "width": width,
        "regex": regex,
        "whole_token": whole_token,
        # without --whole-token no segmenter is built, not even once before the workers start
        "seg": seg if whole_token else None,
    }
    rows = common.run_rows(paths, KWIC_COLUMNS, kwic_work, options, title=f"reportcli kwic {pattern}")
    if rows == 0 and common.done and not common.quiet:
        if not paths and not common.files_from:
            where = "the seed report"
        else:
            where = "the report" if common.done == 1 else f"any of the {common.done} reports"
        hint = " (--whole-token leaves out matches inside longer words)" if whole_token else ""
        note(f"no match for {pattern!r} in the body of {where}{hint}")
