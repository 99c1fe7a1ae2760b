"""Structure problems a second QA pass found: font-size widget buttons counted as body, reports
without headings dropped by ``keywords --by section``, numbered notes after 附注 nested under the
last body section."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import SpaceSegmenter, need_corpus
from typer.testing import CliRunner

from reportcli.analysis.keywords import WHOLE_REPORT, document_counts, keyword_rows
from reportcli.cli.app import app
from reportcli.io import load_text
from reportcli.io.clean import BODY, CRUFT, classify_lines

runner = CliRunner()


SEG = SpaceSegmenter()
BODY_TEXT = "过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，发展质量稳步提升。"

# ---------------------------------------------------------------- 1. widget buttons


def kinds(text: str) -> list[str]:
    return classify_lines(text.split("\n"))


def test_font_size_widget_lines_next_to_cruft_are_cruft() -> None:
    lines = [
        "下载",
        "打印",
        "全屏",
        "收藏",
        "【字号：",
        "加大",
        "还原",
        "减小",
        "】",
        "2026年某省政府工作报告",
        BODY_TEXT,
    ]
    got = classify_lines(lines)
    assert got[2] == got[5] == got[6] == got[7] == CRUFT
    assert got[-1] == BODY


def test_font_widget_after_a_source_line_and_blank_lines() -> None:
    lines = ["某省政府工作报告", "来源：某某日报", "【字体：", "", "大", "", "中", "小", "】", BODY_TEXT]
    got = classify_lines(lines)
    assert [got[i] for i in (2, 4, 6, 7)] == [CRUFT] * 4
    assert got[-1] == BODY


def test_widget_lines_at_the_bottom_of_the_page() -> None:
    lines = [BODY_TEXT] * 40 + ["打印本页", "加大", "减小", "关闭窗口"]
    got = classify_lines(lines)
    assert got[-3:-1] == [CRUFT, CRUFT]


def test_widget_words_are_not_cruft_without_a_cruft_neighbour() -> None:
    # a short heading or a line of its own in the body stays body
    lines = ["某省政府工作报告", "全屏", "加大", BODY_TEXT, "还原", BODY_TEXT]
    got = classify_lines(lines)
    assert got[1:] == [BODY] * 5


def test_widget_words_far_from_the_page_edges_are_never_cruft() -> None:
    lines = ["打印"] + [BODY_TEXT] * 40 + ["关闭窗口", "加大", "还原"] + [BODY_TEXT] * 40
    got = classify_lines(lines)
    assert got[42:44] == [BODY, BODY]


def test_widget_words_inside_a_line_are_not_cruft() -> None:
    lines = ["下载", "加大力度", "还原历史", "（三）加大对外开放力度", BODY_TEXT]
    assert classify_lines(lines)[1:] == [BODY] * 4


def test_related_reports_label_and_time_honoured_brands() -> None:
    got = kinds(f"{BODY_TEXT}\n相关报道：\n（五）振兴老字号\n阅读量：\n")
    assert got == [BODY, CRUFT, BODY, CRUFT, "blank"]


def test_corpus_widget_lines_are_cruft() -> None:
    corpus = need_corpus()
    files = sorted(corpus.glob("johncodes404-*/2026_*.txt"))
    assert files
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        got = classify_lines(lines)
        for i, line in enumerate(lines):
            if line.strip() in ("全屏", "加大", "还原", "减小") and i < 30:
                assert got[i] == CRUFT, (path.name, i + 1, line)


# ---------------------------------------------------------------- 2. --by section without headings


def test_by_section_report_without_headings_is_one_section() -> None:
    doc = load_text("各位 代表\n监督 监督 立法\n")
    summary = document_counts(doc, SEG, stopwords=frozenset(), by_section=True)
    rows = list(keyword_rows([summary], by_section=True, generic=False))
    assert {r["section"] for r in rows} == {WHOLE_REPORT}
    by = {r["word"]: r["count"] for r in rows}
    assert by["监督"] == 2 and by["立法"] == 1


def test_by_section_combined_keeps_reports_without_headings() -> None:
    plain = document_counts(load_text("监督 监督\n"), SEG, stopwords=frozenset(), by_section=True)
    headed = document_counts(load_text("一、代表工作\n代表 代表\n"), SEG, stopwords=frozenset(), by_section=True)
    rows = list(keyword_rows([plain, headed], by_section=True, combined=True, generic=False))
    pairs = {(r["section"], r["word"]) for r in rows}
    assert {(WHOLE_REPORT, "监督"), ("代表工作", "代表")} <= pairs
    assert {section for section, _ in pairs} == {WHOLE_REPORT, "代表工作"}


def test_by_section_without_by_section_counts_has_no_sections() -> None:
    doc = load_text("监督 监督\n")
    assert document_counts(doc, SEG, stopwords=frozenset()).sections is None


def test_cli_by_section_lists_a_report_without_headings(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("人大代表依法履职，监督工作扎实推进。人大代表联系群众，监督工作成效明显。\n", encoding="utf-8")
    result = runner.invoke(app, ["keywords", str(plain), "--by", "section", "-f", "csv", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["section"] for r in rows} == {WHOLE_REPORT}


# ---------------------------------------------------------------- 3. 附注 / 注释


def outline(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.path) for s in load_text(text).sections]


NOTES_REPORT = (
    "一、工作回顾\n正文。\n三、主要任务\n（九）扩大开放\n正文。\n"
    "{mark}\n1.“三网”融合：是指电信网、广播电视网和互联网融合发展。\n2.云计算：是基于互联网的服务。\n"
)


def test_notes_after_fuzhu_are_top_level_with_their_items() -> None:
    got = outline(NOTES_REPORT.format(mark="附注："))
    assert got[-3:] == [(1, "附注"), (2, "附注 > 1.“三网”融合"), (2, "附注 > 2.云计算")]


def test_fuzhu_behaves_like_zhushi() -> None:
    fuzhu = outline(NOTES_REPORT.format(mark="附注："))
    zhushi = outline(NOTES_REPORT.format(mark="注释："))
    assert [level for level, _ in fuzhu] == [level for level, _ in zhushi]


def test_facts_in_notes_get_the_notes_path() -> None:
    doc = load_text(NOTES_REPORT.format(mark="附注："))
    assert doc.section_path(doc.text.index("广播电视网")) == "附注 > 1.“三网”融合"


def test_notes_run_in_with_wide_spaces() -> None:
    text = "一、工作回顾　　正文。　　二、主要任务　　（一）扩大开放　　正文。　　附注：　　1.物联网：是指一种网络。\n"
    assert outline(text)[-2:] == [(1, "附注"), (2, "附注 > 1.物联网")]


def test_a_new_outline_after_notes_is_not_nested_in_them() -> None:
    # two reports one after another in one file: the second one's 一、 starts at the top again
    text = NOTES_REPORT.format(mark="附注：") + "一、过去五年回顾\n（一）宏观调控\n正文。\n"
    assert outline(text)[-2:] == [(1, "一、过去五年回顾"), (2, "一、过去五年回顾 > （一）宏观调控")]


def test_an_attachment_may_hold_chapters() -> None:
    text = "一、工作回顾\n正文。\n二、主要任务\n正文。\n附件1\n一、为老年人提供健康服务\n二、提升兜底保障\n"
    assert outline(text)[-3:] == [
        (1, "附件1"),
        (2, "附件1 > 一、为老年人提供健康服务"),
        (2, "附件1 > 二、提升兜底保障"),
    ]


def test_the_word_fuzhu_inside_a_sentence_is_no_heading() -> None:
    assert outline("一、工作回顾\n本报告附注的数据为初步统计。\n") == [(1, "一、工作回顾")]


def test_corpus_2012_notes_are_under_fuzhu() -> None:
    corpus = need_corpus()
    paths = sorted(corpus.glob("**/2012_national*.txt"))
    assert paths
    from reportcli.io import load

    for path in paths:
        sections = load(path).sections
        notes = [s for s in sections if s.title in ("“三网”融合", "肺癌等12类大病")]
        assert notes and all(s.level == 2 and s.path.startswith("附注 > ") for s in notes), path
