#!/usr/bin/env bash
# System tools the test suite needs besides Java and Maven (which `newsflow stack` checks itself):
# a Compose CLI to validate docker-compose.yml, and Chromium for the browser tests (Playwright
# drives Debian's build; it cannot download its own here). Installed from Debian when missing.
set -euo pipefail
need=()
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  need+=(docker-compose)
fi
if [ ! -x /usr/bin/chromium ]; then
  need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian ..."
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
