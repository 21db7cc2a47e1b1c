"""方案助手 web: the Gradio chat, the HTTP API and the embeddable widget in one process.

Usage: ``python app.py [--host H] [--port P]`` (default 127.0.0.1:7860, or FANGAN_HOST / FANGAN_PORT).
The first start builds the index (progress on the console and on the page); later starts only load it.
"""

from __future__ import annotations

import argparse
import os
import sys

# edges set the offline defaults before anything imports huggingface_hub or gradio
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.errors import AssistantError
from assistant.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="方案助手网页版：问答页面、HTTP API（/docs）与可嵌入组件（/widget.js）。",
        epilog="示例：python app.py --host 0.0.0.0 --port 8080    配置：环境变量前缀 FANGAN_ 或 fangan.toml",
    )
    parser.add_argument("--host", help="监听地址（默认 127.0.0.1，即 FANGAN_HOST）")
    parser.add_argument("--port", type=int, help="端口（默认 7860，即 FANGAN_PORT）")
    parser.add_argument("--access-log", action="store_true", help="打印每个请求")
    args = parser.parse_args(argv)
    try:
        overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
        settings = load_settings(**overrides)
        from assistant.web.server import serve

        serve(settings, settings.host, settings.port, access_log=args.access_log)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # e.g. the port is taken
        print(f"错误：无法启动服务：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
