#!/usr/bin/env python3
"""Times difflib's SequenceMatcher ratio over text pairs, as axis-metric-bench does in C++.

    python3 tools/metric_bench.py PAIRS.json [--print]
    python3 tools/metric_bench.py --generate N OUT.json [SEED]

PAIRS.json is a JSON array of [actual, expected] string pairs. Prints the number of pairs, the
wall-clock and CPU seconds spent computing round(SequenceMatcher(None, a.lower(),
b.lower()).ratio(), 4) over all of them (reading the file excluded) and the sum of the ratios;
--print also prints each ratio.
--generate writes N pairs of mixed lengths (10-400 characters) for both programs to read.
"""
import json
import random
import sys
import time
from difflib import SequenceMatcher

WORDS = ("the model answer context query retrieval score metric latency output expected "
         "document source result value error table river mountain café naïve Ελλάδα Москва "
         "数据 評価 🙂").split()


def make_text(rng, length):
    parts = []
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(rng.choice(WORDS) if rng.random() < 0.8 else
                     "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 .,") for _ in range(rng.randint(1, 8))))
    text = " ".join(parts)[:length]
    return text.upper() if rng.random() < 0.1 else text


def mutate(rng, text):
    chars = list(text)
    for _ in range(rng.randint(0, max(1, len(chars) // 5))):
        op = rng.random()
        pos = rng.randint(0, len(chars))
        if op < 0.4 and chars and pos < len(chars):
            del chars[pos]
        elif op < 0.8:
            chars.insert(pos, rng.choice("abcdefghij ,.XYZ"))
        elif chars and pos < len(chars):
            chars[pos] = chars[pos].upper()
    return "".join(chars)


def generate(count, path, seed):
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        a = make_text(rng, rng.randint(10, 400))
        b = mutate(rng, a) if rng.random() < 0.7 else make_text(rng, rng.randint(10, 400))
        pairs.append([a, b])
    with open(path, "w", encoding="utf-8") as out:
        json.dump(pairs, out, ensure_ascii=False)


def main(argv):
    if len(argv) >= 3 and argv[1] == "--generate":
        generate(int(argv[2]), argv[3], int(argv[4]) if len(argv) > 4 else 1)
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        pairs = json.load(f)
    cpu_start = time.process_time()
    start = time.perf_counter()
    ratios = [round(SequenceMatcher(None, a.lower(), b.lower()).ratio(), 4) for a, b in pairs]
    elapsed = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    if "--print" in argv[2:]:
        for r in ratios:
            print(f"{r:.4f}")
    print(f"pairs {len(pairs)} seconds {elapsed:.6f} cpu_seconds {cpu_seconds:.6f} sum {sum(ratios):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
