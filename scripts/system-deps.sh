#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if they are missing:
# chromium (browser tests, driven by Playwright with executable_path), node/npm (axe-core),
# gettext (compiling translations). Needs root (CI and the dev machines run as root).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
bash "$(dirname "$0")/apt-install.sh" "${need[@]}"
