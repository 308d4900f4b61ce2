"""A fault-injecting stand-in for an OpenAI-compatible model provider, on loopback.

It is a fake on purpose: the model boundary is the one place where crisisdraft talks to
something it does not control, and the failures worth testing (a provider that never answers,
trickles tokens, rate-limits, crashes, refuses connections or sends garbage) cannot be asked
of a real provider on demand. A real HTTP server on a real socket is used instead of a patch
so that litellm, the OpenAI client and httpx all run exactly as in production::

    with FaultProvider() as fake:
        settings = Settings(draft_model="openai/fake", llm_api_base=fake.base_url, ...)
        fake.mode = "timeout"             # every request from now on (per run)
        fake.enqueue("rate_limit", "ok")  # the next two requests, then back to ``mode``
        fake.stop()                       # connection refused on the same port ...
        fake.start()                      # ... and back again

Modes (:data:`MODES`):

- ``ok``: a valid draft answer (JSON content), streamed as SSE when asked.
- ``timeout``: holds the request and never answers (until ``hang_s`` or the server stops).
- ``slow_stream``: a valid draft, trickled one short token every ``token_delay_s`` (SSE when
  streaming; without streaming the whole answer comes after the same total time).
- ``rate_limit``: 429 with ``Retry-After: <retry_after_s>``.
- ``server_error``: 500 with an OpenAI-style error body.
- ``malformed_json``: 200 whose body is not JSON at all.
- ``not_a_draft``: a valid chat completion whose content is prose, not the draft JSON.
- ``refused``: set by :meth:`stop` (nothing listens); asking for it per request closes the
  connection without an answer.

``history`` records (mode, streamed) per request in arrival order.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Mode = Literal[
    "ok",
    "timeout",
    "slow_stream",
    "rate_limit",
    "server_error",
    "malformed_json",
    "not_a_draft",
    "refused",
]
MODES: tuple[Mode, ...] = (
    "ok",
    "timeout",
    "slow_stream",
    "rate_limit",
    "server_error",
    "malformed_json",
    "not_a_draft",
    "refused",
)
DRAFT = {
    "text": "We're sorry your order is late. Please send us a DM with your order number "
    "and we will check it today.",
    "language": "en",
    "cited": [],
}


@dataclass
class Served:
    mode: str
    stream: bool
    at: float


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True


class FaultProvider:
    """A loopback OpenAI-compatible server whose answers are chosen per run or per request."""

    def __init__(
        self,
        *,
        mode: Mode = "ok",
        retry_after_s: int = 1,
        token_delay_s: float = 0.25,
        hang_s: float = 120.0,
        port: int = 0,
    ) -> None:
        self.mode: Mode = mode
        self.retry_after_s = retry_after_s
        self.token_delay_s = token_delay_s
        self.hang_s = hang_s
        self.history: list[Served] = []
        self._queue: deque[Mode] = deque()
        self._lock = threading.Lock()
        self._released = threading.Event()  # set on stop: held requests give up
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.port = port or _free_port()

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        """Listen (again) on the same port."""
        if self._server is not None:
            return
        self._released.clear()
        self._server = _Server(("127.0.0.1", self.port), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"fault-provider-{self.port}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Close the listening socket: new connections are refused until :meth:`start`."""
        if self._server is None:
            return
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:  # kept-alive connections too: a stopped provider answers nothing
            for conn in self._connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
            self._connections.clear()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> FaultProvider:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- choosing faults ---------------------------------------------------------------------
    def enqueue(self, *modes: Mode) -> None:
        """The next requests get these modes, in order; then :attr:`mode` again."""
        with self._lock:
            self._queue.extend(modes)

    def set_mode(self, mode: Mode) -> None:
        """Every request from now on (``refused`` stops the server, anything else starts it)."""
        with self._lock:
            self._queue.clear()
        if mode == "refused":
            self.stop()
        else:
            self.start()
        self.mode = mode

    def _next_mode(self, stream: bool) -> Mode:
        with self._lock:
            mode = self._queue.popleft() if self._queue else self.mode
            self.history.append(Served(mode, stream, time.monotonic()))
            return mode

    # -- HTTP --------------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def setup(self) -> None:
                super().setup()
                with provider._lock:
                    provider._connections.add(self.connection)

            def finish(self) -> None:
                with provider._lock:
                    provider._connections.discard(self.connection)
                with contextlib.suppress(OSError):
                    super().finish()

            def _send(
                self,
                status: int,
                payload: bytes,
                content_type: str = "application/json",
                headers: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                models = {"object": "list", "data": [{"id": "fake", "object": "model"}]}
                self._send(200, json.dumps(models).encode())

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {}
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                stream = bool(body.get("stream"))
                mode = provider._next_mode(stream)
                # The client may give up first (its timeout): that is the point of some modes.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(mode, body, stream)

            def _answer(self, mode: Mode, body: dict[str, Any], stream: bool) -> None:
                content = json.dumps(DRAFT)
                if mode == "timeout":
                    provider._released.wait(provider.hang_s)
                    self.close_connection = True
                    return
                if mode == "refused":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if mode == "rate_limit":
                    error = {"error": {"message": "Rate limit reached", "type": "rate_limit"}}
                    self._send(
                        429,
                        json.dumps(error).encode(),
                        headers={"Retry-After": str(provider.retry_after_s)},
                    )
                    return
                if mode == "server_error":
                    error = {"error": {"message": "The server had an error", "type": "server"}}
                    self._send(500, json.dumps(error).encode())
                    return
                if mode == "malformed_json":
                    self._send(200, b'{"id": "chatcmpl-broken", "choices": [{"mess')
                    return
                if mode == "not_a_draft":
                    content = "Sure! Here is a lovely reply: we are so sorry, truly."
                if mode == "slow_stream":
                    tokens = _tokens(content)
                    if stream:
                        self._stream(body, tokens, provider.token_delay_s)
                        return
                    if provider._released.wait(provider.token_delay_s * len(tokens)):
                        return
                if stream:
                    self._stream(body, [content], 0.0)
                    return
                self._send(200, json.dumps(_completion(body, content)).encode())

            def _stream(self, body: dict[str, Any], tokens: list[str], delay: float) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                for i, token in enumerate(tokens):
                    if delay and provider._released.wait(delay):
                        return
                    delta: dict[str, Any] = {"content": token}
                    if i == 0:
                        delta["role"] = "assistant"
                    self._event(_chunk(body, [{"index": 0, "delta": delta}]))
                self._event(_chunk(body, [{"index": 0, "delta": {}, "finish_reason": "stop"}]))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        return Handler


def _tokens(text: str, size: int = 6) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _completion(body: dict[str, Any], content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": str(body.get("model", "fake")),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _chunk(body: dict[str, Any], choices: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": str(body.get("model", "fake")),
        "choices": choices,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
