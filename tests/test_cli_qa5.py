"""QA round 5 of the command line: Ctrl-C while the program is still importing; text piped in without
``-``; copies of one report in a folder (and --exclude); help texts that say what they mean; kwic with no
match."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEED, need_corpus
from typer.testing import CliRunner

from reportcli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
NOTE_STDIN = ("reportcli: note: no PATH given: analysing the bundled seed report, not standard input; to read "
              "standard input, give - as the path")  # fmt: skip


def invoke(*args: str) -> object:
    return runner.invoke(app, list(args))


def entry_point() -> tuple[str, str]:
    """The console script ``reportcli`` as pyproject.toml declares it: (module, function)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^\[project\.scripts\]\s*\nreportcli\s*=\s*"([\w.]+):(\w+)"', text, re.M)
    assert found, "pyproject.toml declares no reportcli console script"
    return found.group(1), found.group(2)


def run_python(code: str, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, **kwargs)  # type: ignore[call-overload]  # fmt: skip


def reportcli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m reportcli ARGS``: a real process, with real standard streams."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "reportcli", *args], cwd=ROOT, timeout=120, **kwargs)  # type: ignore[call-overload]


# A finder that sends this process a real SIGINT when typer (the first heavy import) is about to be imported:
# Ctrl-C pressed while the command line is still starting.
_CTRL_C_WHILE_IMPORTING = """
import os, signal, sys, time
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler raises KeyboardInterrupt here
        return None
sys.meta_path.insert(0, CtrlC())
"""


# ----------------------------------------------------------------------------- 1. Ctrl-C at start-up
def test_ctrl_c_while_the_console_script_imports_is_one_line_and_130() -> None:
    module, function = entry_point()
    code = _CTRL_C_WHILE_IMPORTING + (
        "import importlib; sys.argv = ['reportcli', 'facts']\n"
        f"main = getattr(importlib.import_module({module!r}), {function!r})\n"
        "sys.exit(main())\n"
    )
    result = run_python(code)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "reportcli: error: interrupted\n"
    assert result.stdout == ""


def test_ctrl_c_while_python_m_reportcli_imports_is_one_line_and_130() -> None:
    code = _CTRL_C_WHILE_IMPORTING + "import runpy; sys.argv = ['reportcli', 'facts']; runpy.run_module('reportcli', run_name='__main__')\n"
    result = run_python(code)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "reportcli: error: interrupted\n"


