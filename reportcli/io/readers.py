"""Readers that turn a report file (.txt, .html, .docx, .pdf) into plain text.

Every reader returns ``(text, encoding)``; the text has ``\\n`` newlines and one paragraph
(or one table row, cells separated by tabs) per line. A corrupt or unreadable input raises
:class:`reportcli.errors.ReportError` with a one-line message.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from reportcli.errors import ReportError
from reportcli.io.decode import decode_bytes

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".aspx", ".php", ".jsp"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
REPORT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES

_HAN = re.compile(r"[\u4e00-\u9fff]")


def sniff_format(path: str, data: bytes) -> str:
    """The input's format, from its content first (a .txt may hold HTML), then its name."""
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    suffix = PurePath(path).suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if _looks_like_html(data[:65536]):
        return "html"
    return "text"


_HTML_START = re.compile(rb"^(\xef\xbb\xbf)?\s*(<!doctype html|<html|<!--|\[?<(div|p|body|head|table|h\d)\b)", re.I)
_BLOCK_CLOSE = re.compile(rb"</(p|div|h\d|li|tr|td)>|<br\s*/?>", re.I)


_HTML_DOCUMENT = re.compile(rb"^(\xef\xbb\xbf)?\s*(<!--.*?-->\s*)*(<!doctype html|<html)", re.I | re.S)


def _looks_like_html(head: bytes) -> bool:
    """A saved page (<!DOCTYPE html>, <html>) or a fragment that starts with block tags."""
    if _HTML_DOCUMENT.match(head):
        return True
    return bool(_HTML_START.match(head)) and len(_BLOCK_CLOSE.findall(head)) >= 2


# ---------------------------------------------------------------- HTML

_SKIP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "select", "button",
    "input", "textarea", "form", "nav", "head", "object", "embed", "audio", "video", "map",
}  # fmt: skip
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "html", "caption",
}  # fmt: skip
_WS = re.compile(r"[ \t\n\r\f]+")  # HTML white space only: U+3000 and U+2002 are content


def _han_outside_links(node: LexborNode, cache: dict[int, int]) -> int:
    """Han characters under ``node``, not counting link text (navigation is mostly links)."""
    total = 0
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            total += len(_HAN.findall(child.text_content or ""))
        elif tag not in _SKIP_TAGS and tag != "a" and not child.is_comment_node:
            total += _han_outside_links(child, cache)
        child = child.next
    cache[node.mem_id] = total
    return total


def _main_container(body: LexborNode) -> LexborNode:
    """Descend from <body> while one child holds most of the page's non-link Han text."""
    cache: dict[int, int] = {}
    node = body
    total = _han_outside_links(body, cache)
    while total:
        best, best_count = None, 0
        child = node.child
        while child is not None:
            if child.tag not in ("-text", "-comment") and child.tag not in _SKIP_TAGS:
                count = cache.get(child.mem_id, 0)
                if count > best_count:
                    best, best_count = child, count
            child = child.next
        if best is None or best_count < 0.8 * total:
            break
        node, total = best, best_count
    return node


def _html_text(node: LexborNode, out: list[str]) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            out.append(_WS.sub(" ", child.text_content or ""))
        elif tag in _SKIP_TAGS or child.is_comment_node:
            pass
        elif tag == "br":
            out.append("\n")
        elif tag in ("td", "th"):
            _html_text(child, out)
            out.append("\t")
        elif tag in _BLOCK_TAGS:
            out.append("\n")
            _html_text(child, out)
            out.append("\n")
        else:
            _html_text(child, out)
        child = child.next


