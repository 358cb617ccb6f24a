#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs an example and checks its output: `check-output.py EXPECTED -- COMMAND...`.
#
# EXPECTED holds one regular expression per line (blank lines and lines
# starting with "#" are ignored); the example's standard output must contain
# lines matching them in that order (other lines may come between), its
# standard error must be empty of "CRITICAL", "WARNING" and "error" (but for
# lines matching an `--allow REGEX` given before EXPECTED), and it must exit 0
# within the timeout.
import re
import subprocess
import sys


def main(argv):
    sep = argv.index("--")
    options, command = argv[1:sep], argv[sep + 1:]
    allowed = []
    while options[0] == "--allow":
        allowed.append(re.compile(options[1]))
        options = options[2:]
    expected_file = options[0]
    with open(expected_file, encoding="utf-8") as f:
        patterns = [line.rstrip("\n") for line in f
                    if line.strip() and not line.startswith("#")]

    proc = subprocess.run(command, capture_output=True, text=True, timeout=30)
    out, err = proc.stdout, proc.stderr
    sys.stdout.write(out)
    sys.stderr.write(err)
    err = "\n".join(line for line in err.splitlines()
                    if not any(a.search(line) for a in allowed))

    failures = []
    if proc.returncode != 0:
        failures.append(f"exit status {proc.returncode}")
    for bad in ("CRITICAL", "WARNING", "error"):
        if bad in err:
            failures.append(f"standard error mentions {bad!r}")

    lines = out.splitlines()
    pos = 0
    for pattern in patterns:
        regex = re.compile(pattern)
        while pos < len(lines) and not regex.fullmatch(lines[pos]):
            pos += 1
        if pos == len(lines):
            failures.append(f"no line after the previous match matches /{pattern}/")
            break
        pos += 1

    if failures:
        print("FAIL: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
