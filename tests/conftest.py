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
