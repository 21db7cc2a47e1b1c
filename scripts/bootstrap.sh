#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian machine: system packages, .venv, and the project installed editable.
# Re-running is cheap: pip is skipped while .venv/.stamp matches pyproject.toml + constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "错误：$*"; exit 1; }

FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
VENV=.venv
STAMP="$VENV/.stamp"

# ---- system packages: only what is missing, only as root ------------------------------------------
need=()
command -v python3 >/dev/null 2>&1 || need+=(python3)
if command -v python3 >/dev/null 2>&1 && [ ! -x "$VENV/bin/python" ] \
    && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    need+=(python3-venv)
fi
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f "$FONT" ] || need+=(fonts-noto-cjk)
if [ "${#need[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "警告：没有 apt-get，跳过安装 ${need[*]}（浏览器测试与中文字体可能不可用）"
    elif [ "$(id -u)" -ne 0 ]; then
        say "警告：不是 root，跳过安装 ${need[*]}；请以 root 运行：apt-get install -y ${need[*]}"
    else
        say "安装系统软件包：${need[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

# ---- virtual environment ----------------------------------------------------------------------------
command -v python3 >/dev/null 2>&1 || die "找不到 python3，请先安装 Python 3.11 或更高版本"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "需要 Python 3.11 或更高版本，当前 python3 为 $(python3 --version 2>&1)"
    say "创建虚拟环境 $VENV"
    python3 -m venv "$VENV"
    rm -f "$STAMP"
fi

# ---- Python packages: torch first, so its CPU build is the one everything else sees ------------------
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
    say "安装 Python 依赖（首次可能需要几分钟）"
    "$VENV/bin/python" -m pip install -q torch==2.13.0
    "$VENV/bin/python" -m pip install -q -c constraints.txt -e ".[dev]"
    printf '%s\n' "$want" > "$STAMP"
fi
