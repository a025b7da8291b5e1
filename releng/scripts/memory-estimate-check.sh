#!/usr/bin/env bash
# Compares the engine's memory estimate (MemoryEstimate, written to each run's run.log) with the peak resident memory
# of real runs (/usr/bin/time -v), for a few configurations of 2 epochs each. Needs a built engine
# (./mvnw -B package -DskipTests), python3 and GNU time.
# Usage: releng/scripts/memory-estimate-check.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(realpath -m "${1:-$(mktemp -d)}")"
mkdir -p "$work"
hqcm="$root/hqcm"

# make NAME PRESET [ATTR=VALUE | widths=A,B,C]...: a preset with attributes (anywhere in the file) replaced
make() {
  local name="$1" preset="$2"; shift 2
  local file="$work/$name.hqcm"
  rm -f "$file"
  "$hqcm" new --preset "$preset" "$file" >/dev/null
  python3 - "$file" "$name" "$@" <<'PY'
import re, sys
file, name, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
s = open(file).read()
s = re.sub(r' name="[^"]*"', ' name="%s"' % name, s, count=1)
for e in edits:
    key, value = e.split('=', 1)
    if key == 'widths':
        block = ''.join('<backboneWidths>%s</backboneWidths>\n    ' % w for w in value.split(','))
        s = re.sub(r'(<backboneWidths>\d+</backboneWidths>\s*)+', block, s, count=1)
    else:
        s, n = re.subn(r'\b%s="[^"]*"' % key, '%s="%s"' % (key, value), s)
        assert n > 0, key
open(file, 'w').write(s)
PY
  echo "$file"
}

configs=(
  "tiny quickstart imageSize=16 reductionRatio=1 imagesPerClass=8 maxEpochs=2 batchSize=8 batchNormRecalibration=0 tsnePerplexity=2.0 widths=4,4,2"
  "quickstart quickstart maxEpochs=2"
  "paper-net hqcm-ebtc imagesPerClass=200 maxEpochs=2"
  "wide quickstart imagesPerClass=200 maxEpochs=2 batchSize=64 widths=256,128,64"
)

printf '%-12s %12s %12s %8s\n' config estimate peak_rss ratio
for c in "${configs[@]}"; do
  read -r name preset edits <<<"$c"
  # shellcheck disable=SC2086
  file=$(make "$name" "$preset" $edits)
  out="$work/runs-$name"
  rm -rf "$out"
  /usr/bin/time -v -o "$work/$name.time" "$hqcm" run "$file" --out "$out" >"$work/$name.out" 2>"$work/$name.err" || true
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  log=$(ls "$out"/*/run.log | head -n 1)
  est=$(grep -o 'memory estimate [0-9.]* [GM]B' "$log" | head -n 1 | awk '{print $3, $4}')
  est_mb=$(awk -v v="${est% *}" -v u="${est#* }" 'BEGIN { print (u == "GB" ? v * 1024 : v) }')
  printf '%-12s %9.0f MB %9.0f MB %8.2f\n' "$name" "$est_mb" "$((rss_kb / 1024))" \
    "$(awk -v a="$est_mb" -v b="$rss_kb" 'BEGIN { print a / (b / 1024) }')"
  grep -o 'memory estimate.*' "$log" | head -n 1 >"$work/$name.estimate"
done
echo "work folder: $work (per configuration: NAME.estimate, NAME.time, runs-NAME/)"
