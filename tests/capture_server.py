"""A stand-in for a remote model provider that records what it was sent.

It is a fake on purpose: the point is to see the exact bytes that would leave the machine at
the litellm boundary, which only a server on the other end of a real HTTP call can see. It
speaks enough of the OpenAI chat-completions API for litellm's ``openai/`` provider::

    with capture_server() as (base_url, requests):
        litellm.completion(model="openai/capture", api_base=base_url, api_key="none",
                           messages=[...], timeout=10)
        assert "anna@example.com" not in requests[0].raw

``requests`` fills with :class:`Captured` (path, headers, raw body, parsed JSON) in arrival
order. The reply is ``{"text": "We're sorry. Please DM us.", "language": "en", "cited": []}``
unless ``reply`` gives another text, or a function of the request body that returns one.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_REPLY = json.dumps({"text": "We're sorry. Please DM us.", "language": "en", "cited": []})


@dataclass
class Captured:
    path: str
    headers: dict[str, str]  # names in lower case
    raw: str
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages") or [])

    def text(self) -> str:
        """Every message's content, decoded from JSON, one per line (for leak searches)."""
        parts: list[str] = []
        for message in self.messages:
            content = message.get("content")
            if isinstance(content, str):
                parts.append(content)
            elif isinstance(content, list):  # content parts
                parts.extend(str(p.get("text", "")) for p in content if isinstance(p, dict))
        return "\n".join(parts)


def _completion(body: dict[str, Any], content: str, number: int) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-capture-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": str(body.get("model", "capture")),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _chunks(body: dict[str, Any], content: str, number: int) -> Iterator[dict[str, Any]]:
    base = {
        "id": f"chatcmpl-capture-{number}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": str(body.get("model", "capture")),
    }
    yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": content}}]}
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}


@contextmanager
def capture_server(
    reply: str | Callable[[dict[str, Any]], str] = DEFAULT_REPLY,
) -> Iterator[tuple[str, list[Captured]]]:
    """Serve on a free loopback port; yields ``(base_url, requests)``, ``base_url`` ending in
    ``/v1``. Stops (and frees the port) on exit."""
    captured: list[Captured] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _send(self, status: int, payload: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                models = {"object": "list", "data": [{"id": "capture", "object": "model"}]}
                self._send(200, json.dumps(models).encode(), "application/json")
            else:
                self._send(404, b'{"error": {"message": "not found"}}', "application/json")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8", errors="replace")
            try:
                body = json.loads(raw) if raw else {}
            except json.JSONDecodeError:
                body = {}
            with lock:
                captured.append(
                    Captured(self.path, {k.lower(): v for k, v in self.headers.items()}, raw, body)
                )
                number = len(captured)
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send(404, b'{"error": {"message": "not found"}}', "application/json")
                return
            content = reply(body) if callable(reply) else reply
            if body.get("stream"):
                events = "".join(
                    f"data: {json.dumps(chunk)}\n\n" for chunk in _chunks(body, content, number)
                )
                self._send(200, (events + "data: [DONE]\n\n").encode(), "text/event-stream")
            else:
                payload = json.dumps(_completion(body, content, number)).encode()
                self._send(200, payload, "application/json")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="capture-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", captured
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
