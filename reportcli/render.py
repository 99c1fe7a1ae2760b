"""The output layer: one place that writes rows as a table, CSV, TSV, JSON, JSON Lines or XLSX.

Rows stream to the output where the format allows (csv, tsv, jsonl, json); the formats that need
the whole table (a Rich table, xlsx) gather it first. Commands never print rows themselves.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "xlsx")
_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".jsonl": "jsonl",
               ".ndjson": "jsonl", ".xlsx": "xlsx", ".txt": "tsv"}  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_for(output: str | None, fmt: str | None, stdout_is_tty: bool) -> str:
    """The format to write: ``--format`` wins; else the output file's extension; else table on a
    terminal and CSV in a pipe."""
    if fmt:
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix not in _EXTENSIONS:
            from reportcli.errors import UsageError

            raise UsageError(output, f"cannot tell the format from the extension {suffix or '(none)'!r}",
                             "use .csv .tsv .txt .json .jsonl .xlsx, or give --format")  # fmt: skip
        return _EXTENSIONS[suffix]
    return "table" if stdout_is_tty else "csv"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        # 10 significant digits: enough for any rate, and a p-value of 1e-29 stays 1e-29, not 0
        return float(f"{value:.10g}")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def neutralise(value: Any) -> Any:
    """Excel would run a text cell that starts with = + - @ as a formula: prefix it with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class RowWriter:
    """Write rows of ``columns`` to a text stream in one format; call :meth:`close` at the end."""

    def __init__(self, stream: IO[str], columns: Sequence[str], fmt: str, *, excel: bool = False,
                 bom: bool = False, title: str | None = None, bars: Mapping[str, str] | None = None,
                 console_width: int | None = None, header: bool = True) -> None:  # fmt: skip
        self.stream = stream
        self.columns = list(columns)
        self.fmt = fmt
        self.excel = excel
        self.title = title
        self.bars = dict(bars or {})
        self.console_width = console_width
        self.count = 0
        self._gathered: list[list[Any]] = []
        self._csv: Any = None
        if bom:
            stream.write("\ufeff")
        if fmt in ("csv", "tsv"):
            self._csv = csv.writer(stream, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            if header:
                self._csv.writerow(self.columns)
        elif fmt == "json":
            stream.write("[")

    def write(self, row: Mapping[str, Any]) -> None:
        values = [_cell(row.get(col)) for col in self.columns]
        if self.excel and self._csv is not None:  # JSON is never opened as a sheet: its text stays as it is
            values = [neutralise(v) for v in values]
        if self._csv is not None:
            if self.fmt == "tsv":
                values = [v.replace("\t", " ").replace("\n", " ") if isinstance(v, str) else v for v in values]
            self._csv.writerow(values)
        elif self.fmt == "jsonl":
            self.stream.write(json.dumps(dict(zip(self.columns, values)), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.stream.write(("\n" if self.count == 0 else ",\n") + json.dumps(dict(zip(self.columns, values)), ensure_ascii=False))
        else:
            self._gathered.append(values)
        self.count += 1

    def write_all(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.write(row)

    def write_chunk(self, chunk: RenderedRows) -> None:
        """Rows already rendered (by a worker process) in this writer's streaming format."""
        self.stream.write(chunk.text)
        self.count += chunk.count

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "]\n")
        elif self.fmt == "table":
            self._write_table()
        self.stream.flush()

    def _write_table(self) -> None:
        from rich.cells import cell_len
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.stream, width=self.console_width, highlight=False, soft_wrap=False)
        if not self._gathered:
            console.print("(no rows)", style="dim")
            return
        rows = [[_display(col, v) for col, v in zip(self.columns, row)] for row in self._gathered]
        numeric = [all(isinstance(row[i], (int, float)) or row[i] == "" for row in self._gathered)
                   for i in range(len(self.columns))]  # fmt: skip
        widths = [min(_TEXT_WIDTH if not numeric[i] else 99, max([cell_len(col)] + [cell_len(r[i]) for r in rows[:500]]))
                  for i, col in enumerate(self.columns)]  # fmt: skip
        bar_cols = {col: self.columns.index(src) for col, src in self.bars.items() if src in self.columns}
        shown = _fit_columns(self.columns, widths, console.width - 14 * len(bar_cols), numeric)
        caption = None
        if len(shown) < len(self.columns):
            hidden = ", ".join(c for i, c in enumerate(self.columns) if i not in shown)
            caption = f"not shown, to fit the terminal: {hidden} (-f csv or -o FILE gives every column)"
        table = Table(title=self.title, caption=caption, show_lines=False, header_style="bold")
        for i in shown:
            if numeric[i]:
                table.add_column(self.columns[i], justify="right", no_wrap=True, min_width=widths[i])
            else:  # long text (sentences, paths) is cut in a terminal; the other formats keep it whole
                table.add_column(self.columns[i], justify="left", overflow="ellipsis", no_wrap=True,
                                 max_width=widths[i], min_width=min(widths[i], 12))  # fmt: skip
        peaks = {col: max((abs(r[i]) for r in self._gathered if isinstance(r[i], (int, float))), default=0)
                 for col, i in bar_cols.items()}  # fmt: skip
        for col in bar_cols:
            table.add_column(col, justify="left", no_wrap=True, style="cyan")
        for raw, row in zip(self._gathered, rows):
            cells = [row[i] for i in shown]
            for col, i in bar_cols.items():
                value = raw[i]
                peak = peaks[col]
                width = int(round(12 * abs(value) / peak)) if isinstance(value, (int, float)) and peak else 0
                cells.append("█" * width)
            table.add_row(*cells)
        console.print(table)


_TEXT_WIDTH = 36
# Columns a terminal table leaves out first when it is too narrow (every format but table keeps all).
_HIDE_FIRST = ("sentence", "section", "end", "start", "top_terms", "published", "source", "encoding", "han_chars",
               "body_lines", "sentences", "doc_freq", "pos", "score", "meeting", "first_line", "format", "chars",
               "speaker", "qualifier", "direction")  # fmt: skip


def _display(column: str, value: Any) -> str:
    """A cell as a terminal shows it: floats without exponent, long paths cut at the front."""
    if value == "":
        return ""
    if isinstance(value, float):
        if value != 0 and abs(value) < 1e-4:
            return f"{value:.3g}"
        return f"{value:.6f}".rstrip("0").rstrip(".")
    text = str(value)
    if column == "file" and len(text) > _TEXT_WIDTH:
        return "…" + text[-(_TEXT_WIDTH - 1) :]
    return text


def _fit_columns(columns: Sequence[str], widths: list[int], room: int, numeric: Sequence[bool]) -> list[int]:
    """Indexes of the columns to show so that the table fits ``room`` cells: low-priority columns go
    first, then wide text columns are narrowed (``widths`` is updated), then the widest go."""
    shown = list(range(len(columns)))

    def overflow() -> int:
        return sum(widths[i] + 3 for i in shown) + 1 - room

    for name in _HIDE_FIRST:
        if overflow() <= 0 or len(shown) <= 3:
            break
        if name in columns and columns.index(name) in shown:
            shown.remove(columns.index(name))
    while overflow() > 0:
        text = [i for i in shown if not numeric[i] and widths[i] > 12]
        if not text:
            break
        widest = max(text, key=lambda i: widths[i])
        widths[widest] = max(12, widths[widest] - overflow())
    while overflow() > 0 and len(shown) > 2:
        shown.remove(max(shown, key=lambda i: widths[i]))
    return shown


STREAMING_FORMATS = ("csv", "tsv", "jsonl")


class RenderedRows:
    """Rows rendered to text in a streaming format, and how many there are."""

    __slots__ = ("count", "text")

    def __init__(self, text: str, count: int) -> None:
        self.text = text
        self.count = count


def render_chunk(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], fmt: str, *, excel: bool = False) -> RenderedRows:
    """Rows as the text :class:`RowWriter` would write for them in ``fmt`` (csv, tsv, jsonl), no header."""
    buffer = io.StringIO()
    writer = RowWriter(buffer, columns, fmt, excel=excel, header=False)
    writer.write_all(rows)
    return RenderedRows(buffer.getvalue(), writer.count)


def write_xlsx(path_or_stream: Any, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, excel: bool = True) -> int:
    """Write an .xlsx workbook (one sheet) with openpyxl. Text is stored as text, never as a formula: a
    cell starting with = keeps its exact value, typed as a string (in a workbook only = makes a formula,
    so -3.2% or +86 stay as written); control characters a workbook cannot hold (a form feed) become spaces."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # control characters a workbook cannot hold

    # Gather the rows before the workbook exists, and build it in memory: a run interrupted while the rows
    # come (Ctrl-C) or a failing write (a full disk) must not leave openpyxl's half-written sheet behind,
    # whose clean-up prints tracebacks ("Exception ignored in ... ZipFile.__del__") at exit.
    values = [[_cell(row.get(c)) for c in columns] for row in rows]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("reportcli")
    ws.append(list(columns))

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub(" ", value)  # a form feed between PDF pages, say
        if isinstance(value, str) and value.startswith("="):
            text = WriteOnlyCell(ws, value=value)
            text.data_type = "s"
            return text
        return value

    for row_values in values:
        ws.append([cell(v) for v in row_values])
    buffer = io.BytesIO()
    wb.save(buffer)
    if isinstance(path_or_stream, (str, os.PathLike)):
        Path(path_or_stream).write_bytes(buffer.getvalue())
    else:
        path_or_stream.write(buffer.getvalue())
    return len(values)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def target_problem(path: str, what: str = "the output") -> str | None:
    """Why ``path`` cannot be written as ``what`` (a directory, a missing or read-only directory), as
    ``cause; remedy``; None when it can (as far as can be told before writing). Lets a command refuse a
    bad output path up front, before it does the work."""
    import stat

    given = Path(path)
    folder = str(given.parent)
    try:
        mode: int | None = os.stat(given).st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        return f"{folder} is not a directory; give a path in an existing directory"
    except OSError as exc:
        return f"cannot use {what} ({exc.strerror}); write to another file"
    if mode is not None and stat.S_ISDIR(mode):
        return f"{what} is a directory; give a file name, e.g. {os.path.join(path, 'out' + _example_suffix(what))}"
    if mode is not None and not stat.S_ISREG(mode):
        return None  # a device or a FIFO (/dev/stdout): written directly
    directory = Path(os.path.realpath(given)).parent
    if not directory.exists():
        return f"{what}'s directory does not exist; create it first (mkdir -p {folder}) or write elsewhere"
    if not directory.is_dir():
        return f"{folder} is not a directory; give a path in an existing directory"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"cannot write in {folder} (permission denied); write to a directory you can write to"
    return None


def _example_suffix(what: str) -> str:
    return ".png" if "plot" in what or "chart" in what else ".json" if "provenance" in what else ".csv"


def _write_error(path: Path, what: str, exc: OSError) -> Any:
    """The one-line error for a failed write of ``path`` (a full disk, an I/O error, a vanished directory)."""
    from reportcli.errors import ReportError

    return ReportError(str(path), f"cannot write {what} ({exc.strerror or exc})",
                       "check the free space, the permissions and the path, or write elsewhere")  # fmt: skip


class AtomicOutput:
    """A file written beside its destination and renamed into place on success (never half-written).

    A symbolic link is followed: its target is replaced and the link stays. A destination that is not a
    regular file (a FIFO, a device such as /dev/stdout) is written directly: there is nothing to replace.
    ``what`` names the file in messages ("the output", "the chart", "the provenance file"); an error
    while writing it (a full disk, say) is a :class:`~reportcli.errors.ReportError` naming ``path``.
    """

    def __init__(self, path: str, *, binary: bool = False, what: str = "the output") -> None:
        self.path = Path(path)
        self.binary = binary
        self.what = what
        self._tmp: str | None = None
        self._target = self.path
        self.handle: Any = None

    def __enter__(self) -> Any:
        import stat

        from reportcli.errors import ReportError

        what = self.what
        try:
            mode = os.stat(self.path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise ReportError(str(self.path), f"cannot write {what} here ({exc.strerror})", "write to another file") from None
        if mode is not None and stat.S_ISDIR(mode):
            raise ReportError(str(self.path), f"{what} is a directory", "give a file name, e.g. DIR/out.csv")
        if mode is not None and not stat.S_ISREG(mode):
            self.handle = self._open(self.path)
            return self.handle
        self._target = Path(os.path.realpath(self.path))
        directory = self._target.parent
        if not directory.is_dir():
            raise ReportError(str(self.path), f"{what}'s directory does not exist", "create it first")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self._target.name}.", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise ReportError(str(self.path), f"cannot write {what} in {directory} ({exc.strerror})",
                              "write to a directory you can write to") from None  # fmt: skip
        self.handle = self._open(fd)
        return self.handle

    def _open(self, file: Any) -> Any:
        try:
            if self.binary:
                return open(file, "wb")  # noqa: SIM115
            return open(file, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            from reportcli.errors import ReportError

            raise ReportError(str(self.path), f"cannot write {self.what} ({exc.strerror})", "write to another file") from None

    def _ours(self, exc: BaseException | None) -> bool:
        """Whether ``exc`` is a failure to write this file (not a broken pipe, not another file's error)."""
        if not isinstance(exc, OSError) or isinstance(exc, BrokenPipeError):
            return False
        return exc.filename is None or str(exc.filename) in (str(self.path), str(self._target), str(self._tmp))

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            self._finish(ok=exc_type is None)
        except OSError as error:
            if exc_type is None:  # closing (flushing) or renaming failed: that is the error to report
                if self._ours(error):
                    raise _write_error(self.path, self.what, error) from None
                raise
            # the body failed already: its error is the one to report
        if self._ours(exc):
            raise _write_error(self.path, self.what, exc) from None

    def _finish(self, *, ok: bool) -> None:
        if self._tmp is None:  # written directly
            self.handle.close()
            return
        try:
            self.handle.close()
        except OSError:
            self._discard()
            raise
        if not ok:
            self._discard()
            return
        try:  # mkstemp makes the file private; give it the mode a plain open() would
            mode = self._target.stat().st_mode & 0o777 if self._target.exists() else 0o666 & ~_umask()
            os.chmod(self._tmp, mode)
        except OSError:
            pass
        try:
            os.replace(self._tmp, self._target)
        except OSError:
            self._discard()
            raise

    def _discard(self) -> None:
        try:
            os.unlink(self._tmp)  # type: ignore[arg-type]
        except OSError:
            pass
