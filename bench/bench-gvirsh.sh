#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Times `gvirsh -c test:///default list --all` as a whole process, beside
# virsh's own when libvirt-clients is installed: bench/bench-gvirsh.sh [BUILDDIR] [RUNS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
runs=${2:-200}
export GVIRT_BACKEND_PATH="$build/libvirt-gobject/backends"
export LD_LIBRARY_PATH="$build/libvirt-gobject${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# mean wall time of one run, in milliseconds
measure() {
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    start=$(date +%s%N)
    i=0
    while [ "$i" -lt "$runs" ]; do
        "$@" >/dev/null 2>&1
        i=$((i + 1))
    done
    end=$(date +%s%N)
    echo "$(( (end - start) / runs / 1000 ))" | awk '{ printf "%.2f ms\n", $1 / 1000 }'
}

printf 'gvirsh -c test:///default list --all: %s (%s runs)\n' \
    "$(measure "$build/tools/gvirsh" -c test:///default list --all)" "$runs"
if command -v virsh >/dev/null 2>&1; then
    printf 'virsh  -c test:///default list --all: %s (%s runs)\n' \
        "$(measure virsh -c test:///default list --all)" "$runs"
else
    echo "virsh is not installed (Debian: libvirt-clients): no comparison"
fi
