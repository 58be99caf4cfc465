#!/usr/bin/env bash
# Installs the Debian packages Hoot needs to build, test and benchmark. Idempotent and quiet
# when everything is already present; run as root (or through sudo when available).
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    libboost-dev libboost-system-dev libsqlite3-dev libsodium-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libcli11-dev
    libgtest-dev libgmock-dev
    libexpat1-dev
    libgd-dev libexif-dev
    curl wrk nginx-light
    chromium fonts-dejavu-core
    libxml2-utils
    postgresql libpq-dev
)
# The browser tests need Node.js and npm; a machine that already has a node of its own keeps it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
((${#missing[@]} == 0)) && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps: need root to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
