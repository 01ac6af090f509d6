#!/usr/bin/env bash
# Build the fuzz configuration (clang, libFuzzer + ASan + UBSan) and run each target for a
# bounded time. Usage: fuzz/run.sh [seconds-per-target] [target...]
#   FUZZ_JOBS=N  build parallelism (default 1)   BUILD_DIR=...  (default build-fuzz)
# Exits non-zero if any target crashes (or a saved regression input crashes again).
# The seed corpora in fuzz/corpus/ are not modified: each run works on a copy in the build
# folder; crash inputs land in $BUILD_DIR/fuzz-artifacts/<target>/.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-fuzz}"
SECS="${1:-30}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(fuzz_cleaner fuzz_html fuzz_date fuzz_ingest)

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -DMARSAD_FUZZ=ON \
  -DMARSAD_BUILD_TESTS=OFF -DMARSAD_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
cmake --build "$BUILD_DIR" -j"${FUZZ_JOBS:-1}" --target "${TARGETS[@]}" || exit 2

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${TARGETS[@]}"; do
  bin="$BUILD_DIR/fuzz/$t"
  work="$BUILD_DIR/fuzz-corpus/$t"
  art="$BUILD_DIR/fuzz-artifacts/$t"
  mkdir -p "$work" "$art"
  # Saved crashers must stay fixed.
  regs=("$ROOT"/fuzz/regressions/"$t"-*)
  if [ -e "${regs[0]}" ]; then
    echo "== $t: replaying ${#regs[@]} regression input(s)"
    if ! "$bin" "${regs[@]}" >"$art/regressions.log" 2>&1; then
      echo "!! $t: a regression input crashes (see $art/regressions.log)"
      failed+=("$t(regression)")
    fi
  fi
  echo "== $t: fuzzing for ${SECS}s"
  start=$(date +%s)
  "$bin" "$work" "$ROOT/fuzz/corpus/$t" -max_total_time="$SECS" -max_len=262144 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$art/" >"$art/run.log" 2>&1
  rc=$?
  end=$(date +%s)
  grep -E '^stat::number_of_executed_runs|^#[0-9]+.*DONE' "$art/run.log" | tail -2
  if [ $rc -ne 0 ]; then
    echo "!! $t: exit $rc after $((end - start))s; log $art/run.log"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$art/run.log" | head -5
    failed+=("$t")
  else
    echo "ok $t ($((end - start))s)"
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all fuzz targets ran clean"
