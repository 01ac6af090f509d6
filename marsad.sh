#!/usr/bin/env bash
# marsad developer entry point. The README's two commands:
#   ./marsad.sh demo   set up (apt-get what is missing), build, ingest samples/, print what was found
#   ./marsad.sh test   set up, build, run every test (CTest/GoogleTest), then the unit tests
#                      again under AddressSanitizer + UndefinedBehaviorSanitizer, the server's
#                      API and load tests under ThreadSanitizer, and each fuzz target
# Other verbs: setup | build | bench
set -euo pipefail
cd "$(dirname "$0")"
JOBS=$(nproc 2>/dev/null || echo 2)

setup() { bash scripts/setup.sh; }

build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS"
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build build ;;
  demo)
    setup
    build build >/dev/null
    db=${MARSAD_DB:-demo.db}
    echo "== marsad ingest samples/ --db $db"
    ./build/marsad ingest samples --db "$db" || true   # exit 1 = some inputs failed (listed above)
    echo; echo "== marsad list --db $db"
    ./build/marsad list --db "$db"
    echo; echo "== marsad stats --db $db"
    ./build/marsad stats --db "$db"
    first=$(./build/marsad list --db "$db" -n 1 | cut -d' ' -f1)
    echo; echo "== marsad show $first --explain --db $db"
    ./build/marsad show "$first" --explain --db "$db"
    echo; echo "Next: ./build/marsad export --format jsonl --db $db > $db.jsonl   (or ./build/marsad --help)"
    ;;
  test)
    setup
    build build
    (cd build && ctest --output-on-failure -j"$JOBS" --timeout 900)
    echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DMARSAD_SANITIZE=ON -DMARSAD_BUILD_BENCH=OFF
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       ctest --output-on-failure -j"$JOBS" -L unit --timeout 900)
    echo "== the HTTP server under ThreadSanitizer: API tests and the concurrent load test"
    cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMARSAD_TSAN=ON -DMARSAD_BUILD_BENCH=OFF >/dev/null
    cmake --build build-tsan -j"$JOBS" --target marsad marsad_web_fixture server_test
    supp="$PWD/tests/tsan.supp"
    (cd build-tsan && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$supp" \
       ctest --output-on-failure -R '^(ApiTest|ParamsTest|web_api|web_load)' --timeout 900)
    echo "== coverage-guided fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-20} s (fuzz/run.sh)"
    FUZZ_JOBS="$JOBS" fuzz/run.sh "${FUZZ_SECONDS:-20}"
    ;;
  bench)
    setup
    build build
    ./build/marsad bench "${@:2}"  # e.g. ./marsad.sh bench --write docs/BENCHMARKS.md
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
