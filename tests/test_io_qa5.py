"""Loading problems a fifth QA pass found: a date taken from the text for the report's date, a
dateline wrapped onto two lines, a meeting taken from the text (an earlier one, and cut: 市第十五届…),
and a text with no Chinese in it analysed as a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED, need_corpus
from typer.testing import CliRunner

from reportcli.cli.app import app
from reportcli.errors import ReportError
from reportcli.io import load, load_text

runner = CliRunner()
GAP = "\u3000\u3000"  # old one-line transcriptions join paragraphs with wide spaces


def meta(text: str) -> dict[str, str]:
    return load_text(text).meta


# ---------------------------------------------------------------- 1. which dates count


def test_a_date_in_the_text_is_not_the_reports_date() -> None:
    # 2012: the only full date is in a note at the end (从2012年1月1日起); the report opens with a
    # photo caption whose date has no year, next to the meeting, whose session met in 2012
    text = GAP.join([
        "3月5日，国务院总理温家宝在第十一届全国人民代表大会第五次会议上作政府工作报告。记者 李 舸摄",
        "各位代表：", "现在，我代表国务院，向大会报告政府工作。", "一、2011年工作回顾", "正文。",
        "附注：", "7.营业税改征增值税：从2012年1月1日起，在上海市开展试点。",
    ]) + "\n"
    found = meta(text)
    assert found["date"] == "2012-03-05"
    assert found["meeting"] == "第十一届全国人民代表大会第五次会议"
    # the year of a provincial congress's session cannot be told from its name: no date
    text = "1月15日，省长王某在广东省第十四届人民代表大会第三次会议上作政府工作报告。\n各位代表：\n2025年1月1日起施行。\n"
    found = meta(text)
    assert found["date"] == "" and found["meeting"] == "广东省第十四届人民代表大会第三次会议"


def test_no_dateline_no_date() -> None:
    text = ("政府工作报告\n各位代表：\n过去一年，第十一届全国人民代表大会第五次会议以来，"
            "从2012年1月1日起，我们开展了试点。\n一、回顾\n2013年3月5日在大会上通过。\n")
    found = meta(text)
    assert found["date"] == "" and found["meeting"] == ""


def test_the_dateline_wins_over_a_photo_caption() -> None:
    # 2014: a caption names the meeting in short, the dateline after it in full
    text = GAP.join([
        "3月5日，李克强代表国务院在十二届全国人大二次会议上作《政府工作报告》。 新华社记者姚大伟摄",
        "新华社北京3月14日电", "政府工作报告", "——2014年3月5日在第十二届全国人民代表大会第二次会议上",
        "国务院总理 李克强", "各位代表：", "正文。",
    ]) + "\n"
    found = meta(text)
    assert found["date"] == "2014-03-05"
    assert found["meeting"] == "第十二届全国人民代表大会第二次会议"


def test_a_date_in_a_web_pages_title_is_not_the_reports_date() -> None:
    text = "每周一学（2024年3月11日-3月17日）政府工作报告\n李强作的政府工作报告（摘登）\n国务院总理李强3月5日在政府工作报告中指出，过去一年很不平凡。\n"
    assert meta(text)["date"] == ""
    # a date alone under the title, or before 在…会议上, still counts
    text = "某省2022年国民经济和社会发展统计公报\n某省统计局\n（2023年3月28日）\n2022年，全省经济稳中有进。\n"
    assert meta(text)["date"] == "2023-03-28"
    text = "政府工作报告\n——2025年1月14日在全市经济工作会议上\n各位代表：\n"
    assert meta(text)["date"] == "2025-01-14"


def test_a_spaced_out_dateline() -> None:
    text = ("1998年政府工作报告" + GAP + "——1 9 9 8 年3 月5 日在第九届全国人民代表大会第一次会议上" + GAP
            + " 国务院总理李鹏" + GAP + "各位代表：" + GAP + "本届政府从1 9 9 3 年3 月就职。\n")
    found = meta(text)
    assert found["date"] == "1998-03-05" and found["meeting"] == "第九届全国人民代表大会第一次会议"


# ---------------------------------------------------------------- 2. a dateline that wraps


def test_a_dateline_wrapped_onto_two_lines() -> None:
    text = ("政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 孟凡利\n"
            "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n")
    found = meta(text)
    assert found["date"] == "2026-01-26"
    assert found["meeting"] == "广东省第十四届人民代表大会第五次会议"
    assert found["speaker"] == "孟凡利"
    # only a dateline cut inside its 在… clause is joined to the next line, never a title
    text = "政府工作报告\n广东省第十四届人民代表大会第五次会议\n各位代表：\n"
    assert meta(text)["meeting"] == "广东省第十四届人民代表大会第五次会议"


def test_a_dateline_broken_by_a_layout_space() -> None:
    text = "2025年青海省政府工作报告\n来源：青海日报\n——2025年1月19日在青海省第十四届 人民代表大会第三次会议上\n代省长 罗东川\n各位代表：\n"
    found = meta(text)
    assert found["date"] == "2025-01-19" and found["meeting"] == "青海省第十四届人民代表大会第三次会议"


# ---------------------------------------------------------------- 3. the meeting, whole


def test_an_earlier_meeting_named_in_the_text_is_not_the_reports() -> None:
    # 2023 Shanghai: no dateline; the text looks back on the five years since the last congress's first session
    text = ("上海市政府工作报告  上海市市长\u3000龚正  各位代表：    现在，我向大会报告工作。    一、过去五年工作回顾    "
            "市第十五届人民代表大会第一次会议以来的五年，是砥砺奋进的五年。\n")
    found = meta(text)
    assert found["meeting"] == "" and found["date"] == ""
    assert found["speaker"] == "龚正"


def test_a_meeting_named_by_its_level_gets_the_region_of_the_title() -> None:
    text = "上海市政府工作报告\n——2023年1月12日在市第十六届人民代表大会第一次会议上\n各位代表：\n"
    found = meta(text)
    assert found["meeting"] == "上海市第十六届人民代表大会第一次会议" and found["date"] == "2023-01-12"
    text = "2025年广西壮族自治区政府工作报告\n——2025年1月13日在自治区第十四届人民代表大会第三次会议上\n"
    assert meta(text)["meeting"] == "广西壮族自治区第十四届人民代表大会第三次会议"
    # a title without a region leaves the meeting as written
    text = "政府工作报告\n——2023年1月12日在市第十六届人民代表大会第一次会议上\n"
    assert meta(text)["meeting"] == "市第十六届人民代表大会第一次会议"
    found = load().meta  # the seed report's dateline names the city
    assert found["date"] == "2025-01-21" and found["meeting"] == "绍兴市第九届人民代表大会第五次会议"


def test_corpus_datelines() -> None:
    corpus = need_corpus()
    national = corpus / "chengjun-mybook_national_1954-2022"
    found = load(national / "2012_national_gov-work-report.txt").meta
    assert (found["date"], found["meeting"]) == ("2012-03-05", "第十一届全国人民代表大会第五次会议")
    found = load(national / "2014_national_gov-work-report.txt").meta
    assert (found["date"], found["meeting"]) == ("2014-03-05", "第十二届全国人民代表大会第二次会议")
    guangdong = corpus / "johncodes404-china-provincial-gov-reports-2026_provincial_2026" / "2026_guangdong_gov-work-report.txt"
    found = load(guangdong).meta
    assert (found["date"], found["meeting"]) == ("2026-01-26", "广东省第十四届人民代表大会第五次会议")
    shanghai = load(corpus / "texiv_shanghai_2020-2024_dta" / "2023_shanghai_gov-work-report.txt").meta
    assert (shanghai["date"], shanghai["meeting"]) == ("", "")


# ---------------------------------------------------------------- 4. no Chinese at all

FRENCH = "Le produit intérieur brut a augmenté de 5,2 %.\n"


def test_a_file_without_chinese_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    with pytest.raises(ReportError) as info:
        load(path)
    message = info.value.message
    assert message.startswith(f"{path}: no Chinese text (0 of 33 letters are Chinese)")
    assert "reportcli reads Chinese reports" in message and "--encoding" in message and "\n" not in message
    # empty files and mojibake keep their own errors; a little Chinese is enough; a string in
    # memory has no file or encoding to check
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReportError, match="empty file"):
        load(empty)
    garbled = tmp_path / "garbled.txt"
    garbled.write_text(("各位代表：现在我向大会报告工作。\n" * 20).encode("utf-8").decode("latin-1"), encoding="utf-8")
    with pytest.raises(ReportError, match="mojibake"):
        load(garbled)
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("Rapport annuel 政府工作报告.\n", encoding="utf-8")
    assert load(mixed).han_chars == 6
    assert load_text(FRENCH).text == FRENCH


@pytest.mark.parametrize("command", ["info", "keywords", "facts"])
def test_cli_refuses_a_file_without_chinese(tmp_path: Path, command: str) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = runner.invoke(app, [command, str(path), "-q"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert len(errors) == 1 and "no Chinese text" in errors[0] and str(path) in errors[0]


def test_stdin_without_chinese_is_refused() -> None:
    result = runner.invoke(app, ["info", "-", "-q"], input=b"The quick brown fox.\n")
    assert result.exit_code == 1
    assert "<stdin>: no Chinese text (0 of 16 letters are Chinese)" in result.output


def test_digits_alone_are_no_chinese_text(tmp_path: Path) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text("12345 678\n", encoding="utf-8")
    with pytest.raises(ReportError, match="no Chinese text \\(no letters at all\\)"):
        load(path)


def test_a_wrong_encoding_that_leaves_no_chinese_is_refused() -> None:
    with pytest.raises(ReportError, match="no Chinese text.*--encoding"):
        load(SEED, encoding="cp437")


def test_outline_repairs_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each repair of the outline costs a pass over the headings: however many lists restart at 一 inside
    # headings, the passes are bounded (a file of 3,200 such headings took minutes before).
    from reportcli.io import document

    digits = "一二三四五六七八九"

    def numeral(k: int) -> str:  # 1..99
        tens, units = divmod(k, 10)
        return (digits[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (digits[units - 1] if units else "")

    lines = ["2024年政府工作报告", ""]
    for i in range(1, 99):
        lines += [f"（{numeral(i)}）第{i}项工作", "我们做了很多工作，取得了成绩。"]
        for j in range(1, 4):
            lines += [f"{numeral(j)}、具体事项{j}", "继续推进改革，增长5%。"]
    calls = []
    real = document._place
    monkeypatch.setattr(document, "_place", lambda *a: calls.append(1) or real(*a))
    sections = document.Document("many.txt", "\n".join(lines) + "\n").sections
    assert sections and len(calls) <= 30  # (it needs one pass per （N）: 98 passes unbounded)
