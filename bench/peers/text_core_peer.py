#!/usr/bin/env python3
"""Peer for the text-core benchmark: the same display + match-key normalisation and a
regex tokeniser written the way Python Arabic NLP tools do it (str.translate, re,
unicodedata.normalize). Measured side by side with `marsad bench` by
`./marsad.sh bench`. Usage: text_core_peer.py CORPUS_DIR"""
import io, json, os, re, sys, time, unicodedata, zipfile

DISPLAY = {0x0640: None, 0x06CC: "ي", 0x06A9: "ك"}
for cp in list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) + [0xFEFF, 0x00AD, 0x061C]:
    DISPLAY[cp] = None
for i in range(10):
    DISPLAY[0x0660 + i] = str(i)
    DISPLAY[0x06F0 + i] = str(i)
MATCH = {cp: None for cp in list(range(0x064B, 0x0653)) + [0x0670]}
MATCH.update({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي",
              ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي"})
TOKEN = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[@#][\w_]+|\d+(?:[.,:]\d+)*|\w+|[^\w\s]")


def display(s):
    s = unicodedata.normalize("NFC", s)
    # presentation forms -> base letters (NFKC only on the presentation-form ranges)
    if re.search("[\ufb50-\ufdff\ufe70-\ufeff]", s):
        s = re.sub("[\ufb50-\ufdff\ufe70-\ufefe]+", lambda m: unicodedata.normalize("NFKC", m.group()), s)
    return s.translate(DISPLAY)


def match_key(s):
    return s.translate(MATCH).lower()


def bodies(corpus):
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".zip"):
            with zipfile.ZipFile(os.path.join(corpus, name)) as z:
                for member in z.namelist():
                    for rec in json.load(io.TextIOWrapper(z.open(member), encoding="utf-8")):
                        if rec.get("content"):
                            yield rec["content"]


def main():
    texts = list(bodies(sys.argv[1]))
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    tokens = 0
    for t in texts:
        d = display(t)
        match_key(d)
        tokens += len(TOKEN.findall(d))
    s = time.perf_counter() - start
    print(f"python peer text core (display + match-key + tokenise, 1 thread): {nbytes/1e6:.1f} MB in {s:.2f} s = "
          f"{nbytes/1e6/s:.1f} MB/s, {tokens} tokens ({tokens/1e6/s:.2f} M tokens/s)")


if __name__ == "__main__":
    main()
