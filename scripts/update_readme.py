"""Regenerate the README's example outputs and its CLI reference from the installed reportcli.

    .venv/bin/python scripts/update_readme.py          # rewrite README.md in place
    .venv/bin/python scripts/update_readme.py --check  # exit 1 if the CLI reference is out of date

Blocks between ``<!-- run: COMMAND -->`` and ``<!-- end -->`` get the output of COMMAND (run by
bash in the repository root, with .venv/bin first on PATH); blocks between
``<!-- help: NAME -->`` and ``<!-- end -->`` get ``reportcli NAME --help``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- (run|help): (.*?) -->\n)(.*?)(<!-- end -->)", re.S)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"
    env["TERM"] = "dumb"
    return env


def help_text(name: str) -> str:
    args = ["reportcli", *([] if name == "reportcli" else [name]), "--help"]
    out = subprocess.run(args, capture_output=True, text=True, env=_env(), cwd=ROOT, check=True).stdout
    return "\n".join(line.rstrip() for line in out.splitlines()).strip() + "\n"


def run_text(command: str) -> str:
    out = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=_env(), cwd=ROOT)
    text = "\n".join(line.rstrip() for line in out.stdout.splitlines()).strip()
    return text + "\n"


def render(text: str, *, runs: bool = True) -> str:
    def replace(match: re.Match[str]) -> str:
        head, kind, arg, _, end = match.groups()
        if kind == "help":
            body = f"```text\n$ reportcli {'' if arg == 'reportcli' else arg + ' '}--help\n{help_text(arg)}```\n"
        elif runs:
            body = f"```console\n$ {arg}\n{run_text(arg)}```\n"
        else:
            return match.group(0)
        return head + body + end

    return BLOCK.sub(replace, text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    if "--check" in sys.argv:
        fresh = render(text, runs=False)
        if fresh != text:
            sys.stderr.write("README.md: the CLI reference is out of date; run scripts/update_readme.py\n")
            return 1
        return 0
    README.write_text(render(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
