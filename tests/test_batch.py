"""Batch runs: input order whatever the number of workers, bad files reported, others written."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import SEED
from typer.testing import CliRunner

from reportcli.batch import Source, run_batch
from reportcli.cli.app import app


def _corpus_files(corpus: Path) -> list[str]:
    files = sorted(str(p) for p in corpus.glob("*/*.txt") if not p.parent.name.startswith("derived"))
    assert len(files) == 137
    return files


@pytest.mark.parametrize("command", ["facts", "keywords"])
def test_jobs_1_and_2_give_byte_identical_output(runner: CliRunner, corpus: Path, tmp_path: Path, command: str) -> None:
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(_corpus_files(corpus)), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(app, [command, "--files-from", str(listing), "-j", jobs, "-q", "-f", "csv"])
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout_bytes)
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 10_000


def test_missing_and_binary_among_good_files(runner: CliRunner, tmp_path: Path) -> None:
    good = [tmp_path / f"{i}.txt" for i in range(3)]
    for i, path in enumerate(good):  # three reports, not one report three times (that is warned about)
        path.write_bytes(SEED.read_bytes() + f"\n附：第{i}份。\n".encode())
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "missing.txt"
    args = [str(good[0]), str(missing), str(good[1]), str(binary), str(good[2])]
    result = runner.invoke(app, ["facts", *args, "-j", "2", "-f", "csv", "--kind", "count"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2, result.stderr
    assert "missing.txt" in errors[0] and "no such file" in errors[0]
    assert "image.txt" in errors[1] and "binary" in errors[1]
    files = {row["file"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert files == {str(p) for p in good}


def test_fail_fast_stops_at_the_first_failure(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["info", str(bad), str(SEED), "--fail-fast", "-j", "1", "-f", "csv"])
    assert result.exit_code == 1
    assert "--fail-fast" in result.stderr
    assert "seed_report" not in result.stdout


def _count_chars(doc: object) -> int:
    return len(doc.text)  # type: ignore[attr-defined]


def test_run_batch_keeps_input_order_with_workers() -> None:
    sources = [Source(f"{i}", str(SEED)) for i in range(9)]
    results = list(run_batch(sources, _count_chars, jobs=3))
    assert [r.name for r in results] == [str(i) for i in range(9)]
    assert len({r.value for r in results}) == 1


def test_stopping_the_workers_puts_the_ctrl_c_handler_back() -> None:
    # The CLI ignores a second Ctrl-C while it stops the workers; a notebook's next Ctrl-C must still work.
    import signal
    from concurrent.futures import ProcessPoolExecutor

    from reportcli.batch import _stop_workers

    before = signal.getsignal(signal.SIGINT)
    pool = ProcessPoolExecutor(max_workers=1)
    pool.submit(abs, -1).result()
    _stop_workers(pool)
    assert signal.getsignal(signal.SIGINT) is before
