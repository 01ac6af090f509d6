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
# Full-text search (docs/SCALE-OUT.md, "Search"): the same articles found on both stores
# (ids and counts; the order may differ: BM25 on SQLite, ts_rank on PostgreSQL).
found() {  # found ARGS...: the summary's counts, then the ids of every hit, sorted
  "$MARSAD" search "$@" --format jsonl --limit 1000 --per-story 100 >"$WORK/found.jsonl" || fail "search $*"
  head -1 "$WORK/found.jsonl" | grep -o '"total":[0-9]*,"total_groups":[0-9]*'
  tail -n +2 "$WORK/found.jsonl" | { grep -o '"id":"[^"]*"' || true; } | sort
}
for query in النفط والكرملين ترمب '"ولي العهد"' 'الرياض -جدة'; do
  a=$(found "$query" --db "$WORK/embedded.db") b=$(found "$query" --pg "$PG_URL")
  [ "$(wc -l <<<"$a")" -gt 1 ] || fail "search '$query' found nothing"
  [ "$a" == "$b" ] || fail "search '$query' differs: $(diff <(echo "$a") <(echo "$b") | head -5)"
done
for k in 1 2 3; do
  case $k in
    1) filters=(--until 2015-07-20) ;;
    2) filters=(--since 2015-07-21 --source "al weeam") ;;
    3) filters=(--source "Asharq Al-Awsat" --since 2015-07) ;;
  esac
  a=$(found الرياض "${filters[@]}" --db "$WORK/embedded.db") b=$(found الرياض "${filters[@]}" --pg "$PG_URL")
  [ "$(wc -l <<<"$a")" -gt 1 ] || fail "search الرياض ${filters[*]} found nothing"
  [ "$a" == "$b" ] || fail "search الرياض ${filters[*]} differs: $(diff <(echo "$a") <(echo "$b") | head -5)"
done
echo "scale_differential: ok ($n articles identical)"
