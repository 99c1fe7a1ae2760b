"""What every command shares: the input and output options (declared once), the batch run,
the output layer, error reporting and exit codes.

A command is a function decorated with :func:`command`; it declares only its own options and
receives a :class:`Common` with the shared ones. It calls :meth:`Common.run_rows` (each file
gives rows) or :meth:`Common.results` + :meth:`Common.emit` (a table over all files).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import inspect
import re
import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand

from reportcli.errors import ExitCode, ReportError, UsageError


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    xlsx = "xlsx"


# ----------------------------------------------------------------------------- shared options
_IO = "Input"
_OUT = "Output"
_BATCH = "Batch"

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Report files (.txt .md .html .docx .pdf, any common encoding) or directories of them; "
        "'-' reads stdin. Default: the seed report shipped with reportcli.",
        show_default=False,
        metavar="[PATHS]...",
    ),
]
_COMMON_PARAMS: list[inspect.Parameter] = [
    inspect.Parameter("fmt", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Format | None, typer.Option("--format", "-f", help="Output format. Default: a table on a terminal, "
                                    "CSV in a pipe, or from the -o file's extension.", rich_help_panel=_OUT)]),
    inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        str | None, typer.Option("--output", "-o", metavar="PATH", help="Write to this file (atomically: "
                                 "a temporary file renamed into place).", rich_help_panel=_OUT)]),
    inspect.Parameter("excel", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: UTF-8 BOM, and text cells starting with = + - @ "
                           "neutralised.", rich_help_panel=_OUT)]),
    inspect.Parameter("quiet", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, summary or notes on stderr (warnings and errors "
                           "still shown).", rich_help_panel=_OUT)]),
    inspect.Parameter("verbose", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--verbose", "-v", help="Say more on stderr (e.g. what dictionaries were loaded).",
                           rich_help_panel=_OUT)]),
    inspect.Parameter("files_from", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        str | None, typer.Option("--files-from", metavar="FILE", help="Read more PATHS from FILE, one a line "
                                 "('-' for stdin).", rich_help_panel=_IO)]),
    inspect.Parameter("exclude", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Leave out the input files whose name, "
                                       "a folder name, or path within the directory given matches GLOB: 'raw', "
                                       "'*.docx', 'raw/*' (repeatable; quote it).", rich_help_panel=_IO)]),
    inspect.Parameter("encoding", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        str | None, typer.Option("--encoding", metavar="NAME", help="Decode text inputs with this encoding "
                                 "instead of detecting it (utf-8, gbk, gb18030, big5, utf-16).", rich_help_panel=_IO)]),
    inspect.Parameter("jobs", inspect.Parameter.KEYWORD_ONLY, default=0, annotation=Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes. Default: 0, one per core; 1 works in "
                          "this process.", show_default=False, rich_help_panel=_BATCH)]),
    inspect.Parameter("fail_fast", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first file that fails.", rich_help_panel=_BATCH)]),
    inspect.Parameter("meta", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        str | None, typer.Option("--meta", metavar="REGEX", help="Add columns from each file name: the named "
                                 r"groups of REGEX, e.g. '(?P<year>\d{4})_(?P<region>[a-z]+)'.", rich_help_panel=_BATCH)]),
    inspect.Parameter("manifest", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        str | None, typer.Option("--manifest", metavar="CSV", help="Join the columns of this CSV, keyed by "
                                 "its 'file' column (a path as given or relative to the CSV, a file name or stem).",
                                 rich_help_panel=_BATCH)]),
]  # fmt: skip


_SEG = "Segmentation"
_SEG_PARAMS: list[inspect.Parameter] = [
    inspect.Parameter("engine", inspect.Parameter.KEYWORD_ONLY, default="rjieba", annotation=Annotated[
        str, typer.Option("--engine", metavar="rjieba|jieba", help="Segmentation engine: rjieba (fast, "
                          "jieba's dictionary semantics) or jieba (the reference).", rich_help_panel=_SEG)]),
    inspect.Parameter("hmm", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--hmm", help="Let the HMM guess unknown words (off: it invents words, which "
                           "skews counts).", rich_help_panel=_SEG)]),
    inspect.Parameter("user_dicts", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        list[str] | None, typer.Option("--dict", metavar="FILE", help="User dictionary in jieba's format "
                                       "(word [freq] [pos]), any encoding; repeatable, later ones win.",
                                       rich_help_panel=_SEG)]),
    inspect.Parameter("no_lexicon", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--no-lexicon", help="Do not load the shipped report lexicon (全过程人民民主, "
                           "新质生产力 …).", rich_help_panel=_SEG)]),
    inspect.Parameter("stopword_files", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        list[str] | None, typer.Option("--stopwords", metavar="FILE", help="More stopwords, one a line "
                                       "(repeatable).", rich_help_panel=_SEG)]),
    inspect.Parameter("no_stopwords", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
        bool, typer.Option("--no-stopwords", help="Keep stopwords and report filler (工作, 开展, 推进 …) "
                           "in counts.", rich_help_panel=_SEG)]),
]  # fmt: skip


class SegOptions:
    """The segmentation options of a run: picklable, so workers build the same segmenter."""

    def __init__(self, engine: str = "rjieba", hmm: bool = False, user_dicts: Sequence[str] | None = None,
                 no_lexicon: bool = False, stopword_files: Sequence[str] | None = None,
                 no_stopwords: bool = False) -> None:  # fmt: skip
        if engine not in ("rjieba", "jieba"):
            raise usage_error(f"--engine: unknown engine {engine!r}; choose rjieba or jieba")
        self.engine = engine
        self.hmm = hmm
        self.user_dicts = tuple(user_dicts or ())
        self.lexicon = not no_lexicon
        self.stopword_files = tuple(stopword_files or ())
        self.use_stopwords = not no_stopwords

    def segmenter(self, extra_words: Iterable[str] = ()) -> Any:
        """The segmenter these options describe (built once per process)."""
        from reportcli.text import get_segmenter

        return get_segmenter(self.engine, hmm=self.hmm, lexicon=self.lexicon, user_dicts=self.user_dicts,
                             extra_words=tuple(extra_words))  # fmt: skip

    def stopwords(self) -> frozenset[str]:
        """The stopwords counting commands leave out (empty with --no-stopwords, but for --stopwords files)."""
        from reportcli.text import load_stopwords

        return load_stopwords(self.stopword_files, general=self.use_stopwords, filler=self.use_stopwords)

    def check(self, verbose: bool) -> None:
        """Read the user dictionaries and stopword files once, up front: report bad lines
        (``file:line: reason``) and, with -v, what was loaded; an unusable file is an error."""
        from reportcli.text import read_user_dict
        from reportcli.text.stopwords import read_stopword_file

        if verbose and self.lexicon:
            from reportcli.text.dictionary import lexicon_path

            sys.stderr.write(f"reportcli: report lexicon {lexicon_path().name} loaded (--no-lexicon to leave it out)\n")
        for path in self.user_dicts:
            _, summary = read_user_dict(path)
            for problem in summary.problems:
                sys.stderr.write(f"reportcli: warning: {problem}\n")
            if verbose:
                sys.stderr.write(f"reportcli: {summary.describe()}\n")
        for path in self.stopword_files:
            words = read_stopword_file(path)
            if verbose:
                sys.stderr.write(f"reportcli: {path}: {len(words)} stopwords\n")


def plot_option(what: str) -> Any:
    """The ``--plot FILE`` option of a command that can draw its table; ``what`` says what is drawn."""
    return typer.Option("--plot", metavar="FILE", help=f"Also draw {what}: FILE.png or FILE.svg.",
                        callback=_check_plot_path, rich_help_panel=_OUT)  # fmt: skip


def _check_plot_path(value: str | None) -> str | None:
    if value:
        from reportcli.plot import check_plot_path

        try:
            check_plot_path(value)
        except ReportError as exc:
            raise usage_error(exc.message) from None
    return value


class ReportCommand(TyperCommand):
    """A command whose usage line shows a required argument as ``PATTERN``, as Click does (Typer 0.28
    writes ``{PATTERN}``, which reads like a literal brace or a set of choices)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]  # fmt: skip


