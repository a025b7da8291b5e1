#!/usr/bin/env bash
# The hostile-input campaign of issue 12: ./hqcm used as a careless or hostile user would, case by case, with what
# each case did measured: exit code, whether the message is clear (names the file, field or value: a pattern per
# case), a stack trace, a hang (timeout), peak resident memory (GNU time), half-written or lost data in run folders
# (releng/scripts/hostile/integrity.py) and, after kill -9 or a full disk, whether the resumed run's predictions.csv
# equals an uninterrupted run's byte for byte.
#
# Usage: releng/scripts/hostile-campaign.sh [WORK_DIR]        (needs a built engine, python3, GNU time; root for the
# disk-full and read-only cases, which mount small tmpfs folders and unmount them at the end; they are skipped
# otherwise). Writes WORK_DIR/results.tsv (one line per case) and prints the summary table. About 25 minutes on 2
# loaded cores. The engine runs with ./hqcm's normal -Xmx4g.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(realpath -m "${1:-/tmp/hqcm-hostile-campaign}")"
# the generated hostile files are kept between campaigns (3 minutes to write); everything else starts afresh
if [ -d "$work/files/hostile" ]; then mv "$work/files/hostile" "$work/.hostile-keep"; fi
rm -rf "$work/cases" "$work/files" "$work/mnt-"* "$work/results.tsv"
mkdir -p "$work/cases" "$work/files"
if [ -d "$work/.hostile-keep" ]; then mv "$work/.hostile-keep" "$work/files/hostile"; fi
# SECTIONS="experiment data run kill disk cli" runs a part of the campaign (default: all)
only() { [[ " ${SECTIONS:-all} " == *" all "* || " ${SECTIONS:-} " == *" $1 "* ]]; }
scripts="$root/releng/scripts/hostile"
results="$work/results.tsv"
printf 'category\tcase\texpected\texit\tclear\tstack\thang\tpeak_mb\tdata\tresume\tmessage\n' >"$results"

# a snapshot of the built engine, so that a rebuild during the campaign does not pull jars from under it
snapshot="$root/bundles/org.hqcm.engine/target-campaign"
rm -rf "$snapshot"
mkdir -p "$snapshot"
cp -r "$root"/bundles/org.hqcm.engine/target/lib "$root"/bundles/org.hqcm.engine/target/org.hqcm.engine-*.jar "$snapshot"/
export HQCM_TARGET=target-campaign
hqcm="$root/hqcm"

mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$snapshot"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# run_case CATEGORY NAME EXPECTED_EXIT PATTERN [--data DIR] [--resume REF_PREDICTIONS DIR] -- COMMAND...
# EXPECTED_EXIT is a regex (0, 2, 1|2); PATTERN an extended regex the output must match for a clear message ("" when
# the case succeeds quietly). --data DIR: check that run folder for half-written data once the command has ended.
# --resume: compare DIR/predictions.csv with REF_PREDICTIONS.
last_dir=""
run_case() {
  local category="$1" name="$2" expected="$3" pattern="$4"
  shift 4
  local data_dir="" ref="" resume_dir=""
  while [ "$1" != "--" ]; do
    case "$1" in
      --data) data_dir="$2"; shift 2 ;;
      --resume) ref="$2"; resume_dir="$3"; shift 3 ;;
    esac
  done
  shift
  local dir="$work/cases/$name"
  mkdir -p "$dir"
  last_dir="$dir"
  /usr/bin/time -v -o "$dir/time" timeout -k 30 "${CASE_TIMEOUT:-300}" "$@" >"$dir/out" 2>"$dir/err" </dev/null
  local code=$?
  record "$category" "$name" "$expected" "$pattern" "$code" "$dir" "$data_dir" "$ref" "$resume_dir"
}

# record ...: one line of results.tsv from a finished case's files
record() {
  local category="$1" name="$2" expected="$3" pattern="$4" code="$5" dir="$6" data_dir="$7" ref="$8" resume_dir="$9"
  local hang=no clear=no stack=no data=- resume=-
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then hang=yes; fi
  if [[ "$code" =~ ^($expected)$ ]] && { [ -z "$pattern" ] || grep -Eq -- "$pattern" "$dir/out" "$dir/err"; }; then
    clear=yes
  fi
  if grep -Eq '^[[:space:]]+at [A-Za-z_$][A-Za-z0-9_$.]*\(|^Exception in thread|^Caused by: ' "$dir/out" "$dir/err"; then
    stack=yes
  fi
  local kb
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time" 2>/dev/null)
  local mb=$(( ${kb:-0} / 1024 ))
  if [ -n "$data_dir" ]; then
    local d
    for d in $data_dir; do
      if [ -d "$d" ]; then
        local r
        r=$(python3 "$scripts/integrity.py" "$d" --settled)
        if [ "$r" != ok ]; then data="$r"; break; fi
        data=ok
      fi
    done
  fi
  if [ -n "$ref" ]; then
    if [ -f "$resume_dir/predictions.csv" ] && cmp -s "$ref" "$resume_dir/predictions.csv"; then resume=match
    else resume=mismatch; fi
  fi
  local message
  message=$(cat "$dir/err" "$dir/out" | grep -E 'error:|failed:|warning:|CANCELLED|FAILED|test accuracy|written:|bad files:' \
    | head -n 1 | cut -c1-160 | tr '\t' ' ')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$category" "$name" "$expected" "$code" "$clear" "$stack" \
    "$hang" "$mb" "$data" "$resume" "$message" >>"$results"
  printf '%-18s %-40s exit %-3s clear %-3s stack %-3s hang %-3s %5s MB  %s %s\n' "$category" "$name" "$code" "$clear" \
    "$stack" "$hang" "$mb" "$data" "$resume"
}

