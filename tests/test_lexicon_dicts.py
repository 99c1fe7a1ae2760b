"""Category dictionaries: the shipped ones, the CSV/TOML formats, encodings and one-line errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reportcli.analysis import lexicon as lx
from reportcli.errors import ReportError, UsageError

SHIPPED = ["生态环保", "科技创新", "数字经济", "民生保障", "对外开放", "安全发展", "乡村振兴", "共同富裕"]


def test_shipped_dictionaries() -> None:
    assert lx.shipped_dictionaries()[: len(SHIPPED)] == SHIPPED
    dicts = lx.load_category_dicts()
    assert [d.name for d in dicts][: len(SHIPPED)] == SHIPPED
    for cdict in dicts:
        assert cdict.shipped
        assert cdict.categories == (cdict.name,)
        assert len(cdict) >= 30, cdict.name
        raw = (lx.CATEGORY_DIR / f"{cdict.name}.csv").read_bytes()
        assert cdict.sha256 == hashlib.sha256(raw).hexdigest()
        text = raw.decode("utf-8")
        assert text.startswith("# "), "the file starts with comments stating its sources"
        assert "Sources:" in text
        # every guard shadows a term: it contains one of the dictionary's terms
        terms = [e.term for e in cdict.entries if e.weight]
        for guard in (e.term for e in cdict.entries if e.weight == 0):
            assert any(t in guard for t in terms), (cdict.name, guard)


def test_shipped_name_and_file_path_are_the_same_dictionary() -> None:
    by_name = lx.load_category_dicts(["生态环保"])[0]
    path = lx.CATEGORY_DIR / "生态环保.csv"
    by_path = lx.load_category_dicts([str(path)])[0]
    assert by_name.entries == by_path.entries and by_name.sha256 == by_path.sha256
    assert lx.load_category_dicts(["生态环保", "生态环保"]) == [by_name]  # read once


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_user_csv_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_bytes("# 来源：自编\ncategory,term,weight\n绿色,生态文明,2\n绿色,环保,\n创新,科技,1\n".encode(encoding))
    cdict = lx.read_category_dict(path)
    assert cdict.name == "mine"
    assert cdict.categories == ("绿色", "创新")
    assert cdict.entries == (
        lx.CategoryTerm("绿色", "生态文明", 2.0),
        lx.CategoryTerm("绿色", "环保", 1.0),
        lx.CategoryTerm("创新", "科技", 1.0),
    )
    assert cdict.weighted


def test_term_only_csv_tsv_and_note_column(tmp_path: Path) -> None:
    (tmp_path / "绿色.csv").write_text("term\n生态\n低碳\n", encoding="utf-8")
    assert lx.read_category_dict(tmp_path / "绿色.csv").entries == (
        lx.CategoryTerm("绿色", "生态"),
        lx.CategoryTerm("绿色", "低碳"),
    )
    (tmp_path / "t.tsv").write_text("category\tterm\tnote\n甲\t生态\t来自文献\n", encoding="utf-8")
    assert lx.read_category_dict(tmp_path / "t.tsv").entries == (lx.CategoryTerm("甲", "生态"),)


def test_toml_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('# 注释\n"绿色" = ["生态文明", "环保"]\n\n["创新"]\n"科技" = 2\n"研发" = 1.5\n', encoding="utf-8")
    cdict = lx.read_category_dict(path)
    assert cdict.categories == ("绿色", "创新")
    assert lx.CategoryTerm("创新", "研发", 1.5) in cdict.entries
    assert len(cdict) == 4


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("", "empty dictionary file"),
        ("# only comments\n", "no header"),
        ("category,word\n甲,生态\n", "no 'term' column"),
        ("category,term,weight,extra\n甲,生态,1,x\n", "unexpected column 'extra'"),
        ("category,term,weight\n甲,生态,abc\n", "line 2: weight 'abc' is not a number"),
        ("category,term,weight\n甲,生态,nan\n", "not finite"),
        ("category,term\n甲,生 态\n", "contains whitespace"),
        ("category,term\n甲,\n", "line 2: empty term"),
        ("category,term\n,生态\n", "line 2: empty category"),
        ("category,term,weight\n甲,生态,1\n甲,生态,2\n", "listed twice"),
        ("category,term\n甲,生态,多余\n", "3 fields for 2 columns"),
        ("category,term,weight\n甲,国民生产,0\n", "no terms"),
    ],
)
def test_bad_csv_one_line_error(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(lx.LexiconError) as info:
        lx.read_category_dict(path)
    message = info.value.message
    assert isinstance(info.value, ReportError)
    assert "\n" not in message
    assert message.startswith(str(path) + ": ")
    assert fragment in message
    assert "; " in message  # a remedy follows the cause


def test_bad_toml_and_binary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('"甲" = [1, 2]\n', encoding="utf-8")
    with pytest.raises(lx.LexiconError, match="not a string"):
        lx.read_category_dict(bad)
    bad.write_text("甲 = [\n", encoding="utf-8")
    with pytest.raises(lx.LexiconError, match="not valid TOML"):
        lx.read_category_dict(bad)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(lx.LexiconError, match="bin.csv"):
        lx.read_category_dict(binary)


def test_unknown_name_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no shipped dictionary of that name; use one of 生态环保"):
        lx.load_category_dicts(["环境"])
    with pytest.raises(lx.LexiconError, match="no such dictionary file"):
        lx.load_category_dicts([str(tmp_path / "missing.csv")])


def test_same_category_in_two_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("category,term\n生态环保,绿色\n", encoding="utf-8")
    with pytest.raises(lx.LexiconError, match="category '生态环保' is also defined by"):
        lx.load_category_dicts(["生态环保", str(path)])


def test_provenance_record(tmp_path: Path) -> None:
    import json

    dicts = lx.load_category_dicts(["生态环保"])
    record = lx.provenance_record(dicts, {"count": "substrings", "per": "chars", "segmenter_options": {}})
    json.dumps(record)  # JSON-ready
    assert record["reportcli_version"]
    (entry,) = record["dictionaries"]
    assert entry["name"] == "生态环保" and entry["source"] == "shipped"
    assert entry["sha256"] == dicts[0].sha256
    options = record["options"]
    assert options["count"] == "substrings" and options["per"] == "chars" and options["scale"] == 10000
    assert options["segmenter"] is None  # neither rule segments
    record = lx.provenance_record(dicts, {"count": "tokens", "per": "words"})
    assert record["options"]["segmenter"]["lexicon"] is False
    assert record["options"]["segmenter"]["engine"] == "rjieba"