# Options that name a file the command reads (besides the reports) or writes: an empty value is a usage
# error (an unset shell variable, say), not "no such option".
_READ_OPTIONS = ("files_from", "manifest", "user_dicts", "stopword_files", "idf", "dicts")
_WRITE_OPTIONS = ("output", "plot", "provenance")


def _option_names(params: Iterable[inspect.Parameter]) -> dict[str, str]:
    """The option each parameter is given with on the command line (``user_dicts`` → ``--dict``)."""
    names: dict[str, str] = {}
    for param in params:
        for info in getattr(param.annotation, "__metadata__", ()):
            decls = [d for d in (getattr(info, "default", None), *(getattr(info, "param_decls", None) or ()))
                     if isinstance(d, str) and d.startswith("-")]  # fmt: skip
            if decls:
                names[param.name] = next((d for d in decls if d.startswith("--")), decls[0])
    return names


@contextlib.contextmanager
def option_files() -> Iterator[None]:
    """A file named in an option (a dictionary, a stopword list, an IDF table) that is missing, a directory,
    unreadable, empty, binary or malformed is a usage error (exit 2), like a bad --manifest: the run has
    not started. (A bad report among the inputs is a runtime failure, exit 1.)"""
    try:
        yield
    except UsageError:
        raise
    except ReportError as exc:
        raise UsageError(exc.path, exc.cause, exc.remedy) from None


