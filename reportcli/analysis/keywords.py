"""Keywords of a report: frequency, TF-IDF against a corpus of official reports, TextRank.

Two steps, so that a batch can run the expensive part in worker processes:

1. :func:`document_counts` segments one Document and returns a small picklable :class:`DocCounts`
   (word-token total, counts of keyword candidates, their POS, co-occurrences for TextRank,
   per-section counts when asked);
2. :func:`keyword_rows` ranks a list of those summaries, per file or combined, and computes doc_freq
   (the number of files of the run a word occurs in).
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcli.analysis._tokens import (
    MEASURE_TAGS,
    DocCounts,
    KeywordsError,
    is_candidate,
    is_number,
    is_word,
    merge_counts,
)

if TYPE_CHECKING:
    from reportcli.io.document import Document

__all__ = [
    "KEYWORD_COLUMNS",
    "METHODS",
    "DocCounts",
    "Idf",
    "KeywordsError",
    "default_stopwords",
    "document_counts",
    "generic_words",
    "is_boilerplate",
    "keyword_rows",
    "keywords",
    "load_idf",
    "text_counts",
    "textrank_scores",
]

KEYWORD_COLUMNS = ["rank", "word", "count", "per_10k", "doc_freq", "score", "pos"]
METHODS = ("freq", "tfidf", "textrank")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
IDF_PATH = DATA_DIR / "idf.tsv"
GENERIC_PATH = DATA_DIR / "generic_words.txt"
DEFAULT_KEY = "<default>"
COMBINED_NAME = "(combined)"
PREAMBLE = "(before the first heading)"
WHOLE_REPORT = "(whole report)"  # the one section of a report without headings
PREAMBLE_MIN_WORDS = 50

_SENTENCE_END = frozenset("。！？；!?;")


# --------------------------------------------------------------------------- stopwords


GENERIC_KEEP_RATIO = 2.0


@lru_cache(maxsize=1)
def generic_words() -> dict[str, float]:
    """Report boilerplate mined by scripts/build_idf.py: word -> its rate per 10k tokens in the reports."""
    try:
        text = GENERIC_PATH.read_text(encoding="utf-8")
    except OSError:
        return {}
    table: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, rate = line.partition("\t")
            table[word.strip()] = float(rate or 0.0)
    return table


def default_stopwords(extra_files: Sequence[str] = ()) -> frozenset[str]:
    """The project's stopwords (general + report filler), plus words from ``extra_files``."""
    from reportcli.text import load_stopwords

    return frozenset(load_stopwords(tuple(extra_files)))


def is_boilerplate(word: str, count: int, total: int, *, ratio: float = GENERIC_KEEP_RATIO) -> bool:
    """A generic report word used at less than ``ratio`` times its usual rate in official reports."""
    usual = generic_words().get(word)
    if usual is None or total <= 0:
        return False
    return count * 10_000 / total < ratio * usual


# --------------------------------------------------------------------------- step 1: one document


def _default_segmenter() -> Any:
    from reportcli.text import get_segmenter

    return get_segmenter()


def _top_level_sections(doc: Document) -> list[tuple[int, str]]:
    sections = list(getattr(doc, "sections", None) or [])
    if not sections:
        return []
    top = min(s.level for s in sections)
    return sorted((s.start, s.title) for s in sections if s.level == top)


class _Counter:
    """Accumulates candidate counts, POS votes and co-occurrences for one document or section."""

    def __init__(self, name: str, cooccurrence: bool) -> None:
        self.name = name
        self.total = 0
        self.counts: Counter[str] = Counter()
        self.pos_votes: Counter[tuple[str, str]] = Counter()
        self.edges: Counter[tuple[str, str]] | None = Counter() if cooccurrence else None

    def result(self) -> DocCounts:
        pos: dict[str, str] = {}
        for (word, tag), _n in self.pos_votes.most_common():
            pos.setdefault(word, tag)
        return DocCounts(name=self.name, total=self.total, counts=self.counts, pos=pos, edges=self.edges)


