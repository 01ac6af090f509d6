#!/usr/bin/env python3
"""Peer for the near-duplicate benchmark: MinHash + LSH banding written the way Python
MinHash tools (datasketch and the like) do it, in pure Python: 3-word shingles of the
match key, 128 hash permutations (a*h+b mod a Mersenne prime over a 32-bit shingle hash),
32 bands of 4 rows, candidates verified by the signature's Jaccard estimate >= 0.55.
Same corpus and the same parameters as `dedup_bench` (docs/STORIES.md), measured side by
side. Usage: minhash_peer.py CORPUS_DIR [MAX_ARTICLES]"""
import io, json, os, random, re, sys, time, zipfile, zlib

PRIME = (1 << 61) - 1
MAX32 = (1 << 32) - 1
NUM_PERM, BANDS, ROWS, THRESHOLD = 128, 32, 4, 0.55
rng = random.Random(1)
PERMS = [(rng.randrange(1, PRIME), rng.randrange(0, PRIME)) for _ in range(NUM_PERM)]
MATCH = {cp: None for cp in list(range(0x064B, 0x0653)) + [0x0670, 0x0640]}
MATCH.update({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ى"): "ي", ord("ة"): "ه"})
WORD = re.compile(r"\w+")


def bodies(corpus, limit):
    n = 0
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".zip"):
            continue
        with zipfile.ZipFile(os.path.join(corpus, name)) as z:
            for member in z.namelist():
                for rec in json.load(io.TextIOWrapper(z.open(member), encoding="utf-8")):
                    yield rec.get("content") or ""
                    n += 1
                    if n >= limit:
                        return


def signature(text):
    words = WORD.findall(text.translate(MATCH).lower())
    shingles = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = [zlib.crc32(s.encode()) & MAX32 for s in shingles]
    return [min(((a * h + b) % PRIME) & MAX32 for h in hashes) for a, b in PERMS]


def main():
    corpus = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
    texts = list(bodies(corpus, limit))
    tables = [dict() for _ in range(BANDS)]
    sigs, dups = [], 0
    t0 = time.perf_counter()
    for text in texts:
        sig = signature(text)
        keys = [tuple(sig[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS)]
        found = None
        for b, k in enumerate(keys):
            for other in tables[b].get(k, ()):
                same = sum(1 for x, y in zip(sig, sigs[other]) if x == y) / NUM_PERM
                if same >= THRESHOLD:
                    found = other
                    break
            if found is not None:
                break
        if found is not None:
            dups += 1
            continue
        doc = len(sigs)
        sigs.append(sig)
        for b, k in enumerate(keys):
            tables[b].setdefault(k, []).append(doc)
    secs = time.perf_counter() - t0
    print(f"python MinHash peer: {len(texts)} articles in {secs:.1f} s = {len(texts) / secs:,.0f} articles/s "
          f"({dups} near duplicates)")


if __name__ == "__main__":
    main()