def _with_help(param: inspect.Parameter, text: str) -> inspect.Parameter:
    """``param`` with another help text (a shared option that means something else in one command)."""
    import copy

    base = param.annotation.__origin__
    infos = [copy.copy(info) for info in param.annotation.__metadata__]
    for info in infos:
        if hasattr(info, "help"):
            info.help = text
    arguments = (base, *infos)
    return param.replace(annotation=Annotated[arguments])  # type: ignore[valid-type]


def command(app: typer.Typer, name: str | None = None, *, segmentation: bool = False, stopwords: bool = True,
            seg_help: Mapping[str, str] | None = None, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:  # fmt: skip
    """Register ``func`` as a command of ``app`` with the shared options added to its own.

    ``func`` takes ``common: Common`` as its first parameter and its own options after it. With
    ``segmentation``, the segmentation options are added too (without the stopword ones when
    ``stopwords`` is False) and arrive as ``common.seg``; ``seg_help`` gives some of them
    another help text in this command (by parameter name: ``engine``, ``no_stopwords`` …).
    """
    seg_params = [_with_help(p, seg_help[p.name]) if seg_help and p.name in seg_help else p
                  for p in _SEG_PARAMS if stopwords or p.name not in ("stopword_files", "no_stopwords")]  # fmt: skip

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        own = inspect.signature(func, eval_str=True)
        own_params = [p for p in own.parameters.values() if p.name != "common"]

        extra = seg_params + _COMMON_PARAMS if segmentation else _COMMON_PARAMS
        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) if p.kind != inspect.Parameter.KEYWORD_ONLY else p
                  for p in own_params] + extra  # fmt: skip
        options = _option_names(params)

        @functools.wraps(func)
        def wrapper(**values: Any) -> Any:
            shared = {p.name: values.pop(p.name) for p in _COMMON_PARAMS}
            seg_values = {p.name: values.pop(p.name) for p in seg_params} if segmentation else None
            given = {**values, **(seg_values or {}), **shared}
            for option in (*_READ_OPTIONS, *_WRITE_OPTIONS):
                value = given.get(option)
                if value == "" or (isinstance(value, list) and "" in value):
                    raise usage_error(f"{options.get(option, option)}: the file name is empty (an unset shell "
                                      "variable?); give a path")  # fmt: skip
            try:
                common = Common(**shared)
            except UsageError as exc:  # an unreadable --manifest, say
                raise usage_error(exc.message) from None
            for option in ("plot", "provenance"):  # files a command writes besides -o
                common.also_writes(values.get(option), options.get(option, f"--{option}"))
            for option in ("idf", "dicts", "user_dicts", "stopword_files"):  # files it reads besides the reports
                value = values.get(option) or (seg_values or {}).get(option)
                for path in [value] if isinstance(value, str) else value or ():
                    common.also_reads(path)
            common.check_outputs()  # before any work: a run of an hour must not end in "no such directory"
            with common.guard():
                if seg_values is not None:
                    common.seg = SegOptions(**seg_values)
                    with option_files():
                        common.seg.check(common.verbose)
                return func(common, **values)

        wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        del wrapper.__wrapped__  # typer must read the new signature, not the wrapped one
        kwargs.setdefault("cls", ReportCommand)
        app.command(name, **kwargs)(wrapper)
        return func

    return decorate


def echo_error(message: str) -> None:
    """One line on stderr: ``reportcli: error: <message>``."""
    sys.stderr.write(f"reportcli: error: {message}\n")
    sys.stderr.flush()


def note(message: str) -> None:
    """One line on stderr: ``reportcli: note: <message>``; the caller leaves it out with -q.

    A note says that the result is not what the user probably meant (no PATH but data piped in; a search that
    found nothing). Unlike the progress bar and the summary, it is written when stderr is not a terminal too:
    a script's log is where such a surprise should show. Warnings (the same file twice, copies in a batch) are
    always written; -q does not silence them either."""
    sys.stderr.write(f"reportcli: note: {message}\n")
    sys.stderr.flush()


