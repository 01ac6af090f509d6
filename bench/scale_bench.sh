#!/usr/bin/env bash
# End-to-end throughput of the scale-out mode (docs/SCALE-OUT.md): N SaudiNewsNet articles
# published to NATS JetStream, then processed by W workers (1, 2, 4 by default) into
# PostgreSQL; reports articles/s from the workers' start until the last article is
# committed, and the publish rate. Fresh local servers (scripts/services/services.sh
# --fast) for each run. Prints figures; asserts nothing.
#
#   bench/scale_bench.sh MARSAD_BINARY [ARTICLES=2000] [WORKERS="1 2 4"] [-- extra worker/ingest flags]
set -euo pipefail
MARSAD=$(readlink -f "$1"); N=${2:-2000}; WORKERS=${3:-"1 2 4"}
shift $(( $# < 3 ? $# : 3 )); [ "${1:-}" == "--" ] && shift
EXTRA=("$@")
REPO=$(cd "$(dirname "$0")/.." && pwd); SHARED=$REPO/../shared
SERVICES=$REPO/scripts/services/services.sh
bash "$SERVICES" check || exit 77
WORK=$(mktemp -d /tmp/marsad-scale-bench.XXXXXX)
trap 'bash "$SERVICES" purge "$WORK/svc" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
python3 - "$SHARED/data/corpus/saudinewsnet/dataset" "$WORK/in" "$N" <<'PY'
import json, os, sys, zipfile
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = []
for name in sorted(os.listdir(src)):
    with zipfile.ZipFile(os.path.join(src, name)) as z:
        for member in z.namelist():
            records += json.loads(z.read(member))
    if len(records) >= n:
        break
os.makedirs(out)
json.dump(records[:n], open(os.path.join(out, "slice.json"), "w", encoding="utf-8"), ensure_ascii=False)
PY
echo "scale_bench: $N SaudiNewsNet articles, $(nproc) cores, flags: ${EXTRA[*]:-(none)}"
# Embedded baseline: the same work in one process (jobs = workers).
for w in $WORKERS; do
  rm -f "$WORK/e.db"*
  s=$(date +%s.%N)
  "$MARSAD" ingest "$WORK/in" --db "$WORK/e.db" --jobs "$w" --quiet "${EXTRA[@]}"
  e=$(date +%s.%N)
  printf "embedded  --jobs %d: %6.1f articles/s (%.2f s)\n" "$w" "$(echo "$N / ($e - $s)" | bc -l)" "$(echo "$e - $s" | bc -l)"
done
for w in $WORKERS; do
  bash "$SERVICES" purge "$WORK/svc" >/dev/null 2>&1 || true
  bash "$SERVICES" start "$WORK/svc" --fast >/dev/null
  nats=$(sed -n 's/^MARSAD_NATS_URL=//p' "$WORK/svc/env"); pg=$(sed -n 's/^MARSAD_PG_URL=//p' "$WORK/svc/env")
  s=$(date +%s.%N)
  want=$("$MARSAD" ingest "$WORK/in" --nats "$nats" 2>&1 | sed -n 's/^published \([0-9]*\) documents.*/\1/p')
  p=$(date +%s.%N)
  pids=()
  for i in $(seq 1 "$w"); do
    "$MARSAD" worker --nats "$nats" --pg "$pg" --jobs 1 --quiet "${EXTRA[@]}" & pids+=($!)
  done
  while :; do
    got=$(psql -qtA "$pg" -c "SELECT coalesce((SELECT next_seq - 1 FROM queue_cursors LIMIT 1), 0)" 2>/dev/null || echo 0)
    [ "$got" -ge "$want" ] && break
    sleep 0.2
  done
  e=$(date +%s.%N)
  kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  printf "scale-out %d worker(s): %6.1f articles/s end to end (%.2f s); publish %6.0f documents/s\n" "$w" \
    "$(echo "$N / ($e - $p)" | bc -l)" "$(echo "$e - $p" | bc -l)" "$(echo "$N / ($p - $s)" | bc -l)"
done
