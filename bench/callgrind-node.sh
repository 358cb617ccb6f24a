#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Instructions per call of GVirt's public entry points in one run of the
# bench-node workload under callgrind (repeatable where wall time is not):
#   bench/callgrind-node.sh [BUILDDIR] [N]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build-bench}
n=${2:-200}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export GVIRT_BACKEND_PATH="$build/libvirt-gobject/backends"

valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" \
    "$build/bench/bench-node" --child gvirt "$n" 1 >/dev/null 2>"$out/log"
callgrind_annotate --inclusive=yes --threshold=100 "$out/cg.out" >"$out/incl" 2>/dev/null

# function, calls in one run (the save/restore sample is 100, or N if less);
# gvirt_define_all is the bench's define phase: parse, define, free the config
s=$((n < 100 ? n : 100))
for entry in gvirt_define_all:$n gvirt_domain_config_new_from_xml:$n gvirt_connection_define_domain_sync:$n \
             gvirt_connection_find_domain_by_name:$n gvirt_connection_find_domain_by_uuid:$n \
             gvirt_domain_get_xml_sync:$n gvirt_domain_get_info_sync:$n \
             gvirt_domain_start_sync:$((n + s)) gvirt_domain_suspend_sync:$n \
             gvirt_domain_resume_sync:$n gvirt_domain_destroy_sync:$((n + s)) \
             gvirt_domain_save_sync:$s gvirt_connection_restore_domain_sync:$s \
             gvirt_domain_undefine_sync:$n; do
    fn=${entry%%:*}
    calls=${entry#*:}
    ir=$(awk -v f=":$fn " 'index($0, f) { gsub(",", "", $1); print $1; exit }' "$out/incl")
    printf '%-40s %10d Ir/call\n' "$fn" "$(( ${ir:-0} / calls ))"
done
