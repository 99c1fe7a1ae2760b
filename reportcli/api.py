"""The library API: every analysis as a function that returns a pandas DataFrame.

Each takes a :class:`~reportcli.io.Document` (from :func:`reportcli.load`), a path, or ``None`` for
the seed report, and returns the same columns as the matching command, ``file`` first (so that the
frames of several reports concatenate)::

    >>> import reportcli
    >>> doc = reportcli.load("2025_report.docx")
    >>> facts = reportcli.extract_facts(doc, kinds="money,percent")
    >>> facts.groupby("unit").value.sum()

Functions of several reports (``keywords``, ``compare``, ``attention``) take one report or any
iterable of them (a list, a generator such as ``Path("dir").glob("*.txt")``, a pandas Series).
Arguments are checked before any work: a bad one raises :class:`reportcli.errors.UsageError`
(a :class:`~reportcli.errors.ReportError`) worded as the command line words it.
An empty result keeps its columns' dtypes (int64, float64, text), so it concatenates cleanly.
"""

from __future__ import annotations

import codecs
import operator
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcli.analysis import DEFAULT_MAX_P
from reportcli.errors import UsageError
from reportcli.io.document import Document
from reportcli.io.document import load as _load

if TYPE_CHECKING:
    import pandas as pd

DocLike = Document | str | Path | None
DocsLike = DocLike | Iterable[Document | str | Path]

# ----------------------------------------------------------------------------- column dtypes
# The dtype of every column of every table, by name: a name means the same thing in each table.
# Empty frames are cast to these so that they concatenate with non-empty ones without turning
# columns into object; "str" is pandas' default dtype for text (``str`` in pandas 3, object in 2).
_INT, _FLOAT, _STR = "int64", "float64", "str"
_COLUMN_DTYPES: dict[str, str] = {
    # every table
    "file": _STR, "line": _INT, "start": _INT, "end": _INT, "section": _STR,
    # info
    "format": _STR, "encoding": _STR, "chars": _INT, "han_chars": _INT, "body_lines": _INT, "title": _STR,
    "date": _STR, "meeting": _STR, "speaker": _STR, "source": _STR, "published": _STR, "sections": _INT,
    "sentences": _INT,
    # sections
    "level": _INT, "number": _STR,
    # facts (value: ints and floats mix; a date's value is text, see extract_facts)
    "text": _STR, "value": _FLOAT, "unit": _STR, "kind": _STR, "qualifier": _STR, "direction": _STR,
    "subject": _STR, "sentence": _STR,
    # terms
    "term": _STR, "category": _STR, "count": _INT, "first_line": _INT,
    # segment
    "token": _STR, "pos": _STR,
    # keywords (score: counts for method freq, see keywords)
    "rank": _INT, "word": _STR, "per_10k": _FLOAT, "doc_freq": _INT, "score": _FLOAT,
    # compare
    "count_a": _INT, "count_b": _INT, "per_10k_a": _FLOAT, "per_10k_b": _FLOAT, "log_ratio": _FLOAT,
    "g2": _FLOAT, "p": _FLOAT, "side": _STR,
    # kwic
    "left": _STR, "match": _STR, "right": _STR,
    # attention
    "hits": _INT, "denominator": _INT, "top_terms": _STR,
}  # fmt: skip


def _typed(frame: pd.DataFrame, overrides: Mapping[str, str] | None = None, default: str | None = None) -> pd.DataFrame:
    """An empty ``frame`` with each column cast to its dtype (``overrides``, else by name, else ``default``)."""
    if len(frame):
        return frame
    import pandas as pd

    text_dtype = pd.Series([""]).dtype  # what pandas infers for a text column
    dtypes: dict[Any, Any] = {}
    for column in frame.columns:
        kind = (overrides or {}).get(column) or _COLUMN_DTYPES.get(column) or default
        if kind:
            dtypes[column] = text_dtype if kind == _STR else kind
    return frame.astype(dtypes)


