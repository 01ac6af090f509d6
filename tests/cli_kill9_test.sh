# kill -9 during ingest, many times: the database always opens, passes integrity_check,
# and re-running the same command completes with every article exactly once.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 CLI missing (scripts/setup.sh installs it)"; exit 77; }
python3 - "$WORK/in" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1])
words = "الحكومة الوزير الاقتصاد النفط المفاوضات الاتفاق الرئيس المدينة السوق الطاقة".split()
for f in range(4):
    with open(os.path.join(sys.argv[1], f"part{f}.jsonl"), "w", encoding="utf-8") as out:
        for i in range(5000):
            n = f * 5000 + i
            body = " ".join(words[(n * 7 + k) % len(words)] for k in range(60)) + f" رقم {n}."
            out.write(json.dumps({"title": f"خبر {n}", "content": body, "source": "test"}, ensure_ascii=False) + "\n")
PY
db=$WORK/k.db
for round in $(seq 1 12); do
  "$MARSAD" ingest "$WORK/in" --db "$db" --quiet --batch 64 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check=$(sqlite3 "$db" "PRAGMA integrity_check;" 2>&1 || true)
  [ "$check" == "ok" ] || [ ! -e "$db" ] || fail "round $round: integrity_check says: $check"
done
"$MARSAD" ingest "$WORK/in" --db "$db" --quiet || fail "resume failed"
expect_eq "$(sqlite3 "$db" 'PRAGMA integrity_check;')" ok "final integrity"
expect_eq "$(sqlite3 "$db" 'SELECT count(*) FROM articles;')" 20000 "articles after resume"
expect_eq "$(sqlite3 "$db" 'SELECT count(DISTINCT id) FROM articles;')" 20000 "distinct ids"
echo "cli_kill9: ok"
