#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/KnowledgeLoop.Web.Tests drive /usr/bin/chromium through
# Playwright; a Playwright browser download cannot work on these machines). Idempotent and quiet: does nothing when
# /usr/bin/chromium is already there.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
else
    echo "setup-browser: /usr/bin/chromium is missing and neither root nor sudo is available; install Debian's chromium package." >&2
    exit 1
fi

echo "setup-browser: installing Debian's chromium (once)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
    # The package lists may be missing or stale on a fresh machine.
    "${as_root[@]}" apt-get update -qq >/dev/null
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

if [[ ! -x /usr/bin/chromium ]]; then
    echo "setup-browser: apt-get finished but /usr/bin/chromium is still missing." >&2
    exit 1
fi
echo "setup-browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)" >&2
