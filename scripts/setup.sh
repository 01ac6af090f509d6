#!/usr/bin/env bash
# Installs what marsad needs to build and test on Debian 12 (idempotent).
# Runs apt-get only when a package is missing; needs root (or sudo) then.
set -euo pipefail
PKGS=(build-essential cmake pkg-config git
      libicu-dev libsqlite3-dev sqlite3 libgumbo-dev libzip-dev zlib1g-dev
      libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libxxhash-dev
      libcpp-httplib-dev libgtest-dev libgmock-dev libbenchmark-dev
      python3-readability wrk  # wrk: the server load test (tests/web/load_test.py)
      libpq-dev postgresql nats-server libnats-dev  # scale-out: PostgreSQL store, NATS JetStream queue
      clang)  # clang: the libFuzzer runs of `marsad.sh test` (fuzz/run.sh)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "marsad setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi
