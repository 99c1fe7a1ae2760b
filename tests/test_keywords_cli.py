"""`reportcli keywords` through Typer's CliRunner, on the seed and (when present) corpus reports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.analysis._tokens import is_number
from reportcli.analysis.keywords import KEYWORD_COLUMNS
from reportcli.cli.app import app
from reportcli.io import seed_path

runner = CliRunner()
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"

# The judge's list of report boilerplate (written by hand, not the filter the command uses).
BOILERPLATE = set(
    "工作 开展 推进 加强 情况 组织 推动 实施 提升 落实 完善 坚持 全面 持续 深化 强化 积极 不断 进一步 有效 "
    "重点 重要 主要 方面 问题 建设 发展 加快 促进 提高 深入 支持 实现 做好 抓好 着力 扎实 大力 切实 更加 "
    "取得 形成 保持 继续 确保 努力 健全 优化 打造 构建 增强 发挥 作用 任务 成效 举措 措施 水平 能力 体系 "
    "机制 领域 我们 各位 一批".split()
)


def _csv(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_default_top20_on_the_seed() -> None:
    rows = _csv("keywords")
    assert list(rows[0]) == ["file", *KEYWORD_COLUMNS]
    assert len(rows) == 20
    words = [r["word"] for r in rows]
    assert len([w for w in words if w in BOILERPLATE]) <= 2, words
    assert {"人大", "监督", "代表"} <= set(words)
    for row in rows:
        assert len(row["word"]) >= 2 and not row["word"].isdigit()
        assert float(row["per_10k"]) > 0 and row["doc_freq"] == "1"
    assert [int(r["count"]) for r in rows] == sorted((int(r["count"]) for r in rows), reverse=True)


def test_fixed_term_stays_whole() -> None:
    term = "全过程人民民主"
    rows = _csv("keywords", "--top", "5000", "--no-stopwords")
    assert term in {r["word"] for r in rows}
    # every occurrence is inside one token: the counts of words holding the term add up to the text's count
    holding = sum(int(r["count"]) for r in rows if term in r["word"])
    assert holding == seed_path().read_text(encoding="utf-8").count(term)


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_other_methods_on_the_seed(method: str) -> None:
    rows = _csv("keywords", "--method", method, "--top", "20")
    words = [r["word"] for r in rows]
    assert len(rows) == 20
    assert len([w for w in words if w in BOILERPLATE]) <= 2, words
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_by_section_adds_titles() -> None:
    rows = _csv("keywords", "--by", "section", "--top", "3")
    assert list(rows[0])[:2] == ["file", "section"]
    titles = {r["section"] for r in rows}
    assert any("2024年主要工作" in t for t in titles)
    # the seed's two top-level sections; its dozen words before the first heading make no section
    assert titles == {"2024年主要工作", "2025年主要任务"}


def test_min_len_one_and_pos(tmp_path: Path) -> None:
    rows = _csv("keywords", "--min-len", "1", "--top", "200")
    assert any(len(r["word"]) == 1 for r in rows)
    rows = _csv("keywords", "--pos", "ns,nr", "--top", "50")
    assert rows and all(r["pos"] in ("ns", "nr") for r in rows)


def test_numbers_only_when_asked() -> None:
    words = {r["word"] for r in _csv("keywords", "--top", "500")}
    assert not any(is_number(w) for w in words)  # named terms such as 410行动 may stay
    words = {r["word"] for r in _csv("keywords", "--top", "500", "--numbers")}
    assert any(is_number(w) for w in words)


def test_bad_idf_file_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "idf.tsv"
    bad.write_text("监督\tabc\n", encoding="utf-8")
    result = runner.invoke(app, ["keywords", "--method", "tfidf", "--idf", str(bad)])
    assert result.exit_code == 2  # a malformed file named in an option is a usage error
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "not a number" in lines[0]
    assert "Traceback" not in result.output


def test_custom_idf(tmp_path: Path) -> None:
    idf = tmp_path / "my_idf.txt"
    idf.write_bytes("监督\t100\n<default>\t1\n".encode("gbk"))
    rows = _csv("keywords", "--method", "tfidf", "--idf", str(idf), "--top", "1")
    assert rows[0]["word"] == "监督"


def _corpus_files(pattern: str) -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (it sits beside the checkout in development)")
    files = sorted(CORPUS.glob(pattern))
    if not files:
        pytest.skip(f"no corpus files match {pattern}")
    return files


def test_unseen_reports_have_little_boilerplate() -> None:
    # 2026 reports were held out of the IDF and boilerplate tables (scripts/build_idf.py --exclude '2026_*').
    files = _corpus_files("*/2026_*gov-work-report*.txt")
    rows = _csv("keywords", *map(str, files), "-j", "1")
    by_file: dict[str, list[str]] = {}
    for row in rows:
        by_file.setdefault(row["file"], []).append(row["word"])
    assert len(by_file) == len(files)
    counts = {Path(f).name: len([w for w in ws if w in BOILERPLATE]) for f, ws in by_file.items()}
    assert max(counts.values()) <= 2, counts


def test_several_files_doc_freq_and_combined() -> None:
    files = _corpus_files("*/202[56]_zhejiang_gov-work-report.txt")
    rows = _csv("keywords", *map(str, files), "-j", "1")
    assert {r["file"] for r in rows} == {str(f) for f in files}
    assert any(r["doc_freq"] == "2" for r in rows)
    combined = _csv("keywords", *map(str, files), "--combined", "-j", "1")
    assert len(combined) == 20 and {r["file"] for r in combined} == {"(combined)"}
