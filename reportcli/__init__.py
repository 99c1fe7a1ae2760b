"""reportcli: turn Chinese official reports into data.

The library API (every function returns a pandas DataFrame, except :func:`load`)::

    import reportcli
    doc = reportcli.load("report.docx")          # or load() for the seed report
    reportcli.info(doc)                          # one row: format, encoding, title, date, meeting ...
    reportcli.extract_facts(doc)                 # numeric facts
    reportcli.numbered_terms(doc)                # 两个确立, 十四五 ...
    reportcli.segment(doc)                       # tokens with offsets
    reportcli.keywords(doc)                      # top words

Names are imported lazily so that ``import reportcli`` (and ``reportcli --help``) stays fast; so are
the subpackages (``reportcli.text.get_segmenter()``, ``reportcli.facts.numerals.parse_number(...)``,
``reportcli.io.Document``, ``reportcli.analysis``) and their modules, on first access.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load": "reportcli.api",
    "load_text": "reportcli.io.document",
    "Document": "reportcli.io.document",
    "ReportError": "reportcli.errors",
    "UsageError": "reportcli.errors",
    "info": "reportcli.api",
    "sections": "reportcli.api",
    "extract_facts": "reportcli.api",
    "numbered_terms": "reportcli.api",
    "segment": "reportcli.api",
    "keywords": "reportcli.api",
    "compare": "reportcli.api",
    "kwic": "reportcli.api",
    "attention": "reportcli.api",
}

__all__ = ["__version__", *_LAZY]

# reachable as attributes (reportcli.text.get_segmenter()) without an import of their own; the modules of
# reportcli.facts and reportcli.analysis import on first access too (their own __getattr__)
_SUBMODULES = ("analysis", "errors", "facts", "io", "text")


def _modules_on_access(package: str) -> Any:
    """A PEP 562 ``__getattr__`` for ``package`` that imports its modules on first access
    (``reportcli.facts.numerals`` after ``import reportcli``)."""

    def __getattr__(name: str) -> Any:
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{name}":
                raise
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    return __getattr__


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reportcli' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES})