def test_the_entry_module_imports_nothing_heavy() -> None:
    module, function = entry_point()
    code = (f"import sys, {module}; assert callable({module}.{function}); "
            "print(','.join(m for m in ('typer', 'click', 'rich', 'pandas', 'reportcli.cli.app') if m in sys.modules))")  # fmt: skip
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_python_m_reportcli_runs_the_same_program() -> None:
    version = reportcli("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("reportcli ")
    bad = reportcli("facts", "--no-such-option")
    assert bad.returncode == 2
    assert bad.stderr.decode().count("\n") == 1 and "Traceback" not in bad.stderr.decode()


# ----------------------------------------------------------------------------- 2. text piped in without '-'
def test_piped_text_without_a_path_gets_a_note_and_the_seed_is_analysed() -> None:
    result = reportcli("facts", "-f", "csv", input="今年GDP增长5%。".encode())
    assert result.returncode == 0
    assert result.stderr.decode().splitlines() == [NOTE_STDIN]
    files = {row["file"] for row in csv.DictReader(io.StringIO(result.stdout.decode()))}
    assert files == {"seed_report.txt"}  # unchanged: stdin is read only when the path is -


def test_the_stdin_note_is_silenced_by_q_and_absent_with_a_dash() -> None:
    quiet = reportcli("facts", "-q", "-f", "csv", input="今年GDP增长5%。".encode())
    assert quiet.returncode == 0 and quiet.stderr == b""
    dash = reportcli("facts", "-", "-f", "csv", input="今年GDP增长5%。".encode())
    assert dash.returncode == 0 and dash.stderr == b""
    assert "<stdin>" in dash.stdout.decode()


def test_a_file_redirected_into_stdin_gets_the_note(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("今年GDP增长5%。\n", encoding="utf-8")
    with report.open("rb") as handle:
        result = reportcli("info", "-f", "csv", stdin=handle)
    assert result.returncode == 0 and result.stderr.decode().splitlines() == [NOTE_STDIN]


def test_no_note_when_stdin_has_nothing_to_say(tmp_path: Path) -> None:
    # /dev/null (cron, CI), an empty file, and a pipe that its writer keeps open without writing (a harness)
    assert reportcli("info", "-f", "csv", stdin=subprocess.DEVNULL).stderr == b""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with empty.open("rb") as handle:
        assert reportcli("info", "-f", "csv", stdin=handle).stderr == b""
    read_end, write_end = os.pipe()
    try:
        assert reportcli("info", "-f", "csv", stdin=read_end).stderr == b""
    finally:
        os.close(read_end)
        os.close(write_end)


def test_files_named_on_the_command_line_get_no_stdin_note() -> None:
    result = reportcli("info", str(SEED), "-f", "csv", input=b"something")
    assert result.returncode == 0 and result.stderr == b""


# ----------------------------------------------------------------------------- 3. copies in a batch, --exclude
def _docx(paragraphs: list[str]) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>')
    return buffer.getvalue()


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """A: a report and its .docx copy in raw/docx/ (the way report collections keep their sources); B: another report."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(lines) // 2
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "raw" / "docx").mkdir(parents=True)
    b.mkdir()
    (a / "2025_x.txt").write_text("\n\n".join(lines[:half]) + "\n", encoding="utf-8")
    (a / "raw" / "docx" / "2025_x.docx").write_bytes(_docx(lines[:half]))
    (b / "2025_y.txt").write_text("\n".join(lines[half:]) + "\n", encoding="utf-8")
    return a, b


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("reportcli: warning:")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_copy_in_a_folder_is_named_once(tmp_path: Path, jobs: str) -> None:
    a, b = _folders(tmp_path)
    result = invoke("compare", "--a", str(a), "--b", str(b), "-f", "csv", "-j", jobs, "--min-count", "2")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    warnings = _warnings(result.stderr)  # type: ignore[attr-defined]
    assert warnings == [f"reportcli: warning: {a / 'raw' / 'docx' / '2025_x.docx'} has the same text as {a / '2025_x.txt'}: "
                        "the report is counted twice; leave the copies out (--exclude GLOB, or name the files to read)"]  # fmt: skip


def test_one_warning_per_group_of_copies(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(text if name != "c.md" else text.replace("\n", "\n\n  "), encoding="utf-8")
    (tmp_path / "other.txt").write_text(text[: len(text) // 2], encoding="utf-8")
    result = invoke("info", str(tmp_path), "-f", "csv", "-j", "2")
    assert result.exit_code == 0
    warnings = _warnings(result.stderr)  # type: ignore[attr-defined]
    assert len(warnings) == 1
    assert f"{tmp_path / 'b.txt'}, {tmp_path / 'c.md'} have the same text as {tmp_path / 'a.txt'}" in warnings[0]
    assert "three times" in warnings[0] and "other.txt" not in warnings[0]


def test_the_copy_warning_is_not_silenced_by_q_nor_by_a_failed_file(tmp_path: Path) -> None:
    a, _ = _folders(tmp_path)
    quiet = invoke("info", str(a), "-q", "-f", "csv")
    assert quiet.exit_code == 0 and len(_warnings(quiet.stderr)) == 1  # type: ignore[attr-defined]
    failed = invoke("info", str(a), str(tmp_path / "missing.txt"), "-f", "csv")
    assert failed.exit_code == 1
    lines = failed.stderr.splitlines()  # type: ignore[attr-defined]
    assert f"reportcli: error: {tmp_path / 'missing.txt'}: no such file or directory; check the path" in lines
    assert len(_warnings(failed.stderr)) == 1  # type: ignore[attr-defined]


def test_many_groups_of_copies_are_summed_up_after_ten(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(f"第{i}份。\n{text}", encoding="utf-8")
        (tmp_path / "raw").mkdir(exist_ok=True)
        (tmp_path / "raw" / f"{i:02d}.md").write_text(f"第{i}份。\n\n{text}", encoding="utf-8")
    result = invoke("info", str(tmp_path), "-f", "csv", "-j", "2")
    warnings = _warnings(result.stderr)  # type: ignore[attr-defined]
    assert len(warnings) == 11 and warnings[-1].startswith("reportcli: warning: 2 more reports are read more than once")
    assert len(_warnings(invoke("info", str(tmp_path), "-f", "csv", "-v").stderr)) == 12  # type: ignore[attr-defined]


def test_different_reports_and_one_file_given_twice_get_no_copy_warning(tmp_path: Path) -> None:
    _, b = _folders(tmp_path)
    assert _warnings(invoke("info", str(SEED), str(b), "-f", "csv").stderr) == []  # type: ignore[attr-defined]
    twice = _warnings(invoke("info", str(SEED), str(SEED), "-f", "csv").stderr)  # type: ignore[attr-defined]
    assert twice == [f"reportcli: warning: {SEED} is given more than once; it is read each time"]


def test_exclude_leaves_the_copy_out(tmp_path: Path) -> None:
    a, b = _folders(tmp_path)
    for pattern in ("raw", "raw/*", "*.docx", "docx"):
        result = invoke("info", str(a), "--exclude", pattern, "-f", "csv")
        assert result.exit_code == 0, (pattern, result.stderr)  # type: ignore[attr-defined]
        assert result.stderr == ""  # type: ignore[attr-defined]
        assert [row["file"] for row in csv.DictReader(io.StringIO(result.stdout))] == [str(a / "2025_x.txt")]  # type: ignore[attr-defined]
    compared = invoke("compare", "--a", str(a), "--b", str(b), "--exclude", "raw", "-f", "csv", "--min-count", "2")
    assert compared.exit_code == 0 and _warnings(compared.stderr) == []  # type: ignore[attr-defined]


def test_exclude_matches_files_named_on_their_own_and_is_repeatable(tmp_path: Path) -> None:
    a, _ = _folders(tmp_path)
    result = invoke("info", str(SEED), str(a), "--exclude", "seed_*", "--exclude", "*.docx", "-f", "csv")
    assert result.exit_code == 0
    assert [row["file"] for row in csv.DictReader(io.StringIO(result.stdout))] == [str(a / "2025_x.txt")]  # type: ignore[attr-defined]


def test_exclude_that_leaves_nothing_is_an_error(tmp_path: Path) -> None:
    a, _ = _folders(tmp_path)
    folder = invoke("info", str(a), "--exclude", "*", "-f", "csv")
    assert folder.exit_code == 1
    assert folder.stderr.strip() == (f"reportcli: error: {a}: --exclude leaves out all 2 report files of this "  # type: ignore[attr-defined]
                                     "directory; check the --exclude patterns")  # fmt: skip
    named = invoke("info", str(SEED), "--exclude", "*.txt", "-f", "csv")
    assert named.exit_code == 2 and "--exclude leaves out every input" in named.stderr  # type: ignore[attr-defined]
    empty = invoke("info", str(a), "--exclude", "", "-f", "csv")
    assert empty.exit_code == 2 and "--exclude: the pattern is empty" in empty.stderr  # type: ignore[attr-defined]


def test_is_excluded_rules() -> None:
    from reportcli.batch import is_excluded

    assert is_excluded("raw/docx/x.docx", ["raw"]) and is_excluded("raw/docx/x.docx", ["docx"])
    assert is_excluded("raw/docx/x.docx", ["raw/*"]) and is_excluded("raw/docx/x.docx", ["raw/docx"])
    assert is_excluded("raw/docx/x.docx", ["*.docx"]) and is_excluded("x_partial.txt", ["*_partial*"])
    assert not is_excluded("2025_x.txt", ["raw", "*.docx", "raw/*"])
    assert not is_excluded("rawdata/x.txt", ["raw"]) and not is_excluded("a/raw/x.txt", ["raw/*"])
    assert not is_excluded("x.txt", [])


def test_text_digest_ignores_whitespace_only() -> None:
    from reportcli.batch import text_digest

    assert text_digest("一、总体要求\n\n  全年增长5%。\r\n") == text_digest("一、总体要求 全年增长5%。")
    assert text_digest("全年增长5%。") != text_digest("全年增长6%。")


def test_the_corpus_docx_copy_is_named(tmp_path: Path) -> None:
    """The QA case: a province's .txt and the .docx it was extracted from, in one folder."""
    folder = need_corpus() / "alexzhu0-government_report_rag_provincial_2025_docx"
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "raw" / "docx").mkdir(parents=True)
    b.mkdir()
    (a / "2025_x.txt").write_bytes((folder / "2025_shanghai_gov-work-report.txt").read_bytes())
    (a / "raw" / "docx" / "2025_x.docx").write_bytes((folder / "raw" / "docx" / "2025年上海市政府工作报告.docx").read_bytes())
    (b / "2025_y.txt").write_bytes((folder / "2025_yunnan_gov-work-report.txt").read_bytes())
    result = invoke("compare", "--a", str(a), "--b", str(b), "-f", "csv", "-n", "3")
    assert result.exit_code == 0
    assert _warnings(result.stderr) == [  # type: ignore[attr-defined]
        f"reportcli: warning: {a / 'raw' / 'docx' / '2025_x.docx'} has the same text as {a / '2025_x.txt'}: the report "
        "is counted twice; leave the copies out (--exclude GLOB, or name the files to read)"]  # fmt: skip


# ----------------------------------------------------------------------------- 4. help texts
def _help(*command: str) -> str:
    result = subprocess.run([sys.executable, "-m", "reportcli", *command, "--help"], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "COLUMNS": "80", "TERM": "dumb"}, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())  # wrapping aside


