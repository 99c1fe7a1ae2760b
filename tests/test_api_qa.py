"""The library API (reportcli.api), from a QA pass: empty frames keep their dtypes, several reports
can be any iterable, subpackages are reachable from ``import reportcli``, bad arguments are
UsageErrors worded as the CLI words them, and the CLI's options kwic --whole-token, compare --max-p
and segment --drop-stopwords exist in the API with the CLI's defaults."""

from __future__ import annotations

import inspect
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import ROOT, SEED
from typer.testing import CliRunner

import reportcli
from reportcli.errors import ReportError, UsageError

PLAIN = "今年我们继续推进各项工作，取得了进展。\n明年还要继续努力，把工作做得更好。\n"


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    """A report with no headings, no money, no 新质生产力."""
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    return path


@pytest.fixture
def rich(tmp_path: Path, seed_text: str) -> Path:
    """The seed report with a money fact added (the seed has none)."""
    path = tmp_path / "rich.txt"
    fact = "2025年1月21日会议确定，全年投入资金318.5亿元，比上年增长5.2%。"
    path.write_text(seed_text.replace("\n2024年是中", f"\n{fact}2024年是中", 1), encoding="utf-8")
    return path


@pytest.fixture
def reports(tmp_path: Path, seed_text: str) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(seed_text, encoding="utf-8")
    (folder / "c.txt").write_text(seed_text.replace("监督", "治理"), encoding="utf-8")
    return folder


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {str(c): str(t) for c, t in frame.dtypes.items()}


# ----------------------------------------------------------------------------- 1. empty frames


def test_every_column_of_every_table_has_a_dtype() -> None:
    from reportcli.analysis.compare import COMPARE_COLUMNS
    from reportcli.analysis.info import INFO_COLUMNS, SECTION_COLUMNS
    from reportcli.analysis.keywords import KEYWORD_COLUMNS
    from reportcli.analysis.kwic import KWIC_COLUMNS
    from reportcli.analysis.lexicon import LEXICON_COLUMNS, LEXICON_TERM_COLUMNS
    from reportcli.api import _COLUMN_DTYPES
    from reportcli.facts.table import FACT_COLUMNS, TERM_COLUMNS
    from reportcli.text import SEGMENT_COLUMNS

    tables = [INFO_COLUMNS, SECTION_COLUMNS, FACT_COLUMNS, TERM_COLUMNS, SEGMENT_COLUMNS, KEYWORD_COLUMNS,
              COMPARE_COLUMNS, KWIC_COLUMNS, LEXICON_COLUMNS, LEXICON_TERM_COLUMNS, ["file", "section"]]  # fmt: skip
    missing = sorted({c for columns in tables for c in columns} - set(_COLUMN_DTYPES))
    assert not missing


def test_empty_kwic_concatenates_without_object_columns(plain: Path) -> None:
    empty = reportcli.kwic("新质生产力", plain)
    full = reportcli.kwic("监督", SEED)
    assert empty.empty and not full.empty
    assert dtypes(empty) == dtypes(full)
    both = pd.concat([empty, full])
    assert both.line.dtype == "int64"
    assert dtypes(both) == dtypes(full)


@pytest.mark.parametrize(
    "call",
    [
        lambda doc: reportcli.sections(doc),
        lambda doc: reportcli.extract_facts(doc, kinds="date"),
        lambda doc: reportcli.numbered_terms(doc),
        lambda doc: reportcli.kwic("新质生产力", doc, whole_token=True),
        lambda doc: reportcli.keywords(doc, min_len=9),
        lambda doc: reportcli.keywords(doc, min_len=9, by_section=True),
        lambda doc: reportcli.keywords(doc, min_len=9, method="tfidf"),
        lambda doc: reportcli.attention(doc, "生态环保", terms=True),
    ],
    ids=["sections", "facts-date", "terms", "kwic", "keywords", "keywords-by-section", "keywords-tfidf",
         "attention-terms"],  # fmt: skip
)
def test_empty_results_keep_the_dtypes_of_full_ones(call: Callable[[Any], pd.DataFrame], plain: Path,
                                                    rich: Path) -> None:  # fmt: skip
    empty, full = call(plain), call(rich)
    assert empty.empty and not full.empty
    assert dtypes(empty) == dtypes(full)
    assert "object" not in dtypes(empty).values()


