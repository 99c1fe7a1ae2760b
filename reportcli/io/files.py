"""Reading the small text files users give to options (dictionaries, IDF tables, stopword lists)."""

from __future__ import annotations

from pathlib import Path

from reportcli.errors import ReportError


def read_option_file(path: str | Path, what: str, remedy: str, error: type[ReportError] = ReportError) -> tuple[str, str, bytes]:
    """Read and decode a user's file; return ``(text, encoding, raw bytes)``.

    ``what`` names the file in messages ("dictionary file", "IDF file"), ``remedy`` says what a usable
    one looks like. Every problem — missing, a directory, unreadable, empty, binary, undecodable — is
    raised as ``error`` with a one-line message naming the file, the cause and the remedy.
    """
    from reportcli.io.decode import decode_bytes

    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(shown, f"{what} not found", "check the path") from None
    except IsADirectoryError:
        raise error(shown, f"is a directory, not {'an' if what[:1] in 'AEIOU' else 'a'} {what}", remedy) from None
    except OSError as exc:
        raise error(shown, f"cannot read the {what} ({exc.strerror or exc})", "check its permissions") from None
    if not data.strip():
        raise error(shown, f"empty {what}", remedy)
    try:
        text, encoding = decode_bytes(data, shown)
    except ReportError as exc:
        article = "an" if what[:1] in "AEIOU" else "a"
        raise error(shown, exc.cause.replace("a text report", f"{article} {what}"), remedy) from None
    return text, encoding, data
