#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copies a C source with the (finish-func …), (sync-func …) and (async-func …)
# annotations removed from its gtk-doc identifier lines: `IN.c OUT.c`.
#
# g-ir-scanner 1.80 reads these annotations (glib:finish-func, glib:sync-func,
# glib:async-func in the GIR); 1.74 (Debian 12) warns "unknown annotation",
# and the GIR is built with fatal warnings, so introspection/meson.build
# hands older scanners these copies. Lines keep their numbers.
import re
import sys

ANNOTATION = re.compile(r"\s*\((?:finish-func|sync-func|async-func)\s+[A-Za-z_][A-Za-z0-9_]*\)")
IDENTIFIER = re.compile(r"^\s*\*\s+[A-Za-z_][A-Za-z0-9_:]*:")


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        lines = f.readlines()
    with open(dst, "w", encoding="utf-8") as f:
        for line in lines:
            if IDENTIFIER.match(line):
                line = ANNOTATION.sub("", line)
            f.write(line)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
