"""The package passes ruff (with the lazy-import ban) and mypy, as STYLE.md asks."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    exe = __import__("pathlib").Path(sys.executable).parent / name
    if exe.exists():
        return str(exe)
    if not path:
        pytest.skip(f"{name} is not installed (pip install '.[test]')")
    return path


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "reportcli", "tests", "scripts", "bench"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy"), "reportcli"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
