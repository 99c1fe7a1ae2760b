"""Counting rules and denominators of `reportcli lexicon`, by hand on a constructed text, and over the seed."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from reportcli.analysis import lexicon as lx
from reportcli.io import load_text

# A constructed text: Han words, punctuation and one number, so that segmentation is unambiguous.
TEXT = "推动高质量发展，提高人民生活水平，保障民生。推进生态文明建设，保护生态，增长5%。"

# The plain segmenter (jieba's dictionary, no report lexicon, no dictionary terms):
PLAIN_TOKENS = [
    "推动", "高质量", "发展", "，", "提高", "人民", "生活", "水平", "，", "保障", "民生", "。",
    "推进", "生态", "文明", "建设", "，", "保护", "生态", "，", "增长", "5%", "。",
]  # fmt: skip
# With the dictionary's terms added (高质量发展 and 生态文明 become whole tokens; 人民生活 stays 人民/生活):
TERM_TOKENS = [
    "推动", "高质量发展", "，", "提高", "人民", "生活", "水平", "，", "保障", "民生", "。",
    "推进", "生态文明", "建设", "，", "保护", "生态", "，", "增长", "5%", "。",
]  # fmt: skip

DICT_CSV = """# a test dictionary: three categories, one weighted term
category,term,weight
民生,民生,
生态,生态,1
生态,生态文明,1
发展,高质量发展,2
"""

# Denominators by hand:
#   words  = the 23 plain tokens minus 6 punctuation marks and the number 5% = 16
#   tokens = every plain token except whitespace = 23
#   chars  = Han characters: 推动高质量发展(7) 提高人民生活水平(8) 保障民生(4) 推进生态文明建设(8) 保护生态(4) 增长(2) = 33
DENOMINATORS = {"words": 16, "tokens": 23, "chars": 33}

# Hits by hand (weighted: 高质量发展 has weight 2):
#   substrings: 高质量发展 x1 -> 2; 民生 in 人民生活 and in 保障民生 -> 2; 生态文明 x1 + 生态 (保护生态) x1 -> 2
#   tokens:     高质量发展 x1 -> 2; 民生 only as the token in 保障民生 -> 1; 生态文明 x1 + 生态 x1 -> 2
HITS = {
    "substrings": {"民生": 2, "生态": 2, "发展": 2},
    "tokens": {"民生": 1, "生态": 2, "发展": 2},
}


@pytest.fixture
def test_dict(tmp_path: Path) -> lx.CategoryDict:
    path = tmp_path / "test_dict.csv"
    path.write_text(DICT_CSV, encoding="utf-8")
    return lx.read_category_dict(path)


def test_segmentation_preconditions(test_dict: lx.CategoryDict) -> None:
    # If these fail, the segmenter changed and the hand-computed numbers below must be redone.
    assert lx._segmenter(None).cut(TEXT) == PLAIN_TOKENS
    assert lx._segmenter(None, test_dict.terms).cut(TEXT) == TERM_TOKENS


@pytest.mark.parametrize("per", ["words", "tokens", "chars"])
@pytest.mark.parametrize("count", ["tokens", "substrings"])
def test_constructed_text_exact(test_dict: lx.CategoryDict, count: str, per: str) -> None:
    doc = load_text(TEXT, name="constructed.txt")
    counts = lx.lexicon_counts(doc, [test_dict], count=count, per=per)
    assert counts.denominator == DENOMINATORS[per]
    rows = {row["category"]: row for row in lx.lexicon_rows(counts)}
    assert list(rows) == ["民生", "生态", "发展"]
    for category, hits in HITS[count].items():
        assert rows[category]["hits"] == hits
        assert rows[category]["denominator"] == DENOMINATORS[per]
        assert rows[category]["per_10k"] == round(hits / DENOMINATORS[per] * 10000, 4)
    # e.g. words: 民生 2/16 -> 1250.0 (substrings) vs 1/16 -> 625.0 (tokens)
    if per == "words":
        assert rows["民生"]["per_10k"] == (1250.0 if count == "substrings" else 625.0)
        assert rows["生态"]["per_10k"] == 1250.0
    assert rows["生态"]["top_terms"] == "生态:1; 生态文明:1"  # ties in dictionary order
    assert rows["发展"]["top_terms"] == "高质量发展:1"  # raw counts, not weighted


def test_wide_and_term_rows(test_dict: lx.CategoryDict) -> None:
    counts = lx.lexicon_counts(TEXT, [test_dict], count="substrings", per="chars")
    assert lx.wide_columns([test_dict]) == ["民生", "生态", "发展"]
    assert lx.lexicon_wide_row(counts) == {"民生": 606.0606, "生态": 606.0606, "发展": 606.0606}
    assert list(lx.lexicon_term_rows(counts)) == [
        {"category": "民生", "term": "民生", "hits": 2},
        {"category": "生态", "term": "生态", "hits": 1},
        {"category": "生态", "term": "生态文明", "hits": 1},
        {"category": "发展", "term": "高质量发展", "hits": 1},
    ]


def test_counts_are_picklable(test_dict: lx.CategoryDict) -> None:
    counts = lx.lexicon_counts(TEXT, [test_dict])
    assert pickle.loads(pickle.dumps(counts)) == counts
    assert pickle.loads(pickle.dumps(test_dict)) == test_dict


def test_substrings_leftmost_longest() -> None:
    # At each position the longest term wins; matches never overlap; scanning goes left to right.
    assert lx.substring_hits("大气污染防治", ["大气污染", "污染防治", "污染"]) == {"大气污染": 1}
    assert lx.substring_hits("生态文明生态", ["生态", "生态文明"]) == {"生态文明": 1, "生态": 1}
    assert lx.substring_hits("aaaa", ["aa"]) == {"aa": 2}
    assert lx.substring_hits("abc", []) == {}


def test_guard_shadows_shorter_term(tmp_path: Path) -> None:
    path = tmp_path / "民生.csv"
    path.write_text("term,weight\n民生,1\n国民生产,0\n", encoding="utf-8")
    cdict = lx.read_category_dict(path)
    text = "国民生产总值增长，保障民生"
    for count in ("tokens", "substrings"):
        counts = lx.lexicon_counts(text, [cdict], count=count, per="chars")
        (cat,) = counts.categories
        assert cat.category == "民生"  # no category column: the file stem
        assert cat.hits == 1 and cat.term_hits == (("民生", 1),)


def test_weights_can_be_fractional(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("category,term,weight\n环保,生态,0.5\n环保,环保,1.5\n", encoding="utf-8")
    counts = lx.lexicon_counts("生态环保，生态", [lx.read_category_dict(path)], count="substrings", per="chars")
    assert counts.categories[0].hits == 2.5
    assert counts.denominator == 6


def test_nfkc_and_body_text() -> None:
    assert lx.substring_hits(lx.body_text("５Ｇ基站"), ["5G"]) == {"5G": 1}
    doc = load_text("进入老年模式\n无障碍阅读\n\n推进生态文明建设。\n", name="x.txt")
    assert "老年模式" not in lx.body_text(doc)


def test_zero_denominator_gives_empty_ratio(test_dict: lx.CategoryDict) -> None:
    counts = lx.lexicon_counts("2024。", [test_dict], count="substrings", per="chars")
    assert counts.denominator == 0
    assert {row["per_10k"] for row in lx.lexicon_rows(counts)} == {None}


def test_unknown_rule_is_an_error(test_dict: lx.CategoryDict) -> None:
    with pytest.raises(ValueError):
        lx.lexicon_counts(TEXT, [test_dict], count="regex")
    with pytest.raises(ValueError):
        lx.lexicon_counts(TEXT, [test_dict], per="sentences")


def test_tokens_and_substrings_agree_on_seed_for_whole_terms() -> None:
    """Where the segmenter keeps a term whole (every occurrence is one token) and no other term of its
    dictionary overlaps it, the two counting rules give the same count."""
    from reportcli.io import load, seed_path

    text = lx.body_text(load(seed_path()))
    checked = 0
    totals = {"tokens": 0.0, "substrings": 0.0}
    for cdict in lx.load_category_dicts():
        seg = lx._segmenter(None, cdict.terms)
        spans = {(start, end) for _, start, end in seg.tokenize(text)}
        sub = lx.substring_hits(text, cdict.terms)
        tok = lx.token_hits(text, cdict.terms)
        occurrences = {t: [m.span() for m in re.finditer(re.escape(t), text)] for t in cdict.terms}
        for term, occ in occurrences.items():
            if not occ or not all(span in spans for span in occ):
                continue
            overlapped = any(
                other != term and a < e and s < b
                for other, others in occurrences.items()
                for s, e in others
                for a, b in occ
            )
            if overlapped:
                continue
            assert tok[term] == sub[term] == len(occ), (cdict.name, term)
            checked += 1
        for entry in cdict.entries:
            totals["tokens"] += tok[entry.term] * entry.weight
            totals["substrings"] += sub[entry.term] * entry.weight
    assert checked >= 20
    # Over all dictionaries the rules differ by a few hits only on this report.
    assert abs(totals["tokens"] - totals["substrings"]) <= 0.1 * totals["substrings"]


def test_terms_inside_quoted_names_and_formulas_count() -> None:
    # The attention segmenter joins neither quoted names nor numbered formulas (SEGMENTER_DEFAULTS), so a
    # term inside one is a token of its own and counts.
    hits = lx.token_hits("开展“科普大篷车”活动，推行一企一策。", ["大篷车", "一企"])
    assert hits == {"大篷车": 1, "一企": 1}
    from reportcli.text import get_segmenter

    assert "科普大篷车" in get_segmenter().cut("开展“科普大篷车”活动")
    assert "一企一策" in get_segmenter().cut("推行一企一策")
    assert "科普大篷车" not in get_segmenter(quoted=False).cut("开展“科普大篷车”活动")
