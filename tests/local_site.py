"""A web site on 127.0.0.1 for the tests that fetch pages: it serves routes and keeps requests.

Nothing here listens anywhere but 127.0.0.1, on a free port, and only while a test runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: What could send a test's requests elsewhere; tests that fetch clear them.
PROXY_VARIABLES = (
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
)

#: A short news article, as a site would serve it.
ARTICLE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Chip exports rise</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Chip exports rise</h1>
<p>Taiwan’s exports of chips rose by a fifth in May, the trade ministry said on Tuesday,
as demand for servers kept its factories busy.</p>
<p>Officials said tariffs announced in Washington had not yet touched shipments, though
buyers were ordering early.</p>
<p>The figures came as the island’s central bank kept interest rates unchanged.</p>
</article></body></html>
"""

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """A web site on 127.0.0.1: routes by path, and every request it was sent."""

    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    #: Set when the test ends: servers that wait or drip stop then.
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        site: Site = self.server.site
        site.requests.append((self.path, dict(self.headers)))
        route = site.routes.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route(self)

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    """A threading HTTP server on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request, client_address):
        pass  # a client that gave up (a timeout, a refused redirect) is what the test wants


def serve(server: Server) -> Iterator[Site]:
    """Run ``server`` while the caller (a fixture) yields its site; stop it afterwards."""
    site = Site(server.server_address[1])
    server.site = site
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def reply(
    body: bytes | str,
    *,
    status: int = 200,
    content_type: str | None = "text/html; charset=utf-8",
    length: bool = True,
    headers: tuple[tuple[str, str], ...] = (),
) -> Route:
    """A route that answers with ``body`` and these headers."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        if content_type is not None:
            handler.send_header("Content-Type", content_type)
        if length:
            handler.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    return route


def redirect(location: str, status: int = 302) -> Route:
    """A route that sends the client on to ``location``."""
    return reply(b"", status=status, headers=(("Location", location),))
