"""Readers that turn a report file (.txt, .html, .docx, .pdf) into plain text.

Every reader returns ``(text, encoding)``; the text has ``\\n`` newlines and one paragraph
(or one table row, cells separated by tabs) per line. A corrupt or unreadable input raises
:class:`reportcli.errors.ReportError` with a one-line message.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from reportcli.errors import ReportError
from reportcli.io.decode import check_mojibake, decode_bytes, mojibake_sample

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".aspx", ".php", ".jsp"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
REPORT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES

_HAN = re.compile(r"[\u4e00-\u9fff]")


SUPPORTED = ".txt, .md, .html, .docx or .pdf"


def _zip_names(data: bytes) -> set[str] | None:
    """The member names of a ZIP archive (.docx, .xlsx, .zip …), or None when it cannot be opened."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile, ValueError):
        return None


def _zip_error(path: str, names: set[str] | None) -> ReportError:
    """A ZIP archive that is not a .docx: say what it is, that reportcli does not read it, and what does."""
    remedy = f"give the report as {SUPPORTED}"
    if names is None:
        what = "a damaged ZIP archive"
    elif "xl/workbook.xml" in names:
        what = "an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint file (.pptx)"
    elif "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file (.odt/.ods/.odp)"
    else:
        what = "a ZIP archive (no word/document.xml, so not a Word .docx)"
        remedy = f"unpack it and give the reports inside ({SUPPORTED})"
    return ReportError(path, f"{what}, which reportcli does not read", remedy)


def sniff_format(path: str, data: bytes) -> str:
    """The input's format, from its content first (a .txt may hold HTML), then its name.

    ``zip`` is a ZIP archive that is not a .docx (.xlsx, .pptx, .zip …): not a report format.
    """
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    suffix = PurePath(path).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if names is None:  # damaged: a .docx gets the .docx reader's message
            return "docx" if suffix in DOCX_SUFFIXES else "zip"
        return "docx" if "word/document.xml" in names else "zip"
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


_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)


