"""Build reportcli/data/lead_nouns.txt: the nouns of jieba's dictionary that begin with a character the
facts extractor strips from the front of a subject (和, 共, 等, 并 …, and 把/将/使 before a fronted object), so
that it keeps 和美乡村, 共济, 并购重组 and 将乐县 whole. Reproducible: the same jieba dictionary gives a byte-identical file.

    .venv/bin/python scripts/build_lead_nouns.py [--out FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportcli.facts.quantities import DISPOSAL_CHARS, LEAD_NOUN_TAGS, LEAD_STRIP  # noqa: E402

OUT = ROOT / "reportcli" / "data" / "lead_nouns.txt"
MIN_FREQ = 20


def lead_nouns() -> list[str]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_lead_nouns: jieba is not installed")
    data = (Path(next(iter(spec.submodule_search_locations))) / "dict.txt").read_text(encoding="utf-8")
    firsts = "".join(w for w in LEAD_STRIP if len(w) == 1) + DISPOSAL_CHARS
    tags = "|".join(sorted(LEAD_NOUN_TAGS))
    line_re = re.compile(rf"^([{re.escape(firsts)}]\S+) ([0-9]+) (?:{tags})$", re.M)
    return sorted({w for w, freq in line_re.findall(data) if int(freq) >= MIN_FREQ})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = lead_nouns()
    header = (f"# nouns of jieba's dictionary (frequency >= {MIN_FREQ}) that begin with a character the facts "
              "extractor strips\n# from a subject's front; built by scripts/build_lead_nouns.py, do not edit\n")
    args.out.write_text(header + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"build_lead_nouns: {len(words)} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
