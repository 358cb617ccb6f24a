#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Regenerates the COMMANDS section of docs/gvirsh.rst from gvirsh's command
# table: tools/update-man.sh BUILDDIR
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
rst=$top/docs/gvirsh.rst
tmp=$(mktemp)
# everything up to the comment that ends with the name of this script
awk '{ print } $0 == "   tools/update-man.sh." { exit }' "$rst" > "$tmp"
printf '\n' >> "$tmp"
"$build/tools/gvirsh" _man >> "$tmp"
cat >> "$tmp" <<'TAIL'
SEE ALSO
========

``virsh``\(1), the GVirt reference documentation.
TAIL
mv "$tmp" "$rst"
