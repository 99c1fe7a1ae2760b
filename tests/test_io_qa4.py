"""Loading problems a fourth QA pass found: lists nested in a heading (一、二、 inside （一）) that
closed the outline around them, run-in titles with a subtitle, names cut by 同志, and GBK text
read as Latin-1 not taken for mojibake."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import need_corpus
from typer.testing import CliRunner

from reportcli.cli.app import app
from reportcli.errors import ReportError
from reportcli.io import load, load_text
from reportcli.io.readers import read_bytes

runner = CliRunner()
GAP = "\u3000\u3000"  # old one-line transcriptions join paragraphs with wide spaces


def outline(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.path) for s in load_text(text).sections]


# ---------------------------------------------------------------- 1. nested lists


def test_a_list_inside_a_paren_heading_stays_inside_it() -> None:
    # 1955: 三、 > （一） holds a list 一、 三、 四、; （二） goes on under 三、, not under the list's 四、
    text = GAP.join([
        "一、总任务", "正文。", "三、若干问题", "（一）基本建设问题", "正文，必须：",
        "一、提高设计工作，确立正确的设计思想", "三、各方面协同地工作", "四、经常检查工程的质量",
        "（二）工业的生产问题", "正文。", "四、为完成计划而奋斗", "正文。",
    ]) + "\n"
    assert outline(text) == [
        (1, "一、总任务"),
        (1, "三、若干问题"),
        (2, "三、若干问题 > （一）基本建设问题"),
        (3, "三、若干问题 > （一）基本建设问题 > 一、提高设计工作，确立正确的设计思想"),
        (3, "三、若干问题 > （一）基本建设问题 > 三、各方面协同地工作"),
        (3, "三、若干问题 > （一）基本建设问题 > 四、经常检查工程的质量"),
        (2, "三、若干问题 > （二）工业的生产问题"),
        (1, "四、为完成计划而奋斗"),
    ]
    doc = load_text(text)
    assert doc.section_path(doc.text.index("正文。", doc.text.index("工业的生产"))) == "三、若干问题 > （二）工业的生产问题"


def test_a_list_of_an_outer_kind_inside_the_top_level() -> None:
    # 1981: the report's chapters are （一）（二）（三）; the ten points 一、…十、 are inside （二）
    points = [f"{n}、第{n}项方针" for n in "一二三"]
    text = GAP.join(["（一）当前的经济形势", "正文。", "（二）今后经济建设的方针", "正文。", *points,
                     "（三）我国经济发展的前景", "正文。"]) + "\n"
    assert outline(text) == [
        (1, "（一）当前的经济形势"),
        (1, "（二）今后经济建设的方针"),
        *[(2, f"（二）今后经济建设的方针 > {p}") for p in points],
        (1, "（三）我国经济发展的前景"),
    ]


def test_a_list_of_the_same_kind_inside_a_chapter() -> None:
    # 1986: 二、 holds （三） and then a list 一、…五、; 三、 is the next chapter, not a sixth point
    points = [f"{n}、第{n}条方针" for n in "一二三四五"]
    text = GAP.join(["一、回顾", "正文。", "二、基本任务和方针", "（三）继续改善城乡人民生活。", *points,
                     "三、经济体制改革", "正文。"]) + "\n"
    assert outline(text) == [
        (1, "一、回顾"),
        (1, "二、基本任务和方针"),
        (2, "二、基本任务和方针 > （三）继续改善城乡人民生活"),
        *[(2, f"二、基本任务和方针 > {p}") for p in points],
        (1, "三、经济体制改革"),
    ]


def test_reports_one_after_another_still_start_again_at_the_top() -> None:
    # the second report's （六） does not continue the first report's （五）: a report's name and
    # dateline lie between them
    first = "1984年政府工作报告——1984年5月15日在第六届全国人民代表大会第二次会议上\n一、经济工作\n（五）外交工作\n正文。\n"
    second = ("1982年政府工作报告——1982年11月30日在第五届全国人民代表大会第五次会议上\n"
              "一、发展速度\n二、基本建设\n（六）财政\n")
    assert outline(first + second) == [
        (1, "一、经济工作"), (2, "一、经济工作 > （五）外交工作"),
        (1, "一、发展速度"), (1, "二、基本建设"), (2, "二、基本建设 > （六）财政"),
    ]


def test_a_repeated_heading_does_not_reach_back() -> None:
    # the second （九） repeats the open one (layout copies): it does not continue the older （八）
    text = "三、任务\n（八）法制\n正文。\n一、回顾\n（八）甲\n（九）乙\n（九）乙\n正文。\n"
    assert [level for level, _ in outline(text)] == [1, 2, 1, 2, 2, 2]
    assert outline(text)[-1] == (2, "一、回顾 > （九）乙")


def test_a_list_started_again_in_between_is_a_new_outline() -> None:
    # （一） under 一、回顾 starts the list of （…） again: a later （九） is not the old （八）'s sibling
    text = "三、任务\n（八）法制\n一、回顾\n（一）宏观\n二、展望\n（九）乙\n"
    assert outline(text) == [
        (1, "三、任务"), (2, "三、任务 > （八）法制"), (1, "一、回顾"), (2, "一、回顾 > （一）宏观"),
        (1, "二、展望"), (2, "二、展望 > （九）乙"),
    ]


def test_a_new_outline_after_a_list_restart_is_kept() -> None:
    # 一、 after a finished outline, then its own （一）（二）: no reason to nest it anywhere
    text = "一、甲\n（一）子\n（二）丑\n一、乙\n（一）寅\n（二）卯\n二、丙\n"
    assert outline(text) == [
        (1, "一、甲"), (2, "一、甲 > （一）子"), (2, "一、甲 > （二）丑"),
        (1, "一、乙"), (2, "一、乙 > （一）寅"), (2, "一、乙 > （二）卯"), (1, "二、丙"),
    ]


@pytest.mark.parametrize(("year", "heading", "parent"), [
    ("1955", "（二）关于工业的生产问题", "三、第一个五年计划的若干问题"),
    ("1955", "（九）关于苏联和各人民民主国家同我国建设的关系", "三、第一个五年计划的若干问题"),
    ("1981", "（三）我国经济发展的前景", ""),
    ("1986", "一、确定适度的经济增长率，促进国民经济按比例、高效益地向前发展", "二、“七五”时期的基本任务和主要建设方针"),
    ("1986", "六、充分认识加强法制对于改革的促进作用和保证作用", "三、“七五”时期的经济体制改革"),
    ("1986", "三、“七五”时期的经济体制改革", ""),
    ("1986", "四、坚持独立自主的和平外交政策", ""),
])
def test_corpus_old_transcriptions_nest_right(year: str, heading: str, parent: str) -> None:
    corpus = need_corpus()
    doc = load(corpus / "chengjun-mybook_national_1954-2022" / f"{year}_national_gov-work-report.txt")
    found = [s for s in doc.sections if s.path.endswith(heading)]
    assert found, heading
    assert found[0].path == (f"{parent} > {heading}" if parent else heading)


def test_corpus_1981_ten_points_are_inside_their_chapter() -> None:
    corpus = need_corpus()
    doc = load(corpus / "chengjun-mybook_national_1954-2022" / "1981_national_gov-work-report.txt")
    points = [s for s in doc.sections if s.number.endswith("、")]
    assert len(points) == 10
    assert all(s.level == 2 and s.path.startswith("（二）今后经济建设的方针 > ") for s in points)


# ---------------------------------------------------------------- 2. titles and speakers


def test_run_in_title_with_a_subtitle_before_the_dateline() -> None:
    text = ("1985年政府工作报告当前的经济形势和经济体制改革——1985年3月27日在第六届全国人民代表大会第三次会议上"
            + "\u3000" * 10 + " 国务院总理赵紫阳各位代表：\u3000\u3000刚刚过去的一年，是取得伟大成就的一年。\n")
    meta = load_text(text).meta
    assert meta["title"] == "1985年政府工作报告"
    assert meta["date"] == "1985-03-27"
    assert meta["speaker"] == "赵紫阳"


def test_run_in_title_with_a_subtitle_and_spaces() -> None:
    text = ("1978年政府工作报告团结起来，为建设社会主义的现代化强国而奋斗\u3000\u3000——1978年2月26日在第五届全国人民代表"
            "大会第一次会议上\u3000\u3000\u3000 国务院总理华国锋各位代表！\u3000\u3000现在，我代表国务院作报告。\n")
    meta = load_text(text).meta
    assert meta["title"] == "1978年政府工作报告"
    assert meta["speaker"] == "华国锋"  # 国 may be part of a name


def test_a_sentence_is_not_a_run_in_title() -> None:
    text = "过去一年的政府工作报告提出的目标全面完成。——这是一句正文。\n一、回顾\n"
    assert load_text(text).meta["title"] == ""


def test_speaker_with_the_honorific_tongzhi() -> None:
    text = ("2025年北京市政府工作报告\n来源：北京日报\n"
            "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。\n各位代表：\n")
    assert load_text(text).meta["speaker"] == "殷勇"
    assert load_text("某省政府工作报告\n省长李明同志在省人民代表大会上作报告\n").meta["speaker"] == "李明"


def test_byline_run_into_the_contents() -> None:
    text = "1955年国务院政府工作报告\n国务院副总理兼国家计划委员会主任李富春目录  一、总任务\n"
    assert load_text(text).meta["speaker"] == "李富春"


def test_words_are_still_not_names() -> None:
    assert load_text("政府工作报告\n国务院在全国人民代表大会上作政府工作报告\n").meta["speaker"] == ""


def test_corpus_titles_and_speakers() -> None:
    corpus = need_corpus()
    national = corpus / "chengjun-mybook_national_1954-2022"
    for year in ("1978", "1985", "1989", "1990"):
        assert load(national / f"{year}_national_gov-work-report.txt").meta["title"] == f"{year}年政府工作报告"
    beijing = corpus / "alexzhu0-government_report_rag_provincial_2025_docx" / "2025_beijing_gov-work-report.txt"
    assert load(beijing).meta["speaker"] == "殷勇"


# ---------------------------------------------------------------- 3. GBK mojibake

REPORT = "各位代表：现在我向大会报告工作。全市地区生产总值增长5.2%，城镇新增就业28.1万人。\n" * 20


def _windows_1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way Windows does: the five undefined bytes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
@pytest.mark.parametrize("wrong", [lambda b: b.decode("latin-1"), _windows_1252,
                                   lambda b: b.decode("cp1252", errors="ignore")],
                         ids=["latin-1", "cp1252", "cp1252-lossy"])
def test_gbk_read_as_latin1_and_saved_again_is_an_error(tmp_path: Path, codec: str,
                                                        wrong: object) -> None:
    path = tmp_path / "report.txt"
    assert callable(wrong)
    garbled = wrong(REPORT.encode(codec))
    assert "Õþ" not in REPORT and "±¨¸æ" in garbled  # 报告
    path.write_text(garbled, encoding="utf-8")
    with pytest.raises(ReportError) as info:
        load(path)
    message = info.value.message
    assert str(path) in message and "mojibake" in message and "GBK" in message and "\n" not in message
    assert "各位代表" in message  # what the repaired text would read
    assert "iconv" in message


def test_short_gbk_mojibake_is_caught() -> None:
    with pytest.raises(ReportError, match="GBK.*政府工作报告"):
        read_bytes("政府工作报告，各位代表。\n".encode("gbk").decode("latin-1").encode(), "x.txt")


def test_gbk_mojibake_from_a_wrong_encoding_option_says_which_to_use(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gbk"))
    with pytest.raises(ReportError, match="--encoding gb18030"):
        load(path, encoding="latin-1")


def test_gbk_mojibake_html_declared_latin1_is_read_as_gbk() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{REPORT}</p></body></html>'
    text, fmt, used = read_bytes(page.encode("gbk"), "page.html")
    assert fmt == "html" and used in ("gbk", "gb18030") and "城镇新增就业" in text


def test_long_gbk_mojibake_is_not_taken_for_utf8_mojibake(tmp_path: Path) -> None:
    # GBK pairs look like short UTF-8 runs here and there (æ£¬ is E6 A3 AC): the repair that reads
    # as Chinese decides
    path = tmp_path / "report.txt"
    path.write_text((REPORT * 30).encode("gbk").decode("latin-1"), encoding="utf-8")
    with pytest.raises(ReportError) as info:
        load(path)
    assert "GBK" in info.value.message and "UTF-8 Chinese" not in info.value.message


def test_utf8_mojibake_is_still_utf8() -> None:
    with pytest.raises(ReportError) as info:
        read_bytes(REPORT.encode("utf-8").decode("latin-1").encode(), "x.txt")
    assert "UTF-8 Chinese" in info.value.message and "各位代表" in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        "Größenänderungen für Übergrößen: Straße, Maß, Fuß, ÄÖÜäöüß »Anführungszeichen« – ½ ¼ ¾ × ÷.\n" * 60,
        "« C’est la société\u00a0», dit-il\u00a0: «\u00a0Allé\u00a0»… Déjà, élève, fête, ça, où, çà.\n" * 400,
        "Þórður og Ævar fóru í ævintýraferð; São Paulo, ação, coração, João; ©®°±²³µ¶·¹º¼½¾¿.\n" * 200,
        "".join(chr(c) for c in range(0xA0, 0x100)) * 20 + "\n",  # every Latin-1 sign, side by side
        REPORT + "乱码示例：Õþ¸®¹¤×÷±¨¸æ\n",  # a report quoting a little GBK mojibake
    ],
    ids=["german", "french", "icelandic-portuguese", "latin1-table", "report-quoting-mojibake"],
)
def test_utf8_text_with_latin_letters_is_not_gbk_mojibake(text: str) -> None:
    decoded, fmt, _ = read_bytes(text.encode("utf-8"), "x.txt")
    assert fmt == "text" and decoded == text


def test_cli_gbk_mojibake_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT.encode("gbk").decode("latin-1"), encoding="utf-8")
    result = runner.invoke(app, ["info", str(path), "-f", "csv", "-q"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if "mojibake" in line]
    assert len(lines) == 1 and "GBK/GB18030" in lines[0] and "各位代表" in lines[0]