set_last() { # set_last COLUMN VALUE: change a column of the last line of results.tsv (a check after the case)
  python3 - "$results" "$1" "$2" <<'PY'
import sys
path, column, value = sys.argv[1:]
lines = open(path).read().rstrip('\n').split('\n')
header = lines[0].split('\t')
cells = lines[-1].split('\t')
cells[header.index(column)] = value
lines[-1] = '\t'.join(cells)
open(path, 'w').write('\n'.join(lines) + '\n')
PY
}

exp() { # exp NAME [EDIT...]: a variant of the tiny experiment in $work/files
  local name="$1"; shift
  python3 "$scripts/experiment.py" "$work/files/tiny.hqcm" "$work/files/$name.hqcm" "$@"
  echo "$work/files/$name.hqcm"
}

events_count() { local n; n=$(grep -c "\"type\":\"$2\"" "$1/events.jsonl" 2>/dev/null); echo "${n:-0}"; }
has_run() { [ -n "$(only_run "$1")" ]; }
epochs_at_least() { [ "$(events_count "$1" epoch)" -ge "$2" ]; }
only_run() { ls -d "$1"/*/ 2>/dev/null | head -n 1 | sed 's:/$::'; }
wait_for() { # wait_for SECONDS CONDITION...: poll every 0.1 s
  local until=$(( $(date +%s) + $1 )); shift
  while ! "$@"; do
    [ "$(date +%s)" -ge "$until" ] && return 1
    sleep 0.1
  done
}

# ---------------------------------------------------------------------------------------------------------------
echo "preparing files in $work/files ..."
"$hqcm" new --preset quickstart "$work/files/quickstart.hqcm" >/dev/null
python3 "$scripts/experiment.py" "$work/files/quickstart.hqcm" "$work/files/tiny.hqcm" name=tiny imageSize=16 \
  reductionRatio=1 imagesPerClass=10 maxEpochs=3 batchSize=8 batchNormRecalibration=0 tsnePerplexity=2.0 \
  widths=4,4,2 qubits=2 circuits=2 layers=1 attentionExamples=4
"$hqcm" new --preset quickstart-classical "$work/files/classical.hqcm" >/dev/null
[ -f "$work/files/hostile/zips/model-bomb.zip" ] || java "$scripts/HostileFiles.java" "$work/files/hostile" || exit 1
hf="$work/files/hostile"
"$hqcm" data synth --out "$work/files/phantom" --per-class 20 --size 32 --seed 3 >/dev/null 2>&1
"$hqcm" data synth --out "$work/files/mat512" --per-class 2 --size 512 --format mat --seed 3 >/dev/null 2>&1
printf 'TOP-SECRET-TOKEN-1234567890' >"$work/files/secret.txt"
# a completed run to spoil and to predict with
ref_exp=$(exp reference imagesPerClass=10 maxEpochs=3)
"$hqcm" run "$ref_exp" --seed 7 --out "$work/files/ref" >/dev/null 2>&1
ref=$(only_run "$work/files/ref")
[ -f "$ref/model.zip" ] || { echo "the reference run failed: $ref"; exit 1; }
# a cancelled run of 8 epochs (SIGTERM after its first epoch), the base of the resume cases
long_exp=$(exp long imagesPerClass=10 maxEpochs=8 earlyStoppingPatience=0)
"$hqcm" run "$long_exp" --seed 5 --out "$work/files/whole" >/dev/null 2>&1
whole=$(only_run "$work/files/whole")
"$hqcm" run "$long_exp" --seed 5 --out "$work/files/cancelled" >/dev/null 2>&1 &
pid=$!
wait_for 300 has_run "$work/files/cancelled"
cancelled=$(only_run "$work/files/cancelled")
wait_for 300 epochs_at_least "$cancelled" 1
kill -TERM $pid; wait $pid
copy_cancelled() { local d="$work/cases/$1/run"; rm -rf "$d"; mkdir -p "$(dirname "$d")"; cp -r "$cancelled" "$d"; echo "$d"; }

# ---------------------------------------------------------------------------------------------------------------
if only experiment; then
# experiment files: each is validated and run; both must refuse it with the same clear message, before anything big
cat_exp="experiment files"
long=$(printf 'n%.0s' $(seq 1 300))
lol='<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
declare -a exps=(
  "shots|architecture.head.shots: 2000000000 is not allowed|shots=2000000000"
  "widths-100000|backboneWidths\[0\]: 100000 is not allowed|widths=100000,4,2"
  "batch-1e9|training.batchSize: 1000000000 is not allowed|batchSize=1000000000"
  "images-2e9|imagesPerClass: 2000000000 is not allowed|imagesPerClass=2000000000"
  "layers-1e6|architecture.head.layers: 1000000 is not allowed|layers=1000000"
  "classes-100001|dataset.classNames: 100001 class names are not allowed|classes=100001"
  "kernel-99999|spatialKernels\[2\]: 99999 is not allowed|kernels=1,3,99999"
  "fuse-99999|fuseKernel: 99999 is not allowed|fuseKernel=99999"
  "name-300|name: \"n+\.\.\.\" \(300 characters\) is not allowed|name=$long"
  "dev-zero|/dev/zero is neither a regular file nor a folder|source=FIGSHARE_MAT:/dev/zero"
  "entangler|entangler: BASIC_ENTANGLING is not implemented|entangler=BASIC_ENTANGLING"
  "memory-native|training.batchSize: the run needs about [0-9.]+ GB of|imageSize=128|widths=4096,64,32|batchSize=4096"
  "memory-machine|training.batchSize: the run needs about [0-9.]+ GB of memory .* more than the [0-9.]+ GB this machine has|imageSize=256|widths=16,4096,32|batchSize=512"
  "memory-heap|imagesPerClass: the run needs about [0-9.]+ GB of Java heap|imageSize=512|imagesPerClass=100000"
  "image-size-2048|dataset.imageSize: 2048 is not allowed|imageSize=2048"
  "max-pixels-0|dataset.maxImagePixels: 0 is not allowed|maxImagePixels=0"
  "lr-nan|training.learningRate: NaN is not allowed|learningRate=NaN"
  "lr-1e999|training.learningRate: Infinity is not allowed|learningRate=1e999"
  "repeats-1e6|repeats: 1000000 is not allowed|repeats=1000000"
  "qubits-13|architecture.head.qubits: 13 is not allowed|qubits=13"
  "examples-1000|evaluation.attentionExamples: 1000 is not allowed|attentionExamples=1000"
  "int-overflow|batchSize: '99999999999' is not allowed; expected an integer|batchSize=99999999999"
  "href|'architecture' of Experiment refers to other.hqcm|regex=<architecture>.*</architecture>|<architecture href=\"other.hqcm#//@architecture\"/>"
  "xxe|DOCTYPE|replace=<?xml version=\"1.0\" encoding=\"UTF-8\"?>|<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file://$work/files/secret.txt\">]>"
  "billion-laughs|DOCTYPE|replace=<?xml version=\"1.0\" encoding=\"UTF-8\"?>|<?xml version=\"1.0\"?>$lol"
  "unknown-feature|'colour' is not a feature of Training|replace=batchSize=|colour=\"red\" batchSize="
  "missing-folder|does not exist|source=IMAGE_FOLDER:$work/files/nowhere"
  "file-as-folder|is not a folder|source=DICOM:$work/files/secret.txt"
  "empty-folder|no class folders under|source=IMAGE_FOLDER:$work/files"
)
for spec in "${exps[@]}"; do
  IFS='|' read -r name pattern e1 e2 e3 <<<"$spec"
  if [ "$name" = href ] || [ "$name" = xxe ] || [ "$name" = billion-laughs ] || [ "$name" = unknown-feature ]; then
    rest="${spec#*|*|}"
    f=$(exp "$name" "$rest")
  else
    # shellcheck disable=SC2086
    f=$(exp "$name" $e1 ${e2:-} ${e3:-})
  fi
  launcher=(env)
  # more than the machine has, yet within the heap: the later blocks keep three floats per pooling window on the Java
  # heap (FusedNormPool), so with the default -Xmx4g the heap refuses this run before the machine's memory does
  [ "$name" = memory-machine ] && launcher=(env HQCM_JAVA_OPTS=-Xmx256g)
  run_case "$cat_exp" "validate-$name" 2 "$pattern" -- "${launcher[@]}" "$hqcm" validate "$f"
  run_case "$cat_exp" "run-$name" 2 "$pattern" -- "${launcher[@]}" "$hqcm" run "$f" --out "$work/cases/run-$name/runs"
  # refused at the start: no run folder may exist
  [ -d "$work/cases/run-$name/runs" ] && set_last data "a run folder was made"
done
head -c 5000 /dev/urandom >"$work/files/random.hqcm"
: >"$work/files/empty.hqcm"
cp "$work/files/tiny.hqcm" "$work/files/as-record.hqcmrun"
run_case "$cat_exp" validate-random-bytes 2 'random.hqcm:[0-9]+:[0-9]+: ' -- "$hqcm" validate "$work/files/random.hqcm"
run_case "$cat_exp" run-random-bytes 2 'random.hqcm:[0-9]+:[0-9]+: ' -- "$hqcm" run "$work/files/random.hqcm" --out "$work/cases/x"
run_case "$cat_exp" validate-empty-file 2 'empty.hqcm' -- "$hqcm" validate "$work/files/empty.hqcm"
run_case "$cat_exp" validate-folder 2 "$work/files: not a regular file" -- "$hqcm" validate "$work/files"
run_case "$cat_exp" validate-dev-zero 2 '/dev/zero: not a regular file' -- "$hqcm" validate /dev/zero
run_case "$cat_exp" validate-missing 2 'nothing.hqcm: no such file' -- "$hqcm" validate "$work/files/nothing.hqcm"
fi
# ---------------------------------------------------------------------------------------------------------------
if only data; then
# data files: hostile files among good ones; each must become a listed bad file with its reason, or one line
cat_data="data files"
ds() { # ds NAME FILE...: the phantom image folder with the files added to class glioma
  local d="$work/files/ds-$1"; shift
  rm -rf "$d"; cp -r "$work/files/phantom" "$d"
  for f in "$@"; do cp "$f" "$d/glioma/"; done
  echo "$d"
}
declare -a images=(
  "huge-40000.png|huge-40000.png: declares width x height = 40000 x 40000 = 1600000000 pixels"
  "bad-crc.png|bad-crc.png: corrupt PNG: chunk IDAT at byte [0-9]+ has CRC"
  "truncated.png|truncated.png: truncated PNG"
  "half.jpg|half.jpg: corrupt JPEG image: .*EOI"
  "huge-sof.jpg|huge-sof.jpg: declares width x height = 60000 x 60000"
  "bmp-as.png|bmp-as.png: declares width x height = 10000 x 10000"
  "gif-as.jpg|gif-as.jpg: declares width x height = 65535 x 65535"
  "empty.png|empty.png: not a readable PNG or JPEG image"
  "random.png|random.png: not a readable PNG or JPEG image"
)
for spec in "${images[@]}"; do
  IFS='|' read -r file pattern <<<"$spec"
  d=$(ds "${file%.*}" "$hf/images/$file")
  run_case "$cat_data" "info-$file" 0 "$pattern" -- "$hqcm" data info "$d" --no-chart --size 16
  run_case "$cat_data" "predict-$file" 2 "error: .*$file: cannot read the image" -- \
    "$hqcm" predict --model "$ref" --out "$work/cases/predict-out" "$hf/images/$file"
done
d=$(ds six-20000 "$hf"/images/huge-20000-*.png)
run_case "$cat_data" info-six-20000x20000 0 'huge-20000-5.png: declares width x height = 20000 x 20000' -- \
  "$hqcm" data info "$d" --no-chart --size 16 --max-bad-share 0.5
f=$(exp run-six-20000 source=IMAGE_FOLDER:"$d")
run_case "$cat_data" run-six-20000x20000-of-86 0 'test accuracy' -- "$hqcm" run "$f" --out "$work/cases/run-six/runs"
r=$(only_run "$work/cases/run-six/runs")
[ "$(grep -c 'skipped .*huge-20000-[0-5].png: declares width x height = 20000 x 20000' "$r/run.log" 2>/dev/null)" = 6 ] \
  || set_last clear no
d=$(ds few-hostile "$hf/images/huge-40000.png" "$hf/images/bad-crc.png" "$hf/images/half.jpg")
f=$(exp run-few-hostile source=IMAGE_FOLDER:"$d")
run_case "$cat_data" run-with-3-hostile-of-83 0 'test accuracy' -- "$hqcm" run "$f" --out "$work/cases/run-few/runs"
r=$(only_run "$work/cases/run-few/runs")
grep -q 'skipped .*huge-40000.png: declares' "$r/run.log" 2>/dev/null || set_last clear no
d=$(ds linked-class); rm -rf "$d/pituitary"; ln -s "$work/files/phantom/pituitary" "$d/pituitary"
run_case "$cat_data" info-linked-class-folder 0 'pituitary: a link to a folder' -- \
  "$hqcm" data info "$d" --no-chart --size 16 --max-bad-share 0.5
f=$(exp validate-linked source=IMAGE_FOLDER:"$d")
run_case "$cat_data" validate-linked-class-folder 0 'warning: dataset.sources\[0\].path: 1 files or folders are not read .*a link to a folder' -- \
  "$hqcm" validate "$f"
d=$(ds linked-file); ln -s "$work/files/secret.txt" "$d/glioma/escape.png"
run_case "$cat_data" info-link-out-of-root 0 'escape.png: link refused: resolves to .*outside the dataset root' -- \
  "$hqcm" data info "$d" --no-chart --size 16
declare -a dicoms=(
  "overflow.dcm|declares Rows x Columns x frames = 65535 x 65535 = 4294836225 pixels"
  "nested.dcm|sequences nested more than 64 deep"
  "sparse-3g.dcm|declares Rows x Columns x frames = 38730 x 38730"
  "sparse-claim.dcm|Pixel Data declares 2999000000 bytes"
  "frames.dcm|declares Rows x Columns x frames = 512 x 512 x 300"
  "truncated.dcm|truncated"
  "random.dcm|not a DICOM Part-10 file"
)
for spec in "${dicoms[@]}"; do
  IFS='|' read -r file pattern <<<"$spec"
  d="$work/files/dcm-${file%.*}"; rm -rf "$d"; cp -r "$hf/dicom-dataset" "$d"
  cp --sparse=always "$hf/dicom/$file" "$d/glioma/$file"
  run_case "$cat_data" "info-$file" 0 "$file: $pattern" -- "$hqcm" data info "$d" --kind DICOM --no-chart --size 16 --max-bad-share 0.5
  run_case "$cat_data" "predict-$file" 2 "error: .*$file: cannot read the image" -- \
    "$hqcm" predict --model "$ref" --out "$work/cases/predict-out" "$hf/dicom/$file"
done
d="$work/files/dcm-run"; rm -rf "$d"; cp -r "$hf/dicom-dataset" "$d"
for file in nested.dcm overflow.dcm sparse-3g.dcm; do cp --sparse=always "$hf/dicom/$file" "$d/glioma/"; done
f=$(exp run-dicom-hostile source=DICOM:"$d")
run_case "$cat_data" run-dicom-with-3-hostile-of-43 0 'test accuracy' -- "$hqcm" run "$f" --out "$work/cases/run-dicom/runs"
r=$(only_run "$work/cases/run-dicom/runs")
grep -q 'skipped .*nested.dcm: sequences nested' "$r/run.log" 2>/dev/null || set_last clear no
run_case "$cat_data" info-mat-512-over-limit 2 'declares cjdata/image columns x rows = 512 x 512 = 262144 pixels, more than dataset.maxImagePixels = 100000' -- \
  "$hqcm" data info "$work/files/mat512" --no-chart --size 16 --max-image-pixels 100000
mkdir -p "$work/files/mat-random"; cp "$hf/images/random.png" "$work/files/mat-random/r.mat"
run_case "$cat_data" info-mat-random-bytes 2 'r.mat: not a readable MATLAB v7.3' -- "$hqcm" data info "$work/files/mat-random" --no-chart --size 16
fi
# ---------------------------------------------------------------------------------------------------------------
if only run; then
# run folders: a completed and a cancelled tiny run, copied and spoiled per case
cat_run="run folders"
copy_ref() { local d="$work/cases/$1/run"; rm -rf "$d"; mkdir -p "$(dirname "$d")"; cp -r "$ref" "$d"; echo "$d"; }
run_case "$cat_data" predict-dev-zero 2 'error: /dev/zero: not a regular file' -- "$hqcm" predict --model "$ref" /dev/zero
# predict reads a folder's images (issue 17); in this folder of hostile files the first bad one stops it, named
run_case "$cat_data" predict-a-folder 2 "error: $work/files/[^ ]+: " -- "$hqcm" predict --model "$ref" "$work/files"

d=$(copy_ref report-linked-figure); rm "$d/artefacts/loss.png"; ln -s "$work/files/secret.txt" "$d/artefacts/loss.png"
run_case "$cat_run" report-linked-figure 0 'warning: skipped .*loss.png is a symbolic link' -- "$hqcm" report "$d"
grep -q 'VE9QLVNFQ1JFVC1UT0tFTi0xMjM0NTY3ODkw\|TOP-SECRET' "$d/report.html" && set_last data "the secret is in report.html"
d=$(copy_ref report-linked-artefacts); mkdir -p "$work/files/fake-artefacts"; cp "$work/files/secret.txt" "$work/files/fake-artefacts/confusion.png"
rm -rf "$d/artefacts"; ln -s "$work/files/fake-artefacts" "$d/artefacts"
run_case "$cat_run" report-linked-artefacts-folder 0 'warning: skipped .*artefacts is a symbolic link' -- "$hqcm" report "$d"
d=$(copy_ref report-linked-predictions); mv "$d/predictions.csv" "$work/cases/report-linked-predictions/p.csv"
ln -s "$work/cases/report-linked-predictions/p.csv" "$d/predictions.csv"
run_case "$cat_run" report-linked-predictions 2 'predictions.csv is a symbolic link' -- "$hqcm" report "$d"
d=$(copy_ref report-nan); sed -i '3s/,[^,]*$/,NaN/' "$d/predictions.csv"
run_case "$cat_run" report-nan-probability 2 'predictions.csv: line 3: NaN is not allowed' -- "$hqcm" report "$d"
d=$(copy_ref report-duplicate); sed -n 2p "$d/predictions.csv" >>"$d/predictions.csv"
run_case "$cat_run" report-duplicated-row 2 'predictions.csv: line [0-9]+: sample [0-9]+ appears again' -- "$hqcm" report "$d"
d=$(copy_ref report-jaccard-bytes); printf '\xff\xfe' | dd of="$d/jaccard.csv" bs=1 seek=40 conv=notrunc 2>/dev/null
run_case "$cat_run" report-jaccard-bad-bytes 2 'jaccard.csv: cannot read \(line [0-9]+, column [0-9]+: bytes 0xFF' -- "$hqcm" report "$d"
d=$(copy_ref predict-model-bomb); cp "$hf/zips/model-bomb.zip" "$d/model.zip"
run_case "$cat_run" predict-model-zip-bomb 2 'model.zip: ([0-9]+ bytes, more than an archive of the expected arrays|entry block1.conv.weight.f64 declares 4294967296 bytes)' -- \
  "$hqcm" predict --model "$d" "$hf/images/good.png" --out "$work/cases/predict-model-bomb/out"
d=$(copy_ref random-record); head -c 3000 /dev/urandom >"$d/run.hqcmrun"
run_case "$cat_run" report-random-record 2 'run.hqcmrun:[0-9]+:[0-9]+: ' -- "$hqcm" report "$d"
run_case "$cat_run" resume-random-record 2 'run.hqcmrun:[0-9]+:[0-9]+: ' -- "$hqcm" run --resume "$d"
run_case "$cat_run" predict-random-record 2 'run.hqcmrun:[0-9]+:[0-9]+: ' -- "$hqcm" predict --model "$d" "$hf/images/good.png"
d=$(copy_ref href-record)
printf '<?xml version="1.0"?>\n<hqcm:RunRecord xmlns:hqcm="http://hqcm.org/hqcm/1.0" id="x"><experiment href="../../files/tiny.hqcm#/"/></hqcm:RunRecord>\n' >"$d/run.hqcmrun"
run_case "$cat_run" resume-href-record 2 "'experiment' of RunRecord refers to" -- "$hqcm" run --resume "$d"
d=$(copy_ref linked-record); mv "$d/run.hqcmrun" "$work/cases/linked-record/r.hqcmrun"; ln -s "$work/cases/linked-record/r.hqcmrun" "$d/run.hqcmrun"
run_case "$cat_run" report-linked-record 2 'run.hqcmrun is a symbolic link' -- "$hqcm" report "$d"
run_case "$cat_run" resume-completed 2 'the run is already completed' -- "$hqcm" run --resume "$ref"
run_case "$cat_run" resume-not-a-run 2 'not a run folder' -- "$hqcm" run --resume "$work/files"
run_case "$cat_run" report-not-a-run 2 'not a run folder' -- "$hqcm" report "$work/files"

d=$(copy_cancelled resume-checkpoint-bomb); cp "$hf/zips/checkpoint-bomb.zip" "$d/checkpoint.zip"
run_case "$cat_run" resume-checkpoint-zip-bomb 2 'checkpoint.zip: ([0-9]+ bytes, more than an archive of the expected arrays|entry net.block1.conv.weight.f64 declares 4294967296 bytes)' --data "$d" -- \
  "$hqcm" run --resume "$d"
d=$(copy_cancelled resume-linked-checkpoint); mv "$d/checkpoint.zip" "$work/cases/resume-linked-checkpoint/c.zip"
ln -s "$work/cases/resume-linked-checkpoint/c.zip" "$d/checkpoint.zip"
run_case "$cat_run" resume-linked-checkpoint 2 'checkpoint.zip is a symbolic link' -- "$hqcm" run --resume "$d"
d=$(copy_cancelled resume-torn-and-tmp)
printf '{"type":"batch","epoch":2,"bat' >>"$d/events.jsonl"
head -c 65000 /dev/urandom >"$d/.model.zip.4711.tmp"; head -c 100 /dev/urandom >"$d/.provenance.txt.12.tmp"
run_case "$cat_run" resume-torn-event-and-temp-files 0 'test accuracy' --data "$d" --resume "$whole/predictions.csv" "$d" -- \
  "$hqcm" run --resume "$d"
grep -q 'dropped the torn last line of events.jsonl' "$d/run.log" && grep -q 'removed .model.zip.4711.tmp' "$d/run.log" \
  || set_last clear no
d=$(copy_cancelled resume-missing-checkpoint); rm "$d/checkpoint.zip"
run_case "$cat_run" resume-missing-checkpoint 0 'warning: .*checkpoint.zip is missing: the 1 epochs in run.hqcmrun cannot be continued' \
  --data "$d" --resume "$whole/predictions.csv" "$d" -- "$hqcm" run --resume "$d"

# one writer: a resume while the run goes on, and two resumes at once
d=$(copy_cancelled lock-live)
"$hqcm" run --resume "$d" >"$work/cases/lock-live/first.out" 2>&1 &
first=$!
wait_for 120 grep -q "pid=$first," "$d/run.lock"
run_case "$cat_run" resume-while-running 2 "is in use by another run: pid=[0-9]+, host=.*, started=" -- "$hqcm" run --resume "$d"
wait $first
first_code=$?
[ $first_code = 0 ] || set_last clear "no (the first resume ended with $first_code)"
set_last data "$(python3 "$scripts/integrity.py" "$d" --settled)"
d=$(copy_cancelled lock-two)
dir="$work/cases/two-resumes-at-once"; mkdir -p "$dir"
/usr/bin/time -v -o "$dir/time-a" "$hqcm" run --resume "$d" >"$dir/a.out" 2>"$dir/a.err" &
a=$!
/usr/bin/time -v -o "$dir/time" "$hqcm" run --resume "$d" >"$dir/b.out" 2>"$dir/b.err" &
b=$!
wait $a; ca=$?; wait $b; cb=$?
cat "$dir"/a.out "$dir"/b.out >"$dir/out"; cat "$dir"/a.err "$dir"/b.err >"$dir/err"
ends=$(grep -c '"type":"end"' "$d/events.jsonl")
epochs=$(grep -o '"type":"epoch","[^}]*"epoch":[0-9]*' "$d/events.jsonl" | grep -o '"epoch":[0-9]*$' | sort | uniq -d | wc -l)
code=$(( (ca == 0 && cb == 2) || (ca == 2 && cb == 0) ? 0 : 1 ))
record "$cat_run" two-resumes-at-once 0 'is in use by another run' "$code" "$dir" "$d" "$whole/predictions.csv" "$d"
# the cancelled run's end, then one resume's: two end events, and each epoch once in the event stream
[ "$ends" -le 2 ] && [ "$epochs" = 0 ] || set_last data "events: $ends end events, $epochs epochs twice"
fi
# ---------------------------------------------------------------------------------------------------------------
if only kill; then
# kill -9 during training and during the final writing; the resumed run must end with the uninterrupted predictions
cat_kill="kill -9"
kill_case() { # kill_case NAME CONDITION_SCRIPT [DELAY]
  local name="$1" cond="$2" delay="${3:-0}"
  local out="$work/cases/$name/runs"
  mkdir -p "$out"
  "$hqcm" run "$long_exp" --seed 5 --out "$out" >"$work/cases/$name/first.out" 2>&1 &
  local p=$!
  wait_for 300 has_run "$out"
  local r; r=$(only_run "$out")
  wait_for 300 bash -c "$cond" _ "$r"
  sleep "$delay"
  kill -9 $p 2>/dev/null; wait $p 2>/dev/null
  if grep -q 'status="COMPLETED"' "$r/run.hqcmrun"; then
    # the run ended before the kill came: its folder must still be whole, and a resume says it is complete
    run_case "$cat_kill" "$name (ended before the kill)" 2 'the run is already completed' --data "$r" \
      --resume "$whole/predictions.csv" "$r" -- "$hqcm" run --resume "$r"
  else
    run_case "$cat_kill" "$name" 0 'test accuracy' --data "$r" --resume "$whole/predictions.csv" "$r" -- \
      "$hqcm" run --resume "$r"
  fi
}
for e in 1 2 4 6; do
  kill_case "kill-after-epoch-$e" "n=\$(grep -c '\"type\":\"epoch\"' \"\$1/events.jsonl\" 2>/dev/null); [ \"\${n:-0}\" -ge $e ]"
done
kill_case kill-in-first-batch "grep -q '\"name\":\"training\"' \"\$1/events.jsonl\" 2>/dev/null" 0.5
for delay in 0 0.2 0.4 0.6 0.8; do
  kill_case "kill-final-writing-$delay" "grep -q '\"name\":\"evaluating\"' \"\$1/events.jsonl\" 2>/dev/null" "$delay"
done
# killed twice: once in training, once in its resume
out="$work/cases/kill-twice/runs"; mkdir -p "$out"
"$hqcm" run "$long_exp" --seed 5 --out "$out" >/dev/null 2>&1 & p=$!
wait_for 300 has_run "$out"; r=$(only_run "$out")
wait_for 300 epochs_at_least "$r" 2; kill -9 $p; wait $p 2>/dev/null
"$hqcm" run --resume "$r" >/dev/null 2>&1 & p=$!
wait_for 300 epochs_at_least "$r" 5; kill -9 $p; wait $p 2>/dev/null
run_case "$cat_kill" kill-twice 0 'test accuracy' --data "$r" --resume "$whole/predictions.csv" "$r" -- "$hqcm" run --resume "$r"

# SIGTERM inside a long batch (1,000 circuit layers on 12 qubits): the run stops within seconds, CANCELLED
slow=$(exp slow-batch qubits=12 circuits=1 layers=1000 batchSize=64 maxEpochs=1 imagesPerClass=40)
out="$work/cases/sigterm-in-batch/runs"; mkdir -p "$out"
dir="$work/cases/sigterm-in-batch"
/usr/bin/time -v -o "$dir/time" "$hqcm" run "$slow" --out "$out" >"$dir/out" 2>"$dir/err" & p=$!
wait_for 300 has_run "$out"; r=$(only_run "$out")
wait_for 300 grep -q '"name":"training"' "$r/events.jsonl"
sleep 3
jp=$(pgrep -P $p | head -n 1) # the engine's JVM (./hqcm execs java), not GNU time, gets the signal
t0=$(date +%s.%N); kill -TERM "$jp"
( sleep 90; kill -9 $p 2>/dev/null ) & guard=$!
wait $p; code=$?
kill $guard 2>/dev/null
t1=$(date +%s.%N)
stop=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
echo "stopped ${stop} s after SIGTERM" >>"$dir/out"
[ "$(awk -v s="$stop" 'BEGIN { print (s > 60) }')" = 1 ] && code=124
# a JVM ended by SIGTERM exits 143 once its shutdown hook has let the run stop; the record says CANCELLED
record "$cat_kill" "sigterm-in-a-long-batch (${stop} s)" '1|143' 'CANCELLED: cancelled during epoch 1' "$code" "$dir" "$r" "" ""
grep -q 'status="CANCELLED"' "$r/run.hqcmrun" || set_last clear "no (the record is not CANCELLED)"
fi
# ---------------------------------------------------------------------------------------------------------------
if only disk; then
cat_disk="disk full / read-only"
mkdir -p "$work/mnt-probe"
if mount -t tmpfs -o size=1m tmpfs "$work/mnt-probe" 2>/dev/null; then umount "$work/mnt-probe"; can_mount=yes; else can_mount=no; fi
if [ $can_mount = yes ]; then
  full="$work/mnt-full"; mkdir -p "$full"
  size=$(du -sk "$whole" | cut -f1)
  mount -t tmpfs -o size=$(( size * 6 / 10 ))k tmpfs "$full" && mounts+=("$full")
  run_case "$cat_disk" run-onto-a-full-disk 1 'No space left on device' -- "$hqcm" run "$long_exp" --seed 5 --out "$full"
  r=$(only_run "$full")
  mount -o remount,size=64m tmpfs "$full"
  run_case "$cat_disk" resume-after-space-is-freed 0 'test accuracy' --data "$r" --resume "$whole/predictions.csv" "$r" -- \
    "$hqcm" run --resume "$r"
  ro="$work/mnt-ro"; mkdir -p "$ro"
  mount -t tmpfs -o size=8m tmpfs "$ro" && mounts+=("$ro")
  cp -r "$cancelled" "$ro/run"
  mount -o remount,ro tmpfs "$ro"
  run_case "$cat_disk" run-into-a-read-only-folder 2 'cannot create a run folder in .* \(--out\): .*Read-only file system' -- \
    "$hqcm" run "$long_exp" --out "$ro/runs"
  run_case "$cat_disk" resume-a-read-only-run 1 'failed: cannot open the run lock .*run.lock: Read-only file system' -- \
    "$hqcm" run --resume "$ro/run"
  run_case "$cat_disk" chart-into-a-read-only-folder 1 'failed: .*Read-only file system' -- \
    "$hqcm" data info synthetic:2 --size 16 --chart "$ro/chart.png"
else
  echo "(disk-full and read-only cases skipped: mounting a tmpfs needs root)"
fi
fi
# ---------------------------------------------------------------------------------------------------------------
if only cli; then
cat_cli="CLI misuse"
run_case "$cat_cli" unknown-command 2 "Unmatched argument at index 0: 'frobnicate'" -- "$hqcm" frobnicate
run_case "$cat_cli" run-without-arguments 2 'expected an experiment FILE or --resume RUN_DIR' -- "$hqcm" run
run_case "$cat_cli" run-file-and-resume 2 'expected an experiment FILE or --resume RUN_DIR' -- "$hqcm" run "$long_exp" --resume "$ref"
run_case "$cat_cli" run-seed-not-a-number 2 "Invalid value for option '--seed': 'abc'" -- "$hqcm" run "$long_exp" --seed abc
run_case "$cat_cli" run-out-under-proc 2 'cannot create a run folder in /proc/x \(--out\): /proc/x: ' -- "$hqcm" run "$long_exp" --out /proc/x
run_case "$cat_cli" predict-without-model 2 "Missing required option: '--model=RUN_DIR'" -- "$hqcm" predict "$hf/images/good.png"
run_case "$cat_cli" data-info-two-fractions 2 "--fractions is '1,2', expected three numbers" -- "$hqcm" data info synthetic:2 --fractions 1,2 --no-chart
run_case "$cat_cli" data-info-zero-threads 2 '--threads is 0, expected at least 1' -- "$hqcm" data info synthetic:2 --threads 0 --no-chart
run_case "$cat_cli" data-info-synthetic-2e9 2 "source 'synthetic:2000000000': 2000000000 images per class are not allowed" -- \
  "$hqcm" data info synthetic:2000000000 --no-chart
printf 'keep me' >"$work/files/notes.png"
run_case "$cat_cli" data-info-chart-exists 2 "--chart $work/files/notes.png: the file exists and is not overwritten" -- \
  "$hqcm" data info synthetic:2 --size 16 --chart "$work/files/notes.png"
[ "$(cat "$work/files/notes.png")" = "keep me" ] || set_last data "the file was overwritten"
run_case "$cat_cli" circuit-draw-1e8-layers 2 '--layers 100000000 is not allowed; expected 1..1000' -- \
  "$hqcm" circuit draw --qubits 3 --layers 100000000
run_case "$cat_cli" circuit-draw-100-qubits 2 'qubits = 100: expected 1..16' -- "$hqcm" circuit draw --qubits 100 --layers 2
run_case "$cat_cli" circuit-eval-dev-zero 2 '/dev/zero: not a regular file' -- \
  "$hqcm" circuit eval --qubits 2 --layers 1 --weights /dev/zero --inputs /dev/zero
printf '0.1,0.2,0.3\n\xff\xfe,1,2\n' >"$work/files/w.csv"
run_case "$cat_cli" circuit-eval-bad-bytes 2 'w.csv: cannot read \(line 2, column 1: bytes 0xFF' -- \
  "$hqcm" circuit eval --qubits 1 --layers 2 --weights "$work/files/w.csv" --inputs "$work/files/w.csv"
run_case "$cat_cli" circuit-eval-shots-2e9 2 '--shots 2000000000 is not allowed' -- \
  "$hqcm" circuit eval --qubits 1 --layers 1 --weights "$work/files/w.csv" --inputs "$work/files/w.csv" --shots 2000000000
run_case "$cat_cli" new-over-an-existing-file 2 'notes.png: already exists; expected a new file' -- \
  "$hqcm" new --preset quickstart "$work/files/notes.png"
run_case "$cat_cli" validate-no-files 2 'Missing required parameter' -- "$hqcm" validate
run_case "$cat_cli" compare-one-run 2 'expected at least two RUN folders' -- "$hqcm" compare "$ref"
run_case "$cat_cli" help 0 'Exit codes' -- "$hqcm" --help
fi
# ---------------------------------------------------------------------------------------------------------------
python3 - "$results" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
cats = []
for r in rows:
    if r['category'] not in cats:
        cats.append(r['category'])
def line(name, rs):
    tried = len(rs)
    clear = sum(r['clear'] == 'yes' for r in rs)
    stacks = sum(r['stack'] == 'yes' for r in rs)
    hangs = sum(r['hang'] == 'yes' for r in rs)
    big = sum(int(r['peak_mb'] or 0) > 2048 for r in rs)
    bad = sum(r['data'] not in ('-', 'ok') for r in rs)
    resumes = [r for r in rs if r['resume'] != '-']
    mism = sum(r['resume'] == 'mismatch' for r in rs)
    peak = max(int(r['peak_mb'] or 0) for r in rs)
    print('| %s | %d | %d | %d | %d | %d (max %d MB) | %d | %d of %d |' % (name, tried, clear, stacks, hangs, big, peak, bad,
                                                                          mism, len(resumes)))
print('| category | cases tried | clear errors / expected outcome | stack traces | hangs | peak memory above 2 GB | '
      'half-written or lost data | resume mismatches |')
print('|---|---|---|---|---|---|---|---|')
for c in cats:
    line(c, [r for r in rows if r['category'] == c])
line('all', rows)
bad = [r for r in rows if r['clear'] != 'yes' or r['stack'] == 'yes' or r['hang'] == 'yes'
       or r['data'] not in ('-', 'ok') or r['resume'] == 'mismatch']
if bad:
    print('\ncases with a finding:')
    for r in bad:
        print('  %s / %s: exit %s (expected %s), clear %s, stack %s, hang %s, data %s, resume %s: %s' % (
            r['category'], r['case'], r['exit'], r['expected'], r['clear'], r['stack'], r['hang'], r['data'],
            r['resume'], r['message']))
PY
echo "results: $results"
