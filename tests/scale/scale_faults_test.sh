# Faults: kill -9 a worker mid-stream, restart nats-server, crash and restart PostgreSQL
# while 3 workers run; afterwards every article is stored exactly once.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/scale_lib.sh"
python3 - "$WORK/in" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1])
words = "الحكومة الوزير الاقتصاد النفط المفاوضات الاتفاق الرئيس المدينة السوق الطاقة".split()
for f in range(3):
    with open(os.path.join(sys.argv[1], f"part{f}.jsonl"), "w", encoding="utf-8") as out:
        for i in range(2000):
            n = f * 2000 + i
            m = n - n % 50 if n % 7 == 0 else n  # some exact duplicates by content
            body = " ".join(words[(m * 7 + k) % len(words)] for k in range(60)) + f" رقم {m}."
            out.write(json.dumps({"title": f"خبر {n}", "content": body, "source": "test",
                                  "date": f"2025-03-{1 + n % 28:02d}"}, ensure_ascii=False) + "\n")
PY
"$MARSAD" ingest "$WORK/in" --db "$WORK/embedded.db" --quiet ${MARSAD_ANNOTATOR_FLAGS:-} || fail "embedded ingest"
want=$(sqlite3 "$WORK/embedded.db" 'SELECT count(*) FROM articles' 2>/dev/null || "$MARSAD" export --db "$WORK/embedded.db" | wc -l)
"$MARSAD" ingest "$WORK/in" --nats "$NATS_URL" --quiet || fail "publish"
worker() { "$MARSAD" worker --nats "$NATS_URL" --pg "$PG_URL" --jobs 1 --batch 32 --ack-wait 2 --idle-exit 20 --quiet ${MARSAD_ANNOTATOR_FLAGS:-} \
             2>>"$WORK/workers.log" & }
worker; victim=$!
worker; worker
sleep 1.5
mid=$(psql_q 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
kill -9 "$victim" 2>/dev/null || true
worker
sleep 1
bash "$SERVICES" restart-nats "$SVC" || fail "nats restart"
sleep 1.5
bash "$SERVICES" restart-pg "$SVC" || fail "postgres restart"
wait "$victim" 2>/dev/null || true
wait
[ "$mid" -lt "$want" ] || fail "the run ended before the faults ($mid of $want stored at the kill): use more input"
got=$(psql_q 'SELECT count(*) FROM articles')
distinct=$(psql_q 'SELECT count(DISTINCT id) FROM articles')
expect_eq "$got" "$want" "articles stored (workers.log: $(tail -3 "$WORK/workers.log" | tr '\n' ' '))"
expect_eq "$distinct" "$want" "distinct ids"
# The same articles as the embedded run (ids and exact-duplicate links).
"$MARSAD" export --db "$WORK/embedded.db" | python3 -c 'import json,sys; [print(d["id"], d.get("duplicate_of")) for d in map(json.loads, sys.stdin)]' | sort >"$WORK/a"
"$MARSAD" export --db "$PG_URL" | python3 -c 'import json,sys; [print(d["id"], d.get("duplicate_of")) for d in map(json.loads, sys.stdin)]' | sort >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || fail "ids or duplicate_of differ: $(diff "$WORK/a" "$WORK/b" | head -3)"
echo "scale_faults: ok ($got articles, each once; $mid were stored when the faults began)"