def _exit_interrupted() -> NoReturn:
    """Ctrl-C: one line and exit 130, at once. A second Ctrl-C (``timeout`` and a terminal both signal the
    process and its group) is ignored from here on, and the exit skips the interpreter's shutdown, which
    would join the worker pool's manager thread: after workers are killed mid-message that thread can wait
    forever. Outputs are already cleaned up: each ``-o`` temporary file is removed as the interrupt unwinds."""
    import os
    import signal

    with contextlib.suppress(ValueError):  # (not the main thread)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        echo_error("interrupted")
        sys.stderr.flush()
    os._exit(ExitCode.INTERRUPTED)


def _stdin_has_input() -> bool:
    """Whether standard input holds something the user may have meant reportcli to read: a pipe with data (or
    at its end) or a non-empty file. Not a terminal, /dev/null, or a pipe no one has written to yet (a harness
    that leaves stdin open). Never reads from it."""
    import os
    import stat

    try:
        fd = sys.stdin.fileno()
        info = os.fstat(fd)
    except (AttributeError, OSError, ValueError):  # no stdin, or one without a file descriptor
        return False
    if stat.S_ISREG(info.st_mode):
        try:
            return info.st_size > os.lseek(fd, 0, os.SEEK_CUR)
        except OSError:
            return info.st_size > 0
    if not (stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode)):
        return False
    if os.name == "nt":  # pragma: no cover - select() takes only sockets there
        return True
    import select

    try:
        readable, _, _ = select.select([fd], [], [], 0)
    except (OSError, ValueError):  # pragma: no cover
        return False
    return bool(readable)


def usage_error(message: str) -> typer.Exit:
    echo_error(message)
    return typer.Exit(ExitCode.USAGE)


_COPY_WARNINGS = 10  # groups of copies named one by one (-v: all of them), then one line for the rest