def test_empty_facts_have_numeric_values_and_integer_offsets(plain: Path, rich: Path) -> None:
    empty = reportcli.extract_facts(plain, kinds="money")
    full = reportcli.extract_facts(rich, kinds="money")
    assert empty.empty and not full.empty
    # value mixes ints and floats (5.2, 318.5亿): float64 when nothing says which
    assert empty.value.dtype == "float64" and pd.api.types.is_numeric_dtype(full.value)
    assert {c: t for c, t in dtypes(empty).items() if c != "value"} == {c: t for c, t in dtypes(full).items() if c != "value"}
    both = pd.concat([empty, full])
    assert both.line.dtype == "int64" and both.value.dtype == "float64" and both.value.max() == 31_850_000_000


def test_empty_compare_keeps_dtypes(reports: Path) -> None:
    empty = reportcli.compare(reports / "a.txt", reports / "b.txt")  # the same text: no difference
    full = reportcli.compare(reports / "a.txt", reports / "c.txt")
    assert empty.empty and not full.empty
    assert dtypes(empty) == dtypes(full)


def test_empty_wide_attention_has_float_categories(plain: Path) -> None:
    wide = reportcli.attention(plain, "生态环保", wide=True)
    assert len(wide) == 1  # a row per file even without hits; the typing concerns only empty frames
    from reportcli.api import _typed

    empty = _typed(wide.iloc[0:0], default="float64")
    assert all(empty[c].dtype == "float64" for c in empty.columns if c != "file")


# ----------------------------------------------------------------------------- 2. any iterable


def test_keywords_take_any_iterable_of_paths(reports: Path) -> None:
    paths = sorted(reports.glob("*.txt"))
    expected = reportcli.keywords(paths, top=5)
    generator = reportcli.keywords((p for p in sorted(reports.glob("*.txt"))), top=5)
    series = reportcli.keywords(pd.Series([str(p) for p in paths]), top=5)
    documents = reportcli.keywords(iter([reportcli.load(p) for p in paths]), top=5)
    pd.testing.assert_frame_equal(generator, expected)
    pd.testing.assert_frame_equal(series, expected)
    assert list(documents.word) == list(expected.word)
    assert expected.file.nunique() == 3


def test_a_glob_works_for_keywords_attention_and_compare(reports: Path) -> None:
    kw = reportcli.keywords(reports.glob("*.txt"), top=3)
    assert kw.file.nunique() == 3
    att = reportcli.attention(reports.glob("*.txt"), "生态环保")
    assert att.file.nunique() == 3
    by_glob = reportcli.compare(reports.glob("[ab].txt"), pd.Series([str(reports / "c.txt")]))
    by_list = reportcli.compare([reports / "a.txt", reports / "b.txt"], [reports / "c.txt"])
    pd.testing.assert_frame_equal(by_glob, by_list)
    assert not by_list.empty


def test_single_reports_stay_single(reports: Path) -> None:
    for one in (reports / "a.txt", str(reports / "a.txt"), reportcli.load(reports / "a.txt")):
        assert reportcli.keywords(one, top=3).file.nunique() == 1
        assert reportcli.attention(one, "生态环保").file.nunique() == 1


def test_an_empty_iterable_is_a_usage_error(reports: Path) -> None:
    with pytest.raises(UsageError, match="no reports given"):
        reportcli.keywords(reports.glob("*.docx"))
    with pytest.raises(UsageError, match="b: no reports given"):
        reportcli.compare(reports / "a.txt", [])
    with pytest.raises(UsageError, match="no reports given"):
        reportcli.attention(())


# ----------------------------------------------------------------------------- 3. subpackages


def run_python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_subpackages_are_reachable_after_import_reportcli() -> None:
    out = run_python(
        "import reportcli; "
        "print(reportcli.text.get_segmenter().cut('坚持全过程人民民主')); "
        "print(reportcli.facts.numerals.parse_number('三千七百万')); "
        "print(reportcli.facts.quantities.quantities('增长5%')[0].unit); "
        "print(reportcli.io.Document.__name__, reportcli.analysis.kwic.KWIC_COLUMNS[0], reportcli.errors.UsageError.__name__)"
    )
    assert out.splitlines() == ["['坚持', '全过程人民民主']", "37000000", "%", "Document line UsageError"]


