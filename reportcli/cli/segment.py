"""``reportcli segment``: the body text cut into words, as spaced text or as token rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from reportcli.cli._common import Common, PathsArg, SegOptions, command, note
from reportcli.cli.app import app

_SEG_HELP = {
    "stopword_files": "More stopwords for --drop-stopwords to leave out, one a line (repeatable).",
    "no_stopwords": "With --drop-stopwords, leave out only punctuation and the --stopwords files' words: keep the "
    "shipped stopwords and report filler (工作, 开展, 推进 …).",
}


def segment_work(doc: Any, *, seg: SegOptions, pos: bool, drop_stopwords: bool, as_lines: bool) -> list[Any]:
    from reportcli.text import segment_lines, segment_rows

    segmenter = seg.segmenter()
    stopwords = seg.stopwords() if drop_stopwords else frozenset()
    make = segment_lines if as_lines else segment_rows
    return list(make(doc, segmenter=segmenter, pos=pos, drop_stopwords=drop_stopwords, stopwords=stopwords))


@command(app, "segment", segmentation=True, seg_help=_SEG_HELP,
         short_help="Cut the body into words: spaced text, or one row per token.")  # fmt: skip
def segment(
    common: Common,
    paths: PathsArg = None,
    pos: Annotated[bool, typer.Option("--pos", help="Add part-of-speech tags (word/tag; a pos column in rows).")] = False,
    drop_stopwords: Annotated[
        bool, typer.Option("--drop-stopwords", help="Leave out stopwords, report filler and punctuation.")
    ] = False,
) -> None:
    """Cut the report's body into words; fixed terms (全过程人民民主) and numbers (63.3万) stay whole.

    By default: one output line per line of the input (empty for lines that are not report body:
    blank lines, web-page clutter, title and dateline), tokens separated by spaces. With
    --format csv|tsv|json|jsonl|xlsx|table (or -o FILE.csv, FILE.xlsx …; -o FILE.txt keeps the
    spaced text): one row per token with the columns file, line, start, end, token, pos.

    Example: reportcli segment report.txt --pos | head
    """
    from reportcli.text import SEGMENT_COLUMNS

    seg = common.seg
    unused = [option for option, given in (("--stopwords", bool(seg.stopword_files)), ("--no-stopwords", not seg.use_stopwords))
              if given]  # fmt: skip
    if unused and not drop_stopwords and not common.quiet:
        note(f"{' and '.join(unused)} act{'s' if len(unused) == 1 else ''} only with --drop-stopwords (segment keeps "
             "every token otherwise)")  # fmt: skip
    to_table = common.fmt is not None or bool(common.output and common.output != "-" and not common.output.endswith(".txt"))
    options = {"seg": common.seg, "pos": pos, "drop_stopwords": drop_stopwords, "as_lines": not to_table}
    if to_table:
        common.run_rows(paths, SEGMENT_COLUMNS, segment_work, options, title="reportcli segment")
        return
    sources = common.sources(paths)

    def lines() -> Iterator[str]:
        for result in common.results(paths, segment_work, options, sources=sources):
            if len(sources) > 1:  # several files: a header before each, as head(1) writes
                yield f"==> {result.name} <=="
            yield from result.value

    common.emit_lines(lines())
