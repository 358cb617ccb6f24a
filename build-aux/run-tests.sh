#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds GVirt and runs the whole test suite: the normal build (C, Python,
# config, gvirsh, examples, docs and symbols suites), the QEMU backend against real
# QEMU, the C suites under valgrind's memcheck, the config fuzzers, the C
# suites in an ASan+UBSan build, and the API reference's coverage check in a
# -Ddocs build. Ends with the totals as "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
logs=()

run() { echo "+ $*"; "$@" || status=1; }

run build-aux/build.sh
# Every suite but qemu: core, config, python, gvirsh, examples, docs, and
# symbols (libgvirt exports exactly what its public headers mark).
run meson test -C build --no-rebuild --print-errorlogs --no-suite qemu
logs+=(build/meson-logs/testlog.json)

# The QEMU backend against real QEMU booting the test guest under TCG (it is
# built from Debian packages on first use): the slow suite, a step of its own.
run meson test -C build --no-rebuild --print-errorlogs --suite qemu --logbase qemu
logs+=(build/meson-logs/qemu.json)

run meson test -C build --no-rebuild --print-errorlogs --setup valgrind --suite core --suite config
logs+=(build/meson-logs/testlog-valgrind.json)

# The config parsers' libFuzzer targets: a clang build of those three alone,
# then the suite's short runs (-max_total_time=5 each, after the corpus seeds).
[ -f build-fuzz/build.ninja ] || CC=clang run meson setup build-fuzz -Dfuzzing=true \
  -Dintrospection=false
rm -f build-fuzz/meson-logs/testlog.json
run ninja -C build-fuzz tests/config/fuzz/fuzz-domain-config \
  tests/config/fuzz/fuzz-network-config tests/config/fuzz/fuzz-capabilities-config
run meson test -C build-fuzz --no-rebuild --print-errorlogs --suite fuzz
logs+=(build-fuzz/meson-logs/testlog.json)

[ -f build-asan/build.ninja ] || run meson setup build-asan -Db_sanitize=address,undefined \
  -Db_lundef=false -Dintrospection=false -Dbuildtype=debug
run ninja -C build-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run meson test -C build-asan --no-rebuild --print-errorlogs --suite core --suite config
logs+=(build-asan/meson-logs/testlog.json)

# gi-docgen check (suite docs-coverage) exists only with -Ddocs=true. Build
# just what it needs, the library, the GIR and the reference (gi-docgen
# generate runs with --fatal-warnings), not the whole tree a second time.
[ -f build-docs/build.ninja ] || run meson setup build-docs -Ddocs=true
run meson compile -C build-docs gvirt-doc
run meson test -C build-docs --no-rebuild --print-errorlogs --suite docs-coverage
logs+=(build-docs/meson-logs/testlog.json)

/usr/bin/python3 build-aux/test-totals.py "${logs[@]}" || status=1
exit $status
