"""Language models behind one tiny interface: ``stream(messages)`` yields the reply's text as it is generated."""

from __future__ import annotations

import abc
import logging
import time
from collections.abc import Iterator, Sequence

from langchain_core.messages import BaseMessage

from ..errors import BackendError

log = logging.getLogger("assistant.llm")


class ChatLLM(abc.ABC):
    """A chat model. ``model_id`` names it in logs and reports."""

    model_id: str = "llm"

    @abc.abstractmethod
    def stream(self, messages: Sequence[BaseMessage]) -> Iterator[str]:
        """Yield pieces of the reply.

        Raises:
            BackendError: the server is unreachable, too slow, answers with an error or with something malformed.
        """


class OpenAICompatibleLLM(ChatLLM):
    """Any OpenAI-compatible chat-completions server (vLLM, Ollama, Xinference, a provider) through langchain-openai.

    Args:
        base_url: the API root, e.g. ``http://127.0.0.1:8000/v1``.
        model: the model name the server knows.
        api_key: sent as a bearer token; local servers usually accept any value.
        timeout: seconds to wait for the connection and for each piece of the reply; also bounds the whole reply.
        streaming: ask for server-sent events; off for gateways that only answer whole.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        temperature: float = 0.1,
        max_tokens: int = 800,
        max_retries: int = 1,
        streaming: bool = True,
    ) -> None:
        from langchain_openai import ChatOpenAI

        self.base_url = base_url
        self.model_id = model
        self.timeout = timeout
        self.streaming = streaming
        self._chat = ChatOpenAI(
            model=model,
            base_url=base_url,
            api_key=api_key or "not-needed",  # type: ignore[arg-type]
            timeout=timeout,
            temperature=temperature,
            # the classic field: LangChain would rename max_tokens to max_completion_tokens, which many servers ignore
            extra_body={"max_tokens": max_tokens},
            max_retries=max_retries,
            streaming=streaming,
            stream_usage=False,
            use_responses_api=False,  # compatible servers speak chat completions only
        )

    def stream(self, messages: Sequence[BaseMessage]) -> Iterator[str]:
        deadline = time.monotonic() + self.timeout * 4  # per-read timeouts can add up on a server that trickles
        try:
            if not self.streaming:
                reply = self._chat.invoke(list(messages))
                yield _text(reply.content)
                return
            for chunk in self._chat.stream(list(messages)):
                piece = _text(chunk.content)
                if piece:
                    yield piece
                if time.monotonic() > deadline:
                    raise BackendError(
                        f"大模型回答超时（超过 {self.timeout * 4:.0f} 秒；FANGAN_LLM_TIMEOUT={self.timeout:g}）"
                    )
        except BackendError:
            raise
        except Exception as exc:  # the SDK, httpx and LangChain each raise their own: all mean "no usable reply"
            raise BackendError(self._explain(exc)) from exc

    def _explain(self, exc: Exception) -> str:
        import openai

        where = f"{self.base_url}（FANGAN_LLM_BASE_URL）"
        if isinstance(exc, openai.APITimeoutError):
            return f"大模型服务 {where} 在 {self.timeout:g} 秒内没有回应（FANGAN_LLM_TIMEOUT）"
        if isinstance(exc, openai.APIConnectionError):
            return f"无法连接大模型服务 {where}"
        if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            return f"大模型服务拒绝了请求（{exc.status_code}），请检查 FANGAN_LLM_API_KEY"
        if isinstance(exc, openai.NotFoundError):
            return f"大模型服务找不到模型或接口（404），请检查 FANGAN_LLM_MODEL={self.model_id} 与 {where}"
        if isinstance(exc, openai.APIStatusError):
            return f"大模型服务返回错误 {exc.status_code}"
        return f"大模型服务的回应无法解析（{type(exc).__name__}）"


def _text(content: object) -> str:
    """Message content as text: a string, or the text blocks of a list of content blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            b if isinstance(b, str) else str(b.get("text", "")) for b in content if isinstance(b, str | dict)
        )
    return ""
