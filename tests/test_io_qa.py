"""Loading problems a QA pass found: heading titles cut at spaces, PDF headings merged into
paragraphs, ZIP formats claimed as .docx, mojibake accepted silently, meta label/value parsing."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcli.errors import ReportError
from reportcli.io import load, load_text
from reportcli.io.readers import PdfLine, _reflow_pdf, read_bytes

# ---------------------------------------------------------------- 1. titles with spaces


def titles(text: str) -> list[str]:
    return [s.title for s in load_text(text).sections]


def test_heading_titles_are_not_cut_at_layout_spaces() -> None:
    doc = load_text("一、2023 年工作回顾\n（一）着力 扩大 内需\n正文。\n二、关于1 9 9 8 年政府工作的建议\n")
    assert [s.title for s in doc.sections] == ["2023年工作回顾", "着力扩大内需", "关于1998年政府工作的建议"]
    assert doc.sections[1].path == "一、2023年工作回顾 > （一）着力扩大内需"
    assert doc.section_path(doc.text.index("正文")) == "一、2023年工作回顾 > （一）着力扩大内需"


def test_a_space_before_the_paragraph_still_ends_the_title() -> None:
    # one-line transcriptions: heading, one space, the paragraph (which may start with a number)
    assert titles("一、2023 年工作回顾 2023 年是开局之年，很不平凡。\n") == ["2023年工作回顾"]
    assert titles("三、全面加强政府自身建设 做好今年工作，至关重要。\n") == ["全面加强政府自身建设"]


def test_spaces_between_latin_words_are_kept() -> None:
    assert titles("8.“Discover Jiangxi”文旅推广计划：组织宣传推广活动。\n") == ["“Discover Jiangxi”文旅推广计划"]


# ---------------------------------------------------------------- 2. PDF wrapped lines


def _page(*lines: tuple[str, float, float]) -> list[PdfLine]:
    return [PdfLine(text, left, right) for text, left, right in lines]


# a page 400 points wide: text from x=90 (first lines indented to 111) to x=500; 20 characters a line
BODY_PAGE = _page(
    ("　　各位代表：现在我向大会报告工作，请予审议。并请", 111, 500),
    ("委员提出意见。", 90, 230),
    ("一、2023 年工作回顾", 111, 300),
    ("过去一年经济回升向好，全年地区生产总值增长5.2%", 111, 500),
    ("，城镇新增就业28.1万人。居民收入稳定增长，物价总体", 90, 500),
    ("平稳运行。", 90, 190),
    ("（五）统筹扩大内需和深化供给侧结构性改革，巩固", 111, 480),
    ("以高品质供给满足和创造新需求，加快形成良性循环", 111, 500),
    ("的新发展格局。积极扩大有效投资，稳定市场预期。", 90, 500),
    ("加快发展新质生产力，推动产业升级，培育壮大新动能。", 90, 400),
)


def test_pdf_heading_is_not_merged_into_its_paragraph() -> None:
    out = _reflow_pdf([list(BODY_PAGE)])
    assert "（五）统筹扩大内需和深化供给侧结构性改革，巩固" in out
    assert "一、2023 年工作回顾" in out
    # a wrap is joined, also where a number is cut by it
    assert "过去一年经济回升向好，全年地区生产总值增长5.2%，城镇新增就业28.1万人。居民收入稳定增长，物价总体平稳运行。" in out


def test_pdf_sentence_end_at_the_margin_does_not_end_an_indented_paragraph() -> None:
    out = _reflow_pdf([list(BODY_PAGE)])
    assert "以高品质供给满足和创造新需求，加快形成良性循环的新发展格局。积极扩大有效投资，稳定市场预期。加快发展新质生产力，推动产业升级，培育壮大新动能。" in out


def test_pdf_line_starting_with_a_heading_number_starts_a_paragraph() -> None:
    # without positions (widths only), and with positions but no indentation in the document
    for left in (None, 90.0):
        def right(width: float, left: float | None = left) -> float | None:
            return None if left is None else width
        page = [
            PdfLine("过去一年经济回升向好，全年地区生产总值增长，城镇新增", left, right(500)),
            PdfLine("二、2024 年重点任务，统筹扩大内需和深化供给侧结构性改", left, right(500)),
            PdfLine("革巩固和增强经济回升向好态势，不断推动高质量发展取得", left, right(500)),
            PdfLine("新成效。", left, right(170)),
        ]
        out = _reflow_pdf([page])
        assert out[0] == "过去一年经济回升向好，全年地区生产总值增长，城镇新增", left
        assert out[1].startswith("二、2024 年重点任务") and out[1].endswith("新成效。"), left


# ---------------------------------------------------------------- 4. ZIP formats that are not .docx


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "members", "what"),
    [
        ("book.xlsx", {"[Content_Types].xml": "", "xl/workbook.xml": "<workbook/>"}, "Excel workbook"),
        ("slides.pptx", {"ppt/presentation.xml": "<p/>"}, "PowerPoint"),
        ("reports.zip", {"a.docx": "x", "b.txt": "x"}, "ZIP archive"),
        ("renamed.docx", {"xl/workbook.xml": "<workbook/>"}, "Excel workbook"),
    ],
)
def test_zip_formats_other_than_docx_are_not_supported(tmp_path: Path, name: str, members: dict[str, str], what: str) -> None:
    path = tmp_path / name
    path.write_bytes(_zip(members))
    with pytest.raises(ReportError) as info:
        load(path)
    message = info.value.message
    assert what in message and "does not read" in message and str(path) in message
    assert ".txt" in message and ".docx" in message and ".pdf" in message
    assert "not a readable .docx" not in message and "\n" not in message


def test_damaged_zip_and_damaged_docx(tmp_path: Path) -> None:
    damaged = b"PK\x03\x04 not really a zip"
    with pytest.raises(ReportError, match="damaged ZIP archive, which reportcli does not read"):
        read_bytes(damaged, "x.zip")
    with pytest.raises(ReportError, match=r"not a readable \.docx"):
        read_bytes(damaged, "x.docx")


# ---------------------------------------------------------------- 3. mojibake

REPORT = "各位代表：现在我向大会报告工作。全市地区生产总值增长5.2%，城镇新增就业28.1万人。\n" * 20


def _windows_1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way Windows does: the five undefined bytes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("wrong", [lambda b: b.decode("latin-1"), _windows_1252], ids=["latin-1", "cp1252"])
def test_utf8_read_as_latin1_and_saved_again_is_an_error(tmp_path: Path, wrong: Callable[[bytes], str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(wrong(REPORT.encode("utf-8")), encoding="utf-8")
    with pytest.raises(ReportError) as info:
        load(path)
    message = info.value.message
    assert str(path) in message and "mojibake" in message and "Latin-1" in message and "\n" not in message
    assert "各位代表" in message  # what the repaired text would read
    assert "iconv" in message  # how to fix it


def test_lossy_mojibake_is_an_error_too(tmp_path: Path) -> None:
    # bytes that Windows-1252 does not define were dropped: it cannot be repaired, but it is caught
    path = tmp_path / "report.txt"
    path.write_text(REPORT.encode("utf-8").decode("cp1252", errors="ignore"), encoding="utf-8")
    with pytest.raises(ReportError, match="mojibake"):
        load(path)


def test_mojibake_from_a_wrong_encoding_option_says_which_to_use(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(ReportError, match="--encoding utf-8"):
        load(path, encoding="latin-1")


def test_mojibake_html_and_short_text_are_caught() -> None:
    page = f"<html><body><p>{REPORT.encode('utf-8').decode('latin-1')}</p><p>二</p></body></html>"
    with pytest.raises(ReportError, match="mojibake"):
        read_bytes(page.encode("utf-8"), "page.html")
    with pytest.raises(ReportError, match="mojibake"):
        read_bytes("å\x85¨å¸\x82ç\x94\x9fäº§\n".encode(), "x.txt")


@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog. Plain English text.\n" * 40,
        "Café, naïve, déjà vu, «guillemets», 25 °C ± 2, Ærø, Ñandú, São Paulo, Zürich.\n" * 40,
        "« C’est la société\u00a0», dit-il\u00a0: «\u00a0Allé\u00a0»… Déjà, élève, fête.\n" * 400,  # é + NBSP + »
        REPORT + "乱码示例：å\x85¨å¸\x82ç\x94\x9fäº§\n",  # a report quoting a little mojibake
    ],
)
def test_text_that_is_not_mojibake_loads(text: str) -> None:
    decoded, fmt, _ = read_bytes(text.encode("utf-8"), "x.txt")
    assert fmt == "text" and decoded == text


# ---------------------------------------------------------------- 5. meta and numbered chapters


@pytest.mark.parametrize("marker", ["[1]", "［1］", "①", "¹"])
def test_title_footnote_marker_is_dropped(marker: str) -> None:
    doc = load_text(f"某省2022年国民经济和社会发展统计公报{marker}\n某省统计局\n全年地区生产总值增长5%。\n")
    assert doc.meta["title"] == "某省2022年国民经济和社会发展统计公报"
    assert not doc.lines[0].body


def test_source_label_without_value_is_not_the_source() -> None:
    doc = load_text("每周一学\n文章来源： 作者： 发布时间：2023年03月13日 点击数：\n2023年政府工作报告\n正文。\n")
    assert doc.meta["source"] == "" and doc.meta["published"] == "2023-03-13"
    doc = load_text("某市政府工作报告\n来源：新华社作者：张三\n正文。\n")
    assert doc.meta["source"] == "新华社"


def test_source_at_the_end_of_a_web_article() -> None:
    doc = load_text("政府工作报告（摘登）\n过去一年，我们做了很多工作。\n（来源：人民日报）\n【打印正文】\n上一篇：每周一学（2024年3月4日-3月10日）\n")
    assert doc.meta["source"] == "人民日报"
    assert not doc.lines[2].body


BULLETIN = "某省2022年国民经济和社会发展统计公报\n{}\n全年地区生产总值增长5%。\n{}\n粮食产量增长1%。\n{}\n工业增加值增长3%。\n"


def test_two_digit_chapter_numbers_in_sequence_are_sections() -> None:
    doc = load_text(BULLETIN.format("01综合", "02农业", "03工业和建筑业"))
    assert [(s.level, s.number, s.title) for s in doc.sections] == [(1, "01", "综合"), (1, "02", "农业"), (1, "03", "工业和建筑业")]
    assert doc.section_path(doc.text.index("粮食")) == "02农业"


@pytest.mark.parametrize(
    "lines",
    [
        ("02农业", "03工业", "05服务业"),  # not counting from 01
        ("01综合", "02农业", "10万人次"),  # a number with a unit, and only two in sequence
        ("01月", "02月", "03月"),  # months in a table
        ("01综合：全年增长5%，好于预期。", "02农业：增长1%。", "03工业：增长3%。"),  # sentences, not headings
    ],
)
def test_two_digit_numbers_out_of_sequence_are_not_sections(lines: tuple[str, str, str]) -> None:
    assert load_text(BULLETIN.format(*lines)).sections == []


def test_appendix_path_does_not_repeat_its_label() -> None:
    doc = load_text("一、工作回顾\n正文。\n注释\n[1] 说明。\n")
    assert doc.sections[-1].path == "注释"


def test_a_page_declaring_the_wrong_charset_is_read_by_detection(tmp_path) -> None:
    from reportcli.io import load

    page = tmp_path / "latin.html"
    page.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>全市地区生产总值增长5%，'
                     '城乡居民收入稳步提高。</p></body></html>'.encode())
    doc = load(str(page))
    assert "地区生产总值" in doc.text and doc.encoding == "utf-8"
