#!/usr/bin/env bash
# Build a keyword table and a facts table for a folder of reports: by default the national
# government work reports 1954–2022 of ../shared/corpus. The year comes from each file name.
#
#   examples/national_panel.sh [FOLDER] [OUTDIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="${1:-$here/../../shared/corpus/chengjun-mybook_national_1954-2022}"
out="${2:-$here/output}"
reportcli="${REPORTCLI:-reportcli}"
mkdir -p "$out"
meta='(?P<year>\d{4})_(?P<region>[a-z-]+)_'

"$reportcli" keywords "$folder" --meta "$meta" --top 20 -o "$out/national_keywords.csv"
"$reportcli" facts "$folder" --meta "$meta" --kind percent,money,change -o "$out/national_facts.csv"
"$reportcli" lexicon "$folder" --meta "$meta" --wide -o "$out/national_attention.csv"
echo "wrote $out/national_keywords.csv, $out/national_facts.csv and $out/national_attention.csv" >&2
