"""Loading: encodings, formats, cleaning, metadata, sections, sentences (library API)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reportcli.errors import ReportError
from reportcli.io import load, load_text
from reportcli.io.decode import decode_bytes
from reportcli.io.readers import html_to_text, read_bytes

SAMPLE = "各位代表：\n一、过去一年的工作\n全年召开常委会会议8次，增长5.2%。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030", "big5"])
def test_decodes_common_encodings(encoding: str) -> None:
    text = "各位代表：\n現在我向大會報告工作。\n" if encoding == "big5" else SAMPLE * 20
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    # GB18030 bytes that are all in GBK are reported as gbk (GB18030 is a superset of it)
    expected = {"utf-8-sig": "utf-8-bom", "gb18030": "gbk"}.get(encoding, encoding)
    assert used == expected


def test_crlf_and_cr_become_lf() -> None:
    decoded, _ = decode_bytes("甲\r\n乙\r丙\n".encode("gbk"))
    assert decoded == "甲\n乙\n丙\n"


def test_explicit_encoding_is_strict() -> None:
    with pytest.raises(ReportError, match="not valid utf-8"):
        decode_bytes("中文".encode("gbk"), "x.txt", encoding="utf-8")


def test_binary_and_undecodable_are_errors() -> None:
    with pytest.raises(ReportError, match="binary"):
        decode_bytes(bytes(range(256)) * 20, "x.txt")
    with pytest.raises(ReportError, match="binary|undecodable"):
        decode_bytes(b"\x81\x20\xff\xfe\x80" * 50, "x.txt")


def test_seed_metadata_and_cruft() -> None:
    doc = load()
    assert doc.meta["title"] == "绍兴市人民代表大会常务委员会工作报告"
    assert doc.meta["date"] == "2025-01-21"
    assert "第九届人民代表大会第五次会议" in doc.meta["meeting"]
    assert doc.meta["speaker"] == "谭志桂"
    body = {doc.line_text(line).strip() for line in doc.body_lines()}
    for cruft in ("进入老年模式", "无障碍阅读", "2 (1).jpg"):
        assert cruft not in body
    assert not any(text.startswith("分享") for text in body)
    # line numbers are those of the file as given
    seed_lines = doc.text.split("\n")
    for line in doc.lines:
        assert doc.line_text(line) == seed_lines[line.number - 1]


def test_seed_sections_are_a_tree() -> None:
    doc = load()
    top = [s for s in doc.sections if s.level == 1]
    assert [s.title for s in top] == ["2024年主要工作", "2025年主要任务"]
    children = [s for s in doc.sections if s.level == 2]
    assert children[0].number == "一、" and children[0].path.startswith("一、2024年主要工作 > 一、")
    assert any(s.number == "一是" for s in children)
    offset = doc.lines[28].start  # a paragraph under the first sub-heading
    assert doc.section_path(offset).startswith("一、2024年主要工作 > 一、坚持思想与行动一致")


def test_sentences_have_offsets() -> None:
    doc = load_text("第一句。第二句！\n第三句“引号。”后面\n")
    texts = [doc.sentence_text(s) for s in doc.sentences]
    assert texts == ["第一句。", "第二句！", "第三句“引号。”", "后面"]
    assert doc.sentence_at(doc.text.index("二")) == doc.sentences[1]


def test_html_main_text_without_navigation() -> None:
    html = """<html><head><title>某市统计公报_某市人民政府</title><script>var a='脚本内容';</script></head><body>
    <div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">新闻中心</a><a>网站地图</a></div>
    <div id="main"><h1>某市2022年国民经济和社会发展统计公报</h1>
    <p>全年地区生产总值1234.5亿元，比上年增长5.2%。</p><p>年末常住人口500万人。</p>
    <table><tr><td>指标</td><td>数值</td></tr><tr><td>粮食产量</td><td>12万吨</td></tr></table></div>
    <div class="footer">版权所有 某市人民政府 <a>联系我们</a></div></body></html>"""
    text = html_to_text(html)
    assert "全年地区生产总值1234.5亿元，比上年增长5.2%。" in text.split("\n")
    assert "粮食产量\t12万吨" in text
    assert "脚本内容" not in text and "政务公开" not in text and "版权所有" not in text


def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{rows}</w:tbl>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(_docx(["政府工作报告", "各位代表：", "增长5.2%。"], [["指标", "数值"], ["产量", "12万吨"]]))
    doc = load(path)
    assert doc.format == "docx"
    assert doc.text.split("\n")[:5] == ["政府工作报告", "各位代表：", "增长5.2%。", "指标\t数值", "产量\t12万吨"]


def test_pdf_text_layer_and_scanned(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReportError, match="no text layer"):
        load(path)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(ReportError, match="not a readable PDF"):
        load(bad)


def test_text_file_holding_html_is_read_as_html() -> None:
    text, fmt, _ = read_bytes("[<div><p>第一段。</p>\n<p>第二段。</p></div>]".encode(), "x.txt")
    assert fmt == "html" and "第一段。" in text and "<p>" not in text


def test_bad_inputs_raise_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    for path, cause in [(tmp_path / "missing.txt", "no such file"), (empty, "empty"), (corrupt, "docx"), (tmp_path, "directory")]:
        with pytest.raises(ReportError) as info:
            load(path)
        assert cause in info.value.message and "\n" not in info.value.message
        assert str(path) in info.value.message


def test_saved_page_with_a_long_head_is_html_whatever_its_name() -> None:
    head = "<!DOCTYPE html>\n<html><head>" + "<script>var x = 1;</script>\n" * 2000 + "</head>"
    page = head + "<body><div><p>全年地区生产总值增长5.2%。</p><p>第二段。</p></div></body></html>"
    text, fmt, _ = read_bytes(page.encode("utf-8"), "page.txt")
    assert fmt == "html" and "全年地区生产总值增长5.2%。" in text and "var x" not in text


def test_old_word_files_get_a_specific_remedy(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(ReportError, match=r"save it as \.docx"):
        load(path)


def test_headings_inside_one_line_transcriptions() -> None:
    # paragraphs joined by em spaces, or by a plain space after a sentence end
    for gap in ("\u2003\u2003", " "):
        doc = load_text(f"各位代表：{gap}现在报告工作。{gap}一、2023年工作回顾{gap}过去一年，我们做了很多。{gap}二、2024年工作安排{gap}今年要做好。\n")
        assert [s.title for s in doc.sections] == ["2023年工作回顾", "2024年工作安排"], repr(gap)


def test_a_spread_out_heading_keeps_its_words() -> None:
    # spaces that spread a short heading out are layout, even before its own closing mark
    doc = load_text("一、总体要求\n（一）深化 “放管服” 改革。\n正文。\n（二）着力 扩大 内需。\n正文。\n")
    assert [s.title for s in doc.sections] == ["总体要求", "深化“放管服”改革", "着力扩大内需"]
