"""Draw the README's charts with `reportcli ... --plot`: one of each kind, from the seed report and
the corpus of national government work reports 1954–2022 (../shared/corpus beside the checkout).

    python examples/make_charts.py [OUTDIR]        # default: examples/images/

The tables the commands print are discarded; only the charts are kept.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NATIONAL = HERE.parent.parent / "shared" / "corpus" / "chengjun-mybook_national_1954-2022"


def reportcli(*args: str) -> None:
    command = [sys.executable, "-m", "reportcli", *args, "--quiet", "--format", "csv"]
    shown = [Path(a).name if "/" in a else a for a in args]
    print("reportcli", " ".join(shown if len(shown) < 12 else [*shown[:10], f"… ({len(shown) - 10} more)"]), file=sys.stderr)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "images"
    out.mkdir(parents=True, exist_ok=True)
    # From the seed report shipped with reportcli (no PATH).
    reportcli("keywords", "--top", "15", "--plot", str(out / "keywords.png"))
    reportcli("facts", "--plot", str(out / "facts.png"))
    if not NATIONAL.is_dir():
        sys.exit(f"{NATIONAL} is absent: the compare and lexicon charts need the corpus")
    reports = sorted(str(p) for p in NATIONAL.glob("*.txt"))
    by_year = {Path(p).name[:4]: p for p in reports}
    reportcli("compare", by_year["2012"], by_year["2022"], "--top", "12", "--plot", str(out / "compare.png"))
    reportcli("lexicon", "--dict", "生态环保", "--meta", r"(?P<year>\d{4})_", "--plot", str(out / "lexicon.png"),
              *reports)  # fmt: skip
    print(f"wrote {', '.join(p.name for p in sorted(out.glob('*.png')))} in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
