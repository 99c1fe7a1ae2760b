"""The library API: every analysis as a function that returns a pandas DataFrame.

Each takes a :class:`~reportcli.io.Document` (from :func:`reportcli.load`), a path, or ``None`` for
the seed report, and returns the same columns as the matching command, ``file`` first (so that the
frames of several reports concatenate)::

    >>> import reportcli
    >>> doc = reportcli.load("2025_report.docx")
    >>> facts = reportcli.extract_facts(doc, kinds="money,percent")
    >>> facts.groupby("unit").value.sum()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcli.io.document import Document, load

if TYPE_CHECKING:
    import pandas as pd

DocLike = Document | str | Path | None


def _doc(doc: DocLike) -> Document:
    return doc if isinstance(doc, Document) else load(doc)


def _frame(rows: Iterable[dict[str, Any]], columns: Sequence[str], doc: Document | None = None) -> pd.DataFrame:
    import pandas as pd

    if doc is None:
        return pd.DataFrame(list(rows), columns=list(columns))
    return pd.DataFrame([{"file": doc.name, **row} for row in rows], columns=["file", *columns])


def info(doc: DocLike = None) -> pd.DataFrame:
    """One row: format, encoding, chars, han_chars, body_lines, title, date, meeting, speaker, …"""
    from reportcli.analysis.info import INFO_COLUMNS, info_rows

    d = _doc(doc)
    return _frame(info_rows(d), INFO_COLUMNS, d)


def sections(doc: DocLike = None) -> pd.DataFrame:
    """The heading outline: level, number, title, line."""
    from reportcli.analysis.info import SECTION_COLUMNS, outline

    d = _doc(doc)
    return _frame(outline(d), SECTION_COLUMNS, d)


def extract_facts(doc: DocLike = None, *, kinds: str | Iterable[str] | None = None, min_value: float | None = None,
                  subject: str | None = None) -> pd.DataFrame:  # fmt: skip
    """Numeric facts: line, start, end, text, value, unit, kind, qualifier, direction, subject, section, sentence."""
    from reportcli.facts.table import FACT_COLUMNS, fact_rows

    d = _doc(doc)
    return _frame(fact_rows(d, kinds=kinds, min_value=min_value, subject=subject), FACT_COLUMNS, d)


def numbered_terms(doc: DocLike = None) -> pd.DataFrame:
    """Numbered slogans, plans, sessions and campaigns: term, category, count, first_line."""
    from reportcli.facts.table import TERM_COLUMNS, terms_table

    d = _doc(doc)
    return _frame(terms_table(d), TERM_COLUMNS, d)


def segment(doc: DocLike = None, *, engine: str = "rjieba", pos: bool = False, hmm: bool = False,
            user_dicts: Sequence[str | Path] = (), lexicon: bool = True) -> pd.DataFrame:  # fmt: skip
    """Tokens of the body lines: line, start, end, token, pos."""
    from reportcli.text import SEGMENT_COLUMNS, get_segmenter, segment_rows

    segmenter = get_segmenter(engine, hmm=hmm, lexicon=lexicon, user_dicts=tuple(str(p) for p in user_dicts))
    d = _doc(doc)
    return _frame(segment_rows(d, segmenter=segmenter, pos=pos), SEGMENT_COLUMNS, d)


def keywords(docs: DocLike | Sequence[DocLike] = None, *, method: str = "freq", top: int = 20, min_len: int = 2,
             by_section: bool = False, combined: bool = False, **options: Any) -> pd.DataFrame:  # fmt: skip
    """Top words: (file,) rank, word, count, per_10k, doc_freq, score, pos."""
    from reportcli.analysis.keywords import KEYWORD_COLUMNS
    from reportcli.analysis.keywords import keywords as keyword_table
    from reportcli.text import load_stopwords

    items = [_doc(d) for d in docs] if isinstance(docs, (list, tuple)) else _doc(docs)  # type: ignore[arg-type]
    options.setdefault("stopwords", load_stopwords())
    rows = keyword_table(items, method=method, top=top, min_len=min_len, by_section=by_section, combined=combined,
                         **options)  # fmt: skip
    lead = ["file", "section"] if by_section else ["file"]
    return _frame(rows, [*lead, *KEYWORD_COLUMNS])


def compare(a: DocLike | Sequence[DocLike], b: DocLike | Sequence[DocLike], *, top: int = 20, min_count: int = 3,
            min_len: int = 2) -> pd.DataFrame:  # fmt: skip
    """Keyness of A against B: word, count_a, count_b, per_10k_a, per_10k_b, log_ratio, g2, p, side."""
    from reportcli.analysis.compare import COMPARE_COLUMNS, compare_rows
    from reportcli.analysis.keywords import document_counts
    from reportcli.text import get_segmenter, load_stopwords

    segmenter, stopwords = get_segmenter(), load_stopwords()

    def counts(side: DocLike | Sequence[DocLike]) -> list[Any]:
        docs = [_doc(d) for d in side] if isinstance(side, (list, tuple)) else [_doc(side)]  # type: ignore[arg-type]
        return [document_counts(d, segmenter, stopwords=stopwords, min_len=min_len) for d in docs]

    return _frame(compare_rows(counts(a), counts(b), top=top, min_count=min_count), COMPARE_COLUMNS)


def kwic(pattern: str, doc: DocLike = None, *, width: int = 20, regex: bool = False) -> pd.DataFrame:
    """Keyword in context: line, section, left, match, right."""
    from reportcli.analysis.kwic import KWIC_COLUMNS, kwic_rows

    d = _doc(doc)
    return _frame(kwic_rows(d, pattern, width=width, regex=regex), KWIC_COLUMNS, d)


def attention(docs: DocLike | Sequence[DocLike] = None, dicts: str | Path | Sequence[str | Path] | None = None, *,
              count: str = "tokens", per: str = "words", wide: bool = False, terms: bool = False) -> pd.DataFrame:  # fmt: skip
    """Attention indices: hits of category dictionaries per 10,000 words (see ``reportcli lexicon``)."""
    from reportcli.analysis.lexicon import attention_table

    if isinstance(dicts, (str, Path)):  # one dictionary: "生态环保", or "a,b" as for --kind
        dicts = [d.strip() for d in str(dicts).split(",") if d.strip()] if isinstance(dicts, str) else [dicts]
    return attention_table(docs, dicts, count=count, per=per, wide=wide, terms=terms)  # type: ignore[arg-type]
