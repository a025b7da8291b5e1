#!/usr/bin/env bash
# Installs, only when missing, the real files from other software that the tests read when they are there (and skip,
# saying so, when they are not): Debian's mricron-data carries NIfTI-1 templates written by FSL, SPM and MRIcron
# (uint8, int16, float32; RAS and LAS; header extensions), under /usr/share/mricron/templates.
set -euo pipefail
need=()
[ -f /usr/share/mricron/templates/ch2.nii.gz ] || need+=(mricron-data)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing test data: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