def read_html(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    used = ""
    if encoding is None:
        declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                text, used = data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    if used and encoding is None and mojibake_sample(_MARKUP.sub(" ", text)) is not None:
        used = ""  # the page declares a wrong charset (latin-1 for UTF-8 bytes): detect it instead
    if not used:
        text, used = decode_bytes(data, path, encoding)
    # mojibake is checked on the whole page: the main text is found by its Han characters, which
    # mojibake has none of
    check_mojibake(_MARKUP.sub(" ", text), path, encoding)
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
# A line that starts with a heading number starts a paragraph: 第五章, 五、, （五）
_HEADING_START = re.compile(r"^(第[一二三四五六七八九十百零〇两\d]+(?:部分|章|篇|节)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One line of a PDF page's text layer; ``left``/``right`` are the x of its first and last
    character in points (None when the text layer gives no positions)."""

    text: str
    left: float | None = None
    right: float | None = None


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _mode(values: list[float]) -> float:
    counts = Counter(round(v) for v in values)
    return float(min(counts, key=lambda v: (-counts[v], v)))


def _reflow_pdf(pages: list[list[PdfLine]]) -> list[str]:
    """Join the lines a PDF wrapped inside a paragraph, so that a paragraph is one line.

    A line continues the previous one when the previous one runs to the right margin (a wrap)
    and the line itself is not a paragraph start: not indented or centred (its left edge is at the
    page's left margin), not starting with a heading number (第五章, 五、, （五）), and, in a
    document whose paragraphs are not marked by indentation, the previous line does not end a
    sentence. Without positions, "runs to the margin" falls back to "about as long as the
    longest lines". Numbers and terms split across a wrap would otherwise be lost, and a heading
    must stay a line of its own.
    """
    lines: list[tuple[int, PdfLine]] = []
    for number, page in enumerate(pages):
        for line in page:
            text = line.text.strip()
            if text and not _PAGE_NUMBER.match(text):  # page numbers in headers and footers
                lines.append((number, PdfLine(text, line.left, line.right)))
    if not lines:
        return []
    ordered = sorted(_display_width(line.text) for _, line in lines)
    full_width = ordered[int(len(ordered) * 0.75)] if len(ordered) > 3 else ordered[-1]
    placed = [(line.left, line.right, line.text) for _, line in lines if line.left is not None and line.right is not None]
    em = right_margin = 0.0
    left_margin: dict[int, float] = {}
    if len(placed) > 3:
        # the width of one Chinese character: a line's extent over its display width (CJK = 2)
        ratios = [(right - left) / _display_width(text) for left, right, text in placed if _display_width(text) >= 10]
        em = 2 * _median(ratios) if ratios else 0.0
        rights = sorted(right for _, right, _ in placed)
        right_margin = rights[int(len(rights) * 0.75)]
        overall = _mode([left for left, _, _ in placed])
        page_lefts: dict[int, list[float]] = {}
        for number, line in lines:
            page_lefts.setdefault(number, [])
            if line.left is not None:
                page_lefts[number].append(line.left)
        for number, lefts in page_lefts.items():
            left_margin[number] = _mode(lefts) if len(lefts) >= 5 else overall
    geometry = em > 0

    def indented(number: int, line: PdfLine) -> bool:
        return geometry and line.left is not None and line.left > left_margin.get(number, 0.0) + 0.8 * em

    # paragraphs marked by a first-line indent: a sentence end at the margin does not end one
    starts = sum(1 for number, line in lines if indented(number, line))
    by_indent = geometry and starts >= 3 and starts >= 0.03 * len(lines)

    out: list[str] = []
    previous: PdfLine | None = None
    for number, line in lines:
        join = False
        if previous is not None and out:
            if geometry and previous.right is not None:
                full = previous.right >= right_margin - 1.5 * em
            else:
                full = _display_width(previous.text) >= 0.8 * full_width
            join = (
                full
                and not _HEADING_START.match(line.text)
                and not indented(number, line)
                and (by_indent or not previous.text.endswith(_SENTENCE_END))
            )
        if join:
            out[-1] += line.text
        else:
            out.append(line.text)
        previous = line
    return out


def _pdf_page_lines(textpage: Any) -> list[PdfLine]:
    """The lines of one page's text layer, each with the x of its first and last character."""
    text = textpage.get_text_range()
    placed = len(text) == textpage.count_chars()  # one character per index: positions line up
    out = []
    for match in re.finditer(r"[^\r\n]+", text):
        segment = match.group()
        first = len(segment) - len(segment.lstrip())
        last = len(segment.rstrip()) - 1
        if last < first:
            continue
        left = right = None
        if placed:
            left = textpage.get_charbox(match.start() + first, loose=True)[0]
            right = textpage.get_charbox(match.start() + last, loose=True)[2]
        out.append(PdfLine(segment.strip(), left, right))
    return out


def read_pdf(data: bytes, path: str) -> str:
    """The PDF's text layer, page by page, wrapped lines joined; a scanned PDF is an error."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).rstrip(".")
        raise ReportError(path, f"not a readable PDF ({reason})", "check the file or re-export it as PDF") from None
    pages_lines: list[list[PdfLine]] = []
    pages = len(pdf)
    try:
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            pages_lines.append(_pdf_page_lines(textpage))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(_reflow_pdf(pages_lines))
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
    if fmt == "zip":
        raise _zip_error(path, _zip_names(data))
    if fmt == "pdf":
        text, used = read_pdf(data, path), ""  # text from the PDF's text layer: no encoding to report
    elif fmt == "docx":
        text, used = read_docx(data, path), "utf-8"
    elif fmt == "html":
        text, used = read_html(data, path, encoding)
    else:
        text, used = decode_bytes(data, path, encoding)
    check_mojibake(text, path, encoding)
    return text, fmt, used