def _option_help(text: str, option: str, following: str) -> str:
    return text.split(option, 1)[1].split(following, 1)[0]


def test_jobs_help_says_its_default() -> None:
    jobs = _option_help(_help("facts"), "-j, --jobs", "--fail-fast")
    assert "Default: 0, one per core" in jobs


def test_kwic_segmentation_options_say_they_need_whole_token() -> None:
    text = _help("kwic")
    for option, following in (("--engine", "--hmm"), ("--hmm", "--dict"), ("--dict", "--no-lexicon"),
                              ("--no-lexicon", "-f, --format")):  # fmt: skip
        assert "With --whole-token:" in _option_help(text, option, following), option
    # in keywords they act always: no such words there
    assert "With --whole-token" not in _help("keywords")


def test_kwic_segmentation_options_without_whole_token_get_a_note() -> None:
    result = invoke("kwic", "发展", "--hmm", "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr == ("reportcli: note: --hmm acts only with --whole-token; the search itself does not "  # type: ignore[attr-defined]
                             "segment the text\n")  # fmt: skip
    assert invoke("kwic", "发展", "--hmm", "--whole-token", "-f", "csv").stderr == ""  # type: ignore[attr-defined]


def test_kwic_without_whole_token_builds_no_segmenter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportcli.cli import _common

    def no(self: object, *args: object) -> None:
        raise AssertionError("a segmenter was built")

    monkeypatch.setattr(_common.SegOptions, "segmenter", no)
    a, b = _folders(tmp_path)
    result = runner.invoke(app, ["kwic", "发展", str(a), str(b), "-j", "2", "-f", "csv"], catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout.count("\n") > 3


def test_segment_stopword_options_say_they_need_drop_stopwords() -> None:
    text = _help("segment")
    no_stopwords = _option_help(text, "--no-stopwords", "-f, --format")
    assert "in counts" not in no_stopwords and "With --drop-stopwords" in no_stopwords
    assert "--drop-stopwords" in _option_help(text, "--stopwords FILE", "--no-stopwords")
    assert "in counts" in _option_help(_help("keywords"), "--no-stopwords", "-f, --format")  # there it is right
    note = invoke("segment", "--no-stopwords")
    assert note.exit_code == 0
    assert note.stderr == ("reportcli: note: --no-stopwords acts only with --drop-stopwords (segment keeps every "  # type: ignore[attr-defined]
                           "token otherwise)\n")  # fmt: skip


def test_segment_help_lists_xlsx_and_xlsx_works(tmp_path: Path) -> None:
    assert "csv|tsv|json|jsonl|xlsx|table" in _help("segment")
    out = tmp_path / "tokens.xlsx"
    result = invoke("segment", "-o", str(out))
    assert result.exit_code == 0 and out.read_bytes()[:2] == b"PK"
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    assert [cell.value for cell in sheet[1]] == ["file", "line", "start", "end", "token", "pos"]


def test_terms_help_defines_every_category() -> None:
    from reportcli.facts.terms import TERM_CATEGORIES

    result = subprocess.run([sys.executable, "-m", "reportcli", "terms", "--help"], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "COLUMNS": "80"}, timeout=60)  # fmt: skip
    listed = re.findall(r"^ {4}(\w+) {2,}\S", result.stdout, re.M)
    assert listed == list(TERM_CATEGORIES)


