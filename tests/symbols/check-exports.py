#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Holds libgvirt to its public headers: `check-exports.py LIBRARY HEADER...`
# fails when the library exports a symbol no installed header marks
# GVIRT_AVAILABLE_IN_ALL (a leak of private code), or when a marked symbol
# is not exported (a declaration that links for nobody). Output as TAP.
import re
import subprocess
import sys

MARKED = re.compile(r"GVIRT_AVAILABLE_IN_ALL\s+([^;{]*?)(?:;|\)\s*$)", re.S | re.M)
DECLARE = re.compile(r"G_DECLARE_\w+_TYPE\s*\(\s*\w+\s*,\s*(\w+)|G_DECLARE_INTERFACE\s*\(\s*\w+\s*,\s*(\w+)")
FUNCTION = re.compile(r"\b(\w+)\s*\(")


def marked_symbols(headers):
    names = {}
    for path in headers:
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
        for m in MARKED.finditer(text):
            decl = m.group(1)
            d = DECLARE.search(decl)
            if d:
                names[(d.group(1) or d.group(2)) + "_get_type"] = path
                continue
            f = FUNCTION.search(decl)
            if f:
                names[f.group(1)] = path
    return names


def exported_symbols(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "TDRBVW"}


def main():
    library, headers = sys.argv[1], sys.argv[2:]
    marked = marked_symbols(headers)
    exported = exported_symbols(library)
    leaks = sorted(exported - set(marked))
    missing = sorted(set(marked) - exported)
    print("1..3")
    print(f"{'ok' if len(marked) > 100 else 'not ok'} 1 - the headers mark {len(marked)} symbols")
    print(f"{'not ok' if leaks else 'ok'} 2 - no symbol exported beyond the public headers")
    for name in leaks:
        print(f"# leaked: {name}")
    print(f"{'not ok' if missing else 'ok'} 3 - every marked symbol is exported")
    for name in missing:
        print(f"# not exported: {name} ({marked[name]})")
    return 1 if leaks or missing or len(marked) <= 100 else 0


if __name__ == "__main__":
    sys.exit(main())
