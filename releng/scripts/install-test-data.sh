#!/usr/bin/env bash
# Installs, only when missing, the Debian packages whose files the engine's tests read as real data made by other
# software (the tests skip, saying so, when they are missing):
# - mricron-data: NIfTI-1 templates written by FSL, SPM and MRIcron (uint8, int16, float32; RAS and LAS; header
#   extensions), under /usr/share/mricron/templates;
# - python3-pydicom: its test files (RLE, JPEG, JPEG-LS and JPEG 2000 DICOM images with uncompressed twins);
# - dcmtk: dcmcjpeg / dcmcrle compress test images into JPEG lossless, baseline, extended and RLE DICOM files.
set -euo pipefail
need=()
[ -f /usr/share/mricron/templates/ch2.nii.gz ] || need+=(mricron-data)
[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ] || need+=(python3-pydicom)
command -v dcmcjpeg >/dev/null 2>&1 || need+=(dcmtk)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing test data: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
