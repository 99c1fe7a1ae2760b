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
meta='(?P<year>\d{4})_(?P<region>[a-z-]+)_'
# the reports at the top of the folder (not its sub-folders, e.g. raw/ copies), in name order
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
out="$(mkdir -p "$out" && cd "$out" && pwd)"
cd "$folder"  # file names in the tables are then relative to the folder
find . -maxdepth 1 -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.pdf' -o -name '*.html' \) | sed 's|^\./||' | sort >"$list"

"$reportcli" keywords --files-from "$list" --meta "$meta" --top 10 -o "$out/national_keywords.csv"
"$reportcli" facts --files-from "$list" --meta "$meta" --kind percent,money -o "$out/national_facts.csv"
"$reportcli" lexicon --files-from "$list" --meta "$meta" --wide -o "$out/national_attention.csv"
echo "wrote $out/national_keywords.csv, $out/national_facts.csv and $out/national_attention.csv" >&2
