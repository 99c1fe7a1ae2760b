"""Run one analysis over many reports: worker processes, input order, bounded memory.

``run_batch`` yields one :class:`FileResult` per input, always in input order, whatever the
number of workers. Each worker loads its engines and dictionaries once (they are cached per
process by the analyses themselves). A file that fails yields a result with ``error`` set; the
others go on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import Any

from reportcli.errors import ReportError
from reportcli.io.document import Document, load, seed_path
from reportcli.io.readers import REPORT_SUFFIXES

Work = Callable[..., Any]  # (Document, **options) -> picklable result


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its display name, and its path (or its bytes, for stdin)."""

    name: str
    path: str | None = None
    data: bytes | None = None


@dataclass(slots=True)
class FileResult:
    index: int
    name: str
    value: Any = None
    error: str | None = None
    chars: int = 0
    digest: str | None = None  # of the text with its whitespace taken out (see text_digest), when asked for


def text_digest(text: str) -> str:
    """A fingerprint of a report's text that ignores whitespace (line breaks, indentation, the spacing a
    .docx or .pdf extraction adds): two inputs with the same digest hold the same report. About 10 ms per
    megabyte of text."""
    import hashlib

    return hashlib.blake2b("".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# A folder's own documentation (README.md, SOURCES.md, LICENSE …): not a report, skipped when a directory
# is expanded (given by name, it is read like any file).
_DOC_FILE = re.compile(r"(?:README|SOURCES|LICEN[CS]E|CHANGELOG|CHANGES|CONTRIBUTING|AUTHORS|NOTICE)(?:\.\w+)?", re.I)


def _is_report_file(path: Path) -> bool:
    return (path.suffix.lower() in REPORT_SUFFIXES and not path.name.startswith(".")
            and not _DOC_FILE.fullmatch(path.name))  # fmt: skip


def is_excluded(path: str | PurePath, patterns: Sequence[str]) -> bool:
    """Whether ``--exclude`` leaves out a file: ``path`` is relative to the directory given (or the path as
    given, for a file named on its own). A pattern with a ``/`` is matched against that path and each of its
    leading folders (``raw/*``, ``raw/docx``); one without, against the file name and each folder name
    (``*.docx``, ``raw``). Shell wildcards, case-sensitive; ``*`` also matches ``/``."""
    if not patterns:
        return False
    parts = PurePath(path).parts
    whole = [PurePath(*parts[:i]).as_posix() for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        pattern = pattern.replace("\\", "/").removeprefix("./").strip("/") or pattern
        names = whole if "/" in pattern else parts
        if any(fnmatchcase(name, pattern) for name in names):
            return True
    return False


def expand_paths(paths: Iterable[str], *, stdin_bytes: Callable[[], bytes] | None = None,
                 exclude: Sequence[str] = (), excluded: list[str] | None = None) -> tuple[list[Source], list[str]]:  # fmt: skip
    """Files as given, directories expanded to their report files (sorted), ``-`` to stdin; the files
    ``exclude`` matches (see :func:`is_excluded`) are left out, and listed in ``excluded`` when given.

    Returns the sources and the errors of paths that give nothing (missing, empty directory).
    """
    sources: list[Source] = []
    errors: list[str] = []
    for path in paths:
        if path == "-":
            data = stdin_bytes() if stdin_bytes else b""
            sources.append(Source("<stdin>", None, data))
            continue
        p = Path(path)
        if p.is_dir():
            found = sorted((f for f in p.rglob("*") if f.is_file() and _is_report_file(f)), key=lambda f: str(f))
            kept = []
            for f in found:
                if not is_excluded(f.relative_to(p), exclude):
                    kept.append(f)
                elif excluded is not None:
                    excluded.append(str(f))
            if not found:
                errors.append(ReportError(path, "directory has no report files (.txt .md .html .htm .docx .pdf)",
                                          "give a directory that holds reports").message)  # fmt: skip
            elif not kept:
                errors.append(ReportError(path, f"--exclude leaves out all {len(found)} report files of this directory",
                                          "check the --exclude patterns").message)  # fmt: skip
            sources.extend(Source(str(f), str(f)) for f in kept)
        elif p.exists() or p.is_symlink():
            if is_excluded(path, exclude):
                if excluded is not None:
                    excluded.append(path)
                continue
            sources.append(Source(path, path))
        else:
            errors.append(ReportError(path, "no such file or directory", "check the path").message)
    return sources, errors


def default_sources() -> list[Source]:
    """The seed report shipped with reportcli: what every command analyses with no PATH."""
    return [Source("seed_report.txt", str(seed_path()))]


def load_source(source: Source, encoding: str | None = None) -> Document:
    if source.data is not None:
        if not source.data.strip():
            raise ReportError(source.name, "empty input", "pipe a report into stdin")
        from reportcli.io.readers import read_bytes

        text, fmt, used = read_bytes(source.data, source.name, encoding)
        if not text.strip():
            raise ReportError(source.name, "no text found", "check the input")
        return Document(source.name, text, fmt=fmt, encoding=used)
    assert source.path is not None
    return load(source.path, encoding=encoding, name=source.name)


def process_one(index: int, source: Source, work: Work, options: dict[str, Any], encoding: str | None,
                digest: bool = False) -> FileResult:  # fmt: skip
    """Load one input and run the work on it; a user's problem becomes ``error``, never a traceback.
    With ``digest``, the result carries the :func:`text_digest` of the input (to find copies in a batch)."""
    try:
        doc = load_source(source, encoding)
        value = work(doc, **options)
        return FileResult(index, source.name, value, None, len(doc.text), text_digest(doc.text) if digest else None)
    except ReportError as exc:
        return FileResult(index, source.name, None, exc.message)
    except MemoryError:
        return FileResult(index, source.name, None, f"{source.name}: out of memory; process it alone or on a larger machine")
    except RecursionError:
        return FileResult(index, source.name, None, f"{source.name}: too deeply nested to read; simplify or convert it to text")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_batch(
    sources: list[Source],
    work: Work,
    options: dict[str, Any] | None = None,
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    prepare: Callable[[], Any] | None = None,
    digests: bool = False,
) -> Iterator[FileResult]:
    """Run ``work(doc, **options)`` on every source; yield results in input order.

    ``jobs`` worker processes (default: all cores; 1, or a single input, runs in this process).
    At most a few inputs per worker are in flight, so memory stays bounded however many files.
    ``prepare`` (e.g. building the segmenter) runs once in this process before the workers are
    forked, so that they inherit its result instead of each building it again. With ``digests``,
    each result carries the :func:`text_digest` of its input, worked out in the worker.
    """
    options = options or {}
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    if jobs == 1 or len(sources) <= 1:
        for i, source in enumerate(sources):
            result = process_one(i, source, work, options, encoding, digests)
            if on_result:
                on_result(result)
            yield result
        return

    if prepare is not None and hasattr(os, "fork"):
        prepare()

    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    window = jobs * 3
    with ProcessPoolExecutor(max_workers=min(jobs, len(sources)), mp_context=context,
                             initializer=_ignore_interrupts) as pool:  # fmt: skip
        pending: dict[Future[FileResult], int] = {}
        done: dict[int, FileResult] = {}
        next_submit = 0
        next_yield = 0
        try:
            while next_yield < len(sources):
                while next_submit < len(sources) and len(pending) + len(done) < window:
                    future = pool.submit(process_one, next_submit, sources[next_submit], work, options, encoding, digests)
                    pending[future] = next_submit
                    next_submit += 1
                if next_yield not in done:
                    finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                    for future in finished:
                        index = pending.pop(future)
                        try:
                            result = future.result()
                        except Exception as exc:  # a worker died: report it as this file's failure
                            result = FileResult(index, sources[index].name, None, f"{sources[index].name}: worker failed ({exc})")
                        done[index] = result
                        if on_result:
                            on_result(result)
                while next_yield in done:
                    yield done.pop(next_yield)
                    next_yield += 1
        except BaseException:  # Ctrl-C, a broken pipe, a consumer that stops early
            _stop_workers(pool)  # (it cancels what has not started: cancelling here too races the pool)
            raise


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (one line, exit 130), not a traceback per worker."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: Any) -> None:
    """Terminate the workers at once (waiting for them can take as long as the file each is on), and
    make sure nothing then waits forever for them.

    A worker killed while it writes its result leaves half a message in the result pipe: the executor's
    manager thread would wait for the rest forever, and the interpreter for that thread at exit (Ctrl-C
    hung a run with -j 4 about one time in six). Likewise its feeder thread can be blocked writing the
    next file's options (a lexicon's dictionaries, some 30 kB) to workers that are gone. Once the workers
    are dead, this process's own ends of those pipes are closed: the manager thread reads end-of-file and
    winds the pool down as broken, and the feeder's write fails instead of blocking.
    """
    import signal
    import threading

    # a second Ctrl-C must not break off the stopping (the handler is put back afterwards: in a notebook,
    # the next Ctrl-C must work)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _stop_pool(pool)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _stop_pool(pool: Any) -> None:
    # (the pool forgets these in shutdown(): take them first)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pipes = [getattr(getattr(pool, queue, None), end, None)
             for queue, end in (("_result_queue", "_writer"), ("_call_queue", "_reader"))]  # fmt: skip
    manager = getattr(pool, "_executor_manager_thread", None)
    # First the pool cancels what has not started; a future cancelled behind its back would make its
    # manager thread fail (InvalidStateError, a traceback) when it finds the workers gone.
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(2.0)
        if process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
            process.kill()
            process.join()
    for connection in pipes:
        try:
            if connection is not None:
                connection.close()
        except OSError:  # pragma: no cover - already closed
            pass
    if manager is not None:
        manager.join(5.0)


def meta_columns(pattern: str | None) -> list[str]:
    """The named groups of a ``--meta`` regular expression, in order."""
    if not pattern:
        return []
    return list(re.compile(pattern).groupindex)


_WHOLE_NUMBER_RE = re.compile(r"0|-?[1-9][0-9]{0,14}")


def extra_values(name: str, pattern: re.Pattern[str] | None, manifest: dict[str, dict[str, str]] | None,
                 manifest_columns: Sequence[str] = ()) -> dict[str, str | int]:  # fmt: skip
    """The ``--meta`` and ``--manifest`` columns of one file. A whole number (a year: 2025) becomes an int,
    so that JSON and xlsx store a number; a code with a leading zero (0571) stays text."""
    values = meta_values(pattern, name)
    if manifest is not None:
        values.update(manifest_row(manifest, name) or {c: "" for c in manifest_columns})
    return {k: int(v) if _WHOLE_NUMBER_RE.fullmatch(v) else v for k, v in values.items()}


def manifest_row(manifest: dict[str, dict[str, str]], name: str) -> dict[str, str] | None:
    """The manifest row of a file: its ``file`` value is the path as given, the path relative to the
    manifest's folder (stored resolved), the file name or its stem."""
    p = Path(name)
    keys = [name]
    if name != "-":
        try:
            keys.append(str(p.resolve()))
        except OSError:
            pass
    for key in (*keys, p.name, p.stem):
        found = manifest.get(key)
        if found is not None:  # a row of a manifest with only a file column is {}
            return found
    return None


def meta_values(pattern: re.Pattern[str] | None, name: str) -> dict[str, str]:
    """Values of the named groups of ``--meta``, searched in the file name, else in the whole path."""
    if pattern is None:
        return {}
    found = pattern.search(Path(name).name) or pattern.search(name)
    return {key: (found.group(key) or "") if found else "" for key in pattern.groupindex}
