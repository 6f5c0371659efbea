#!/usr/bin/env bash
# Installs dependencies, builds wirelens and runs it. With no arguments it
# monitors the first interface that is up; any arguments are passed on, e.g.
#   scripts/run.sh -i trace.pcap --shutdown-when-done -F "file;flows.ndjson"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DWIRELENS_TESTS=OFF
exec "$root/build/wirelens" "$@"
