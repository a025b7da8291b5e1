#!/usr/bin/env bash
# Starts the materialized HQCM Studio product (built by ./mvnw -B verify). Native launchers are not on
# Maven Central, so the product starts through the equinox launcher jar; eclipse.ini is not read then,
# JVM options come from HQCM_STUDIO_VM_OPTS.
#   studio.sh [WORKSPACE]     default workspace: ~/hqcm-workspace
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
product="${HQCM_STUDIO_PRODUCT:-$here/${HQCM_TARGET:-target}/products/org.hqcm.product/linux/gtk/x86_64/hqcm-studio}"
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$launcher" ]; then
  echo "hqcm studio: the product is not built yet (no $product)." >&2
  echo "             Build it first:  ./mvnw -B verify" >&2
  exit 2
fi
workspace="${1:-${HQCM_WORKSPACE:-$HOME/hqcm-workspace}}"
mkdir -p "$workspace"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "hqcm studio: no display (DISPLAY is empty). On a server, start one first, e.g.: Xvfb :99 & export DISPLAY=:99" >&2
  exit 2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the IDE's launches start the engine built in this repository (org.hqcm.launch's EngineInstallation)
export HQCM_HOME="${HQCM_HOME:-$(cd "$here/../.." && pwd)}"
cd "$product"
# The native Eclipse launcher starts the workbench again when it ends with exit code 23 (EXIT_RESTART: the same
# command line) or 24 (EXIT_RELAUNCH: the command line the workbench asks for in eclipse.exitdata; File > Restart and
# File > Switch Workspace end so outside development mode). The launcher jar does neither: this loop does. The
# product writes eclipse.exitdata into the file named by -Dhqcm.studio.exitdata (org.hqcm.ui's RelaunchData), from
# which the loop takes the workspace to start in. Any other exit code ends the script with it.
exitdata="$(mktemp "${TMPDIR:-/tmp}/hqcm-studio-exitdata.XXXXXX")"
trap 'rm -f "$exitdata"' EXIT
while true; do
  : > "$exitdata"
  set +e
  "$java_bin" ${HQCM_STUDIO_VM_OPTS:--Xmx2g} -Dhqcm.studio.exitdata="$exitdata" -jar "$launcher" -data "$workspace" "${@:2}"
  rc=$?
  set -e
  case "$rc" in
    23) ;;
    24)
      # exitdata is one argument per line: "-data", then the workspace (a path or a file: URL)
      next="$(awk 'previous == "-data" { print; exit } { previous = $0 }' "$exitdata")"
      if [ -n "$next" ]; then workspace="$next"; fi ;;
    *) exit "$rc" ;;
  esac
  echo "hqcm studio: restarting in $workspace" >&2
done
