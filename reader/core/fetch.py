"""Fetch the one web page a reader asked for, and read it exactly as a saved page is read.

This is the only place Topic Reader uses the network, and only when the reader asks for a
page by its address (``topic-reader classify URL``, or opening an address in the window). One
page is requested, plus the redirects the site answers with; nothing the page refers to
(images, scripts, styles, frames) is ever fetched, because the extractor is given the page as a
string, never an address. The opener knows only ``http:`` and ``https:``: no file, FTP or data
handler is installed, and no cookie is kept.

Every failure is a :class:`FetchError` (a :class:`LoadError`) whose ``str()`` is one line
naming the address and the problem in words a reader understands.

This module is imported only when an address is opened, so ``urllib`` at module level costs
nothing at start-up.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.message import Message
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from reader import __version__
from reader.core.document import Document
from reader.core.loaders import LoadError, parse_bytes
from reader.core.printable import printable

if TYPE_CHECKING:
    from typing_extensions import override
else:
    _Method = TypeVar("_Method")

    def override(method: _Method) -> _Method:
        """Mark a method as overriding its base class's; mypy checks the claim."""
        return method


USER_AGENT = f"TopicReader/{__version__}"
ACCEPT = "text/html,application/xhtml+xml"
WEB_SCHEMES = ("http", "https")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5

_CHUNK = 64 * 1024
#: Longer addresses are shortened in messages; the whole one is kept in ``FetchError.url``.
_SHOWN_CHARS = 200