def _frame(rows: Iterable[dict[str, Any]], columns: Sequence[str], doc: Document | None = None, *,
           dtypes: Mapping[str, str] | None = None) -> pd.DataFrame:  # fmt: skip
    import pandas as pd

    if doc is None:
        frame = pd.DataFrame(list(rows), columns=list(columns))
    else:
        frame = pd.DataFrame([{"file": doc.name, **row} for row in rows], columns=["file", *columns])
    return _typed(frame, dtypes)


# ----------------------------------------------------------------------------- argument checks
def _usage(cause: str, remedy: str = "") -> UsageError:
    return UsageError("", cause, remedy)


def _int(name: str, value: Any, low: int) -> int:
    """``value`` as an int >= ``low`` (worded as the CLI's range check)."""
    try:
        if isinstance(value, bool):
            raise TypeError
        number = operator.index(value)
    except TypeError:
        raise _usage(f"Invalid value for {name!r}: {value!r} is not a valid integer") from None
    if number < low:
        raise _usage(f"Invalid value for {name!r}: {number} is not in the range x>={low}")
    return number


def _choice(name: str, value: Any, choices: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _usage(f"Invalid value for {name!r}: {value!r} is not one of {', '.join(map(repr, choices))}")
    return value


def _engine(engine: Any) -> str:
    from reportcli.text import ENGINES

    if engine not in ENGINES:
        raise _usage(f"engine: unknown engine {engine!r}", f"choose {' or '.join(ENGINES)}")
    return str(engine)


def _paths(value: str | Path | Iterable[str | Path]) -> tuple[str, ...]:
    """One path or several, as strings (a str is one path, never its characters)."""
    items = [value] if isinstance(value, (str, bytes, os.PathLike)) else list(value)
    return tuple(os.fsdecode(p) if isinstance(p, (bytes, os.PathLike)) else str(p) for p in items)


def load(path: str | Path | None = None, *, encoding: str | None = None, name: str | None = None) -> Document:
    """Load a report (.txt in any common encoding, .html, .docx, .pdf; ``-`` for stdin).

    With no path, the seed report shipped with reportcli. An empty path or an unknown ``encoding``
    is a :class:`~reportcli.errors.UsageError`; an unreadable file a :class:`~reportcli.errors.ReportError`.
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise _usage(f"expected a report (a path or a Document), not {type(path).__name__}",
                     "for several reports, call the function once for each, or use keywords/compare/attention, "
                     "which take a list")  # fmt: skip
    if isinstance(path, str) and not path:
        raise _usage("the path is empty", "give a report file, or no path (None) for the seed report")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError):
            raise _usage(f"encoding: unknown encoding {encoding!r}", "use e.g. utf-8, gbk, gb18030, big5") from None
    return _load(path, encoding=encoding, name=name)


def _doc(doc: Any) -> Document:
    """One report: a Document, a path (str, bytes, os.PathLike) or None (the seed report)."""
    return doc if isinstance(doc, Document) else load(doc)


def _is_one(docs: Any) -> bool:
    return docs is None or isinstance(docs, (Document, str, bytes, os.PathLike))


def _docs(docs: Any, what: str = "docs") -> list[Document]:
    """One report, or any iterable of them (list, generator, pandas Series …), as Documents."""
    if _is_one(docs):
        return [_doc(docs)]
    if not isinstance(docs, Iterable):
        raise _usage(f"{what}: expected a report or an iterable of reports, not {type(docs).__name__}")
    items = [_doc(d) for d in docs]
    if not items:
        raise _usage(f"{what}: no reports given (an empty list, or a glob that matched nothing)",
                     "give report paths or Documents")  # fmt: skip
    return items


# ----------------------------------------------------------------------------- the tables
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
                  subject: str | re.Pattern[str] | None = None) -> pd.DataFrame:  # fmt: skip
    """Numeric facts: line, start, end, text, value, unit, kind, qualifier, direction, subject, section, sentence.

    ``kinds``: "money,percent" or a list; ``subject``: a regular expression the subject must match.
    """
    from reportcli.facts.table import FACT_COLUMNS, fact_rows, parse_kinds

    try:
        wanted = parse_kinds(kinds)
    except (ValueError, TypeError) as exc:
        raise _usage(f"kinds: {exc}") from None
    if min_value is not None and (isinstance(min_value, bool) or not isinstance(min_value, Real)):
        raise _usage(f"Invalid value for 'min_value': {min_value!r} is not a valid float")
    if isinstance(subject, str):
        try:
            subject = re.compile(subject)
        except re.error as exc:
            raise _usage(f"subject: not a valid regular expression ({exc})") from None
    elif subject is not None and not isinstance(subject, re.Pattern):
        raise _usage(f"subject: expected a regular expression, not {type(subject).__name__}")
    d = _doc(doc)
    dtypes = {"value": _STR} if wanted == {"date"} else None  # a date's value is text (2025-01-21)
    return _frame(fact_rows(d, kinds=wanted, min_value=min_value, subject=subject), FACT_COLUMNS, d, dtypes=dtypes)


def numbered_terms(doc: DocLike = None) -> pd.DataFrame:
    """Numbered slogans, plans, sessions and campaigns: term, category, count, first_line."""
    from reportcli.facts.table import TERM_COLUMNS, terms_table

    d = _doc(doc)
    return _frame(terms_table(d), TERM_COLUMNS, d)


def segment(doc: DocLike = None, *, engine: str = "rjieba", pos: bool = False, hmm: bool = False,
            user_dicts: str | Path | Sequence[str | Path] = (), lexicon: bool = True,
            drop_stopwords: bool = False) -> pd.DataFrame:  # fmt: skip
    """Tokens of the body lines: line, start, end, token, pos.

    ``drop_stopwords`` leaves out stopwords, report filler and punctuation (as ``--drop-stopwords``).
    """
    from reportcli.text import SEGMENT_COLUMNS, get_segmenter, load_stopwords, segment_rows

    engine = _engine(engine)
    segmenter = get_segmenter(engine, hmm=hmm, lexicon=lexicon, user_dicts=_paths(user_dicts))
    d = _doc(doc)
    stopwords = load_stopwords() if drop_stopwords else frozenset()
    rows = segment_rows(d, segmenter=segmenter, pos=pos, drop_stopwords=drop_stopwords, stopwords=stopwords)
    return _frame(rows, SEGMENT_COLUMNS, d)


def keywords(docs: DocsLike = None, *, method: str = "freq", top: int | None = 20, min_len: int = 2,
             by_section: bool = False, combined: bool = False, **options: Any) -> pd.DataFrame:  # fmt: skip
    """Top words: (file,) rank, word, count, per_10k, doc_freq, score, pos.

    ``docs``: one report or any iterable of them. ``options`` go to
    :func:`reportcli.analysis.keywords.keywords` (``pos="n,vn"``, ``idf=`` for tfidf, ``stopwords=`` …).
    """
    from reportcli.analysis.keywords import KEYWORD_COLUMNS, METHODS
    from reportcli.analysis.keywords import keywords as keyword_table
    from reportcli.text import load_stopwords

    _choice("method", method, METHODS)
    if top is not None:  # None: every word
        _int("top", top, 1)
    _int("min_len", min_len, 1)
    if "pos" in options:
        from reportcli.text.dictionary import parse_pos_tags

        options["pos"] = parse_pos_tags(options["pos"], "pos")
    if options.get("idf") is not None and method != "tfidf":
        raise _usage("idf is used only with method='tfidf'")
    items = _docs(docs)
    options.setdefault("stopwords", load_stopwords())
    rows = keyword_table(items, method=method, top=top, min_len=min_len, by_section=by_section, combined=combined,
                         **options)  # fmt: skip
    lead = ["file", "section"] if by_section else ["file"]
    dtypes = {"score": _INT} if method == "freq" else None  # freq scores are the counts
    return _frame(rows, [*lead, *KEYWORD_COLUMNS], dtypes=dtypes)


def compare(a: DocsLike, b: DocsLike, *, top: int | None = 20, min_count: int = 3, min_len: int = 2,
            max_p: float | None = DEFAULT_MAX_P) -> pd.DataFrame:  # fmt: skip
    """Keyness of A against B: word, count_a, count_b, per_10k_a, per_10k_b, log_ratio, g2, p, side.

    ``a``/``b``: one report or any iterable of them (a group). Only words whose difference is
    significant are listed: p-value at most ``max_p`` (0.05, as ``--max-p``; 1 or None: every word
    that leans to one side).
    """
    from reportcli.analysis.compare import COMPARE_COLUMNS, compare_rows
    from reportcli.analysis.keywords import document_counts
    from reportcli.text import get_segmenter, load_stopwords

    if top is not None:  # None: every word
        _int("top", top, 1)
    _int("min_count", min_count, 1)
    _int("min_len", min_len, 1)
    if max_p is not None and (isinstance(max_p, bool) or not isinstance(max_p, Real) or not 0 <= max_p <= 1):
        raise _usage(f"Invalid value for 'max_p': {max_p!r} is not in the range 0.0<=x<=1.0")
    docs_a, docs_b = _docs(a, "a"), _docs(b, "b")
    segmenter, stopwords = get_segmenter(), load_stopwords()

    def counts(docs: list[Document]) -> list[Any]:
        return [document_counts(d, segmenter, stopwords=stopwords, min_len=min_len) for d in docs]

    rows = compare_rows(counts(docs_a), counts(docs_b), top=top, min_count=min_count, max_p=max_p)
    return _frame(rows, COMPARE_COLUMNS)


def kwic(pattern: str, doc: DocLike = None, *, width: int = 20, regex: bool = False,
         whole_token: bool = False) -> pd.DataFrame:  # fmt: skip
    """Keyword in context: line, section, left, match, right.

    ``whole_token`` keeps only matches that start and end on token boundaries (not inside a longer word).
    """
    from reportcli.analysis._tokens import KeywordsError
    from reportcli.analysis.kwic import KWIC_COLUMNS, compile_pattern, kwic_rows

    if not isinstance(pattern, str):
        raise _usage(f"pattern: expected a string, not {type(pattern).__name__}")
    try:
        compile_pattern(pattern, regex=regex)
    except KeywordsError as exc:
        raise _usage(exc.message) from None
    _int("width", width, 0)
    d = _doc(doc)
    return _frame(kwic_rows(d, pattern, width=width, regex=regex, whole_token=whole_token), KWIC_COLUMNS, d)


def attention(docs: DocsLike = None, dicts: str | Path | Iterable[Any] | None = None, *,
              count: str = "tokens", per: str = "words", wide: bool = False, terms: bool = False) -> pd.DataFrame:  # fmt: skip
    """Attention indices: hits of category dictionaries per 10,000 words (see ``reportcli lexicon``).

    ``docs``: one report or any iterable of them; ``dicts``: a shipped name ("生态环保", or "a,b"), a file,
    or a list of them (default: every shipped dictionary).
    """
    from reportcli.analysis.lexicon import COUNT_RULES, DENOMINATORS, attention_table

    _choice("count", count, COUNT_RULES)
    _choice("per", per, DENOMINATORS)
    if wide and terms:
        raise _usage("wide and terms are two different tables: give one of them")
    names: list[Any] | None
    if dicts is None:
        names = None
    elif isinstance(dicts, str):  # one dictionary: "生态环保", or "a,b" as for --kind
        names = [d.strip() for d in dicts.split(",") if d.strip()]
    elif isinstance(dicts, os.PathLike):
        names = [dicts]
    elif isinstance(dicts, Iterable):
        names = list(dicts)
    else:
        raise _usage(f"dicts: expected a dictionary name, a file or a list of them, not {type(dicts).__name__}")
    frame = attention_table(_docs(docs), names, count=count, per=per, wide=wide, terms=terms)
    return _typed(frame, default=_FLOAT if wide else None)  # wide: a per_10k column per category


__all__ = [
    "attention", "compare", "extract_facts", "info", "keywords", "kwic", "load", "numbered_terms", "sections",
    "segment",
]  # fmt: skip
