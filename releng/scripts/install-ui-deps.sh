#!/usr/bin/env bash
# Installs, only when missing, what the UI tests and the product need on a Debian machine:
# a virtual X display (Xvfb + xauth + xdpyinfo), GTK 3 for SWT, and xdotool: the UI tests move the mouse, click and
# turn the wheel through the X server's XTest extension (SWT's Display.post cannot post wheel events on GTK).
set -euo pipefail
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xauth >/dev/null 2>&1 || need+=(xauth)
command -v xdpyinfo >/dev/null 2>&1 || need+=(x11-utils)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || need+=(libgtk-3-0)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
