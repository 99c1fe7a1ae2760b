"""Segmentation of a Document as rows (``reportcli segment --format csv``) or as spaced lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reportcli.text.stopwords import is_word

if TYPE_CHECKING:
    from reportcli.io.document import Document
    from reportcli.text.segmenter import Segmenter

SEGMENT_COLUMNS = ["line", "start", "end", "token", "pos"]


def segment_rows(
    doc: Document,
    *,
    segmenter: Segmenter,
    pos: bool = False,
    drop_stopwords: bool = False,
    stopwords: frozenset[str] = frozenset(),
) -> Iterator[dict]:
    """One row per token of the body lines: line (1-based, as given), start/end (document offsets),
    token, pos (empty unless ``pos``). Whitespace tokens are never rows; with ``drop_stopwords``,
    punctuation and ``stopwords`` are dropped too."""
    cut = segmenter.cut
    tag = segmenter.tag
    line_text = doc.line_text
    for line in doc.body_lines():
        number = line.number
        text = line_text(line)
        pairs = tag(text) if pos else [(w, "") for w in cut(text)]
        end = line.start
        for word, tag_ in pairs:
            start = end
            end += len(word)
            if word.isspace() or (drop_stopwords and (word in stopwords or not is_word(word))):
                continue
            yield {"line": number, "start": start, "end": end, "token": word, "pos": tag_}


def segment_lines(
    doc: Document,
    *,
    segmenter: Segmenter,
    pos: bool = False,
    drop_stopwords: bool = False,
    stopwords: frozenset[str] = frozenset(),
) -> Iterator[str]:
    """One string per line of the input: a body line's tokens separated by single spaces (``word/tag``
    with ``pos``); an empty string for a line that is not body (blank, web-page cruft, front matter),
    so that output line N is input line N."""
    for line in doc.lines:
        if not line.body:
            yield ""
            continue
        text = doc.line_text(line)
        if pos:
            pairs = [(w, t) for w, t in segmenter.tag(text) if not w.isspace()]
            if drop_stopwords:
                pairs = [(w, t) for w, t in pairs if w not in stopwords and is_word(w)]
            yield " ".join(f"{w}/{t}" for w, t in pairs)
        else:
            words = [w for w in segmenter.cut(text) if not w.isspace()]
            if drop_stopwords:
                words = [w for w in words if w not in stopwords and is_word(w)]
            yield " ".join(words)