def text_counts(
    pieces: Iterable[tuple[int, str]],
    segmenter: Any,
    *,
    name: str = "",
    stopwords: frozenset[str] = frozenset(),
    min_len: int = 2,
    pos: Iterable[str] | None = None,
    numbers: bool = False,
    window: int = 5,
    textrank: bool = False,
    sections: Sequence[tuple[int, str]] = (),
) -> DocCounts:
    """Count keyword candidates in ``pieces`` ((offset, text) pairs, e.g. body lines).

    Numbers and measure words/units (POS q: 公里, 平方米) are not candidates unless ``numbers`` (or a
    ``pos`` filter naming q). Measure words count in ``total`` (they are words), numbers do not.
    ``sections``: sorted (start offset, title) pairs; when given, per-section summaries are kept too.
    ``window``: TextRank co-occurrence window in tokens (pairs are not linked across a sentence end).
    """
    allowed = frozenset(pos) if pos else None
    # measure words/units (POS q) are left out like numbers, unless ``numbers`` or ``pos`` asks for them
    measures = numbers or (allowed is not None and not allowed.isdisjoint(MEASURE_TAGS))
    whole = _Counter(name, textrank)
    by_section: dict[int, _Counter] = {}
    starts = [s for s, _t in sections]
    candidate_cache: dict[tuple[str, str], bool] = {}
    word_cache: dict[str, bool] = {}
    for offset, text in pieces:
        tagged = segmenter.tag(text)
        recent: list[tuple[int, str]] = []  # (token index, candidate) still inside the window
        cursor = 0
        for index, (token, tag) in enumerate(tagged):
            tok_start = offset + cursor
            cursor += len(token)
            is_w = word_cache.get(token)
            if is_w is None:
                is_w = word_cache[token] = is_word(token)
            if not is_w and not (numbers and is_number(token)):
                if token.strip() in _SENTENCE_END:
                    recent.clear()
                continue
            targets = [whole]
            if sections:
                i = bisect.bisect_right(starts, tok_start) - 1
                part = by_section.get(i)
                if part is None:
                    part = by_section[i] = _Counter(sections[i][1] if i >= 0 else PREAMBLE, textrank)
                targets.append(part)
            if is_w:  # numbers are never part of the per_10k denominator
                for target in targets:
                    target.total += 1
            ok = candidate_cache.get((token, tag))
            if ok is None:
                ok = candidate_cache[(token, tag)] = is_candidate(
                    token, min_len=min_len, stopwords=stopwords, numbers=numbers, tag="" if measures else tag
                )
            if not ok or (allowed is not None and tag not in allowed):
                continue
            for target in targets:
                target.counts[token] += 1
                target.pos_votes[(token, tag)] += 1
            if textrank:
                while recent and index - recent[0][0] >= window:
                    recent.pop(0)
                for _j, other in recent:
                    if other != token:
                        pair = (other, token) if other < token else (token, other)
                        for target in targets:
                            assert target.edges is not None
                            target.edges[pair] += 1
                recent.append((index, token))
    result = whole.result()
    if sections:
        # a few words before the first heading (各位代表：…) make no section of their own
        result.sections = [by_section[i].result() for i in sorted(by_section)
                           if i >= 0 or by_section[i].total >= PREAMBLE_MIN_WORDS]  # fmt: skip
    return result


def document_counts(
    doc: Document,
    segmenter: Any = None,
    *,
    stopwords: frozenset[str] | None = None,
    min_len: int = 2,
    pos: Iterable[str] | None = None,
    numbers: bool = False,
    by_section: bool = False,
    textrank: bool = False,
    window: int = 5,
) -> DocCounts:
    """Segment the body lines of ``doc`` and summarise them (picklable; run it in a worker).

    ``stopwords`` defaults to :func:`default_stopwords` (pass ``frozenset()`` for none);
    ``textrank=True`` also records co-occurrences, needed by ``method="textrank"``.
    With ``by_section``, a report without headings is one section, :data:`WHOLE_REPORT`.
    """
    if segmenter is None:
        segmenter = _default_segmenter()
    if stopwords is None:
        stopwords = default_stopwords()
    text = doc.text
    pieces = ((line.start, text[line.start : line.end]) for line in doc.body_lines())
    sections = _top_level_sections(doc) if by_section else []
    result = text_counts(
        pieces,
        segmenter,
        name=doc.name,
        stopwords=stopwords,
        min_len=min_len,
        pos=pos,
        numbers=numbers,
        window=window,
        textrank=textrank,
        sections=sections,
    )
    if by_section and not sections:
        result.sections = [replace(result, name=WHOLE_REPORT, sections=None)]
    return result


