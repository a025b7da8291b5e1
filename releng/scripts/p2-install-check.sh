#!/usr/bin/env bash
# Checks that the p2 repository installs HQCM Studio into a stock Eclipse Platform 4.34, offline:
#   1. copies the stock platform (releng/org.hqcm.stock: Eclipse 4.34 from Maven Central, no HQCM bundle, no EMF
#      edit or databinding) to a temporary folder;
#   2. installs org.hqcm.feature.feature.group into it with the p2 director application, from
#      releng/org.hqcm.repository's build output only;
#   3. starts that Eclipse (its IDE workbench, in the HQCM perspective) under a display and asks the Equinox console
#      whether every HQCM bundle is ACTIVE and contributes its extensions; the workspace log must hold no error.
# Exits 0 when all holds, 1 with a message naming what failed, 2 when it cannot run (nothing built, no display).
#   releng/scripts/p2-install-check.sh            after ./mvnw -B verify
#   HQCM_TARGET=target-x releng/scripts/...       when the build used -Dhqcm.target=target-x
#   KEEP=1 ...                                    keeps the temporary folder (the installed Eclipse and its logs)
#   SCREENSHOT=/tmp/x.png ...                     saves a picture of the installed Eclipse's workbench
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${HQCM_TARGET:-target}"
stock="$root/releng/org.hqcm.stock/$build/products/org.hqcm.stock/linux/gtk/x86_64/eclipse"
repo="$root/releng/org.hqcm.repository/$build/repository"
feature=org.hqcm.feature.feature.group
bundles=(org.hqcm.model org.hqcm.engine org.hqcm.ui org.hqcm.launch)
start_timeout="${START_TIMEOUT:-180}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

say() { echo "p2-install-check: $*"; }
fail() { say "FAILED: $*" >&2; exit 1; }
for need in "$stock/configuration/config.ini" "$repo/content.jar" "$repo/artifacts.jar"; do
  [ -e "$need" ] || [ -e "${need%.jar}.xml" ] || { say "missing $need; build first: ./mvnw -B verify${HQCM_TARGET:+ -Dhqcm.target=$HQCM_TARGET}" >&2; exit 2; }
done

command -v xwininfo >/dev/null || { say "xwininfo is missing (x11-utils): run releng/scripts/install-ui-deps.sh" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/hqcm-p2-check.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then say "kept $work"; else rm -rf "$work" || true; fi
}
trap cleanup EXIT

eclipse="$work/eclipse"
cp -r "$stock" "$eclipse"
# Tycho's materialization leaves the build's own repositories in the p2 data area; a downloaded Eclipse knows
# none of ours, and the install must find everything in $repo alone.
rm -rf "$eclipse/p2/org.eclipse.equinox.p2.engine/.settings"
launcher="$(ls "$eclipse"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)"
if ls "$eclipse/plugins" | grep -q '^org\.hqcm\.'; then fail "the stock platform already holds HQCM bundles"; fi

# 1. install, offline: the only repository is a file: URI; mirrors and remote lookups are off
say "installing $feature from $repo"
t0=$SECONDS
if ! "$java_bin" -Declipse.p2.mirrors=false -jar "$launcher" -nosplash -consoleLog \
      -application org.eclipse.equinox.p2.director \
      -repository "file:$repo" -installIU "$feature" \
      -destination "$eclipse" -profile DefaultProfile >"$work/director.log" 2>&1; then
  sed -n '1,40p' "$work/director.log" >&2
  fail "the p2 director could not install $feature into the stock Eclipse 4.34 (log above)"
fi
say "installed in $((SECONDS - t0)) s"
for b in "${bundles[@]}"; do
  grep -q "^$b," "$eclipse/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
    || fail "$b is not in the installed Eclipse's bundles.info after the install"
done

# 2. start it: the IDE workbench in the HQCM perspective, with the Equinox console on a pipe
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { say "no DISPLAY and no Xvfb (releng/scripts/install-ui-deps.sh installs it)" >&2; exit 2; }
  mkfifo "$work/xvfb.display"
  Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp 5>"$work/xvfb.display" >"$work/xvfb.log" 2>&1 &
  pids+=($!)
  read -r -t 30 display_no <"$work/xvfb.display" || { say "Xvfb did not start ($work/xvfb.log)" >&2; exit 2; }
  export DISPLAY=":$display_no"
