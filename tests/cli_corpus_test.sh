# The SaudiNewsNet corpus ingests as-is: 18 zip files, 31,030 articles.
source "$(dirname "$0")/lib.sh"
corpus=$SHARED/data/corpus/saudinewsnet/dataset
[ -d "$corpus" ] || { echo "SKIP: $corpus not found (../shared is not beside the repo)"; exit 77; }
out=$("$MARSAD" ingest "$corpus" --db "$WORK/c.db" 2>&1) || true
echo "$out" | tail -25
expect_contains "$out" "31030 documents read" "documents read"
stored=$(count_articles "$WORK/c.db")
failed=$(grep -oE '[0-9]+ failed' <<<"$out" | head -1 | cut -d' ' -f1)
expect_eq "$stored" 31030 "articles stored"
expect_eq "$failed" 0 "failures"
echo "cli_corpus: ok ($stored stored, $failed failed)"
