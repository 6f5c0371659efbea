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
  libgtest-dev googletest python3 iproute2  # tests (iproute2: network namespaces for live capture)
  clang-14 libclang-rt-14-dev               # libFuzzer targets
)
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
