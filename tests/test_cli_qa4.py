"""QA round 4 of the command line: a failed write names the file that failed; files named in options are
usage errors (exit 2) when they cannot be used; usage lines; chart titles that fit; bad input as a new
user gives it (missing directories, empty names, Ctrl-C with workers)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.cli.app import app
from reportcli.errors import ReportError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "reportcli" / "data" / "seed_report.txt"
HAS_DEV_FULL = Path("/dev/full").exists()
runner = CliRunner()


def invoke(*args: str) -> object:
    return runner.invoke(app, list(args))


def one_line(result: object) -> str:
    stderr = result.stderr  # type: ignore[attr-defined]
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def half_seed(tmp_path: Path, name: str = "half.txt") -> Path:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    path = tmp_path / name
    path.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- 1. the failed file is named
def _plot_commands(tmp_path: Path) -> dict[str, list[str]]:
    return {
        "keywords": ["keywords", "-n", "5"],
        "facts": ["facts"],
        "lexicon": ["lexicon"],
        "lexicon-terms": ["lexicon", "--terms"],
        "compare": ["compare", str(SEED), str(half_seed(tmp_path)), "--min-count", "2"],
    }


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full (a full disk)")
@pytest.mark.parametrize("kind", ["keywords", "facts", "lexicon", "lexicon-terms", "compare"])
def test_a_plot_that_cannot_be_written_is_named_not_the_output(tmp_path: Path, kind: str) -> None:
    chart = tmp_path / "chart.png"
    chart.symlink_to("/dev/full")
    out = tmp_path / "out.csv"
    result = invoke(*_plot_commands(tmp_path)[kind], "-j", "1", "-o", str(out), "--plot", str(chart))
    assert result.exit_code == 1
    line = one_line(result)
    assert line.startswith(f"reportcli: error: {chart}: cannot write the chart (No space left on device); ")
    assert str(out) not in line
    assert out.read_text(encoding="utf-8-sig").count("\n") > 1  # the table itself was written


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full (a full disk)")
def test_a_provenance_file_that_cannot_be_written_is_named_not_the_output(tmp_path: Path) -> None:
    record = tmp_path / "provenance.json"
    record.symlink_to("/dev/full")
    out = tmp_path / "out.csv"
    result = invoke("lexicon", "-j", "1", "-o", str(out), "--provenance", str(record))
    assert result.exit_code == 1
    line = one_line(result)
    assert line.startswith(f"reportcli: error: {record}: cannot write the --provenance file (No space left")
    assert str(out) not in line


def test_atomic_output_turns_a_failed_write_into_one_line_naming_its_file(tmp_path: Path) -> None:
    from reportcli.render import AtomicOutput

    target = tmp_path / "p.json"
    with pytest.raises(ReportError) as caught:
        with AtomicOutput(str(target), what="the --provenance file") as handle:
            handle.write("{")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.message.startswith(f"{target}: cannot write the --provenance file (No space left on device); ")
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary file
    # another file's error, or a broken pipe, is not this file's: it passes through as it is
    with pytest.raises(FileNotFoundError):
        with AtomicOutput(str(target)):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", "some-input.txt")
    with pytest.raises(BrokenPipeError):
        with AtomicOutput(str(target)):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize("option", ["-o", "--plot", "--provenance"])
def test_an_unwritable_directory_is_refused_before_the_work_naming_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == locked else real_access(p, mode, **kw))
    target = locked / {"-o": "out.csv", "--plot": "chart.png", "--provenance": "p.json"}[option]
    result = invoke("lexicon", "-j", "1", option, str(target), "-f", "csv")
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith(f"reportcli: error: {target}: cannot write in {locked} (permission denied)")


def test_an_os_error_elsewhere_is_not_blamed_on_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportcli.batch

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(reportcli.batch, "expand_paths", fail)
    out = tmp_path / "out.csv"
    result = invoke("info", str(SEED), "-o", str(out))
    assert result.exit_code == 1
    line = one_line(result)
    assert "Too many open files" in line and str(out) not in line


def test_nothing_to_plot_names_the_chart(tmp_path: Path) -> None:
    chart = tmp_path / "f.png"
    result = invoke("facts", "-j", "1", "--min-value", "1e30", "--plot", str(chart), "-f", "csv")
    assert result.exit_code == 1
    assert one_line(result).startswith(f"reportcli: error: {chart}: nothing to plot")
    assert not chart.exists()


# ----------------------------------------------------------------------------- 2. option files: exit 2
OPTION_FILES = {
    "keywords --dict": ["keywords", "--dict"],
    "keywords --stopwords": ["keywords", "--stopwords"],
    "keywords --idf": ["keywords", "-m", "tfidf", "--idf"],
    "segment --dict": ["segment", "--dict"],
    "kwic --dict": ["kwic", "发展", "--dict"],
    "lexicon --dict": ["lexicon", "--dict"],
    "lexicon --user-dict": ["lexicon", "--user-dict"],
    "info --manifest": ["info", "--manifest"],
    "info --files-from": ["info", "--files-from"],
}


def _bad_file(tmp_path: Path, problem: str) -> Path:
    path = tmp_path / f"{problem}.csv"
    if problem == "directory":
        path.mkdir()
    elif problem == "empty":
        path.write_bytes(b"")
    elif problem == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    return path  # "missing": not created


@pytest.mark.parametrize("problem", ["missing", "directory", "empty", "binary"])
@pytest.mark.parametrize("option", list(OPTION_FILES))
def test_an_unusable_file_named_in_an_option_is_a_usage_error(tmp_path: Path, option: str, problem: str) -> None:
    bad = _bad_file(tmp_path, problem)
    result = invoke(*OPTION_FILES[option], str(bad), "-j", "1")
    assert result.exit_code == 2, (option, problem, result.stderr)
    line = one_line(result)
    assert line.startswith(f"reportcli: error: {bad}: ")
    if problem == "directory":
        assert "is a directory" in line


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (["keywords", "-m", "tfidf", "--idf"], "监督\tabc\n"),
        (["lexicon", "--dict"], "category,term,weight\n甲,生态,很多\n"),
        (["segment", "--dict"], "# only a comment\n"),
    ],
)
def test_a_malformed_option_file_is_a_usage_error(tmp_path: Path, args: list[str], content: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = invoke(*args, str(bad), "-j", "1")
    assert result.exit_code == 2
    assert one_line(result).startswith(f"reportcli: error: {bad}: ")


def test_a_bad_report_among_the_inputs_is_still_a_runtime_failure(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = invoke("info", str(SEED), str(missing), "-j", "1", "-f", "csv")
    assert result.exit_code == 1 and "seed_report.txt" in result.stdout
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SEED}\n{missing}\n", encoding="utf-8")
    result = invoke("info", "--files-from", str(listing), "-j", "1", "-f", "csv")
    assert result.exit_code == 1 and "seed_report.txt" in result.stdout


def test_files_from_reads_any_encoding_and_an_empty_list_is_named(tmp_path: Path) -> None:
    report = tmp_path / "浙江_报告.txt"
    shutil.copy(SEED, report)
    listing = tmp_path / "list.txt"
    listing.write_bytes(f"# 报告\n{report}\n".encode("gbk"))  # a list saved by Excel or Notepad on Chinese Windows
    result = invoke("info", "--files-from", str(listing), "-j", "1", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert "浙江_报告.txt" in result.stdout
    comments = tmp_path / "comments.txt"
    comments.write_text("# nothing yet\n\n", encoding="utf-8")
    result = invoke("info", "--files-from", str(comments))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"reportcli: error: {comments}: the --files-from list names no files")


# ----------------------------------------------------------------------------- 3. usage lines
def test_usage_lines_show_arguments_without_braces() -> None:
    for command in app.registered_commands:
        result = runner.invoke(app, [str(command.name), "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0
        usage = next(line for line in result.stdout.splitlines() if line.startswith("Usage:"))
        assert "{" not in usage and "}" not in usage, usage
    result = runner.invoke(app, ["kwic", "--help"], env={"COLUMNS": "100"})
    assert "Usage: reportcli kwic [OPTIONS] PATTERN [PATHS]..." in result.stdout


# ----------------------------------------------------------------------------- 4. chart titles fit
LONG_NAME = "2025_zhejiang_provincial_government_work_report_full_text.txt"


def _title_band_edges_are_blank(png: Path) -> bool:
    """Whether the top of the chart (where the title is) is blank at its left and right edges: a title
    wider than the figure is cut there."""
    from matplotlib.image import imread

    image = imread(str(png))
    band = image[: max(8, image.shape[0] // 12), :, :3]
    edges = band[:, [0, 1, 2, -3, -2, -1], :]
    return bool((edges > 0.97).all())


def _chart_cases(tmp_path: Path) -> dict[str, list[str]]:
    report = tmp_path / LONG_NAME
    shutil.copy(SEED, report)
    other = half_seed(tmp_path, "2026_zhejiang_provincial_government_work_report_full_text.txt")
    return {
        "lexicon, one file, two categories": ["lexicon", "--dict", "生态环保", "--dict", "科技创新", "--count",
                                              "substrings", "--per", "chars", str(report)],
        "lexicon, one file, one category": ["lexicon", "--dict", "生态环保", "--per", "chars", str(report)],
        "lexicon, wide": ["lexicon", "--dict", "生态环保", "--wide", str(report)],
        "compare, long names": ["compare", str(report), str(other), "--min-count", "2", "-n", "5"],
        "facts by section": ["facts", "--kind", "count", str(report)],
        "facts by kind": ["facts", "--kind", "count,percent,money", str(report)],
        "keywords": ["keywords", "-n", "5", str(report)],
    }  # fmt: skip


@pytest.mark.parametrize(
    "case",
    ["lexicon, one file, two categories", "lexicon, one file, one category", "lexicon, wide", "compare, long names",
     "facts by section", "facts by kind", "keywords"],
)  # fmt: skip
def test_chart_titles_fit_the_figure(tmp_path: Path, case: str) -> None:
    chart = tmp_path / "chart.png"
    result = invoke(*_chart_cases(tmp_path)[case], "-j", "1", "-f", "csv", "--plot", str(chart))
    assert result.exit_code == 0, result.stderr
    assert _title_band_edges_are_blank(chart), f"{case}: the title is cut at the edge of the chart"


def test_title_wrapping_breaks_after_a_comma_first() -> None:
    import matplotlib

    from reportcli import plot

    with matplotlib.rc_context(plot._rc(plot.cjk_font_family())):
        text = f"生态环保 per 10,000 Han characters (substrings rule), {LONG_NAME}"
        lines = plot._wrap(text, 420.0, 12.0)
        assert lines == ["生态环保 per 10,000 Han characters (substrings rule),", LONG_NAME]
        assert all(plot._text_width(line, 12.0) <= 420.0 for line in plot._wrap(LONG_NAME * 2, 200.0, 12.0))
        assert plot._wrap("short title", 420.0, 12.0) == ["short title"]


def test_the_compare_legend_is_below_the_bars_not_over_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib.figure import Figure

    from reportcli import plot

    saved: list[Figure] = []
    original = Figure.savefig

    def keep(self: Figure, *args: object, **kwargs: object) -> None:
        saved.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "savefig", keep)
    rows = [{"word": f"词{i}", "side": "a" if i < 3 else "b", "log_ratio": 3 - i, "g2": 10.0} for i in range(6)]
    plot.plot_compare(rows, str(tmp_path / "c.png"), label_a="A.txt", label_b="B.txt")
    (fig,) = saved
    assert fig.axes[0].get_legend() is None and len(fig.legends) == 1


# ----------------------------------------------------------------------------- 5. bad input as a new user gives it
def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import reportcli.batch

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reports were analysed before the output path was checked")

    monkeypatch.setattr(reportcli.batch, "run_batch", fail)


def test_output_into_a_missing_directory_is_refused_before_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_work(monkeypatch)
    target = tmp_path / "nope" / "out.csv"
    result = invoke("compare", str(SEED), str(SEED), "-o", str(target))
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith(f"reportcli: error: {target}: the output's directory does not exist; create it first")


def test_output_naming_a_directory_says_so_whatever_the_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_work(monkeypatch)
    for extra in ([], ["-f", "csv"]):
        result = invoke("info", "-o", str(tmp_path), *extra)
        assert result.exit_code == 2
        assert one_line(result).startswith(f"reportcli: error: {tmp_path}: the output is a directory; give a file name")


def test_an_output_extension_without_a_format_is_refused_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_work(monkeypatch)
    result = invoke("compare", str(SEED), str(SEED), "-o", str(tmp_path / "out.parquet"))
    assert result.exit_code == 2 and ".parquet" in one_line(result)


@pytest.mark.parametrize(("option", "name"), [("--plot", "chart.png"), ("--provenance", "p.json"), ("-o", "out.csv")])
def test_a_path_under_a_file_is_a_usage_error_naming_it(tmp_path: Path, option: str, name: str) -> None:
    plain = tmp_path / "plain"
    plain.write_text("x", encoding="utf-8")
    target = plain / name
    result = invoke("lexicon", "-j", "1", option, str(target))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"reportcli: error: {target}: {plain} is not a directory")


def test_the_provenance_file_naming_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("lexicon", "-j", "1", "--provenance", str(tmp_path))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"reportcli: error: {tmp_path}: the --provenance file is a directory")


def test_lexicon_dict_naming_a_directory_says_so(tmp_path: Path) -> None:
    result = invoke("lexicon", "--dict", str(tmp_path))
    assert result.exit_code == 2
    assert one_line(result).startswith(f"reportcli: error: {tmp_path}: is a directory, not a dictionary file")


def test_an_empty_report_path_is_a_usage_error_not_the_current_directory() -> None:
    for args in (["info", ""], ["compare", "--a", "", "--b", str(SEED)]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "path is empty" in one_line(result)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["info", "-o", ""], "--output"),
        (["info", "--manifest", ""], "--manifest"),
        (["info", "--files-from", ""], "--files-from"),
        (["keywords", "--dict", ""], "--dict"),
        (["keywords", "--stopwords", ""], "--stopwords"),
        (["keywords", "-m", "tfidf", "--idf", ""], "--idf"),
        (["keywords", "--plot", ""], "--plot"),
        (["lexicon", "--dict", ""], "--dict"),
        (["lexicon", "--user-dict", ""], "--user-dict"),
        (["lexicon", "--provenance", ""], "--provenance"),
    ],
)
def test_an_empty_file_name_in_an_option_is_a_usage_error(args: list[str], option: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, args
    assert one_line(result).startswith(f"reportcli: error: {option}: the file name is empty")


def test_lexicon_list_with_provenance_is_a_usage_error(tmp_path: Path) -> None:
    record = tmp_path / "p.json"
    result = invoke("lexicon", "--list", "--provenance", str(record))
    assert result.exit_code == 2 and "--provenance" in one_line(result)
    assert not record.exists()


def test_an_interrupted_xlsx_leaves_no_traceback_behind() -> None:
    script = textwrap.dedent(
        """
        import gc, io
        from reportcli.render import write_xlsx

        def rows():
            for i in range(1000):
                if i == 500:
                    raise KeyboardInterrupt
                yield {"a": i}

        try:
            write_xlsx(io.BytesIO(), ["a"], rows())
        except KeyboardInterrupt:
            pass
        gc.collect()
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full (a full disk)")
def test_xlsx_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.symlink_to("/dev/full")
    proc = subprocess.run([sys.executable, "-m", "reportcli", "info", "-o", str(target)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"reportcli: error: {target}: cannot write the output (No space left on device)")
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


_PARTIAL_RESULT = textwrap.dedent(
    """
    import multiprocessing, os, struct, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from reportcli.batch import _ignore_interrupts, _stop_workers

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupts)
        futures = [pool.submit(time.sleep, 30) for _ in range(6)]
        time.sleep(0.5)
        # what a worker killed half-way through writing its result leaves in the result pipe: a header that
        # promises 1000 bytes, and 3 of them; the pool's manager thread now waits for the other 997
        os.write(pool._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"abc")
        time.sleep(0.5)
        started = time.monotonic()
        _stop_workers(pool)
        print(f"stopped in {time.monotonic() - started:.1f} s", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked on POSIX only")
def test_stopping_workers_does_not_hang_on_a_half_written_result(tmp_path: Path) -> None:
    script = tmp_path / "partial.py"
    script.write_text(_PARTIAL_RESULT, encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=40)
    except subprocess.TimeoutExpired:
        pytest.fail("stopping the workers hung: the pool waited for the rest of a half-written result")
    assert proc.returncode == 0, proc.stderr
    assert "stopped in" in proc.stdout
    assert "Traceback" not in proc.stderr and "Exception" not in proc.stderr, proc.stderr


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c_with_workers_exits_130_with_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
    interrupted = 0
    for delay in (0.7, 1.1, 1.5):
        proc = subprocess.Popen([sys.executable, "-m", "reportcli", "lexicon", "-j", "4", "-q", "-f", "csv", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"Ctrl-C after {delay} s hung the run")
        if proc.returncode == 0:
            continue  # it finished before the signal came
        assert proc.returncode == 130, err
        assert err.decode().strip() == "reportcli: error: interrupted", err
        interrupted += 1
    assert interrupted, "every run finished before Ctrl-C: give it more files"
