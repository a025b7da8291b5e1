#!/usr/bin/env bash
# Tests studio.sh's restart loop with a fake `java` that plays the workbench's exit codes: 23 (EXIT_RESTART) starts
# it again in the same workspace, 24 (EXIT_RELAUNCH, what File > Restart and File > Switch Workspace give) starts it
# in the workspace the product wrote to -Dhqcm.studio.exitdata, any other code ends studio.sh with that code, and
# the exit-data file is gone afterwards. Runs in the product module's verify phase (a second or less).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
studio="$here/../org.hqcm.product/studio.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() { echo "studio-restart-test: FAIL: $*" >&2; exit 1; }

# a product folder with a launcher jar, and a java that logs its arguments and exits as $tmp/codes says
mkdir -p "$tmp/product/plugins" "$tmp/jdk/bin"
touch "$tmp/product/plugins/org.eclipse.equinox.launcher_1.6.900.jar"
cat > "$tmp/jdk/bin/java" <<'EOF'
#!/usr/bin/env bash
log="$FAKE_JAVA_DIR/calls"
echo "$*" >> "$log"
n=$(wc -l < "$log")
code=$(sed -n "${n}p" "$FAKE_JAVA_DIR/codes")
for a in "$@"; do
  case "$a" in -Dhqcm.studio.exitdata=*) exitdata="${a#-Dhqcm.studio.exitdata=}" ;; esac
done
# as the workbench does on File > Switch Workspace: the next command line, one argument per line
if [ "$code" = 24 ] && [ -n "${FAKE_NEXT_WORKSPACE:-}" ]; then printf -- '-data\n%s\n' "$FAKE_NEXT_WORKSPACE" > "$exitdata"; fi
exit "$code"
EOF
chmod +x "$tmp/jdk/bin/java"

run_studio() {
  : > "$tmp/calls"
  set +e
  DISPLAY=:0 JAVA_HOME="$tmp/jdk" HQCM_STUDIO_PRODUCT="$tmp/product" FAKE_JAVA_DIR="$tmp" TMPDIR="$tmp" \
    bash "$studio" "$tmp/ws" > "$tmp/out" 2>&1
  rc=$?
  set -e
}

# restart (23), File > Restart (24 without a new workspace), Switch Workspace (24 with one), then exit 0
printf '23\n24\n24\n0\n' > "$tmp/codes"
FAKE_NEXT_WORKSPACE="" run_studio
[ "$rc" -eq 0 ] || fail "exit code $rc after the restarts, expected 0: $(cat "$tmp/out")"
[ "$(wc -l < "$tmp/calls")" -eq 4 ] || fail "java started $(wc -l < "$tmp/calls") times, expected 4: $(cat "$tmp/calls")"
grep -c -- "-data $tmp/ws" "$tmp/calls" | grep -qx 4 || fail "every start in the same workspace: $(cat "$tmp/calls")"

printf '24\n0\n' > "$tmp/codes"
FAKE_NEXT_WORKSPACE="file:$tmp/other/" run_studio
[ "$rc" -eq 0 ] || fail "exit code $rc after the relaunch"
sed -n 1p "$tmp/calls" | grep -q -- "-data $tmp/ws" || fail "first start: $(sed -n 1p "$tmp/calls")"
sed -n 2p "$tmp/calls" | grep -q -- "-data file:$tmp/other/" || fail "relaunch in the new workspace: $(sed -n 2p "$tmp/calls")"
grep -q "restarting in file:$tmp/other/" "$tmp/out" || fail "no restart message: $(cat "$tmp/out")"

# a failure ends the script with its code, without a restart
printf '13\n0\n' > "$tmp/codes"
run_studio
[ "$rc" -eq 13 ] || fail "exit code $rc, expected the workbench's 13"
[ "$(wc -l < "$tmp/calls")" -eq 1 ] || fail "restarted after exit code 13"

if ls "$tmp"/hqcm-studio-exitdata.* > /dev/null 2>&1; then fail "the exit-data file was left behind"; fi
echo "studio-restart-test: ok (restart 23, relaunch 24 in the same and in another workspace, other codes end it)"
