#!/usr/bin/env bash
# The sidebar's browser tests (test/browser/) drive Debian's chromium through playwright-core.
# CI runs on a fresh machine as root with network to the npm and Debian registries only: install
# the browser from Debian when it is not there. Locally: run once with sudo, or install it yourself.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing: run 'sudo $0' (or apt-get install chromium) — the browser tests need /usr/bin/chromium" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
command -v chromium
