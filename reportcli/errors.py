"""Errors a user can cause, and the exit codes of the command line.

Every error a user can cause (a missing file, undecodable bytes, a corrupt .docx, a bad
dictionary line) is a :class:`ReportError`: its message is one line naming the file, the
cause and what to do. The CLI prints it as ``reportcli: error: <message>``; it never shows a
traceback for one.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of ``reportcli`` (see the README's "Exit codes")."""

    OK = 0
    FAILURE = 1  # a runtime failure, including: some files of a batch failed
    USAGE = 2  # a usage error: bad option, bad argument
    INTERRUPTED = 130  # Ctrl-C


class ReportError(Exception):
    """A problem with an input the user gave: one line, naming the file, the cause and the remedy."""

    def __init__(self, path: str, cause: str, remedy: str = "") -> None:
        self.path = path
        self.cause = cause
        self.remedy = remedy
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.path}: {self.cause}" if self.path else self.cause
        return f"{text}; {self.remedy}" if self.remedy else text


class UsageError(ReportError):
    """A problem with how reportcli was called (exit code 2)."""
