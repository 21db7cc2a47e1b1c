#!/usr/bin/env bash
# Set up if needed, then start the assistant (for now: answer one question; see app.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python app.py "$@"