fi
mkfifo "$work/console.in"
t0=$SECONDS
"$java_bin" -Xmx1g -jar "$launcher" -nosplash -consoleLog -console -data "$work/workspace" \
  -perspective org.hqcm.ui.perspective <"$work/console.in" >"$work/eclipse.out" 2>&1 &
eclipse_pid=$!
pids+=($eclipse_pid)
exec 3>"$work/console.in"

# the workbench is up when its window is mapped (title "<workspace> - Eclipse Platform")
until xwininfo -root -tree 2>/dev/null | grep -q -E ' - Eclipse Platform ?"'; do
  kill -0 "$eclipse_pid" 2>/dev/null || { tail -40 "$work/eclipse.out" >&2; fail "the installed Eclipse exited during start-up"; }
  [ $((SECONDS - t0)) -lt "$start_timeout" ] || { tail -40 "$work/eclipse.out" >&2; fail "no workbench window after ${start_timeout} s"; }
  sleep 1
done
say "workbench window up in $((SECONDS - t0)) s"
sleep 3   # let the perspective's views finish creating
if [ -n "${SCREENSHOT:-}" ]; then "$java_bin" "$root/releng/scripts/Screenshot.java" "$SCREENSHOT" >/dev/null && say "screenshot: $SCREENSHOT"; fi

mark() { echo "echo @@$1"; }
{
  for b in "${bundles[@]}"; do echo "equinox:start $b"; done   # runs the activators a user's first click would
  mark ss; echo "ss org.hqcm"
  mark ns; echo "ns -v org.hqcm.ui"
  for b in "${bundles[@]}"; do mark "diag-$b"; echo "diag $b"; done
  mark end
} >&3
until grep -q '@@end$' "$work/eclipse.out"; do
  kill -0 "$eclipse_pid" 2>/dev/null || fail "the installed Eclipse exited while answering the console"
  [ $((SECONDS - t0)) -lt $((start_timeout + 60)) ] || fail "the Equinox console did not answer ($work/eclipse.out)"
  sleep 1
done
# the log as the running workbench left it: stopping the framework from the console thread logs errors of its own
log="$work/workspace.log"
cp "$work/workspace/.metadata/.log" "$log" 2>/dev/null || : >"$log"
kill "$eclipse_pid" 2>/dev/null || true
wait "$eclipse_pid" 2>/dev/null || true
exec 3>&-

# 3. verdict: every HQCM bundle ACTIVE, its extensions registered, no error in the workspace log
section() { sed -n "/@@$1\$/,/@@/p" "$work/eclipse.out"; }
problems=()
for b in "${bundles[@]}"; do
  state="$(section ss | awk -v b="$b" '$3 ~ "^"b"_" {print $2}')"
  [ "$state" = ACTIVE ] || problems+=("$b is ${state:-not installed}, not ACTIVE: $(section "diag-$b" | grep -v '@@' | tr -s ' \n' ' ')")
done
for point in org.eclipse.ui.editors org.eclipse.ui.views org.eclipse.ui.perspectives org.eclipse.ui.newWizards; do
  section ns | grep -q "$point" || problems+=("org.hqcm.ui contributes no extension to $point")
done
if grep -q '^!ENTRY [^ ]* 4 ' "$log"; then
  problems+=("the workspace log has errors: $(grep -A2 '^!ENTRY [^ ]* 4 ' "$log" | head -12 | tr '\n' ' ')")
fi
if grep -q -E 'Could not resolve module|Unresolved requirement' "$work/eclipse.out"; then
  problems+=("unresolved bundles: $(grep -m3 -E 'Could not resolve module|Unresolved requirement' "$work/eclipse.out" | tr '\n' ' ')")
fi
if [ ${#problems[@]} -gt 0 ]; then
  for p in "${problems[@]}"; do say "  $p" >&2; done
  fail "HQCM Studio installed but does not run in the stock Eclipse 4.34 (KEEP=1 keeps $work)"
fi
section ss | grep 'org\.hqcm' | sed 's/^/  /'
say "OK: $feature installs into a stock Eclipse 4.34 from $repo alone; its ${#bundles[@]} bundles are ACTIVE"
