"""Shared fixtures: where ../shared is, the seed report, a CliRunner with separate stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = ROOT / "reportcli" / "data" / "seed_report.txt"


def need_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (it is not part of the project); corpus tests skipped")
    return CORPUS


def need_shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (development material, not part of the project)")
    return SHARED


@pytest.fixture
def corpus() -> Path:
    return need_corpus()


@pytest.fixture
def shared() -> Path:
    return need_shared()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


class SpaceSegmenter:
    """A stand-in segmenter for counting tests: tokens are separated by spaces; ``word/tag`` gives a token
    its tag, otherwise a token is tagged 'm' when it starts with a digit and 'n' when not."""

    def tag(self, text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for i, item in enumerate(text.split(" ")):
            if i:
                out.append((" ", "x"))
            if item:
                word, slash, tag = item.partition("/")
                out.append((word, tag if slash else "m" if word[0].isdigit() else "n"))
        return out
