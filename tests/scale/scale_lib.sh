# Helpers for the scale-out end-to-end tests. Source after ../lib.sh: starts the local
# servers (scripts/services/services.sh, 127.0.0.1, random ports, in $WORK) or exits 77
# when nats-server/PostgreSQL are not installed; stops them on exit.
SERVICES="$REPO/scripts/services/services.sh"
bash "$SERVICES" check || { echo "skipped: nats-server/PostgreSQL not installed (scripts/setup.sh)"; exit 77; }
SVC=$WORK/svc
stop_all() {
  local rc=$? pids
  pids=$(jobs -p)
  if [ -n "$pids" ]; then kill $pids 2>/dev/null || true; fi
  bash "$SERVICES" purge "$SVC" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit $rc
}
trap stop_all EXIT
bash "$SERVICES" start "$SVC" --fast >/dev/null || fail "services.sh start failed"
NATS_URL=$(sed -n 's/^MARSAD_NATS_URL=//p' "$SVC/env")
PG_URL=$(sed -n 's/^MARSAD_PG_URL=//p' "$SVC/env")
psql_q() { psql -qtA "$PG_URL" -c "$1"; }

# A slice of SaudiNewsNet: the first $2 records of the corpus, as one JSON file in $1.
corpus_slice() {
  python3 - "$SHARED/data/corpus/saudinewsnet/dataset" "$1" "$2" <<'PY'
import json, os, sys, zipfile
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = []
for name in sorted(os.listdir(src)):
    with zipfile.ZipFile(os.path.join(src, name)) as z:
        for member in z.namelist():
            records += json.loads(z.read(member))
    if len(records) >= n:
        break
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "saudinewsnet-slice.json"), "w", encoding="utf-8") as f:
    json.dump(records[:n], f, ensure_ascii=False)
PY
}
