"""Typeset text puts spaces around Arabic numbers (增长 5.2%、约 4.4 万亿元, 2023 年): PDFs and
some web pages do. The quantity grammar reads the text without them; offsets map back to the text as
written, so ``text``, ``start`` and ``end`` of a fact are always those of the input.
"""

from __future__ import annotations

import re

# A run of one or two narrow spaces between a number and Han text (or %), or Han text and a number.
_GAP = re.compile(
    r"(?<=[0-9%‰０-９])[ \u00a0\u2002-\u200a]{1,2}(?=[\u4e00-\u9fff%‰％])"
    r"|(?<=[\u4e00-\u9fff])[ \u00a0\u2002-\u200a]{1,2}(?=[0-9０-９])"
)


def squeeze(text: str) -> tuple[str, list[int]] | None:
    """``(text without those spaces, original offset of each kept character plus the end)``, or
    None when the text has no such space (the common case, at the cost of one search)."""
    if _GAP.search(text) is None:
        return None
    kept: list[str] = []
    offsets: list[int] = []
    position = 0
    for gap in _GAP.finditer(text):
        kept.append(text[position : gap.start()])
        offsets.extend(range(position, gap.start()))
        position = gap.end()
    kept.append(text[position:])
    offsets.extend(range(position, len(text)))
    offsets.append(len(text))
    return "".join(kept), offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The span in the original text of ``[start, end)`` in the squeezed text."""
    return offsets[start], offsets[end - 1] + 1 if end > start else offsets[start]
