"""Bad dictionary and stopword files on the command line: one line naming file, cause and remedy."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcli.cli.app import app


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (bytes(range(256)) * 4, "binary"),
        (b"", "empty"),
        (b"\x81\x20\xff\xfe\x80\xff" * 40, "binary|undecodable"),
        (b"# only a comment\n", "no terms"),
    ],
)
def test_unusable_dictionary_is_one_line(runner: CliRunner, tmp_path: Path, content: bytes, cause: str) -> None:
    bad = tmp_path / "user.dict"
    bad.write_bytes(content)
    result = runner.invoke(app, ["segment", "--dict", str(bad)])
    assert result.exit_code == 2  # an unusable file named in an option is a usage error
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"reportcli: error: {bad}: ")
    import re

    assert re.search(cause, lines[0])


def test_invalid_lines_are_reported_and_skipped(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_bytes("产城人文融合 100 nz\r\n词 10 nz 5\r\n局长·代表面对面\r\n".encode("gbk"))
    result = runner.invoke(app, ["segment", "--dict", str(path), "-v", "-f", "csv"])
    assert result.exit_code == 0
    assert f"{path}:2: " in result.stderr
    assert "2 terms" in result.stderr and "1 skipped" in result.stderr
    assert ",局长·代表面对面," in result.stdout


def test_missing_dictionary_and_stopword_file(runner: CliRunner, tmp_path: Path) -> None:
    for option in ("--dict", "--stopwords"):
        result = runner.invoke(app, ["keywords", option, str(tmp_path / "nope.txt")])
        assert result.exit_code == 2, option  # a usage error, like a missing --manifest
        assert "nope.txt" in result.stderr and "Traceback" not in result.stderr
