#!/usr/bin/env bash
# Installs dependencies, builds and runs every test: unit and integration
# tests (Release), the same under ASan+UBSan, then each fuzz target for a
# bounded time. Prints each stage's time so the CI budget stays visible.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_DIR:-$root/../shared}
fuzz_seconds=${FUZZ_SECONDS:-30}
start=$SECONDS
stage() { echo; echo "=== $* (t+$((SECONDS - start))s)"; }

stage "install dependencies"
"$root/scripts/install-deps.sh"

stage "release build"
"$root/scripts/build.sh" "$root/build" -DSHARED_DIR="$shared"
stage "release tests"
(cd "$root/build" && ctest --output-on-failure -j 2)
stage "web UI unit tests (Vitest)"
(cd "$root/web" && npx vitest run)
stage "web UI end-to-end (headless Chromium; screenshots in build/e2e-artifacts)"
(cd "$root/web" && node e2e/ui.e2e.mjs "$root/build/wirelens" "$shared" "$root/build/e2e-artifacts")

stage "sanitizer build (ASan+UBSan)"
"$root/scripts/build.sh" "$root/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWIRELENS_SANITIZE=ON \
  -DWIRELENS_BENCH=OFF -DWIRELENS_WEB=OFF -DSHARED_DIR="$shared"
stage "sanitizer tests"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$root/build-asan" && ctest --output-on-failure -j 2)

stage "fuzz targets (${fuzz_seconds}s each)"
cmake -S "$root" -B "$root/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo  \
  -DCMAKE_CXX_COMPILER=clang++-14 -DWIRELENS_FUZZ=ON -DWIRELENS_TESTS=OFF -DWIRELENS_BENCH=OFF -DWIRELENS_WEB=OFF >/dev/null
for src in "$root"/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  cmake --build "$root/build-fuzz" -j "$(nproc)" --target "$name"
  work=$(mktemp -d)
  cp -r "$root/fuzz/${name#fuzz_}_corpus"/. "$work"/
  log=$(mktemp)
  if ! "$root/build-fuzz/$name" -max_total_time="$fuzz_seconds" -print_final_stats=1 "$work" >"$log" 2>&1; then
    echo "FAIL: $name found a crash"; tail -60 "$log"; exit 1
  fi
  echo "$name: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') inputs, no crash"
  rm -rf "$work" "$log"
done

stage "all tests passed"
