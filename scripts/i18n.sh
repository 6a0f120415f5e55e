#!/usr/bin/env bash
# Translations: extract → merge → compile → check (see scripts/i18n.py for each step).
#   bash scripts/i18n.sh            # everything
#   bash scripts/i18n.sh check      # only the completeness check (what the unit test runs)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
exec "$PY" scripts/i18n.py "${1:-all}"
