#!/usr/bin/env bash
# Installs what wirelens needs to build, run and test on Debian 12 (apt only).
set -euo pipefail
packages=(
  build-essential cmake pkg-config          # toolchain
  libpcap-dev rapidjson-dev libndpi-dev     # engine (nDPI 4.2 for application detection)
  libssl-dev                                # SHA-256 for JA4 fingerprints, HTTPS
  libboost-dev libboost-system-dev zlib1g-dev  # web server (Boost.Beast), gzip
  libsqlite3-dev libsodium-dev              # configuration database, Argon2id passwords
  python3-requests wrk                      # REST compatibility tests, HTTP load benchmark
  chromium                                  # web UI end-to-end tests (driven by playwright-core)
  libgtest-dev googletest python3 iproute2  # tests (iproute2: network namespaces for live capture)
  clang-14 libclang-rt-14-dev               # libFuzzer targets
)
# The web UI builds with Node.js and npm: Debian's packages unless a Node.js is
# already there (installing Debian's npm next to another Node.js conflicts).
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 18 ]; then
  echo "wirelens needs Node.js 18 or newer to build its web UI (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
