#!/usr/bin/env python3
"""Writes data/sample.<key>.expected.tsv with code that shares nothing with the C# implementation.

origin/host: a minimal WARC walk in Python (gzip members, version line, headers, Content-Length) plus the
independent Python reference of the key rules (tests/WarcUriCount.Tests/Oracle/origin_key.py).
seed: the classic streaming job itself (scripts/classic/mapper.py | LC_ALL=C sort | reducer.py).
Every output is sorted as `LC_ALL=C sort` sorts lines.
"""
import collections, glob, gzip, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "WarcUriCount.Tests", "Oracle"))
import origin_key  # noqa: E402


def records(data):
    pos = 0
    while pos < len(data):
        end = data.index(b"\r\n\r\n", pos)
        lines = data[pos:end].split(b"\r\n")
        assert lines[0].startswith(b"WARC/"), (pos, lines[0])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers.setdefault(name.strip().lower(), value.strip(b" \t"))
        length = int(headers[b"content-length"])
        yield headers
        pos = end + 4 + length + 4


def write(path, counts):
    lines = sorted(k + b"\t" + str(v).encode() for k, v in counts.items())
    with open(path, "wb") as f:
        f.write(b"".join(l + b"\n" for l in lines))


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "data", "sample", "*")))
    origin, host = collections.Counter(), collections.Counter()
    everything = b""
    for path in files:
        data = gzip.open(path).read()
        everything += data
        for h in records(data):
            uri = h.get(b"warc-target-uri")
            if uri:
                keys = origin_key.keys(uri)
                if keys:
                    origin[keys[0]] += 1
                    host[keys[1]] += 1
    write(os.path.join(ROOT, "data", "sample.origin.expected.tsv"), origin)
    write(os.path.join(ROOT, "data", "sample.host.expected.tsv"), host)
    classic = os.path.join(ROOT, "scripts", "classic")
    seed = subprocess.run(
        f"python3 '{classic}/mapper.py' | LC_ALL=C sort | python3 '{classic}/reducer.py' | LC_ALL=C sort",
        shell=True, input=everything, stdout=subprocess.PIPE, check=True).stdout
    with open(os.path.join(ROOT, "data", "sample.seed.expected.tsv"), "wb") as f:
        f.write(seed)


if __name__ == "__main__":
    main()
