# Helpers for the end-to-end tests. Source it; then $MARSAD, $REPO, $SHARED, $WORK are set.
set -euo pipefail
MARSAD=$1 REPO=$2 SHARED=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/marsad-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected '$2', got '$1'"; }
expect_contains() { grep -qF -- "$2" <<<"$1" || fail "$3: output lacks '$2'"; }
count_articles() { "$MARSAD" export --db "$1" | wc -l | tr -d ' '; }
