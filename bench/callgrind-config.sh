#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Instructions per call of each step of bench-config (libxml2's read, dump
# and free; GVirt's parse, to_xml, free, to_xml again, copy, the copy's
# device list and free) under
# callgrind, which repeats to the last digit where wall time does not:
#   bench/callgrind-config.sh [BUILDDIR] [CALLS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build-bench}
calls=${2:-100}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" \
    "$build/bench/bench-config" --calls "$calls" >/dev/null 2>"$out/log"
callgrind_annotate --inclusive=yes --threshold=100 "$out/cg.out" >"$out/incl" 2>/dev/null

ir_of () {
  awk -v f=":$1 " 'index($0, f) { gsub(",", "", $1); print $1; exit }' "$out/incl"
}

total_floor=0
total_gvirt=0
for step in libxml2_read libxml2_dump libxml2_free \
            gvirt_parse gvirt_to_xml gvirt_free \
            gvirt_to_xml_again gvirt_copy gvirt_devices gvirt_free_copy; do
    ir=$(ir_of "step_$step")
    per=$(( ${ir:-0} / calls ))
    case $step in
      libxml2_*) total_floor=$((total_floor + per)) ;;
      gvirt_parse|gvirt_to_xml|gvirt_free) total_gvirt=$((total_gvirt + per)) ;;
    esac
    printf '%-24s %10d Ir/call\n' "$step" "$per"
done
printf '%-24s %10d Ir\n' "floor (read+dump+free)" "$total_floor"
printf '%-24s %10d Ir  (ratio %s)\n' "gvirt (parse+to_xml+free)" "$total_gvirt" \
    "$(awk -v a="$total_gvirt" -v b="$total_floor" 'BEGIN { printf "%.2f", a / b }')"