class FetchError(LoadError):
    """A page that could not be fetched; ``str()`` is one line naming the address.

    It is a :class:`LoadError`, so everything that reports a file that cannot be opened
    reports an address that cannot be fetched the same way.

    Attributes:
        url: The address as it was asked for (normalised when it could be).
        problem: What went wrong, in words a reader understands.
    """

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        super().__init__(_shown(url), problem)
        if not url:
            self.args = (problem,)


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The bytes of one fetched page and what the server said about them.

    Attributes:
        url: The address asked for, normalised (``example.com`` becomes ``https://example.com``).
        final_url: The address the page came from, after redirects; cite this one.
        content_type: The media type the server gave (``text/html``), or ``""`` if none.
        charset: The character set the server gave, lower-case, or ``None``.
        body: The page as sent, uncompressed.
        fetched_at: When it was fetched, ISO 8601 in UTC (``2026-12-01T09:30:00+00:00``).
    """

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes = field(repr=False)
    fetched_at: str


# ---------------------------------------------------------------------------------------------
# Addresses


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.DOTALL)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def normalise_url(text: str) -> str:
    """Return ``text`` as an ``http://`` or ``https://`` address Topic Reader may fetch.

    A bare ``example.com/page`` is taken as ``https://example.com/page``. A site name in another
    script is written in IDNA and other non-ASCII characters are percent-encoded, as a browser
    does.

    Raises:
        FetchError: for an empty address, spaces or control characters, another scheme
            (``file:``, ``javascript:``, ``data:``, ``ftp:`` …), or something that is not an
            address at all.
    """
    url = text.strip()
    if not url:
        raise FetchError("", "no web address was given")
    if not url.isprintable():
        raise FetchError(url, "has control characters in it, which a web address never has")
    if any(ch.isspace() for ch in url):
        raise FetchError(url, "has spaces in it, which a web address never has")
    scheme = _SCHEME.fullmatch(url)
    # "localhost:8080/page" and "example.com:8080" are a site and a port, not a scheme.
    if scheme and not scheme.group(2)[:1].isdigit():
        name = scheme.group(1).lower()
        if name not in WEB_SCHEMES:
            raise FetchError(url, _scheme_problem(name))
    else:
        url = f"https://{url}"
        host = urlsplit(url).hostname or ""
        if not ("." in host or host == "localhost"):
            raise FetchError(
                text.strip(), "is not a web address (it should start with http:// or https://)"
            )
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise FetchError(url, "has a port number that is not valid") from None
    site = parts.hostname
    if not site:
        raise FetchError(url, "is not a complete web address: it names no site")
    if "@" in parts.netloc:
        raise FetchError(url, "has a user name or password in it, which Topic Reader never sends")
    netloc = parts.netloc
    if not site.isascii():
        try:
            ascii_host = site.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(url, "has a site name that is not valid") from None
        netloc = ascii_host if port is None else f"{ascii_host}:{port}"
    path, query, fragment = (
        _NON_ASCII.sub(lambda m: quote(m.group(), safe=""), piece)
        for piece in (parts.path, parts.query, parts.fragment)
    )
    return urlunsplit((parts.scheme.lower(), netloc, path or "/", query, fragment))


def _scheme_problem(scheme: str) -> str:
    if scheme == "file":
        return (
            "is a file on this computer, not a web page: open it as a file "
            "(Topic Reader fetches only http:// and https:// addresses)"
        )
    return (
        f"is not a web page's address ({printable(scheme[:20])}:); "
        "Topic Reader fetches only http:// and https:// addresses"
    )


def _shown(url: str) -> str:
    """An address as a message shows it: on one line, with no control codes, not too long."""
    if len(url) > _SHOWN_CHARS:
        url = url[: _SHOWN_CHARS - 1] + "…"
    return printable(url)


def _host_of(url: str) -> str:
    try:
        return printable(urlsplit(url).hostname or url)
    except ValueError:
        return _shown(url)


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Fetching


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    opener: urllib.request.OpenerDirector | None = None,
) -> FetchedPage:
    """Fetch one web page, and only that page.

    Args:
        url: An ``http://`` or ``https://`` address; a bare ``example.com/page`` is taken as
            ``https://``.
        timeout: Seconds allowed for connecting and for each read. The whole fetch is given at
            most twice this, so a server sending a byte now and then cannot hold it forever.
        max_bytes: Refuse a larger page (checked against ``Content-Length`` first, then while
            reading).
        max_redirects: Follow at most this many redirects.
        opener: Use this opener instead of Topic Reader's own, which follows redirects only to
            ``http:``/``https:`` and counts them, and never sends a request for this computer
            (``localhost``, ``127.0.0.1``) through a proxy. A given opener is used as it is.

    Returns:
        The page's bytes and what the server said about them.

    Raises:
        FetchError: naming the address and the problem, whatever went wrong.
        ValueError: for a timeout or size limit that is not positive (a caller's mistake).
    """
    if timeout <= 0 or max_bytes <= 0 or max_redirects < 0:
        raise ValueError("timeout and max_bytes must be positive, max_redirects not negative")
    address = normalise_url(url)
    watch = _Watch(address)
    chosen = opener or _build_opener(max_redirects, watch)
    outcome: list[FetchedPage | BaseException] = []

    def work() -> None:
        try:
            outcome.append(_receive(chosen, address, timeout, max_bytes))
        except BaseException as exc:  # handed to the waiting thread, which words it
            outcome.append(exc)

    limit = 2 * timeout
    thread = threading.Thread(target=work, name="topic-reader-fetch", daemon=True)
    thread.start()
    try:
        thread.join(limit)
    except BaseException:  # Ctrl+C in the command line: stop reading too
        watch.give_up()
        raise
    if not outcome:
        watch.give_up()  # wakes the reading thread, which then ends on its own
        if opener is not None:
            raise FetchError(
                address,
                f"did not send the page within {limit:g} s, so Topic Reader stopped waiting",
            )
        if watch.connected:
            raise FetchError(
                address,
                f"was still sending the page after {limit:g} s, so Topic Reader stopped waiting",
            )
        # Still looking up the name or connecting: a resolver that cannot reach its server
        # waits far longer than any timeout of ours.
        raise FetchError(address, _unreachable(watch))
    result = outcome[0]
    if isinstance(result, FetchedPage):
        return result
    raise _fetch_error(result, address, timeout, watch) from None


def _receive(
    opener: urllib.request.OpenerDirector, address: str, timeout: float, max_bytes: int
) -> FetchedPage:
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    with opener.open(request, timeout=timeout) as response:
        headers: Message = response.headers
        final_url = str(response.geturl())
        media = headers.get_content_type() if headers.get("Content-Type") else ""
        charset = headers.get_content_charset() or None
        if media and media not in HTML_TYPES and media != "text/plain":
            raise _RefusedError(_not_a_page(_kind_of_type(media)))
        declared = _content_length(headers)
        if declared is not None and declared > max_bytes:
            raise _RefusedError(_too_large(max_bytes))
        encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in {"identity", "gzip", "x-gzip", "deflate"}:
            raise _RefusedError(
                f"sent the page compressed as {printable(encoding[:30])}, "
                "which Topic Reader cannot unpack"
            )
        body = _read_body(response, max_bytes)
    if declared is not None and len(body) < declared:  # read1 does not say so itself
        raise _RefusedError("the site closed the connection before the whole page arrived")
    if encoding != "identity":
        body = _inflate(body, encoding, max_bytes)
    if media in {"", "text/plain"} and not _looks_like_html(body):
        kind = _kind_of_bytes(body) or ("plain text" if media else None)
        if kind is None:
            raise _RefusedError("does not look like a web page (the site did not say what it is)")
        raise _RefusedError(_not_a_page(kind))
    return FetchedPage(
        url=address,
        final_url=final_url,
        content_type=media,
        charset=charset,
        body=body,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _content_length(headers: Message) -> int | None:
    value = headers.get("Content-Length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _read_body(response: IO[bytes], max_bytes: int) -> bytes:
    """Read in chunks, stopping past ``max_bytes``; ``read1`` returns what one read brought."""
    chunks: list[bytes] = []
    size = 0
    read1 = getattr(response, "read1", response.read)
    while chunk := read1(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _RefusedError(_too_large(max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _inflate(data: bytes, encoding: str, max_bytes: int) -> bytes:
    """Unpack a gzip or deflate body, never past ``max_bytes`` (a small bomb stays small)."""
    for wbits in (
        (zlib.MAX_WBITS | 16,) if "gzip" in encoding else (zlib.MAX_WBITS, -zlib.MAX_WBITS)
    ):
        try:
            unpacked = zlib.decompressobj(wbits).decompress(data, max_bytes + 1)
        except zlib.error:
            continue
        if len(unpacked) > max_bytes:
            raise _RefusedError(_too_large(max_bytes))
        return unpacked
    raise _RefusedError("sent a compressed page that is damaged")


def _too_large(max_bytes: int) -> str:
    return f"is larger than {_size(max_bytes)}, too large for a web page"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n} bytes"


# What sniffs as HTML when a server gives no type, or says text/plain: the patterns of the
# WHATWG MIME Sniffing standard (a tag name followed by a space or ">"), after a BOM or spaces.
_HTML_STARTS = re.compile(
    rb"(?:\xef\xbb\xbf)?[\t\n\x0c\r ]*(?:<!--|<(?:!doctype html|html|head|body|script|iframe|h1"
    rb"|div|font|table|a|style|title|b|br|p)[\t\n\x0c\r >])",
    re.IGNORECASE,
)


def _looks_like_html(body: bytes) -> bool:
    return _HTML_STARTS.match(body[:1024]) is not None


_TYPE_KINDS = {
    "application/pdf": "a PDF document",
    "application/json": "JSON data",
    "text/plain": "plain text",
    "text/css": "a style sheet",
    "text/javascript": "a script",
    "application/javascript": "a script",
    "application/rss+xml": "a news feed (RSS)",
    "application/atom+xml": "a news feed (Atom)",
    "application/xml": "an XML file",
    "text/xml": "an XML file",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a file to download",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/epub+zip": "an EPUB book",
}

_IMAGE_KINDS = {
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "avif": "an AVIF image",
    "svg+xml": "an SVG image",
}

_BYTE_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or EPUB file)"),
    (b"\x1f\x8b", "a gzip archive"),
)


def _kind_of_type(media: str) -> str:
    if media in _TYPE_KINDS:
        return _TYPE_KINDS[media]
    major, _, minor = media.partition("/")
    if major == "image":
        return _IMAGE_KINDS.get(minor, "an image")
    if major in {"video", "audio"}:
        return "a video" if major == "video" else "a sound file"
    return f"of type {printable(media[:60])}"


def _kind_of_bytes(body: bytes) -> str | None:
    return next((kind for magic, kind in _BYTE_KINDS if body.startswith(magic)), None)


def _not_a_page(kind: str) -> str:
    return f"is {kind}, not a web page"


class _RefusedError(Exception):
    """Raised while fetching for a problem already in words; becomes a FetchError."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


# ---------------------------------------------------------------------------------------------
# The opener: http and https only, counted redirects, loopback never through a proxy


class _Watch:
    """What one fetch is doing, shared between the thread that reads and the one that waits.

    The waiting thread gives up at the deadline by shutting the connection down, which wakes a
    read blocked in the other thread.
    """

    def __init__(self, url: str) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._given_up = False
        self.connected = False
        self.current_url = url  # the address being requested now (it changes on redirects)
        self.proxy: str | None = None  # the proxy it goes through, if any

    def requesting(self, request: urllib.request.Request) -> None:
        target = urlsplit(request.full_url).netloc
        with self._lock:
            self.current_url = request.full_url
            self.proxy = request.host if request.host != target else None
            self.connected = False  # each redirect looks its site up and connects again

    def opened(self, sock: socket.socket) -> None:
        with self._lock:
            self.connected = True
            self._sockets.append(sock)
            if self._given_up:
                _shut(sock)

    def give_up(self) -> None:
        with self._lock:
            self._given_up = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # socket.socket's own shutdown, also for an SSLSocket: it only wakes the reader. A socket
    # already closed has nothing to wake.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, watch: _Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch

    @override
    def connect(self) -> None:
        super().connect()
        self._watch.opened(self.sock)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, watch: _Watch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch

    @override
    def connect(self) -> None:
        super().connect()
        self._watch.opened(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch

    @override
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        self._watch.requesting(req)
        return self.do_open(functools.partial(_HTTPConnection, watch=self._watch), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch
        self._tls: ssl.SSLContext | None = None

    @override
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        self._watch.requesting(req)
        if self._tls is None:  # loading the system's certificates takes a while: only for https
            self._tls = ssl.create_default_context()  # verifies certificates and host names
        connection = functools.partial(_HTTPSConnection, watch=self._watch)
        return self.do_open(connection, req, context=self._tls)


class _ProxyHandler(urllib.request.ProxyHandler):
    """The system's proxies (``http_proxy``, ``https_proxy``, ``no_proxy``, OS settings).

    A request for this computer never goes through one: a proxy elsewhere would ask its own
    ``localhost``, which is not what the reader asked for.
    """

    @override
    def proxy_open(self, req: urllib.request.Request, proxy: str, type: str) -> Any:
        if _is_loopback(urlsplit(req.full_url).hostname or ""):
            return None
        return super().proxy_open(req, proxy, type)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows at most ``max_redirects`` redirects, and only to ``http:``/``https:``."""

    # The standard limits (10 in all, 4 to one address) must never speak before ours.
    max_repeats = max_redirections = 1_000_000

    def __init__(self, max_redirects: int) -> None:
        super().__init__()
        self.max_redirects = max_redirects
        self.followed = 0

    @override
    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        location = headers.get("Location") or headers.get("URI")
        if location is not None:
            scheme = urlsplit(urljoin(req.full_url, location.strip())).scheme.lower()
            if scheme not in WEB_SCHEMES:
                fp.close()
                raise _RefusedError(
                    f"redirected to {_shown(location.strip())}, which is not a web address "
                    "(Topic Reader follows only http:// and https://)"
                )
            self.followed += 1
            if self.followed > self.max_redirects:
                fp.close()
                raise _RefusedError(
                    f"redirected more than {self.max_redirects} times, "
                    "so Topic Reader stopped following"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _build_opener(max_redirects: int, watch: _Watch) -> urllib.request.OpenerDirector:
    """An opener that knows http and https only: no file, FTP or data handler, no cookies."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        _ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(watch),
        _HTTPSHandler(watch),
        urllib.request.HTTPDefaultErrorHandler(),
        _RedirectHandler(max_redirects),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


# ---------------------------------------------------------------------------------------------
# Failures in words


_OFFLINE_ERRNOS = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN})
_HTTP_HINTS = {
    401: "the page needs a login",
    403: "the page may need a login or a subscription",
    407: "the proxy server needs a login",
    429: "the site has had too many requests; try again later",
}


def _unreachable(watch: _Watch) -> str:
    if watch.proxy:
        return (
            f"could not reach the proxy server {printable(watch.proxy)} "
            "(from the system's proxy settings)"
        )
    return (
        f"could not reach {_host_of(watch.current_url)}: "
        "the computer seems to be offline or the name is wrong"
    )


def _fetch_error(exc: BaseException, address: str, timeout: float, watch: _Watch) -> FetchError:
    """The one-line error for anything the fetching thread raised."""
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, _RefusedError):
        return FetchError(address, exc.problem)
    if isinstance(exc, urllib.error.HTTPError):
        exc.close()
        return FetchError(address, _http_problem(exc.code, str(exc.reason or "")))
    reason: object = exc
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
    if isinstance(reason, BaseException) and not isinstance(reason, Exception):
        raise reason  # not a failure of the fetch (the interpreter is exiting)
    return FetchError(address, _network_problem(reason, timeout, watch))


def _http_problem(code: int, reason: str) -> str:
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = printable(reason.strip()[:60])
    answer = f"the site answered {code} {phrase}".rstrip()
    hint = _HTTP_HINTS.get(code)
    if hint is None and code >= 500:
        hint = "a problem on the site's side; try again later"
    if hint is None and 300 <= code < 400:
        hint = "a redirect that says nowhere to go"
    return f"{answer} ({hint})" if hint else answer


def _network_problem(reason: object, timeout: float, watch: _Watch) -> str:
    host = _host_of(watch.current_url)
    if isinstance(reason, socket.gaierror) or (
        watch.proxy and isinstance(reason, ConnectionRefusedError)
    ):
        return _unreachable(watch)
    if isinstance(reason, ssl.SSLCertVerificationError):
        why = printable(str(reason.verify_message or reason.reason or "not trusted"))
        return (
            f"the security certificate of {host} could not be verified ({why}), "
            "so Topic Reader did not read the page"
        )
    if isinstance(reason, ssl.SSLError):
        why = printable(str(reason.reason or reason))
        return f"the secure connection to {host} failed ({why})"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection (the site may be down, or the port is wrong)"
    if isinstance(reason, TimeoutError):
        return f"did not answer within {timeout:g} s"
    if isinstance(reason, ConnectionError | http.client.IncompleteRead):
        return "the site closed the connection before the whole page arrived"
    if isinstance(reason, http.client.HTTPException):
        return "did not answer as a web server does"
    if isinstance(reason, OSError) and reason.errno in _OFFLINE_ERRNOS:
        return f"could not reach {host}: the computer seems to be offline"
    if isinstance(reason, OSError):
        return f"could not be fetched ({printable(str(reason.strerror or reason))})"
    if isinstance(reason, ValueError):
        return f"is not a valid web address ({printable(str(reason))})"
    return f"could not be fetched ({printable(str(reason))})"


# ---------------------------------------------------------------------------------------------
# Reading the page


def load_url(
    url: str,
    *,
    paragraphs: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    opener: urllib.request.OpenerDirector | None = None,
) -> Document:
    """Fetch a web page and read it exactly as a saved web page is read.

    The page is decoded with the character set the server gave, else the one Topic Reader
    detects as for a file (:func:`reader.core.loaders.decode`, which heeds a ``<meta
    charset>``), and its article is found by :func:`reader.core.loaders.parse_html`.

    Args:
        url: The address (see :func:`fetch_page`).
        paragraphs: Treat every non-empty line as a body paragraph, as for a file.
        timeout: See :func:`fetch_page`.
        max_bytes: See :func:`fetch_page`.
        max_redirects: See :func:`fetch_page`.
        opener: See :func:`fetch_page`.

    Returns:
        The document, with ``url`` set to the address the page came from and no ``path``; its
        ``source`` is the site's name, else its host name.

    Raises:
        FetchError: when the page cannot be fetched.
        LoadError: naming the address, when the page has no article Topic Reader can read.
    """
    page = fetch_page(
        url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects, opener=opener
    )
    name = _shown(page.final_url)
    document = parse_bytes(page_bytes(page), kind="html", name=name, paragraphs=paragraphs)
    return replace(
        document,
        url=page.final_url,
        path="",
        source=document.source or _site_of(page.final_url),
    )


def page_bytes(page: FetchedPage) -> bytes:
    """The page in UTF-8 when the server gave its character set, else as it came.

    A byte-order mark wins over the server's charset (as in browsers), and bad bytes are
    replaced, as a browser does. Without either, :func:`reader.core.loaders.decode` finds the
    encoding, and its detector reads a ``<meta charset>`` first.
    """
    body = page.body
    if body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body
    codec = _codec(page.charset)
    if codec is None:
        return body
    return body.decode(codec, "replace").encode("utf-8")


# Labels that browsers read as a larger encoding (WHATWG Encoding standard): pages labelled
# ISO-8859-1 or ASCII hold Windows-1252's curly quotes and dashes.
_WEB_ENCODINGS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "euc_kr": "cp949",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None  # an unknown label: detect instead
    return _WEB_ENCODINGS.get(name, name)


def _site_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
