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
