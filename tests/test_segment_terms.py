"""The report lexicon keeps the fixed terms of official reports whole."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SEED, need_corpus, need_shared

from reportcli.text import get_segmenter
from reportcli.text.dictionary import load_lexicon


def gold_terms() -> list[str]:
    path = need_shared() / "gold" / "seed_terms_whole.txt"
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def test_lexicon_size_and_tags():
    entries = load_lexicon()
    assert len(entries) >= 2000
    assert all(e.tag for e in entries)
    assert len({e.word for e in entries}) == len(entries)


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_seed_terms_whole_in_the_seed(engine):
    seg = get_segmenter(engine)
    text = SEED.read_text(encoding="utf-8")
    spans = {(s, e) for _, s, e in seg.tokenize(text)}
    for term in gold_terms():
        found = [m.start() for m in re.finditer(re.escape(term), text)]
        assert found, term
        split = [at for at in found if (at, at + len(term)) not in spans]
        assert not split, f"{term} split at {split}"


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_seed_terms_whole_standing_alone(engine):
    seg = get_segmenter(engine)
    for term in gold_terms():
        assert seg.cut(f"{term}。") == [term, "。"], term
        assert term in seg.cut(f"我们要坚持{term}，不断前进。"), term


def test_without_lexicon_terms_fall_apart():
    seg = get_segmenter(lexicon=False)
    assert seg.cut("新质生产力") != ["新质生产力"]


def test_lexicon_rebuilds_identically(tmp_path) -> None:
    # The shipped lexicon is what scripts/build_lexicon.py makes of the corpus and the curated list: an
    # edit of either without a rebuild (or a hand edit of the data file) fails here.
    import subprocess
    import sys

    corpus = need_corpus()
    out = tmp_path / "lexicon.txt"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), "--corpus", str(corpus),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "reportcli" / "data" / "lexicon.txt").read_bytes()


def test_new_words_ship_with_a_frequency_and_lose_to_dictionary_words() -> None:
    # The miner's new words (words jieba's dictionary lacks) are two characters with the least frequency
    # that keeps them whole: tokens of their own, but never taking a character from a word of jieba's.
    new = [e for e in load_lexicon() if e.freq is not None]
    assert len(new) >= 100
    assert all(len(e.word) == 2 and e.freq >= 10 and e.tag in ("n", "v") for e in new)
    words = {e.word for e in new}
    assert {"托育", "文旅", "科创", "康养"} <= words
    seg = get_segmenter()
    for word in ("托育", "文旅", "科创", "康养"):
        assert seg.cut(f"{word}。") == [word, "。"]
    assert seg.cut("委托育婴") == ["委托", "育婴"]  # not 委|托育|婴
    assert seg.cut("委托育")[0] == "委托"


def _build_lexicon_module():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_lexicon", module)  # (dataclasses look their module up there)
    spec.loader.exec_module(sys.modules["build_lexicon"])
    return sys.modules["build_lexicon"]


def test_discover_words_needs_many_reports_free_neighbours_and_no_function_character() -> None:
    import rjieba

    bl = _build_lexicon_module()
    left, right = "东南西北中外上下", "发展服务体系机构设施补贴政策资金"
    # 砼砹 (two rare characters jieba cuts one by one) between varied neighbours in six reports: a word;
    # 砼的 holds a particle; 砹砼 comes from one report only; the particles make the one-character text
    # of a report as long as a real one's
    docs = [[f"{left[i]}砼砹{right[i]}", f"{left[i + 1]}砼砹{right[i + 2]}", f"砼的{right[i]}", "的了着过和与" * 50]
            for i in range(6)]
    docs[0].extend(["砹砼"] * 10)
    engine = rjieba.Jieba()
    assert engine.cut("砼砹", False) == ["砼", "砹"]
    found = {c.word: c for c in bl.discover_words(docs, engine)}
    assert set(found) == {"砼砹"}
    assert found["砼砹"].dict_freq >= bl.NEW_WORD_FREQ and found["砼砹"].entry.endswith(" n")
    # with too few reports, nothing
    assert bl.discover_words(docs[:4], engine) == []
