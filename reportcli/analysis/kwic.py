"""Keyword in context: every occurrence of a pattern in a document's body lines, with its neighbours.

The search runs on the text, not on tokens, so a term the segmenter would split (全过程人民民主 cut
into 全过程/人民/民主) still matches; ``whole_token`` keeps only matches whose two ends fall on
token boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from reportcli.analysis._tokens import KeywordsError

if TYPE_CHECKING:
    from reportcli.io.document import Document

KWIC_COLUMNS = ["line", "section", "left", "match", "right"]

_SPACES = re.compile(r"\s+")


def compile_pattern(pattern: str, *, regex: bool = False) -> re.Pattern[str]:
    """The pattern as a compiled regular expression (a literal is escaped); bad input -> KeywordsError."""
    if not pattern:
        raise KeywordsError("", "the pattern is empty", "give a word or, with --regex, a regular expression")
    if not regex:
        return re.compile(re.escape(pattern))
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise KeywordsError(
            "",
            f"bad regular expression {pattern!r}: {exc}",
            "fix the pattern, or drop --regex to search it literally",
        ) from None
    if compiled.search(""):
        raise KeywordsError(
            "",
            f"the regular expression {pattern!r} matches the empty string",
            "make it match at least one character",
        )
    return compiled


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text)


def kwic_rows(
    doc: Document,
    pattern: str,
    *,
    width: int = 20,
    regex: bool = False,
    whole_token: bool = False,
    segmenter: Any = None,
) -> Iterator[dict[str, Any]]:
    """Rows (line, section, left, match, right) for each non-overlapping match in the body lines.

    ``left``/``right`` hold up to ``width`` characters of the same line (whitespace runs shown as one
    space). ``whole_token`` needs a segmenter (default: the project's default segmenter).
    """
    compiled = compile_pattern(pattern, regex=regex)
    if width < 0:
        raise KeywordsError("", f"--width must be 0 or more, not {width}", "give e.g. --width 20")
    if whole_token and segmenter is None:
        from reportcli.text import get_segmenter

        segmenter = get_segmenter()
    text = doc.text
    for line in doc.body_lines():
        line_text = text[line.start : line.end]
        bounds: set[int] | None = None
        for m in compiled.finditer(line_text):
            start, end = m.span()
            if start == end:
                continue
            if whole_token:
                if bounds is None:
                    bounds = {0}
                    for _tok, _s, tok_end in segmenter.tokenize(line_text):
                        bounds.add(tok_end)
                if start not in bounds or end not in bounds:
                    continue
            yield {
                "line": line.number,
                "section": doc.section_path(line.start + start),
                "left": _clean(line_text[max(0, start - width) : start]).lstrip(),
                "match": m.group(0),
                "right": _clean(line_text[end : end + width]).rstrip(),
            }
