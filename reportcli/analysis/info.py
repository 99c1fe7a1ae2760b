"""Document-level summaries: ``info`` and ``sections`` rows."""

from __future__ import annotations

from typing import Any

from reportcli.io.document import Document

INFO_COLUMNS = ["format", "encoding", "chars", "han_chars", "body_lines", "title", "date", "meeting",
                "speaker", "source", "published", "sections", "sentences"]  # fmt: skip
SECTION_COLUMNS = ["level", "number", "title", "line"]


def document_info(doc: Document) -> dict[str, Any]:
    """One row describing a report."""
    meta = doc.meta
    return {
        "format": doc.format,
        "encoding": doc.encoding,
        "chars": len(doc.text),
        "han_chars": doc.han_chars,
        "body_lines": sum(1 for _ in doc.body_lines()),
        **{key: meta.get(key, "") for key in ("title", "date", "meeting", "speaker", "source", "published")},
        "sections": len(doc.sections),
        "sentences": len(doc.sentences),
    }


def outline(doc: Document) -> list[dict[str, Any]]:
    """The heading tree as rows: level, number (一、), title, line."""
    return [{"level": s.level, "number": s.number, "title": s.title, "line": s.line} for s in doc.sections]


def info_rows(doc: Document) -> list[dict[str, Any]]:
    return [document_info(doc)]
