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

# The same corpus in two runs (first 9 days, then the rest) links every article as one run
# did: same duplicate_of and story_id (windowed state is rebuilt from the store).
mkdir -p "$WORK/a" "$WORK/b"
files=("$corpus"/*.zip)
half=$(( ${#files[@]} / 2 ))
for ((i = 0; i < ${#files[@]}; i++)); do
  if (( i < half )); then ln -s "${files[$i]}" "$WORK/a/"; else ln -s "${files[$i]}" "$WORK/b/"; fi
done
"$MARSAD" ingest "$WORK/a" --db "$WORK/h.db" -q
"$MARSAD" ingest "$WORK/b" --db "$WORK/h.db" -q
diffs=$(sqlite3 "$WORK/h.db" "ATTACH '$WORK/c.db' AS one;
  SELECT count(*) FROM articles h JOIN one.articles o ON o.id = h.id
  WHERE coalesce(h.duplicate_of, '') <> coalesce(o.duplicate_of, '')
     OR coalesce(h.story_id, '') <> coalesce(o.story_id, '');")
expect_eq "$diffs" 0 "articles linked differently in two runs than in one"
dups=$(sqlite3 "$WORK/c.db" "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
echo "cli_corpus: two runs == one run ($dups duplicates)"
