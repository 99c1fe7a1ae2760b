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


@pytest.mark.parametrize("text, name", [
    ("持续擦亮“机器管招投标”品牌", "机器管招投标"),  # a coinage with a three-character word inside
    ("“大综合一体化”治理效能", "大综合一体化"),
    ("推动“空中丝绸之路”建设", "空中丝绸之路"),  # jieba's word 丝绸之路 inside
    ("开展“科普大篷车”活动", "科普大篷车"),
    ("推进“公转铁”“公转水”", "公转水"),  # a verb first, but a one-character piece: a coinage
    ("开展“回头看”", "回头看"),
])
def test_quoted_names_stay_whole(rj, text, name):
    assert name in rj.cut(text)
    assert name in get_segmenter(lexicon=False).cut(text)  # the rule alone, whatever the lexicon holds


@pytest.mark.parametrize("text, pieces", [
    ("“打造耐心资本”", ["打造", "耐心资本"]),  # a verb first: a clause, not a name
    ("“家门口的好去处”", ["家门口", "的", "好去处"]),  # a particle inside a longer phrase
    ("“加快发展”", ["加快", "发展"]),
    ("“失败了”", ["失败", "了"]),
    ("“推进制度体系建设”", ["推进", "建设"]),
    ("跟踪监督《优化营商环境条例》", ["营商环境"]),  # a lexicon term inside stays countable
    ("开展“一老一小幸福院”建设", ["一老一小"]),
])
def test_quoted_clauses_are_cut(rj, text, pieces):
    toks = rj.cut(text)
    assert all(p in toks for p in pieces), toks


def test_quoted_phrase_keeps_user_terms_countable():
    seg = get_segmenter(extra_words=("招投标管理",))
    assert "招投标管理" in seg.cut("推行“机器招投标管理”")
    assert "机器招投标管理" in get_segmenter().cut("推行“机器招投标管理”")


@pytest.mark.parametrize("text, formula", [
    ("实行一企一策精准帮扶", "一企一策"),
    ("三区三线划定", "三区三线"),
    ("坚持四水四定原则", "四水四定"),
    ("深化双招双引工作", "双招双引"),
    ("一企一策。", "一企一策"),
])
def test_numbered_formulas_stay_whole(text, formula):
    for engine in ("rjieba", "jieba"):
        assert formula in get_segmenter(engine).cut(text)


@pytest.mark.parametrize("text, not_a_token", [
    ("开展一对一服务", "一对一服"),  # 服务 is a word
    ("统一企业标准", "一企"),
    ("二是一以贯之", "二是一以"),
    ("一千二百万", "一千二百"),
    ("三成五以上", "三成五以"),
    ("每万人口三名", "万人口三名"),
    ("新建一批双创示范基地", "一批双创"),  # 一批 is a word
    ("加强两岸双向投资", "两岸双向"),
    ("南昌、九江三地联席会议", "九江三地"),
    ("一步一步推进", "一步一步"),  # a repetition, not a formula
    ("开展一对一挂联帮扶", "一对一挂"),
    ("落实三区三线一单管控", "三区三线一单"),  # 三线一单 is a lexicon term
    ("来自四面八方五湖四海的朋友", "四面八方五湖四海"),
])
def test_numbered_formulas_respect_words_and_numbers(rj, text, not_a_token):
    assert not_a_token not in rj.cut(text)


@pytest.mark.parametrize("text, formula", [
    ("推行一企一策一对一服务", "一企一策"),  # the longest run that agrees with the words around it
    ("引进一批一企一策项目", "一企一策"),
    ("三区三线一体化推进", "三区三线"),
])
def test_numbered_formulas_inside_longer_runs(rj, text, formula):
    assert formula in rj.cut(text)


def test_formulas_that_are_words_keep_their_tag(rj):
    assert rj.tag("一心一意") == [("一心一意", "i")]


def test_quote_marks_pair():
    seg = get_segmenter(lexicon=False)
    assert "五创图强" in seg.cut("“五创图强”")
    assert "五创图强" not in seg.cut("《五创图强”")


def test_import_is_cheap():
    code = "import sys, reportcli.text; print('jieba' in sys.modules or 'rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