class Common:
    """The shared options of one command run, and the machinery that uses them."""

    def __init__(self, *, fmt: Format | None = None, output: str | None = None, excel: bool = False,
                 quiet: bool = False, verbose: bool = False, files_from: str | None = None,
                 exclude: Sequence[str] | None = None, encoding: str | None = None, jobs: int = 0,
                 fail_fast: bool = False, meta: str | None = None, manifest: str | None = None) -> None:  # fmt: skip
        self.fmt = fmt.value if isinstance(fmt, Format) else fmt
        self.output = output
        self.excel = excel
        self.quiet = quiet
        self.verbose = verbose
        self.files_from = files_from
        self.exclude = tuple(exclude or ())
        if "" in self.exclude:
            raise usage_error("--exclude: the pattern is empty (an unset shell variable?); give a file name or glob")
        self.encoding = encoding
        self.jobs = jobs
        self.fail_fast = fail_fast
        self.seg = SegOptions()
        # (option, path) of every file the command writes: none of them may be an input
        self.writes: list[tuple[str, str]] = [("-o", output)] if output and output != "-" else []
        # files read besides the reports (--manifest, --files-from, dictionaries): none may be written either
        self.reads: list[str] = [p for p in (manifest, files_from) if p and p != "-"]
        self._running: list[Generator[Any, None, None]] = []
        self._noted_stdin = False
        self.failed = 0
        self.done = 0
        self.started = time.monotonic()
        try:
            self.meta_pattern = re.compile(meta) if meta else None
        except re.error as exc:
            raise usage_error(f"--meta: not a valid regular expression ({exc})") from None
        if self.meta_pattern is not None and not self.meta_pattern.groupindex:
            raise usage_error("--meta: the regular expression has no named group; write e.g. '(?P<year>\\d{4})'")
        self.manifest = self._read_manifest(manifest) if manifest else None
        if self.encoding:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise usage_error(f"--encoding: unknown encoding {self.encoding!r}; use e.g. utf-8, gbk, gb18030, big5") from None

    # ------------------------------------------------------------------ errors and exit codes
    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn what can go wrong in a command into one line on stderr and an exit code."""
        try:
            try:
                yield
                sys.stdout.flush()  # a full disk or a closed pipe shows here, not in Python's flush at exit
            finally:
                # stop the workers now, not when the interpreter exits (after a broken pipe, say)
                for running in self._running:
                    running.close()
        except KeyboardInterrupt:
            _exit_interrupted()
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(ExitCode.OK) from None
        except UsageError as exc:
            echo_error(exc.message)
            raise typer.Exit(ExitCode.USAGE) from None
        except ReportError as exc:
            echo_error(exc.message)
            raise typer.Exit(ExitCode.FAILURE) from None
        except OSError as exc:  # writing stdout: a full disk; a file named in the error; else say what failed
            _silence_stdout()
            # (a failure to write -o, --plot or --provenance is a ReportError naming that file: see AtomicOutput)
            to_stdout = not self.output or self.output == "-"
            where = exc.filename or ("standard output" if to_stdout else "")
            cause = f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)
            echo_error(f"{cause}; check the path, the permissions and the free space")
            raise typer.Exit(ExitCode.FAILURE) from None
        if self.failed:
            raise typer.Exit(ExitCode.FAILURE)

    # ------------------------------------------------------------------ inputs
    def sources(self, paths: Sequence[str] | None) -> list[Any]:
        from reportcli.batch import default_sources, expand_paths

        names = list(paths or [])
        if "" in names:
            raise usage_error("a report path is empty (an unset shell variable?); give a report file or directory")
        if self.files_from:
            listed = self._read_list(self.files_from)
            if not listed and not names:
                where = "standard input" if self.files_from == "-" else self.files_from
                raise usage_error(f"{where}: the --files-from list names no files; put one path a line")
            names.extend(listed)
        if not names and not self.files_from:
            self._check_writes([])
            if not self.quiet and not self._noted_stdin and _stdin_has_input():
                self._noted_stdin = True  # (once, however many times a command asks for its sources)
                note("no PATH given: analysing the bundled seed report, not standard input; to read standard "
                     "input, give - as the path")  # fmt: skip
            return default_sources()
        if names.count("-") > 1 or ("-" in names and self.files_from == "-"):
            raise usage_error("'-' (stdin) can be given only once")
        excluded: list[str] = []
        sources, errors = expand_paths(names, stdin_bytes=lambda: sys.stdin.buffer.read(), exclude=self.exclude,
                                       excluded=excluded)  # fmt: skip
        if excluded and self.verbose:
            many = f"{len(excluded)} files, e.g." if len(excluded) > 1 else "1 file:"
            sys.stderr.write(f"reportcli: --exclude left out {many} {excluded[0]}\n")
        if excluded and not sources and not errors:
            raise usage_error(f"--exclude leaves out every input ({len(excluded)} files, e.g. {excluded[0]}); "
                              "check the patterns")  # fmt: skip
        for message in errors:
            echo_error(message)
        self.failed += len(errors)
        if errors and (self.fail_fast or not sources):
            if self.fail_fast:
                echo_error("stopped at the first failure (--fail-fast)")
            raise typer.Exit(ExitCode.FAILURE)
        seen: set[str] = set()
        for source in sources:
            if source.path:
                key = str(Path(source.path).resolve())
                if key in seen:
                    sys.stderr.write(f"reportcli: warning: {source.name} is given more than once; it is read each time\n")
                seen.add(key)
        self._check_writes(sources)
        if self.manifest is not None:
            from reportcli.batch import manifest_row

            missing = [s.name for s in sources if manifest_row(self.manifest, s.name) is None]
            if missing:
                sys.stderr.write(f"reportcli: warning: {len(missing)} of {len(sources)} files have no row in the manifest "
                                 f"{self.manifest_path} (e.g. {missing[0]}); its 'file' column is matched against the path "
                                 "as given, the path relative to the manifest, the file name and its stem\n")  # fmt: skip
        if not sources:
            raise usage_error("no input files: give report files or directories")
        return sources

    def _check_writes(self, sources: Sequence[Any]) -> None:
        """No two options write one file, and none writes over an input."""
        targets: dict[Path, str] = {}
        for option, path in self.writes:
            key = Path(path).resolve()
            if key in targets:
                raise usage_error(f"{path}: {targets[key]} and {option} would write the same file; give two files")
            targets[key] = option
        from reportcli.text.dictionary import lexicon_path

        data = lexicon_path().parent.resolve()  # the seed, the lexicon, the dictionaries shipped with reportcli
        for target, option in targets.items():
            if target.is_relative_to(data):
                raise usage_error(f"{target}: {option} would write into reportcli's own data; write to another file")
        inputs = [source.path for source in sources if source.path] + self.reads
        for path in inputs:
            writer = targets.get(Path(path).resolve())
            if writer is not None:
                what = "the output" if writer == "-o" else f"the {writer} file"
                raise usage_error(f"{path}: {what} is also an input; write to another file")

    def check_outputs(self) -> None:
        """Refuse, before any work, an output the run could not write: ``-o``, ``--plot`` or ``--provenance``
        in a directory that does not exist or cannot be written, or naming a directory; an ``-o`` extension
        that gives no format. (A full disk still shows only when writing: a runtime failure.)"""
        from reportcli.render import target_problem

        for option, path in self.writes:
            problem = target_problem(path, "the output" if option == "-o" else f"the {option} file")
            if problem:
                raise usage_error(f"{path}: {problem}")
        try:
            self.output_format()
        except UsageError as exc:
            raise usage_error(exc.message) from None

    def also_reads(self, path: str | None) -> None:
        """Register a file the command reads besides the reports (a dictionary, an IDF table): no output
        may replace it. Call before :meth:`sources`."""
        if path and path != "-":
            self.reads.append(path)

    def also_writes(self, path: str | None, option: str) -> None:
        """Register a file the command writes besides ``-o`` (``--plot``, ``--provenance``): like ``-o``, it
        may not be one of the inputs. Call before :meth:`sources`."""
        if path:
            self.writes.append((option, path))

    def _read_list(self, path: str) -> list[str]:
        if path == "-":
            text = sys.stdin.read()
        else:  # any encoding, like the other files options name (a list saved on a Chinese Windows is GBK)
            from reportcli.io.files import read_option_file

            try:
                text, _, _ = read_option_file(path, "--files-from list", "give a text file with one path a line",
                                              UsageError)  # fmt: skip
            except UsageError as exc:
                raise usage_error(exc.message) from None
        text = text.lstrip("\ufeff")
        return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

    def _read_manifest(self, path: str) -> dict[str, dict[str, str]]:
        import io

        from reportcli.io.files import read_option_file

        try:  # any encoding: Excel on a Chinese Windows saves CSV as GBK
            text, _, _ = read_option_file(path, "manifest", "give a CSV file with a header row and a 'file' column", UsageError)
            rows = list(csv.DictReader(io.StringIO(text)))
        except csv.Error as exc:
            raise usage_error(f"{path}: the manifest is not a readable CSV ({exc}); check its quoting") from None
        header = next(csv.reader(io.StringIO(text)), [])
        if "file" not in header:
            raise usage_error(f"{path}: the manifest needs a header row with a 'file' column")
        if not rows:
            raise usage_error(f"{path}: the manifest has a header but no rows; add one row per report")
        self.manifest_columns = [c for c in rows[0] if c != "file"]
        table: dict[str, dict[str, str]] = {}
        folder = Path(path).resolve().parent
        for row in rows:
            key = (row.get("file") or "").strip()
            if key:
                values = {c: row.get(c) or "" for c in self.manifest_columns}
                table[key] = values
                # a path relative to the manifest's own folder finds its file from anywhere
                table.setdefault(str((folder / key).resolve()), values)
        self.manifest_path = path
        return table

    def extra_columns(self) -> list[str]:
        cols = list(self.meta_pattern.groupindex) if self.meta_pattern else []
        if self.manifest is not None:
            both = [c for c in self.manifest_columns if c in cols]
            if both:
                raise usage_error(f"column {both[0]!r} comes from both --meta and --manifest; rename one")
            cols += list(self.manifest_columns)
        return cols

    def extra_values(self, name: str) -> dict[str, str | int]:
        """The --meta/--manifest columns of one file, worked out once per file (not once per row)."""
        from reportcli.batch import extra_values

        cache: dict[str, dict[str, str | int]] = self.__dict__.setdefault("_extra_cache", {})
        if name not in cache:
            cache[name] = extra_values(name, self.meta_pattern, self.manifest, getattr(self, "manifest_columns", ()))
        return cache[name]

    # ------------------------------------------------------------------ running
    def results(self, paths: Sequence[str] | None, work: Callable[..., Any], options: Mapping[str, Any] | None = None,
                *, prepare: Callable[[], Any] | None = None, sources: list[Any] | None = None) -> Iterator[Any]:  # fmt: skip
        """Run ``work(doc, **options)`` on every input; yield the successful results in input order.

        Failures are reported on stderr as they come (and counted for the exit code); a progress
        bar runs on stderr when it is a terminal. At the end, inputs with the same text (a report and
        its copy in another format) get a warning: the workers send a digest of each text.
        """
        running = self._results(paths, work, options, prepare=prepare, sources=sources)
        self._running.append(running)
        return running

    def _results(self, paths: Sequence[str] | None, work: Callable[..., Any], options: Mapping[str, Any] | None,
                 *, prepare: Callable[[], Any] | None, sources: list[Any] | None) -> Generator[Any, None, None]:  # fmt: skip
        """The generator behind :meth:`results`."""
        from reportcli.batch import run_batch

        if sources is None:
            sources = self.sources(paths)
        progress = _Progress(len(sources)) if (len(sources) > 1 and not self.quiet and sys.stderr.isatty()) else None
        # the files of a multi-file run that hold the same text (a report and its raw/ copy): digest -> names
        copies: dict[str, list[str]] = {}
        try:
            if prepare is None and options and isinstance(options.get("seg"), SegOptions):
                prepare = options["seg"].segmenter  # workers forked after this inherit the loaded dictionaries
            for result in run_batch(sources, work, dict(options or {}), jobs=self.jobs, encoding=self.encoding,
                                    prepare=prepare, digests=len(sources) > 1):  # fmt: skip
                if result.digest is not None:
                    copies.setdefault(result.digest, []).append(result.name)
                if progress:
                    progress.advance(result.chars)
                if result.error is not None:
                    self.failed += 1
                    if progress:
                        progress.console.print(f"reportcli: error: {result.error}", markup=False, highlight=False)
                    else:
                        echo_error(result.error)
                    if self.fail_fast:
                        echo_error("stopped at the first failure (--fail-fast)")
                        break
                    continue
                self.done += 1
                yield result
            if progress:  # before the warnings, which the bar would otherwise overwrite
                progress.stop()
                progress = None
            self._warn_copies(copies)
        finally:
            if progress:
                progress.stop()
            if len(sources) > 1 and not self.quiet and sys.stderr.isatty():
                seconds = time.monotonic() - self.started
                sys.stderr.write(f"reportcli: {self.done} files done, {self.failed} failed, {seconds:.1f} s\n")

    def _warn_copies(self, copies: Mapping[str, list[str]]) -> None:
        """One warning per group of inputs whose texts are the same (whitespace aside): each is counted again.

        Like the other warnings it is written whether or not stderr is a terminal, and -q does not silence
        it: a panel built by a script must not count a report twice unnoticed."""
        groups: list[tuple[list[str], int]] = []
        for names in copies.values():
            if len(names) < 2:
                continue
            files: dict[str, str] = {}
            for name in names:
                files.setdefault(str(Path(name).resolve()), name)
            if len(files) > 1:  # (one file given twice: sources() has said so)
                groups.append((list(files.values()), len(names)))
        shown = groups if self.verbose else groups[:_COPY_WARNINGS]
        for (first, *others), count in shown:
            times = {2: "twice", 3: "three times"}.get(count, f"{count} times")
            what = f"{others[0]} has" if len(others) == 1 else f"{', '.join(others)} have"
            sys.stderr.write(f"reportcli: warning: {what} the same text as {first}: the report is counted {times}; "
                             "leave the copies out (--exclude GLOB, or name the files to read)\n")  # fmt: skip
        if len(groups) > len(shown):
            more = groups[len(shown):]
            sys.stderr.write(f"reportcli: warning: {len(more)} more reports are read more than once (e.g. "
                             f"{more[0][0][1]}, a copy of {more[0][0][0]}); -v lists them all\n")  # fmt: skip

    def run_rows(self, paths: Sequence[str] | None, columns: Sequence[str], work: Callable[..., Any],
                 options: Mapping[str, Any] | None = None, *, title: str | None = None,
                 bars: Mapping[str, str] | None = None, prepare: Callable[[], Any] | None = None) -> int:  # fmt: skip
        """The usual command: each file's work gives rows; one combined table, ``file`` first. Returns the
        number of rows written.

        In the streaming formats (csv, tsv, jsonl) the workers render their rows to text, so that
        the parent process only writes.
        """
        from reportcli.render import STREAMING_FORMATS

        all_columns = ["file", *self.extra_columns(), *columns]
        sources = self.sources(paths)  # before any output: a run with no usable input writes nothing
        if self.output_format() in STREAMING_FORMATS:
            renderer = _RenderRows(work, all_columns, self.output_format(), self.excel, self.meta_pattern,
                                   self.manifest, tuple(getattr(self, "manifest_columns", ())))  # fmt: skip
            chunks = (result.value for result in self.results(paths, renderer, options, prepare=prepare, sources=sources))
            return self.emit(all_columns, (), chunks=chunks)

        def rows() -> Iterator[Mapping[str, Any]]:
            for result in self.results(paths, work, options, prepare=prepare, sources=sources):
                prefix = {"file": result.name, **self.extra_values(result.name)}
                for row in result.value:
                    yield {**prefix, **row}

        return self.emit(all_columns, rows(), title=title, bars=bars)

    def output_format(self) -> str:
        from reportcli.render import format_for

        to_file = bool(self.output) and self.output != "-"
        return format_for(self.output if to_file else None, self.fmt, sys.stdout.isatty())

    def emit(self, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, title: str | None = None,
             bars: Mapping[str, str] | None = None, chunks: Iterable[Any] | None = None) -> int:  # fmt: skip
        """Write rows in the chosen format to stdout or to ``-o`` (atomically).

        ``chunks`` (rows already rendered by workers, in a streaming format) are written after ``rows``.
        """
        from reportcli.render import AtomicOutput, RowWriter, write_xlsx

        seen: set[str] = set()
        for column in columns:
            if column in seen:
                raise usage_error(f"two columns would be named {column!r} (a --meta group or --manifest column "
                                  "has the name of a column of this command); rename yours")  # fmt: skip
            seen.add(column)
        to_file = bool(self.output) and self.output != "-"
        fmt = self.output_format()
        if fmt == "xlsx":
            if to_file:
                assert self.output is not None
                with AtomicOutput(self.output, binary=True) as handle:
                    return write_xlsx(handle, columns, rows)
            if sys.stdout.isatty():
                raise usage_error("xlsx is binary: write it to a file with -o FILE.xlsx")
            import io

            buffer = io.BytesIO()
            count = write_xlsx(buffer, columns, rows)
            sys.stdout.buffer.write(buffer.getvalue())
            return count
        # a file named .csv gets a BOM so that Excel reads its Chinese; stdout or -o /dev/stdout gets none
        bom = fmt in ("csv", "tsv") and (self.excel or (to_file and str(self.output).lower().endswith(".csv")))
        if to_file:
            assert self.output is not None
            with AtomicOutput(self.output) as handle:
                writer = RowWriter(handle, columns, fmt, excel=self.excel, bom=bom, title=title, bars=bars, console_width=200)
                _write(writer, rows, chunks)
            return writer.count
        writer = RowWriter(sys.stdout, columns, fmt, excel=self.excel, bom=bom, title=title, bars=bars,
                           console_width=None if sys.stdout.isatty() else 200)  # fmt: skip
        _write(writer, rows, chunks)
        return writer.count


    def emit_lines(self, lines: Iterable[str]) -> None:
        """Plain text lines (``segment``'s default) to stdout or to ``-o`` (atomically)."""
        from reportcli.render import AtomicOutput

        if self.output and self.output != "-":
            with AtomicOutput(self.output) as handle:
                for line in lines:
                    handle.write(line + "\n")
            return
        write = sys.stdout.write
        for line in lines:
            write(line + "\n")
        sys.stdout.flush()


def _write(writer: Any, rows: Iterable[Mapping[str, Any]], chunks: Iterable[Any] | None) -> None:
    writer.write_all(rows)
    for chunk in chunks or ():
        writer.write_chunk(chunk)
    writer.close()


@dataclass(frozen=True)
class _RenderRows:
    """Run in a worker: the work's rows of one file, with ``file`` and the batch columns, as text."""

    work: Callable[..., Any]
    columns: list[str]
    fmt: str
    excel: bool
    pattern: re.Pattern[str] | None
    manifest: dict[str, dict[str, str]] | None
    manifest_columns: tuple[str, ...]

    def __call__(self, doc: Any, **options: Any) -> Any:
        from reportcli.batch import extra_values
        from reportcli.render import render_chunk

        prefix = {"file": doc.name, **extra_values(doc.name, self.pattern, self.manifest, self.manifest_columns)}
        rows = ({**prefix, **row} for row in self.work(doc, **options))
        return render_chunk(self.columns, rows, self.fmt, excel=self.excel)


class _Progress:
    """A Rich progress bar on stderr: files done of total, characters per second, ETA."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(file=sys.stderr)
        self.chars = 0
        self.started = time.monotonic()
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("files"), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=self.console, auto_refresh=False, transient=True,
        )  # fmt: skip
        self.progress.start()
        self.task = self.progress.add_task("reportcli", total=total, rate="")

    def advance(self, chars: int) -> None:
        self.chars += chars
        rate = self.chars / max(time.monotonic() - self.started, 1e-6)
        self.progress.update(self.task, advance=1, rate=f"{rate / 1000:,.0f}k chars/s")
        self.progress.refresh()

    def stop(self) -> None:
        self.progress.stop()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that Python's flush at exit stays quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
