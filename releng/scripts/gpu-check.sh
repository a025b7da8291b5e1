#!/usr/bin/env bash
# The GPU check of issue 19, as one command for a machine with an NVIDIA GPU (about ten minutes with a warm Maven
# repository): what the GPU and driver are, a build with ND4J's CUDA backend (-Pcuda: nd4j-cuda-11.6, cuDNN 8.3),
# the nn and quantum tests on that backend, `hqcm bench train`, a 3-epoch quickstart, and what ran on the device
# (ND4J's backend and device as the engine reports them, and the GPU's utilisation and memory sampled by nvidia-smi
# while each step runs).
#
# Usage: releng/scripts/gpu-check.sh [OUT_DIR]          (default /tmp/hqcm-gpu-check; $OUT when the device tool sets it)
#
# Needs: nvidia-smi and a driver; the CUDA 11.6 jars of ND4J in ~/.m2 or Maven Central reachable (about 1.5 GB with
# cuDNN: a machine without network needs them carried in). The build replaces bundles/org.hqcm.engine/target with
# the CUDA build; `./mvnw -B verify` brings the CPU build back.
#
# Hopper (sm_90) is newer than CUDA 11.6 knows: the libraries carry SASS for older GPUs and PTX, which the driver can
# compile for sm_90 at load time (PTX JIT, cached under CUDA_CACHE_PATH). The script prints the compute capability and
# keeps the JIT cache inside OUT_DIR so that its size shows whether the JIT ran.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:-${OUT:-/tmp/hqcm-gpu-check}}")"
mkdir -p "$out"
cd "$root"
log="$out/gpu-check.log"
: >"$log"
say() { echo "== $*" | tee -a "$log"; }
status=0

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi >/dev/null 2>&1; then
  say "no NVIDIA GPU here (nvidia-smi missing or failing): nothing to check"
  exit 2
fi
say "GPU and driver"
nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv 2>&1 | tee -a "$log"
nvidia-smi 2>&1 | head -n 4 | tail -n 1 | tee -a "$log"   # the CUDA version the driver supports

export CUDA_CACHE_PATH="$out/cuda-jit-cache"
export CUDA_CACHE_MAXSIZE=4294967296
mkdir -p "$CUDA_CACHE_PATH"

# sample the GPU every second while a step runs: utilisation, memory, and the processes on it
sample() { # sample NAME COMMAND...
  local name="$1"; shift
  nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv,noheader -l 1 >"$out/$name.gpu.csv" 2>&1 &
  local sampler=$!
  local t0=$SECONDS
  "$@" >"$out/$name.out" 2>&1
  local rc=$?
  nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv,noheader >>"$out/$name.gpu-apps.csv" 2>&1
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  local peak_util peak_mem
  peak_util=$(awk -F', ' '{gsub(/ %/,"",$2); if ($2+0>m) m=$2+0} END {print m+0}' "$out/$name.gpu.csv")
  peak_mem=$(awk -F', ' '{gsub(/ MiB/,"",$3); if ($3+0>m) m=$3+0} END {print m+0}' "$out/$name.gpu.csv")
  say "$name: exit $rc in $((SECONDS - t0)) s; GPU utilisation peak ${peak_util}%, memory peak ${peak_mem} MiB"
  tail -n 25 "$out/$name.out" | tee -a "$log"
  [ "$rc" = 0 ] || status=1
  return "$rc"
}

say "build with the CUDA backend (-Pcuda)"
if ! sample build ./mvnw -B -Pcuda package -pl bundles/org.hqcm.model,bundles/org.hqcm.engine -am -DskipTests; then
  say "the CUDA build failed (see $out/build.out): without Maven Central the nd4j-cuda-11.6 jars must be in ~/.m2"
  exit 1
fi

say "nn and quantum tests on the CUDA backend"
sample tests ./mvnw -B -Pcuda -o surefire:test -pl bundles/org.hqcm.engine \
  -Dtest='org.hqcm.engine.internal.nn.**.*Test,org.hqcm.engine.quantum.**.*Test' -Dsurefire.failIfNoSpecifiedTests=false

say "bench train (64 and 128 px, batch 64)"
sample bench ./hqcm bench train --size 64,128

say "3-epoch quickstart"
rm -rf "$out/quickstart"
./hqcm new --preset quickstart "$out/quickstart.hqcm" >/dev/null
sed -i 's/maxEpochs="[0-9]*"/maxEpochs="3"/' "$out/quickstart.hqcm"
sample quickstart ./hqcm run "$out/quickstart.hqcm" --out "$out/quickstart"

say "what ran on the device"
grep -h -E "ND4J backend|backend" "$out/bench.out" | head -n 3 | tee -a "$log"
find "$out/quickstart" -name provenance.txt -exec grep -h -i -E "backend|device" {} + 2>/dev/null | head -n 5 | tee -a "$log"
say "PTX JIT cache: $(du -sh "$CUDA_CACHE_PATH" 2>/dev/null | cut -f1) in $CUDA_CACHE_PATH (non-empty: kernels were compiled for this GPU at load time)"
say "done: exit $status; the whole log in $log"
exit "$status"
