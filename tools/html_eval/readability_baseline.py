#!/usr/bin/python3
"""Baseline for docs/HTML-EXTRACTION.md: Debian's python3-readability on the benchmark.

Writes {hash: text} JSON for html_eval --texts, so both extractors are scored by the
same C++ tokeniser. Prints median/p95 ms per page (summary() plus text conversion).

  /usr/bin/python3 tools/html_eval/readability_baseline.py \
      [--data ../shared/data/html-extraction] [--out /tmp/readability.json]
"""
import argparse
import gzip
import json
import os
import statistics
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
          "h6", "tr", "table", "blockquote", "pre", "br", "dd", "dt", "figcaption", "header",
          "footer", "main", "aside"}


def summary_text(html):
    summary = Document(html).summary()
    root = lxml.html.fromstring(summary)
    # Block ends become newlines so words of adjacent paragraphs do not run together.
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content().strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "html-extraction"))
    ap.add_argument("--out", default="/tmp/readability.json")
    args = ap.parse_args()
    with open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    texts, ms = {}, []
    for h in sorted(truth):
        with gzip.open(os.path.join(args.data, "html", h + ".html.gz")) as f:
            html = f.read().decode("utf-8", errors="replace")
        start = time.perf_counter()
        try:
            texts[h] = summary_text(html)
        except Exception as e:  # readability raises on some pages; score them as empty
            texts[h] = ""
            print("readability failed on", h[:12], e)
        ms.append((time.perf_counter() - start) * 1000)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(texts, f, ensure_ascii=False)
    ms.sort()
    print("pages=%d median %.1f ms  p95 %.1f ms  -> %s" % (
        len(ms), statistics.median(ms), ms[int(0.95 * (len(ms) - 1) + 0.5)], args.out))


if __name__ == "__main__":
    main()