# --------------------------------------------------------------------------- IDF


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies; ``default`` is used for words the table does not list."""

    values: dict[str, float]
    default: float
    source: str = ""

    def __getitem__(self, word: str) -> float:
        return self.values.get(word, self.default)


def _parse_idf(text: str, source: str) -> Idf:
    values: dict[str, float] = {}
    default: float | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) != 2:
            raise KeywordsError(
                source,
                f"line {number} is not 'word<TAB>idf': {raw[:40]!r}",
                "write one word and its idf per line, separated by a tab",
            )
        word, value = parts[0].strip(), parts[1].strip()
        try:
            idf = float(value)
        except ValueError:
            raise KeywordsError(
                source,
                f"line {number}: idf {value[:20]!r} is not a number",
                "write the idf as a decimal number",
            ) from None
        if not math.isfinite(idf):
            raise KeywordsError(source, f"line {number}: idf {value!r} is not finite", "write a finite number")
        if word == DEFAULT_KEY:
            default = idf
        else:
            values[word] = idf
    if not values:
        raise KeywordsError(source, "no 'word<TAB>idf' lines found", "pass an IDF table (see scripts/build_idf.py)")
    if default is None:  # jieba-style tables have no default: use the median, as jieba does
        ordered = sorted(values.values())
        default = ordered[len(ordered) // 2]
    return Idf(values, default, source)


def load_idf(path: str | Path | None = None) -> Idf:
    """Read an IDF table (``word<TAB>idf`` lines, optional ``<default><TAB>idf``; any encoding).

    ``None`` loads the shipped table built from the corpus of official reports. A missing or malformed
    file raises :class:`KeywordsError` naming the file, the cause and the remedy.
    """
    if path is None:
        return _shipped_idf()
    from reportcli.io.files import read_option_file

    source = str(path)
    text, _encoding, _data = read_option_file(path, "IDF file", "give a table of word<TAB>idf lines", KeywordsError)
    return _parse_idf(text, source)


@lru_cache(maxsize=1)
def _shipped_idf() -> Idf:
    try:
        text = IDF_PATH.read_text(encoding="utf-8")
    except OSError:
        raise KeywordsError(
            str(IDF_PATH), "the shipped IDF table is missing", "reinstall reportcli or pass --idf FILE"
        ) from None
    return _parse_idf(text, str(IDF_PATH))


# --------------------------------------------------------------------------- step 2: ranking


def textrank_scores(
    edges: Counter[tuple[str, str]] | None,
    nodes: Iterable[str] = (),
    *,
    damping: float = 0.85,
    iterations: int = 100,
    tolerance: float = 1e-7,
) -> dict[str, float]:
    """PageRank on the undirected co-occurrence graph (edge weight = co-occurrence count).

    Scores are scaled so that the best word has 1.0. Isolated ``nodes`` get the teleport share only.
    """
    neighbours: dict[str, list[tuple[str, float]]] = {}
    strength: dict[str, float] = {}
    for (a, b), weight in (edges or Counter()).items():
        neighbours.setdefault(a, []).append((b, weight))
        neighbours.setdefault(b, []).append((a, weight))
        strength[a] = strength.get(a, 0.0) + weight
        strength[b] = strength.get(b, 0.0) + weight
    for node in nodes:
        neighbours.setdefault(node, [])
    n = len(neighbours)
    if n == 0:
        return {}
    order = sorted(neighbours)
    score = dict.fromkeys(order, 1.0 / n)
    base = (1.0 - damping) / n
    for _ in range(iterations):
        dangling = sum(score[v] for v in order if not strength.get(v))
        new = {}
        for v in order:
            inflow = sum(score[u] * w / strength[u] for u, w in neighbours[v])
            new[v] = base + damping * (inflow + dangling / n)
        delta = sum(abs(new[v] - score[v]) for v in order)
        score = new
        if delta < tolerance:
            break
    best = max(score.values())
    return {v: s / best for v, s in score.items()}


def _rank_one(
    summary: DocCounts,
    *,
    method: str,
    top: int | None,
    doc_freq: Counter[str],
    idf: Idf | None,
    generic: bool,
) -> list[dict[str, Any]]:
    counts, total = summary.counts, summary.total
    if not counts or total <= 0:
        return []
    usual = generic_words() if generic else {}
    scale = 10_000 / total
    # is_boilerplate, inlined: this runs over every word of every file
    keep = [w for w, c in counts.items() if not (w in usual and c * scale < GENERIC_KEEP_RATIO * usual[w])]
    if method == "freq":
        scores = {w: float(c) for w, c in counts.items()}
    elif method == "tfidf":
        assert idf is not None
        scores = {w: c / total * idf[w] for w, c in counts.items()}
    else:
        if summary.edges is None:
            raise ValueError("textrank needs document_counts(..., textrank=True)")
        ranks = textrank_scores(summary.edges, counts)
        scores = {w: ranks.get(w, 0.0) for w in counts}
    def order(w: str) -> tuple[float, int, str]:
        return (-scores[w], -counts[w], w)

    ordered = sorted(keep, key=order) if top is None else heapq.nsmallest(top, keep, key=order)
    rows = []
    for rank, word in enumerate(ordered, 1):
        rows.append(
            {
                "rank": rank,
                "word": word,
                "count": counts[word],
                "per_10k": round(counts[word] * 10_000 / total, 2),
                "doc_freq": doc_freq[word],
                "score": round(scores[word], 6) if method != "freq" else counts[word],
                "pos": summary.pos.get(word, ""),
            }
        )
    return rows


def keyword_rows(
    summaries: Sequence[DocCounts],
    *,
    method: str = "freq",
    top: int | None = 20,
    by_section: bool = False,
    combined: bool = False,
    idf: Idf | None = None,
    generic: bool = True,
    combined_name: str = COMBINED_NAME,
) -> Iterator[dict[str, Any]]:
    """Rank keywords of each summary (or of all of them with ``combined``).

    Rows carry ``file`` (the summary's name, or ``combined_name``) then KEYWORD_COLUMNS; with
    ``by_section`` a ``section`` column follows ``file`` and the top list is per top-level section: the
    section title, PREAMBLE for enough words before the first heading, WHOLE_REPORT for a report
    without headings. ``doc_freq`` counts the summaries (files) a word occurs in.
    ``idf`` defaults to the shipped table for ``method="tfidf"``. With ``generic`` (default) report
    boilerplate (see :func:`is_boilerplate`) is left out unless this text uses it unusually often.
    """
    if method not in METHODS:
        raise KeywordsError("", f"unknown method {method!r}", f"use one of {', '.join(METHODS)}")
    if method == "tfidf" and idf is None:
        idf = load_idf()
    doc_freq: Counter[str] = Counter()
    for summary in summaries:
        doc_freq.update(summary.counts.keys())
    groups: list[DocCounts]
    if combined:
        merged = merge_counts(list(summaries), name=combined_name)
        if by_section:
            merged.sections = _merge_sections(summaries)
        groups = [merged]
    else:
        groups = list(summaries)
    for group in groups:
        if by_section:
            for part in group.sections or []:
                for row in _rank_one(part, method=method, top=top, doc_freq=doc_freq, idf=idf, generic=generic):
                    yield {"file": group.name, "section": part.name, **row}
        else:
            for row in _rank_one(group, method=method, top=top, doc_freq=doc_freq, idf=idf, generic=generic):
                yield {"file": group.name, **row}


def _merge_sections(summaries: Sequence[DocCounts]) -> list[DocCounts]:
    by_title: dict[str, list[DocCounts]] = {}
    for summary in summaries:
        for part in summary.sections or []:
            by_title.setdefault(part.name, []).append(part)
    return [merge_counts(parts, name=title) for title, parts in by_title.items()]


def keywords(
    docs: Document | Sequence[Document],
    *,
    method: str = "freq",
    top: int | None = 20,
    min_len: int = 2,
    pos: Iterable[str] | None = None,
    stopwords: frozenset[str] | None = None,
    by_section: bool = False,
    combined: bool = False,
    idf: Idf | str | Path | None = None,
    generic: bool = True,
    segmenter: Any = None,
) -> list[dict[str, Any]]:
    """One-call library API: keyword rows for one Document or several (see :func:`keyword_rows`)."""
    if method not in METHODS:
        raise KeywordsError("", f"unknown method {method!r}", f"use one of {', '.join(METHODS)}")
    items = [docs] if not isinstance(docs, Sequence) else list(docs)
    table = idf if isinstance(idf, Idf) or idf is None else load_idf(idf)
    summaries = [
        document_counts(
            d,
            segmenter,
            stopwords=stopwords,
            min_len=min_len,
            pos=pos,
            by_section=by_section,
            textrank=method == "textrank",
        )
        for d in items
    ]
    return list(
        keyword_rows(
            summaries,
            method=method,
            top=top,
            by_section=by_section,
            combined=combined,
            idf=table,
            generic=generic,
        )
    )
