#!/usr/bin/env bash
# Starts the built HQCM Studio product on a fresh workspace under a virtual display and saves a screenshot:
#   releng/scripts/studio-screenshot.sh [OUT.png]     (default docs/images/studio.png)
# The README's picture comes from here, not from hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/images/studio.png}"
bash "$root/releng/scripts/install-ui-deps.sh"
started=""
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:98
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  started=$!
fi
ws=$(mktemp -d)
"$root/releng/org.hqcm.product/studio.sh" "$ws" >"$ws.log" 2>&1 &
studio=$!
trap 'kill $studio 2>/dev/null || true; [ -n "$started" ] && kill $started 2>/dev/null || true; rm -rf "$ws" "$ws.log"' EXIT
# the workbench writes its workbench.xmi only once it is up; give it time on a 2-core machine
for _ in $(seq 60); do
  sleep 1
  kill -0 $studio 2>/dev/null || { echo "studio exited early:"; cat "$ws.log"; exit 1; }
  [ -d "$ws/.metadata/.plugins/org.eclipse.ui.workbench" ] && break
done
sleep 6
mkdir -p "$(dirname "$out")"
java "$root/releng/scripts/Screenshot.java" "$out"
echo "wrote $out"
