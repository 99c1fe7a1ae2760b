"""The README is the manual: its two set-up commands are .ci/run's, and its CLI reference is current."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in readme.split("```bash\n", 1)[1].split("```", 1)[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert "reportcli info" in commands[0] and "pytest" in commands[1]
    assert commands[1] in ci.splitlines()


def test_cli_reference_matches_help() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_every_command_is_documented() -> None:
    from reportcli.cli.app import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        assert f"reportcli {command.name}" in readme, command.name
