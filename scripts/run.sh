#!/usr/bin/env bash
# Set up if needed, then start the web chat + HTTP API + widget on http://127.0.0.1:7860/ (see app.py).
#   bash scripts/run.sh                          # the web app (options: --host H --port P)
#   bash scripts/run.sh "我们水务局要负责哪些工作？"   # a question instead: answered once on the command line
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then
    exec .venv/bin/python -m assistant ask -- "$*"
fi
exec .venv/bin/python app.py "$@"
