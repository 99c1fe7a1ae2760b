"""Row tables for `reportcli facts` and `reportcli terms` over a Document."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from reportcli.facts.quantities import ALL_KINDS, quantities
from reportcli.facts.tabular import TableHeader, parse_header, table_row
from reportcli.facts.terms import numbered_terms

if TYPE_CHECKING:
    from reportcli.facts.quantities import Quantity
    from reportcli.io import Document
    from reportcli.io.document import Line

FACT_COLUMNS = [
    "line", "start", "end", "text", "value", "unit", "kind", "qualifier", "direction", "subject", "section",
    "sentence",
]
TERM_COLUMNS = ["term", "category", "count", "first_line"]


def parse_kinds(kinds: str | Iterable[str] | None) -> frozenset[str] | None:
    """``"count,percent"`` or an iterable of kinds -> a set; raises ValueError naming an unknown kind."""
    if kinds is None:
        return None
    items = kinds.split(",") if isinstance(kinds, str) else list(kinds)
    out = frozenset(k.strip() for k in items if k.strip())
    unknown = sorted(out - set(ALL_KINDS))
    if unknown:
        raise ValueError(f"unknown kind {', '.join(unknown)} (choose from {', '.join(ALL_KINDS)})")
    return out or None


_SENTENCE_END = tuple("。！？；：")


def _paragraphs(doc: Document) -> Iterator[list[Line]]:
    """The body lines of ``doc`` in runs to read as one text: a text hard-wrapped at a fixed width (a
    PDF saved as .txt: most lines about one length) has each full-width line that ends no sentence
    joined with the line after it, so that 地区生产总 | 值增长5.2% keeps its subject; any other text is
    read line by line. Line numbers and offsets stay those of the file."""
    lines = list(doc.body_lines())
    lengths = [line.end - line.start for line in lines]
    long = Counter(n for n in lengths if n >= 20)
    width = long.most_common(1)[0][0] if long else 0
    wrapped = (len(lines) >= 20 and 20 <= width <= 120
               and sum(abs(n - width) <= 2 for n in lengths) >= 0.4 * len(lines))  # fmt: skip
    run: list[Line] = []
    for line in lines:
        if run and wrapped:
            prev = run[-1]
            prev_text = doc.text[prev.start:prev.end]
            if (line.number == prev.number + 1 and prev.end - prev.start >= width - 2
                    and not prev_text.rstrip().endswith(_SENTENCE_END) and "\t" not in prev_text):
                run.append(line)
                continue
        if run:
            yield run
        run = [line]
    if run:
        yield run


def fact_rows(
    doc: Document,
    *,
    kinds: str | Iterable[str] | None = None,
    min_value: float | None = None,
    subject: str | re.Pattern[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per quantity in the body lines of ``doc`` (columns: FACT_COLUMNS)."""
    wanted = parse_kinds(kinds)
    subject_re = re.compile(subject) if isinstance(subject, str) else subject
    text = doc.text
    header: TableHeader | None = None
    for run in _paragraphs(doc):
        line = run[0]
        line_text = text[line.start:line.end]
        if len(run) > 1:
            yield from _run_rows(doc, run, wanted, min_value, subject_re)
            continue
        found = None
        if "\t" in line_text:
            cells = line_text.split("\t")
            new_header = parse_header(cells)
            if new_header is not None:
                header = new_header
                continue
            found = table_row(line_text, header)
        else:
            header = None
        for q in (found if found is not None else quantities(line_text)):
            if _keep(q, wanted, min_value, subject_re):
                yield _row(doc, q, line, line.start + q.start, line.start + q.end, line_text)


def _keep(q: Quantity, wanted: frozenset[str] | None, min_value: float | None,
          subject_re: re.Pattern[str] | None) -> bool:  # fmt: skip
    if wanted is not None and q.kind not in wanted:
        return False
    if min_value is not None and (isinstance(q.value, str) or q.value < min_value):
        return False
    return subject_re is None or subject_re.search(q.subject) is not None


def _row(doc: Document, q: Quantity, line: Line, start: int, end: int, line_text: str) -> dict[str, Any]:
    sentence = doc.sentence_at(start)
    return {
        "line": line.number,
        "start": start,
        "end": end,
        "text": q.text,
        "value": q.value,
        "unit": q.unit,
        "kind": q.kind,
        "qualifier": q.qualifier,
        "direction": q.direction,
        "subject": q.subject,
        "section": doc.section_path(start),
        "sentence": doc.sentence_text(sentence) if sentence is not None else line_text.strip(),
    }


def _run_rows(doc: Document, run: list[Line], wanted: frozenset[str] | None, min_value: float | None,
              subject_re: re.Pattern[str] | None) -> Iterator[dict[str, Any]]:  # fmt: skip
    """The facts of hard-wrapped lines read as one text; each row names the line its number starts on."""
    import bisect

    texts = [doc.text[line.start:line.end] for line in run]
    starts = [0]
    for t in texts[:-1]:
        starts.append(starts[-1] + len(t))

    def where(at: int) -> tuple[int, int]:  # (index in the run, offset in the file) of a joined offset
        i = bisect.bisect_right(starts, at) - 1
        return i, run[i].start + at - starts[i]

    for q in quantities("".join(texts)):
        if _keep(q, wanted, min_value, subject_re):
            i, start = where(q.start)
            end = where(q.end - 1)[1] + 1
            yield _row(doc, q, run[i], start, end, texts[i])


def terms_table(doc: Document) -> list[dict[str, Any]]:
    """Numbered terms of ``doc`` with their count and first line (columns: TERM_COLUMNS)."""
    found: dict[str, dict[str, Any]] = {}
    text = doc.text
    for line in doc.body_lines():
        for t in numbered_terms(text[line.start:line.end]):
            row = found.get(t.term)
            if row is None:
                found[t.term] = {"term": t.term, "category": t.category, "count": 1, "first_line": line.number}
            else:
                row["count"] += 1
    return list(found.values())


def term_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """Rows of :func:`terms_table`, in order of first appearance."""
    yield from terms_table(doc)