def test_top_level_help_gives_exit_codes_and_whole_summaries() -> None:
    result = subprocess.run([sys.executable, "-m", "reportcli", "--help"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "COLUMNS": "80"}, timeout=60)  # fmt: skip
    text = result.stdout
    assert re.search(r"Exit codes: 0 success; 1 .*2 a usage error; 130 interrupted\.", " ".join(text.split()))
    commands = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    names = [c.name for c in app.registered_commands]
    assert [line.split()[0] for line in commands] == names  # one line each: nothing wrapped
    for line, command in zip(commands, app.registered_commands):
        assert command.short_help and line.split(None, 1)[1] == command.short_help, line
        assert not line.rstrip().endswith(("...", "…")), line


# ----------------------------------------------------------------------------- 5. kwic with no match
def test_kwic_without_a_match_says_so() -> None:
    result = invoke("kwic", "不存在的词语", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == "file,line,section,left,match,right\n"  # type: ignore[attr-defined]
    assert result.stderr == "reportcli: note: no match for '不存在的词语' in the body of the seed report\n"  # type: ignore[attr-defined]
    assert invoke("kwic", "不存在的词语", "-f", "csv", "-q").stderr == ""  # type: ignore[attr-defined]
    assert invoke("kwic", "发展", "-f", "csv").stderr == ""  # type: ignore[attr-defined]


def test_kwic_without_a_match_in_several_files(tmp_path: Path) -> None:
    a, b = _folders(tmp_path)
    result = invoke("kwic", "不存在的词语", str(a / "2025_x.txt"), str(b), "-f", "json", "--whole-token")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [  # type: ignore[attr-defined]
        "reportcli: note: no match for '不存在的词语' in the body of any of the 2 reports (--whole-token leaves out "
        "matches inside longer words)"]  # fmt: skip
