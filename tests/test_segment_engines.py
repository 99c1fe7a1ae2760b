"""Segmenter engines: rjieba and jieba agree token for token (HMM off); numbers stay whole; offsets exact."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEED, need_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcli.text import get_segmenter


@pytest.fixture(scope="module")
def rj():
    return get_segmenter("rjieba")


@pytest.fixture(scope="module")
def jb():
    return get_segmenter("jieba")


def corpus_sample(n: int = 10) -> list:
    corpus = need_corpus()
    files = sorted(p for p in corpus.rglob("*.txt") if "raw" not in p.parts and "derived" not in str(p))
    step = max(1, len(files) // n)
    return files[::step][:n]


def test_engines_agree_on_seed(rj, jb):
    text = SEED.read_text(encoding="utf-8")
    assert rj.cut(text) == jb.cut(text)
    assert rj.tag(text) == jb.tag(text)


def test_engines_agree_on_ten_corpus_reports(rj, jb):
    files = corpus_sample(10)
    assert len(files) == 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert rj.cut(text) == jb.cut(text), path.name


def test_get_segmenter_is_cached():
    assert get_segmenter() is get_segmenter("rjieba", hmm=False, lexicon=True)
    assert get_segmenter(lexicon=False) is not get_segmenter()


def test_unknown_engine():
    with pytest.raises(ValueError, match="unknown segmentation engine"):
        get_segmenter("thulac")


@pytest.mark.parametrize(
    "text, number",
    [
        ("增长23.4%，", "23.4%"),
        ("收入1,234.5元", "1,234.5"),
        ("吸引63.3万人次收听", "63.3万"),
        ("２０２５年", "２０２５"),
        ("总额5.13万亿元", "5.13万亿"),
        ("装机45.2万千瓦", "45.2万"),
        ("面积12.5千公顷", "12.5千"),
        ("比例为5.3‰", "5.3‰"),
        ("提高到３．５％", "３．５％"),
        ("超过1,000亿元", "1,000亿"),
    ],
)
def test_numbers_stay_whole(rj, jb, text, number):
    assert number in rj.cut(text)
    assert rj.cut(text) == jb.cut(text)


def test_numbers_glued_to_letters_are_left_to_the_engine(rj):
    assert "5G" in rj.cut("建成5G网络")
    assert "C919" in rj.cut("C919大飞机")


def test_tokenize_offsets(rj):
    text = "2024年GDP增长5.2%，新质生产力加快发展。\n“五创图强”　局面"
    toks = rj.tokenize(text)
    assert "".join(w for w, _, _ in toks) == text
    for w, s, e in toks:
        assert text[s:e] == w
    assert [w for w, *_ in rj.tag_tokens(text)] == [w for w, *_ in toks]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二三新质生产力增长年万亿%.,，。 ０１９0123456789“”《》AaG", max_size=40))
def test_tokens_rebuild_the_text(text):
    seg = get_segmenter()
    toks = seg.tokenize(text)
    assert "".join(w for w, _, _ in toks) == text
    assert all(text[s:e] == w and w for w, s, e in toks)
    assert [w for w, _ in seg.tag(text)] == [w for w, _, _ in toks]


def test_quoted_coinages_stay_whole(rj):
    assert "五创图强" not in rj.cut("五创图强")  # not a dictionary word
    assert rj.cut("“五创图强”")[1] == "五创图强"
    assert "全过程人民民主" in rj.cut("“践行全过程人民民主”")


def test_import_is_cheap():
    code = "import sys, reportcli.text; print('jieba' in sys.modules or 'rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
