"""Row tables for `reportcli facts` and `reportcli terms` over a Document."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from reportcli.facts.quantities import ALL_KINDS, quantities
from reportcli.facts.tabular import TableHeader, parse_header, table_row
from reportcli.facts.terms import numbered_terms

if TYPE_CHECKING:
    from reportcli.io import Document

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
    for line in doc.body_lines():
        line_text = text[line.start:line.end]
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
            if wanted is not None and q.kind not in wanted:
                continue
            if min_value is not None and (isinstance(q.value, str) or q.value < min_value):
                continue
            if subject_re is not None and not subject_re.search(q.subject):
                continue
            start = line.start + q.start
            sentence = doc.sentence_at(start)
            yield {
                "line": line.number,
                "start": start,
                "end": line.start + q.end,
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
