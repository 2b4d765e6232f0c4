#!/usr/bin/env python3
"""The classic Hadoop Streaming mapper of warc-uri-count (the `seed` key rule of DESIGN.md section 5).

Reads the uncompressed WARC stream line by line and prints `scheme//host<TAB>1` for every line whose first
word is `WARC-Target-URI:` -- payload lines included, as the classic job does. It works on bytes, so Python's
ASCII whitespace (space, TAB, LF, VT, FF, CR) is the split set and any input is well-defined.

One change to the classic script: where it would crash (a target line without a second word, or a URI with
fewer than three '/'-separated parts such as `dns:example.com`) the line is counted instead, and the count is
reported as the Hadoop counter `lines.seed_error` on stderr, so this script can serve as a test oracle.

    zcat file.warc.gz | mapper.py | LC_ALL=C sort | reducer.py
"""
import sys


def main():
    out = sys.stdout.buffer
    seed_errors = 0
    for line in sys.stdin.buffer:
        words = line.strip().split()
        if words and words[0] == b"WARC-Target-URI:":
            try:
                parts = words[1].split(b"/")
                out.write(parts[0] + b"//" + parts[2] + b"\t1\n")
            except IndexError:
                seed_errors += 1
    out.flush()
    sys.stderr.write("reporter:counter:warc-uri-count,lines.seed_error,%d\n" % seed_errors)


if __name__ == "__main__":
    main()
