"""The command line's shared behaviour: formats, -o, --excel, errors, exit codes, batch options."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from typer.testing import CliRunner

from reportcli.cli.app import app
from reportcli.render import neutralise


def run(runner: CliRunner, *args: str, input: bytes | str | None = None):  # noqa: ANN201
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_every_command_has_help(runner: CliRunner) -> None:
    result = run(runner, "--help")
    assert result.exit_code == 0
    names = [c.name for c in app.registered_commands]
    assert {"info", "sections"} <= set(names)
    for name in names:
        sub = run(runner, name, "--help")
        assert sub.exit_code == 0, name
        assert "--format" in sub.stdout and "--output" in sub.stdout, name
        command = next(c for c in app.registered_commands if c.name == name)
        assert command.callback.__doc__, f"{name} has no help text"


def test_no_path_means_the_seed(runner: CliRunner) -> None:
    result = run(runner, "info", "-f", "json")
    assert result.exit_code == 0
    row = json.loads(result.stdout)[0]
    assert row["file"] == "seed_report.txt"
    assert row["title"] == "绍兴市人民代表大会常务委员会工作报告"
    assert row["date"] == "2025-01-21"
    assert "第九届人民代表大会第五次会议" in row["meeting"]


def test_pipe_default_is_csv_without_bom_and_excel_adds_it(runner: CliRunner) -> None:
    plain = run(runner, "info")
    assert plain.stdout.startswith("file,format,encoding")
    excel = run(runner, "info", "--excel")
    assert excel.stdout.startswith("\ufefffile,")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "table"])
def test_formats(runner: CliRunner, fmt: str) -> None:
    result = run(runner, "sections", str(SEED), "-f", fmt)
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[0]["title"] == "2024年主要工作" and rows[0]["line"] == "23"
    elif fmt == "tsv":
        assert out.split("\n")[0].split("\t") == ["file", "level", "number", "title", "line"]
    elif fmt == "json":
        assert json.loads(out)[0]["level"] == 1
    elif fmt == "jsonl":
        assert json.loads(out.splitlines()[0])["number"] == "一、"
    else:
        assert "2024年主要工作" in out and "level" in out


def test_output_file_is_written_atomically_with_bom_for_csv(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    result = run(runner, "info", str(SEED), "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffile,format")
    assert not [p for p in tmp_path.iterdir() if p.name != "out.csv"], "temporary file left behind"
    xlsx = tmp_path / "out.xlsx"
    assert run(runner, "info", str(SEED), "-o", str(xlsx)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.cell(1, 1).value == "file" and sheet.cell(2, 8).value == "2025-01-21"


def test_output_to_missing_directory_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "info", "-o", str(tmp_path / "nope" / "out.csv"))
    assert result.exit_code == 2  # refused before any work, like --plot into a missing directory
    assert "directory does not exist" in result.stderr and "Traceback" not in result.stderr


def test_excel_neutralises_formula_text_cells_only() -> None:
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("-abc") == "'-abc"
    assert neutralise("@x") == "'@x"
    assert neutralise(-5) == -5
    assert neutralise("正文") == "正文"


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
        "undecodable": tmp_path / "latin.txt",
        "docx": tmp_path / "corrupt.docx",
        "pdf": tmp_path / "corrupt.pdf",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["undecodable"].write_bytes(("中文报告" * 30).encode("gbk") + b"\xff\xff\x80\x80" * 3)
    files["docx"].write_bytes(b"PK\x03\x04 broken zip")
    files["pdf"].write_bytes(b"%PDF-1.7\n not really")
    return files


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "undecodable", "docx", "pdf", "emptydir"])
def test_bad_input_gives_one_line_and_the_others_are_written(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    files = _bad_files(tmp_path)
    if kind == "missing":
        bad = tmp_path / "missing.txt"
    elif kind == "emptydir":
        bad = tmp_path / "nothing_here"
        bad.mkdir()
    else:
        bad = files[kind]
    other = tmp_path / "other_report.txt"
    other.write_bytes(SEED.read_bytes() + "\n附：另一份报告。\n".encode())  # (a copy of the seed would be warned about)
    result = run(runner, "info", str(SEED), str(bad), str(other), "-f", "csv")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reportcli: error: ") and str(bad) in lines[0] and "; " in lines[0]
    assert "Traceback" not in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and all(r["title"] for r in rows)


def test_unreadable_file(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("报告", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = run(runner, "info", str(target), str(SEED), "-j", "1")
    assert result.exit_code == 1
    assert "locked.txt: permission denied" in result.stderr
    assert "seed_report" in result.stdout


def test_stdin_is_read_only_for_dash(runner: CliRunner, seed_text: str) -> None:
    result = run(runner, "info", "-", "-f", "jsonl", input=seed_text.encode("gbk", errors="ignore"))
    row = json.loads(result.stdout)
    assert row["file"] == "<stdin>" and row["encoding"] == "gbk"
    # without '-', stdin is ignored and the seed is analysed
    other = run(runner, "info", "-f", "jsonl", input="不是报告")
    assert json.loads(other.stdout)["file"] == "seed_report.txt"


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["info", "--no-such-option"]).exit_code == 2
    assert runner.invoke(app, ["info", "-f", "docx"]).exit_code == 2
    bad_meta = runner.invoke(app, ["info", "--meta", "(unclosed"])
    assert bad_meta.exit_code == 2 and "--meta" in bad_meta.stderr


def test_meta_manifest_and_files_from(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    a = tmp_path / "2024_shaoxing_npc.txt"
    b = tmp_path / "2025_shaoxing_npc.txt"
    a.write_text(seed_text, encoding="utf-8")
    b.write_text(seed_text, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,level\n2024_shaoxing_npc.txt,city\n", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{a}\n{b}\n", encoding="utf-8")
    result = run(runner, "info", "--files-from", str(listing), "--meta", r"(?P<year>\d{4})_(?P<region>[a-z]+)",
                 "--manifest", str(manifest), "-f", "csv")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:4] == ["file", "year", "region", "level"]
    assert [(r["year"], r["region"], r["level"]) for r in rows] == [("2024", "shaoxing", "city"), ("2025", "shaoxing", "")]


def test_directory_expands_sorted(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    for name in ("b.txt", "a.md", "c.html", "skip.csv"):
        (tmp_path / name).write_text(seed_text if name != "c.html" else f"<p>{seed_text}</p><p>。</p>", encoding="utf-8")
    result = run(runner, "info", str(tmp_path), "-f", "csv", "-j", "2")
    files = [Path(r["file"]).name for r in csv.DictReader(io.StringIO(result.stdout))]
    assert files == ["a.md", "b.txt", "c.html"]


def test_cli_import_is_light() -> None:
    code = (
        "import sys, reportcli.cli.app; "
        "heavy = [m for m in ('pandas', 'jieba', 'rjieba', 'openpyxl', 'pypdfium2', 'selectolax', 'numpy', 'matplotlib', 'reportcli.plot') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    script = "import sys; from reportcli.cli.app import main; sys.argv=['reportcli','sections','-f','csv'] + [sys.argv[1]]*200; main()"
    proc = subprocess.Popen([sys.executable, "-c", script, str(SEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_output_never_overwrites_an_input(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    report = tmp_path / "report.txt"
    report.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(app, ["info", str(report), "-o", str(report)])
    assert result.exit_code == 2 and "also an input" in result.stderr
    assert report.read_text(encoding="utf-8") == seed_text


def test_no_written_file_is_an_input(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    report = tmp_path / "report.txt"
    report.write_text(seed_text, encoding="utf-8")
    provenance = runner.invoke(app, ["lexicon", str(report), "--provenance", str(report), "-f", "csv"])
    assert provenance.exit_code == 2 and "--provenance file is also an input" in provenance.stderr
    assert report.read_text(encoding="utf-8") == seed_text
    same = runner.invoke(app, ["facts", "-o", str(tmp_path / "x.svg"), "-f", "csv", "--plot", str(tmp_path / "x.svg")])
    assert same.exit_code == 2 and "would write the same file" in same.stderr


def test_output_through_a_link_or_into_a_fifo(runner: CliRunner, tmp_path: Path) -> None:
    import os
    import threading

    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert runner.invoke(app, ["info", "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8-sig").startswith("file,")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["info", "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0 and got and got[0].decode("utf-8-sig").startswith("file,")
    assert fifo.is_fifo()  # still a FIFO, not replaced by a regular file


def test_manifest_errors_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["info", "--manifest", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and "manifest not found" in missing.stderr and "Traceback" not in missing.stderr
    header_only = tmp_path / "m.csv"
    header_only.write_text("file,region\n", encoding="utf-8")
    empty = runner.invoke(app, ["info", "--manifest", str(header_only)])
    assert empty.exit_code == 2 and "no rows" in empty.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
def test_full_disk_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "reportcli", "facts", "-f", "csv"], stdout=full,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 1 and "No space left" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_output_path_errors(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["info", "-o", str(folder), "-f", "csv"])
    assert result.exit_code == 2 and "is a directory" in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == [] and [p.name for p in tmp_path.iterdir()] == ["out"]
    unknown = runner.invoke(app, ["info", "-o", str(tmp_path / "x.parquet")])
    assert unknown.exit_code == 2 and ".parquet" in unknown.stderr


def test_column_name_clashes_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["info", "--meta", r"(?P<title>\w+)"]).exit_code == 2
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,year\nseed_report.txt,2025\n", encoding="utf-8")
    clash = runner.invoke(app, ["info", "--meta", r"(?P<year>\d{4})", "--manifest", str(manifest)])
    assert clash.exit_code == 2 and "year" in clash.stderr


def test_manifest_in_gbk(runner: CliRunner, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_bytes("file,区域\nseed_report.txt,华东\n".encode("gbk"))
    result = runner.invoke(app, ["info", "--manifest", str(manifest), "-f", "csv"])
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["区域"] == "华东"


def test_fail_fast_on_a_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(tmp_path / "missing.txt"), str(SEED), "--fail-fast", "-f", "csv"])
    assert result.exit_code == 1 and result.stdout == ""


def test_terminal_table_fits_by_hiding_low_priority_columns() -> None:
    from reportcli.render import RowWriter

    buffer = io.StringIO()
    writer = RowWriter(buffer, ["file", "line", "value", "subject", "sentence"], "table", console_width=60)
    writer.write({"file": "a.txt", "line": 3, "value": 4.4e12, "subject": "生产总值", "sentence": "很长的句子" * 20})
    writer.close()
    out = buffer.getvalue()
    assert "4400000000000" in out and "生产总值" in out
    assert "not shown" in out and "sentence" in out.split("not shown", 1)[1]
    assert max(len(line) for line in out.splitlines()) <= 60


def test_tiny_p_values_are_not_rounded_to_zero() -> None:
    from reportcli.render import render_chunk

    chunk = render_chunk(["p", "rate"], [{"p": 1.29e-29, "rate": 48.823529411}], "csv")
    assert chunk.text == "1.29e-29,48.82352941\n"


def test_parse_errors_are_one_line_with_exit_2() -> None:
    for args in (["facts", "--bogus"], ["facts", "-f", "xx"], ["kwic"], ["keywords", "--pos", "ZZZ"]):
        proc = subprocess.run([sys.executable, "-m", "reportcli", *args], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 2, args
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("reportcli: error: "), (args, proc.stderr)
    bare = subprocess.run([sys.executable, "-m", "reportcli"], capture_output=True, text=True, cwd=ROOT)
    assert bare.returncode == 2 and "Commands:" in bare.stderr + bare.stdout


def test_manifest_paths_are_relative_to_the_manifest(runner: CliRunner, tmp_path: Path, seed_text: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    (tmp_path / "corpus" / "2025").mkdir(parents=True)
    report = tmp_path / "corpus" / "2025" / "a.txt"
    report.write_text(seed_text, encoding="utf-8")
    (tmp_path / "corpus" / "m.csv").write_text("file,region\n2025/a.txt,浙江\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(seed_text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["info", "corpus/2025/a.txt", "b.txt", "--manifest", "corpus/m.csv", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["region"] for r in rows] == ["浙江", ""]
    assert "1 of 2 files have no row in the manifest" in result.stderr and "b.txt" in result.stderr


def test_xlsx_keeps_text_exact_and_never_a_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reportcli.render import RowWriter, write_xlsx

    path = tmp_path / "x.xlsx"
    write_xlsx(path, ["a", "b"], [{"a": "=HYPERLINK(\"http://x\")", "b": "-3.2%"}, {"a": "@x", "b": 2.5}])
    rows = [[(c.value, c.data_type) for c in r] for r in load_workbook(path).active.iter_rows()]
    assert rows[1] == [("=HYPERLINK(\"http://x\")", "s"), ("-3.2%", "s")]
    assert rows[2] == [("@x", "s"), (2.5, "n")]
    out = io.StringIO()
    writer = RowWriter(out, ["a"], "jsonl", excel=True)
    writer.write({"a": "=1+1"})
    assert json.loads(out.getvalue())["a"] == "=1+1"  # --excel is for CSV/TSV only


def test_meta_whole_numbers_are_numbers_in_json(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    report = tmp_path / "r_2025_0571.txt"
    report.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(app, ["info", str(report), "--meta", r"_(?P<year>\d{4})_(?P<code>\d+)", "-f", "json"])
    row = json.loads(result.stdout)[0]
    assert row["year"] == 2025 and row["code"] == "0571"


def test_no_output_replaces_a_file_the_command_reads(runner: CliRunner, tmp_path: Path) -> None:
    user_dict = tmp_path / "ud.txt"
    user_dict.write_text("局长·代表面对面 nz\n", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SEED}\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file\nseed_report.txt\n", encoding="utf-8")
    for args, target in ((["segment", "--dict", str(user_dict)], user_dict), (["info", "--files-from", str(listing)], listing),
                         (["info", "--manifest", str(manifest)], manifest)):  # fmt: skip
        before = target.read_text(encoding="utf-8")
        result = runner.invoke(app, [*args, "-o", str(target), "-f", "csv"])
        assert result.exit_code == 2 and "also an input" in result.stderr, args
        assert target.read_text(encoding="utf-8") == before
    only_files = runner.invoke(app, ["info", "--manifest", str(manifest), "-f", "csv"])
    assert only_files.exit_code == 0 and "no row" not in only_files.stderr


def test_a_directory_skips_its_own_documentation(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "2025_report.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "README.md").write_text("# 说明\n本目录收录报告。\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("# 来源\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("说明\n", encoding="utf-8")
    result = runner.invoke(app, ["info", str(tmp_path), "-f", "csv"])
    assert [r["file"].rsplit("/", 1)[-1] for r in csv.DictReader(io.StringIO(result.stdout))] == ["2025_report.txt"]
    named = runner.invoke(app, ["info", str(tmp_path / "README.md"), "-f", "csv"])
    assert named.exit_code == 0 and "README.md" in named.stdout


def test_shipped_data_is_never_written(runner: CliRunner) -> None:
    from reportcli.text.dictionary import lexicon_path

    seed = lexicon_path().parent / "seed_report.txt"
    before = seed.read_bytes()
    result = runner.invoke(app, ["facts", "-o", str(seed), "-f", "csv"])
    assert result.exit_code == 2 and "reportcli's own data" in result.stderr
    assert seed.read_bytes() == before


def test_xlsx_drops_control_characters(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reportcli.render import write_xlsx

    path = tmp_path / "x.xlsx"
    write_xlsx(path, ["a"], [{"a": "第一页\f第二页\x0b"}])
    assert load_workbook(path).active["A2"].value == "第一页 第二页 "


def test_csv_to_a_device_has_no_bom() -> None:
    proc = subprocess.run([sys.executable, "-m", "reportcli", "info", "-o", "/dev/stdout", "-f", "csv"],
                          capture_output=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.startswith(b"file,")