def test_subpackage_modules_are_reachable_after_the_api_imported_their_package() -> None:
    out = run_python(
        "import reportcli; reportcli.kwic('监督'); "  # imports reportcli.analysis.kwic (and so reportcli.analysis)
        "print(reportcli.analysis.compare.DEFAULT_MAX_P, reportcli.facts.units.__name__)"
    )
    assert out == "0.05 reportcli.facts.units"


def test_unknown_attributes_still_raise_attribute_error() -> None:
    with pytest.raises(AttributeError):
        reportcli.facts.no_such_module  # noqa: B018
    with pytest.raises(AttributeError):
        reportcli.no_such_name  # noqa: B018
    assert {"io", "text", "facts", "analysis", "kwic"} <= set(dir(reportcli))


def test_import_reportcli_and_its_subpackages_stay_light() -> None:
    heavy = ("pandas", "jieba", "rjieba", "openpyxl", "pypdfium2", "selectolax", "numpy", "matplotlib")
    out = run_python(
        "import sys, reportcli; light = 'reportcli.io' not in sys.modules and 'reportcli.text' not in sys.modules; "
        "reportcli.text, reportcli.facts.numerals, reportcli.io.Document, reportcli.analysis; "
        f"print(light, [m for m in {heavy!r} if m in sys.modules])"
    )
    assert out == "True []"


