#!/usr/bin/env bash
# Set up if needed, then run every test, slow and browser ones included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest -q "$@"