def _tidy_lines(raw: str) -> str:
    lines = []
    for line in raw.split("\n"):
        line = line.strip(" \t")
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def html_to_text(html: str) -> str:
    """The main text of an HTML page: scripts, styles, forms and navigation dropped."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    body = tree.body or tree.root
    if body is None:
        return ""
    main = _main_container(body)
    out: list[str] = []
    _html_text(main, out)
    text = _tidy_lines("".join(out))
    title = ""
    meta = tree.css_first('meta[name="ArticleTitle"]')
    if meta is not None:
        title = (meta.attributes.get("content") or "").strip()
    if not title:
        title_node = tree.css_first("title")
        title = title_node.text(strip=True) if title_node is not None else ""
        title = re.split(r"\s*[_|｜-]\s*", title)[0] if title else ""
    if title and _HAN.search(title) and title not in text[: len(title) + 200]:
        text = title + "\n" + text
    return text


def read_html(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    if encoding is None:
        declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                text = data.decode(name)
                return html_to_text(text), name
            except (LookupError, UnicodeDecodeError):
                pass
    text, used = decode_bytes(data, path, encoding)
    return html_to_text(text), used


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_paragraph(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _docx_block(el: Any, out: list[str]) -> None:
    if el.tag == _W + "p":
        out.append(_docx_paragraph(el))
    elif el.tag == _W + "tbl":
        for row in el.iter(_W + "tr"):
            cells = []
            for cell in row.findall(_W + "tc"):
                cells.append(" ".join(_docx_paragraph(p).strip() for p in cell.iter(_W + "p")).strip())
            out.append("\t".join(cells))
    elif el.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
        for child in el:
            _docx_block(child, out)


def read_docx(data: bytes, path: str) -> str:
    """Paragraphs of the document body in order; a table row is one line of tab-separated cells."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile):
        raise ReportError(path, "not a readable .docx (corrupt or not a Word document)",
                          "re-save it from Word/LibreOffice as .docx") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ReportError(path, f"corrupt .docx ({exc})", "re-save it from Word/LibreOffice as .docx") from None
    body = root.find(_W + "body")
    out: list[str] = []
    if body is not None:
        for el in body:
            _docx_block(el, out)
    return "\n".join(line.replace("\r", "") for line in out) + "\n"


# ---------------------------------------------------------------- PDF

_SENTENCE_END = tuple("。！？；：…”」』)）")


def _display_width(line: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)


_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$")


def _reflow_pdf(page_texts: list[str]) -> list[str]:
    """Join the lines a PDF wrapped inside a paragraph, so that a paragraph is one line.

    A line is a wrap when it is about as long as the page's longest lines and does not end a
    sentence; numbers and terms split across a wrap would otherwise be lost.
    """
    lines = []
    for page_text in page_texts:
        for ln in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            ln = ln.strip()
            if ln and not _PAGE_NUMBER.match(ln):  # page numbers in headers and footers
                lines.append(ln)
    if not lines:
        return []
    widths = [_display_width(ln) for ln in lines]
    ordered = sorted(widths)
    full = ordered[int(len(ordered) * 0.75)] if len(ordered) > 3 else ordered[-1]
    out: list[str] = []
    joining = False
    for ln, width in zip(lines, widths):
        if joining and out:
            out[-1] += ln
        else:
            out.append(ln)
        joining = width >= 0.8 * full and not ln.endswith(_SENTENCE_END)
    return out


def read_pdf(data: bytes, path: str) -> str:
    """The PDF's text layer, page by page, wrapped lines joined; a scanned PDF is an error."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).rstrip(".")
        raise ReportError(path, f"not a readable PDF ({reason})", "check the file or re-export it as PDF") from None
    page_texts: list[str] = []
    pages = len(pdf)
    try:
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            page_texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(_reflow_pdf(page_texts))
    if pages and len(_HAN.findall(text)) + len(re.findall(r"[A-Za-z0-9]", text)) < 20 * pages:
        raise ReportError(path, f"the PDF has no text layer ({pages} pages, scanned images?)",
                          "run OCR first (e.g. ocrmypdf --language chi_sim) and try again")
    return text + "\n" if text else ""


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, str]:
    """Read any supported report from its bytes: ``(text, format, encoding)``."""
    if data.startswith(_OLE_MAGIC):
        raise ReportError(path, "an old Office file (.doc/.wps/.xls, Word 97-2003 format), which reportcli does not read",
                          "save it as .docx (or .txt) and try again")  # fmt: skip
    fmt = sniff_format(path, data)
    if fmt == "pdf":
        return read_pdf(data, path), "pdf", ""  # text from the PDF's text layer: no encoding to report
    if fmt == "docx":
        return read_docx(data, path), "docx", "utf-8"
    if fmt == "html":
        text, used = read_html(data, path, encoding)
        return text, "html", used
    text, used = decode_bytes(data, path, encoding)
    return text, "text", used
