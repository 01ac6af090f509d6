# Differential: the samples and 2,000 SaudiNewsNet articles, published to NATS and
# processed by 3 workers into PostgreSQL, give the same articles (ids, texts,
# duplicate_of, story_id, everything exported) and the same stories as the embedded
# pipeline into SQLite.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/scale_lib.sh"
[ -d "$SHARED/data/corpus/saudinewsnet/dataset" ] || { echo "skipped: ../shared corpus missing"; exit 77; }
corpus_slice "$WORK/slice" 2000
inputs=("$REPO/samples" "$WORK/slice")

"$MARSAD" ingest "${inputs[@]}" --db "$WORK/embedded.db" --quiet ${MARSAD_ANNOTATOR_FLAGS:-} || fail "embedded ingest"
"$MARSAD" ingest "${inputs[@]}" --nats "$NATS_URL" --quiet || fail "publish"
for i in 1 2 3; do
  "$MARSAD" worker --nats "$NATS_URL" --pg "$PG_URL" --jobs 1 --idle-exit 5 --quiet ${MARSAD_ANNOTATOR_FLAGS:-} &
done
wait
"$MARSAD" export --db "$WORK/embedded.db" >"$WORK/embedded.jsonl"
"$MARSAD" export --db "$PG_URL" >"$WORK/scaled.jsonl"
n=$(wc -l <"$WORK/embedded.jsonl")
[ "$n" -ge 2000 ] || fail "embedded export has only $n articles"
cmp -s "$WORK/embedded.jsonl" "$WORK/scaled.jsonl" ||
  fail "exports differ: $(diff <(cut -c1-300 "$WORK/embedded.jsonl") <(cut -c1-300 "$WORK/scaled.jsonl") | head -5)"
for cmd in "stories --top 100000 --format jsonl" "list --limit 0"; do
  # shellcheck disable=SC2086
  a=$("$MARSAD" $cmd --db "$WORK/embedded.db") b=$("$MARSAD" $cmd --pg "$PG_URL")
  [ "$a" == "$b" ] || fail "'$cmd' differs: $(diff <(echo "$a") <(echo "$b") | head -5)"
done
a=$("$MARSAD" stats --db "$WORK/embedded.db" | tail -n +2) b=$("$MARSAD" stats --db "$PG_URL" | tail -n +2)
[ "$a" == "$b" ] || fail "stats differ: $(diff <(echo "$a") <(echo "$b") | head -5)"
expect_eq "$(psql_q 'SELECT count(*) - count(DISTINCT id) FROM articles')" 0 "duplicate ids"
echo "scale_differential: ok ($n articles identical)"
