#!/usr/bin/env python3
"""The classic Hadoop Streaming reducer of warc-uri-count: sums the counts of consecutive equal keys.

Input is `key<TAB>count` lines sorted so that equal keys are adjacent (Hadoop's shuffle, or `LC_ALL=C sort`);
the key is everything up to the first TAB. Output is `key<TAB>total`. Bytes in, bytes out.
"""
import sys


def main():
    out = sys.stdout.buffer
    current = None
    total = 0
    for line in sys.stdin.buffer:
        key, _, value = line.rstrip(b"\n").partition(b"\t")
        if key != current:
            if current is not None:
                out.write(current + b"\t" + str(total).encode() + b"\n")
            current = key
            total = 0
        total += int(value)
    if current is not None:
        out.write(current + b"\t" + str(total).encode() + b"\n")
    out.flush()


if __name__ == "__main__":
    main()
