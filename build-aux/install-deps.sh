#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs the Debian 12 packages GVirt needs to build and test (run as root).
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc clang
  # libFuzzer's runtime for -Dfuzzing=true (only recommended by clang)
  libclang-rt-14-dev
  libglib2.0-dev libglib2.0-bin libxml2-dev libjson-glib-dev
  gobject-introspection libgirepository1.0-dev valac libreadline-dev python3-docutils
  # tests: bindings, schemas, sanitizers
  python3 python3-gi python3-pytest gjs libxml2-utils valgrind tmux bash-completion
  # tests: msgfmt, for the catalogue tests/gvirsh/test_i18n.py compiles
  gettext
  # tests: QEMU backend (real guests under TCG, the guest's initramfs)
  qemu-system-x86 qemu-utils cpio
  # docs
  gi-docgen
  # examples: the GTK 4 manager and its test under Xvfb
  gir1.2-gtk-4.0 xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
