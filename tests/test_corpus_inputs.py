"""Real inputs from ../shared/corpus: legacy encodings, .docx, the PDF and saved HTML pages."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import need_corpus

from reportcli.io import load

_HAN = re.compile(r"[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(_HAN.findall(text))


def han_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, han(a), han(b), autojunk=False).ratio()


GBK_ORIGINALS = {
    "2022_jiangxi_stats-bulletin": "simonxinw-job_jiangxi-stats-bulletins_html/2022_jiangxi_stats-bulletin.txt",
    "2022_national_gov-work-report": "chengjun-mybook_national_1954-2022/2022_national_gov-work-report.txt",
    "2025_guangdong_gov-work-report": "alexzhu0-government_report_rag_provincial_2025_docx/2025_guangdong_gov-work-report.txt",
}


def _derived() -> list[Path]:
    folder = Path(__file__).resolve().parents[2] / "shared/corpus/derived_gbk-gb18030_transcoded-by-us"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("path", _derived(), ids=lambda p: p.name)
def test_gbk_and_gb18030_copies_decode_to_the_original(path: Path) -> None:
    corpus = need_corpus()
    doc = load(path)
    original = (corpus / GBK_ORIGINALS[path.name.split(".")[0]]).read_text(encoding="utf-8")
    assert doc.encoding in ("gbk", "gb18030")
    if "gb18030" in path.name:
        assert doc.text == original
    else:  # GBK cannot hold U+2002 or U+200C: the transcoder wrote a space or nothing; compare without them
        assert _gbk_view(doc.text) == _gbk_view(original)


def _gbk_view(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")


PROVINCES = {
    "上海": "shanghai", "云南": "yunnan", "内蒙古": "neimenggu", "北京": "beijing", "吉林": "jilin", "四川": "sichuan",
    "天津": "tianjin", "宁夏": "ningxia", "安徽": "anhui", "山东": "shandong", "山西": "shanxi", "广东": "guangdong",
    "广西": "guangxi", "新疆": "xinjiang", "江苏": "jiangsu", "江西": "jiangxi", "河北": "hebei", "河南": "henan",
    "浙江": "zhejiang", "海南": "hainan", "湖北": "hubei", "湖南": "hunan", "甘肃": "gansu", "福建": "fujian",
    "西藏": "xizang", "贵州": "guizhou", "辽宁": "liaoning", "重庆": "chongqing", "陕西": "shaanxi", "青海": "qinghai",
    "黑龙江": "heilongjiang",
}  # fmt: skip


def test_docx_bodies_match_their_text_companions(corpus: Path) -> None:
    folder = corpus / "alexzhu0-government_report_rag_provincial_2025_docx"
    docx = sorted((folder / "raw/docx").glob("*.docx"))
    assert len(docx) == 31
    for path in docx:
        name = next(p for p in sorted(PROVINCES, key=len, reverse=True) if p in path.name)
        companion = folder / f"2025_{PROVINCES[name]}_gov-work-report.txt"
        doc = load(path)
        assert doc.format == "docx"
        assert han_ratio(doc.text, companion.read_text(encoding="utf-8")) >= 0.98, path.name


def test_beijing_pdf_matches_its_text_companion(corpus: Path) -> None:
    folder = corpus / "llm-cookbook_beijing_2024_pdf"
    pdf = next((folder / "raw").glob("*.pdf"))
    doc = load(pdf)
    assert doc.format == "pdf"
    assert han_ratio(doc.text, (folder / "2024_beijing_gov-work-report.txt").read_text(encoding="utf-8")) >= 0.98
    # wrapped lines are joined: a paragraph is one line, so numbers are never cut by a wrap
    assert "全市地区生产总值增长 5.2%、约 4.4 万亿元" in doc.text


NAV_WORDS = ("网站地图", "首页", "政务公开", "联系我们", "版权所有", "无障碍")


def test_saved_html_pages_give_the_bulletin_without_navigation(corpus: Path) -> None:
    folder = corpus / "simonxinw-job_jiangxi-stats-bulletins_html"
    pages = sorted((folder / "raw").glob("*.html"))
    assert len(pages) == 4
    companions = sorted(folder.glob("*.txt"))
    for page in pages:
        doc = load(page)
        assert doc.format == "html"
        best = max(companions, key=lambda c: han_ratio(doc.text[:400], c.read_text(encoding="utf-8")[:400]))
        expected = best.read_text(encoding="utf-8")
        assert han_ratio(doc.text, expected) >= 0.98, page.name
        body = "\n".join(doc.line_text(line) for line in doc.body_lines())
        for word in NAV_WORDS:
            assert word not in body, (page.name, word)


def test_beijing_pdf_headings_are_whole_and_on_their_own_lines(corpus: Path) -> None:
    folder = corpus / "llm-cookbook_beijing_2024_pdf"
    for path in (next((folder / "raw").glob("*.pdf")), folder / "2024_beijing_gov-work-report.txt"):
        doc = load(path)
        top = [s.title for s in doc.sections if s.level == 1]
        assert top == ["2023年工作回顾", "2024年重点任务"], path.name
    pdf = load(next((folder / "raw").glob("*.pdf")))
    numbers = [s.number for s in pdf.sections if s.number.startswith("（")]
    assert numbers == [f"（{n}）" for n in "一二三四五六七八九十"] + ["（十一）"]
    fifth = next(s for s in pdf.sections if s.number == "（五）")
    assert fifth.title == "统筹扩大内需和深化供给侧结构性改革，巩固和增强经济回升向好态势"
    assert pdf.section_path(pdf.text.index("以高品质供给满足")).endswith("（五）" + fifth.title)


def test_jiangxi_bulletin_chapters_and_title(corpus: Path) -> None:
    folder = corpus / "simonxinw-job_jiangxi-stats-bulletins_html"
    for path in (folder / "2022_jiangxi_stats-bulletin.txt", next((folder / "raw").glob("江西省*.html"))):
        doc = load(path)
        assert doc.meta["title"] == "江西省2022年国民经济和社会发展统计公报", path.name
        chapters = [s for s in doc.sections if s.number.isdigit()]
        assert [s.number for s in chapters] == [f"{n:02d}" for n in range(1, 13)], path.name
        assert chapters[0].title == "综合" and chapters[-1].title == "资源、环境和应急管理"


def test_digest_source_is_the_value_not_the_label(corpus: Path) -> None:
    folder = corpus / "tangyixiao-shaoxingyizhong_national_2023-2024_html-digest"
    sources = {path.name: load(path).meta["source"] for path in sorted(folder.glob("*.txt"))}
    assert sources == {"2023_national_gov-work-report-digest.txt": "中国政府网",
                       "2024_national_gov-work-report-digest.txt": "人民日报"}  # fmt: skip


def test_zip_of_reports_is_not_taken_for_a_docx(corpus: Path) -> None:
    from reportcli.errors import ReportError

    archive = next((corpus / "alexzhu0-government_report_rag_provincial_2025_docx/raw").glob("*.zip"))
    with pytest.raises(ReportError, match="ZIP archive.*unpack it"):
        load(archive)
