# Differential: the samples and 2,000 SaudiNewsNet articles, published to NATS and
# processed by 3 workers into PostgreSQL, give the same articles (ids, texts,
# duplicate_of, story_id, everything exported) and the same stories as the embedded
# pipeline into SQLite; then every reading command and `marsad serve`'s API answer the
# same from both stores.
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
# The reading commands (docs/SCALE-OUT.md): the same output from both stores in every
# format; tests/scale/read_differential_test.cc covers their edge cases on made-up articles.
same() {  # same ARGS...: marsad ARGS gives the same output and status on both stores
  local x y
  x=$("$MARSAD" "$@" --db "$WORK/embedded.db" 2>&1; echo "rc=$?") y=$("$MARSAD" "$@" --pg "$PG_URL" 2>&1; echo "rc=$?")
  [ "$x" == "$y" ] || fail "'$*' differs: $(diff <(echo "$x") <(echo "$y") | head -5)"
  [ "$(wc -l <<<"$x")" -gt 2 ] || fail "'$*' printed almost nothing: $x"
}
same entities -n 100000
for id in $("$MARSAD" entities -n 5 --db "$WORK/embedded.db" | awk '{print $1}') "saudi ARABIA" "united states"; do
  same entity "$id"
done
for format in table csv tsv jsonl; do
  same events --format "$format" -n 100000
  same events --unmerged --format "$format" -n 100000
done
same events --actor SAU --format jsonl -n 100000
same events --target USA --root 04 --format csv -n 100000
same events --mode asserted --since 2015-07-21 --until 2015-07-22 --format jsonl -n 100000
same quotes --speaker SAU
same quotes --speaker SAU --jsonl -n 100000
for by in day week month; do
  same dyad SAU USA --by "$by"
  same dyad SAU USA --by "$by" --jsonl
done
# `marsad serve` on each store: the same API responses (search: the same hits; the scores
# differ, see "Search"; stats: each store its own schema number).
"$MARSAD" serve --db "$WORK/embedded.db" --port 0 --read-only >/dev/null 2>"$WORK/serve-lite.log" &
"$MARSAD" serve --pg "$PG_URL" --port 0 --read-only --threads 4 >/dev/null 2>"$WORK/serve-pg.log" &
port_of() {  # port_of LOG: the port a server says it serves on (waits up to 10 s)
  for _ in $(seq 100); do
    sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$1" | grep . && return
    sleep 0.1
  done
}
lite_port=$(port_of "$WORK/serve-lite.log") pg_port=$(port_of "$WORK/serve-pg.log")
[ -n "$lite_port" ] && [ -n "$pg_port" ] ||
  fail "serve did not start: $(cat "$WORK/serve-lite.log" "$WORK/serve-pg.log")"
python3 - "$lite_port" "$pg_port" <<'PY' || fail "API responses differ"
import json, sys, urllib.parse, urllib.request
lite, pg = sys.argv[1], sys.argv[2]
def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
        return json.loads(r.read())
q = urllib.parse.quote
paths = ["/api/articles?limit=100", "/api/articles?offset=900&duplicates=exclude", "/api/articles?entity=" + q("saudi arabia"),
         "/api/articles?source=" + q("Al Weeam") + "&since=2015-07-21", "/api/stories?limit=50", "/api/entities?limit=200",
         "/api/entities/SAU", "/api/events?limit=500", "/api/events?actor=SAU&merged=false", "/api/quotes?speaker=SAU",
         "/api/dyad?a=SAU&b=USA&by=week", "/api/network", "/api/network?root=04", "/api/stats"]
story = get(lite, "/api/stories?limit=1")["items"][0]["id"]
paths += ["/api/stories/" + story, "/api/articles/" + get(lite, "/api/articles?limit=1")["items"][0]["id"]]
bad = 0
for path in paths:
    a, b = get(lite, path), get(pg, path)
    if path == "/api/stats":
        a.pop("schema_version"), b.pop("schema_version")
    if a != b:
        bad += 1
        print(f"{path} differs: {json.dumps(a, ensure_ascii=False)[:300]} / {json.dumps(b, ensure_ascii=False)[:300]}")
for query in ["النفط", "ترمب", '"ولي العهد"']:
    path = "/api/search?limit=500&per_group=100&q=" + q(query)
    found = [get(port, path) for port in (lite, pg)]
    ids = [sorted(h["id"] for g in f["items"] for h in g["hits"]) for f in found]
    if [f["total_articles"] for f in found] != [found[0]["total_articles"]] * 2 or ids[0] != ids[1] or not ids[0]:
        bad += 1
        print(f"search {query} differs: {found[0]['total_articles']} / {found[1]['total_articles']}")
print(f"API: {len(paths)} endpoints and 3 searches compared, {bad} differ")
sys.exit(1 if bad else 0)
PY
echo "scale_differential: ok ($n articles identical)"
