# The bundled samples ingest, re-ingest adds nothing, export follows the contract,
# show --explain lists removed blocks.
source "$(dirname "$0")/lib.sh"
db=$WORK/s.db
out=$("$MARSAD" ingest "$REPO/samples" --db "$db" 2>&1) || fail "ingest of samples failed: $out"
echo "$out"
expect_contains "$out" "ingested 10 new articles (1 duplicates by content, 0 near duplicates)" "first ingest"
expect_contains "$out" "0 failed" "first ingest"
out=$("$MARSAD" ingest "$REPO/samples" --db "$db" 2>&1)
expect_contains "$out" "ingested 0 new articles" "second ingest"
expect_contains "$out" "10 already present" "second ingest"
expect_eq "$(count_articles "$db")" 10 "articles after re-ingest"

"$MARSAD" export --format jsonl --db "$db" --out "$WORK/a.jsonl"
python3 - "$WORK/a.jsonl" <<'PY'
import json, sys
required = {"schema": str, "id": str, "input": str, "url": (str, type(None)), "source": (str, type(None)),
            "published": (str, type(None)), "title": (str, type(None)), "language": str, "text": str,
            "removed": list, "related": list, "wires": list, "keywords": list,
            "duplicate_of": (str, type(None)), "story_id": (str, type(None)),
            "entities": list, "quotes": list, "events": list}
ids = set()
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    a = json.loads(line)
    for k, t in required.items():
        assert k in a, f"line {n}: missing {k}"
        assert isinstance(a[k], t), f"line {n}: {k} has type {type(a[k]).__name__}"
    assert a["schema"] == "marsad.article/1"
    assert a["text"].strip(), f"line {n}: empty text"
    for r in a["removed"]:
        assert r["kind"] in {"read-also", "related-headlines", "tags", "source-line", "app-promo",
                             "video-notice", "social-embed", "share-bar", "navigation", "other"}, r["kind"]
    assert a["id"] not in ids
    ids.add(a["id"])
    if a["duplicate_of"]:
        assert a["duplicate_of"] in ids, "duplicate_of must point to an earlier article"
print("export ok:", len(ids), "articles")
PY

id=$("$MARSAD" list --db "$db" | grep -F "yemen-envoy" | cut -d' ' -f1 || true)
[ -n "$id" ] || id=$("$MARSAD" export --db "$db" | python3 -c 'import json,sys
for l in sys.stdin:
    a=json.loads(l)
    if a["input"].endswith("opec-meeting.txt"): print(a["id"])')
show=$("$MARSAD" show "$id" --explain --db "$db")
expect_contains "$show" "==== removed by the cleaner" "show --explain"
"$MARSAD" show no-such-id --db "$db" && fail "show of a missing id must fail" || true
stats=$("$MARSAD" stats --db "$db")
expect_contains "$stats" "articles        10" "stats"
echo "cli_samples: ok"
