"""User dictionaries: encodings, BOM, CRLF, terms with spaces or a middle dot, bad lines, bad files."""

from __future__ import annotations

import pytest

from reportcli.text import DictionaryError, Segmenter, get_segmenter, load_user_dict
from reportcli.text.dictionary import parse_dict_line, read_user_dict

CONTENT = "测试新词甲 nz\n产城融合示范带 100 nz\n局长·代表面对面\n数字 人大 n\n"


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("utf-8", b"", "\n"),
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("gbk", b"", "\r\n"),
        ("gb18030", b"", "\n"),
        ("utf-16-le", b"\xff\xfe", "\r\n"),
        ("utf-16-be", b"\xfe\xff", "\n"),
    ],
)
def test_encodings(tmp_path, encoding, bom, newline):
    path = tmp_path / "dict.txt"
    path.write_bytes(bom + CONTENT.replace("\n", newline).encode(encoding))
    entries, problems = load_user_dict(path)
    assert problems == []
    assert [(e.word, e.freq, e.tag) for e in entries] == [
        ("测试新词甲", None, "nz"),
        ("产城融合示范带", 100, "nz"),
        ("局长·代表面对面", None, None),
        ("数字 人大", None, "n"),
    ]


def test_parse_rules():
    assert parse_dict_line("新质生产力") == ("新质生产力", None, None)
    assert parse_dict_line("新质生产力 3") == ("新质生产力", 3, None)
    assert parse_dict_line("新质生产力\t3\tnz") == ("新质生产力", 3, "nz")
    assert parse_dict_line("Made in China 9 nz") == ("Made in China", 9, "nz")
    for bad, reason in [
        ("词 10 nz extra", "too many fields"),
        ("词 10 20", "too many fields"),
        ("词 10.5", "not a whole number"),
        ("词 nz 10", "out of order"),
        ("12345", "is a number"),
        ("词" * 80, "too long"),
    ]:
        with pytest.raises(ValueError, match=reason):
            parse_dict_line(bad)


def test_bad_lines_are_reported_with_file_and_line(tmp_path):
    path = tmp_path / "user.txt"
    path.write_text("# comment\n好词一号\n坏词 1 2 3\n\n好词二号 5 n\n坏词 7.5\n好词一号 9\n", encoding="utf-8")
    entries, problems = load_user_dict(path)
    assert [e.word for e in entries] == ["好词一号", "好词二号", "好词一号"]
    assert problems == [f"{path}:3: too many fields (expected `word [freq] [pos]`)",
                        f"{path}:6: frequency '7.5' is not a whole number >= 0"]
    _, summary = read_user_dict(path)
    assert (summary.terms, summary.duplicates, summary.skipped) == (2, 1, 2)
    assert "2 terms, 1 duplicates, 2 skipped" in summary.describe()


@pytest.mark.parametrize(
    "data, cause",
    [
        (b"", "empty"),
        (b"  \n\r\n", "empty"),
        (b"# only a comment\n", "no terms"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
        (b"\xff\xfe\xfd\x80\x81\x82 \x90\x91", "undecodable"),
        (b"bad 1 2 3\n", "no valid term"),
    ],
)
def test_unusable_files_raise_one_line_errors(tmp_path, data, cause):
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    with pytest.raises(DictionaryError) as info:
        load_user_dict(path)
    message = str(info.value)
    assert str(path) in message and cause in message and "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_user_dict(tmp_path / "nope.txt")


def test_user_dicts_stack_and_take_effect(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("甲乙丙丁戊 nz\n", encoding="utf-8")
    b.write_text("局长·代表面对面 nz\n双城 记 n\n", encoding="gbk")
    for engine in ("rjieba", "jieba"):
        seg = get_segmenter(engine, user_dicts=(str(a), str(b)), extra_words=("己庚辛壬",))
        text = "开展甲乙丙丁戊和局长·代表面对面活动，己庚辛壬。"
        toks = seg.cut(text)
        assert "甲乙丙丁戊" in toks and "局长·代表面对面" in toks and "己庚辛壬" in toks
        assert ("局长·代表面对面", "nz") in seg.tag(text)
        assert any(line.startswith(str(b)) for line in seg.describe())


def test_no_lexicon_option():
    assert Segmenter(lexicon=False).terms == 0