# ----------------------------------------------------------------------------- 4. usage errors


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: reportcli.extract_facts(subject="("), "subject: not a valid regular expression (missing )"),
        (lambda: reportcli.extract_facts(kinds="bogus"), "kinds: unknown kind bogus (choose from count, percent"),
        (lambda: reportcli.extract_facts(min_value="x"), "'min_value': 'x' is not a valid float"),
        (lambda: reportcli.attention(per="bogus"), "Invalid value for 'per': 'bogus' is not one of 'words', 'tokens', 'chars'"),
        (lambda: reportcli.attention(count="bogus"), "Invalid value for 'count': 'bogus' is not one of 'tokens', 'substrings'"),
        (lambda: reportcli.attention(wide=True, terms=True), "wide and terms are two different tables"),
        (lambda: reportcli.segment(engine="bogus"), "engine: unknown engine 'bogus'; choose rjieba or jieba"),
        (lambda: reportcli.keywords(top=0), "Invalid value for 'top': 0 is not in the range x>=1"),
        (lambda: reportcli.keywords(min_len=0), "Invalid value for 'min_len': 0 is not in the range x>=1"),
        (lambda: reportcli.keywords(method="bogus"), "Invalid value for 'method': 'bogus' is not one of 'freq', 'tfidf', 'textrank'"),
        (lambda: reportcli.keywords(pos="zz"), "pos: unknown part-of-speech tag 'zz'"),
        (lambda: reportcli.keywords(idf="x.tsv"), "idf is used only with method='tfidf'"),
        (lambda: reportcli.compare(None, None, top=0), "Invalid value for 'top': 0 is not in the range x>=1"),
        (lambda: reportcli.compare(None, None, min_count=0), "Invalid value for 'min_count': 0 is not in the range x>=1"),
        (lambda: reportcli.compare(None, None, max_p=1.5), "Invalid value for 'max_p': 1.5 is not in the range 0.0<=x<=1.0"),
        (lambda: reportcli.kwic("(", regex=True), "bad regular expression '(': missing )"),
        (lambda: reportcli.kwic(""), "the pattern is empty"),
        (lambda: reportcli.kwic("x", width=-1), "Invalid value for 'width': -1 is not in the range x>=0"),
        (lambda: reportcli.kwic("x", width=2.5), "Invalid value for 'width': 2.5 is not a valid integer"),
        (lambda: reportcli.kwic("x", [SEED, SEED]), "expected a report (a path or a Document), not list"),
        (lambda: reportcli.load(""), "the path is empty; give a report file"),
        (lambda: reportcli.info(""), "the path is empty; give a report file"),
        (lambda: reportcli.load(None, encoding="bogus"), "encoding: unknown encoding 'bogus'; use e.g. utf-8"),
    ],
)
def test_bad_arguments_are_usage_errors(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(UsageError) as caught:
        call()
    assert isinstance(caught.value, ReportError)
    assert message in str(caught.value)


def test_the_cli_words_these_errors_the_same(runner: CliRunner) -> None:
    from reportcli.cli.app import app

    cases: list[tuple[list[str], Callable[[], Any], str, str]] = [
        (["facts", "--kind", "bogus"], lambda: reportcli.extract_facts(SEED, kinds="bogus"), "--kind:", "kinds:"),
        (["facts", "--subject", "("], lambda: reportcli.extract_facts(SEED, subject="("), "--subject:", "subject:"),
        (["segment", "--engine", "bogus"], lambda: reportcli.segment(SEED, engine="bogus"), "--engine:", "engine:"),
        (["kwic", "(", "-E"], lambda: reportcli.kwic("(", SEED, regex=True), "", ""),
    ]
    for args, api_call, cli_name, api_name in cases:
        result = runner.invoke(app, [*args, str(SEED)])
        assert result.exit_code == 2
        cli_message = result.stderr.splitlines()[0].removeprefix("reportcli: error: ")
        with pytest.raises(UsageError) as caught:
            api_call()
        assert str(caught.value) == cli_message.replace(cli_name, api_name, 1)


def test_checks_come_before_any_work(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(UsageError):  # not "no such file": the bad argument is reported first
        reportcli.keywords(missing, top=0)
    with pytest.raises(ReportError, match="no such file"):
        reportcli.keywords(missing)


# ----------------------------------------------------------------------------- 5. the CLI's options


def cli_frame(runner: CliRunner, args: list[str]) -> pd.DataFrame:
    from reportcli.cli.app import app

    result = runner.invoke(app, [*args, "-f", "csv", "-j", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)


def test_the_new_options_have_the_cli_defaults() -> None:
    from reportcli.analysis.compare import DEFAULT_MAX_P

    assert inspect.signature(reportcli.kwic).parameters["whole_token"].default is False
    assert inspect.signature(reportcli.compare).parameters["max_p"].default == DEFAULT_MAX_P == 0.05
    assert inspect.signature(reportcli.segment).parameters["drop_stopwords"].default is False


def test_kwic_whole_token_matches_the_cli(runner: CliRunner) -> None:
    every = reportcli.kwic("人大")
    whole = reportcli.kwic("人大", whole_token=True)
    assert 0 < len(whole) < len(every)
    cli = cli_frame(runner, ["kwic", "人大", "--whole-token", str(SEED)])
    assert whole.line.tolist() == cli.line.tolist()
    assert whole.left.tolist() == cli.left.tolist()


def test_compare_max_p_matches_the_cli(runner: CliRunner, reports: Path) -> None:
    a, c = reports / "a.txt", reports / "c.txt"
    default = reportcli.compare(a, c)
    assert not default.empty and (default.p <= 0.05).all()
    assert default.equals(reportcli.compare(a, c, max_p=0.05))
    loose = reportcli.compare(a, c, max_p=1, min_count=1, top=1000)
    strict = reportcli.compare(a, c, max_p=0.001, min_count=1, top=1000)
    assert len(strict) <= len(loose) and (strict.p <= 0.001).all()
    cli = cli_frame(runner, ["compare", str(a), str(c)])
    assert default.word.tolist() == cli.word.tolist()
    cli_loose = cli_frame(runner, ["compare", str(a), str(c), "--max-p", "1", "--min-count", "1", "--top", "1000"])
    assert loose.word.tolist() == cli_loose.word.tolist()


def test_segment_drop_stopwords_matches_the_cli(runner: CliRunner) -> None:
    from reportcli.text import is_word, load_stopwords

    kept = reportcli.segment(drop_stopwords=True)
    every = reportcli.segment()
    assert 0 < len(kept) < len(every)
    stopwords = load_stopwords()
    assert not any(t in stopwords or not is_word(t) for t in kept.token)
    cli = cli_frame(runner, ["segment", "--drop-stopwords", str(SEED)])
    assert kept.token.tolist() == cli.token.astype(str).tolist()


def test_top_none_means_every_word() -> None:
    import reportcli

    assert len(reportcli.keywords(top=None)) > len(reportcli.keywords(top=20)) == 20
