"""Fetching a page the reader asked for, against real servers on 127.0.0.1 only.

Every server here is started by the test on 127.0.0.1 with a free port; the only name looked up
elsewhere is one under ``.invalid``, which RFC 2606 guarantees never resolves.
"""

from __future__ import annotations

import errno
import gzip
import socket
import ssl
import threading
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from reader import __version__
from reader.core.fetch import FetchedPage, FetchError, fetch_page, load_url, normalise_url
from reader.core.loaders import LoadError
from tests.local_site import ARTICLE, Server, Site, redirect, reply, serve

TLS = Path(__file__).resolve().parent.parent / "data" / "tls"
pytestmark = pytest.mark.usefixtures("no_proxies")


@pytest.fixture
def tls_site() -> Iterator[Site]:
    """The local site over HTTPS, with a self-signed certificate nothing trusts by default."""
    server = Server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "localhost.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    yield from serve(server)


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def problem(excinfo: pytest.ExceptionInfo[FetchError]) -> str:
    """The message a reader sees, checked to be one line naming the address."""
    message = str(excinfo.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


# ---------------------------------------------------------------------------------------------
# A page


def test_a_page_is_read_with_its_title_paragraphs_and_address(site):
    site.routes["/news/chips"] = reply(ARTICLE)

    document = load_url(site.url("/news/chips"))

    assert document.title == "Chip exports rise"
    assert [p.role for p in document.paragraphs] == ["title", "body", "body", "body"]
    assert document.paragraphs[1].text.startswith("Taiwan’s exports of chips rose by a fifth")
    assert document.url == site.url("/news/chips")
    assert document.path == ""
    assert document.source == "127.0.0.1"  # the page names no site: its host stands in


def test_the_request_names_topic_reader_and_asks_for_html(site):
    site.routes["/"] = reply(ARTICLE)

    page = fetch_page(site.url())

    ((_, headers),) = site.requests
    assert headers["User-Agent"] == f"TopicReader/{__version__}"
    assert headers["Accept"] == "text/html,application/xhtml+xml"
    assert "Cookie" not in headers
    assert isinstance(page, FetchedPage)
    assert (page.url, page.final_url) == (site.url(), site.url())
    assert (page.content_type, page.charset) == ("text/html", "utf-8")
    assert page.body == ARTICLE.encode("utf-8")
    assert datetime.fromisoformat(page.fetched_at).utcoffset().total_seconds() == 0


def test_the_site_name_of_the_page_is_its_source(site):
    named = ARTICLE.replace(
        "<title>", '<meta property="og:site_name" content="Harbour Times"><title>'
    )
    site.routes["/"] = reply(named)

    assert load_url(site.url()).source == "Harbour Times"


def test_a_page_causes_exactly_one_request_whatever_it_refers_to(site):
    base = site.url()
    page = ARTICLE.replace(
        "</head>",
        f'<link rel="stylesheet" href="{base}style.css"><script src="{base}app.js"></script>'
        f'<link rel="icon" href="{base}favicon.ico"></head>',
    ).replace(
        "</article>",
        f'<img src="{base}photo.jpg" alt="A factory"><iframe src="{base}frame.html"></iframe>'
        f'<video poster="{base}poster.jpg" src="{base}clip.mp4"></video></article>',
    )
    site.routes["/"] = reply(page)

    load_url(site.url())

    assert site.paths == ["/"]


def test_an_address_without_scheme_is_taken_as_https():
    assert normalise_url("example.com/page") == "https://example.com/page"
    assert normalise_url("  localhost:8080/a?b=c ") == "https://localhost:8080/a?b=c"
    assert normalise_url("HTTP://Example.com") == "http://Example.com/"


def test_a_site_name_and_path_in_other_scripts_are_encoded_as_a_browser_does():
    assert normalise_url("https://bücher.example/straße") == (
        "https://xn--bcher-kva.example/stra%C3%9Fe"
    )


# ---------------------------------------------------------------------------------------------
# Redirects


def _chain(site: Site, hops: int) -> str:
    for n in range(1, hops + 1):
        site.routes[f"/hop/{n}"] = redirect(f"/hop/{n - 1}")
    site.routes["/hop/0"] = reply(ARTICLE)
    return site.url(f"/hop/{hops}")


def test_five_redirects_are_followed_and_the_final_address_kept(site):
    document = load_url(_chain(site, 5))

    assert document.url == site.url("/hop/0")
    assert document.title == "Chip exports rise"
    assert len(site.requests) == 6


def test_a_sixth_redirect_is_refused(site):
    with pytest.raises(FetchError) as excinfo:
        fetch_page(_chain(site, 6))

    assert problem(excinfo) == (
        f"{site.url('/hop/6')}: redirected more than 5 times, so Topic Reader stopped following"
    )
    assert "/hop/0" not in site.paths


def test_the_redirect_limit_can_be_changed(site):
    with pytest.raises(FetchError, match="more than 1 times"):
        fetch_page(_chain(site, 2), max_redirects=1)


def test_a_redirect_loop_stops_at_the_limit(site):
    site.routes["/loop"] = redirect("/loop", status=301)

    with pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch_page(site.url("/loop"))
    assert site.paths == ["/loop"] * 6


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/pub/page.html"])
def test_a_redirect_to_another_scheme_is_refused_and_nothing_read(site, location):
    site.routes["/away"] = redirect(location)

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url("/away"))

    assert problem(excinfo) == (
        f"{site.url('/away')}: redirected to {location}, which is not a web address "
        "(Topic Reader follows only http:// and https://)"
    )
    assert "root:" not in str(excinfo.value)
    assert site.paths == ["/away"]


# ---------------------------------------------------------------------------------------------
# What the site answers


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (404, "the site answered 404 Not Found"),
        (403, "the site answered 403 Forbidden (the page may need a login or a subscription)"),
        (
            500,
            "the site answered 500 Internal Server Error "
            "(a problem on the site's side; try again later)",
        ),
    ],
)
def test_an_error_status_is_named(site, status, words):
    site.routes["/page"] = reply("<html><body><p>Oops</p></body></html>", status=status)

    with pytest.raises(FetchError) as excinfo:
        load_url(site.url("/page"))

    assert problem(excinfo) == f"{site.url('/page')}: {words}"


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("application/json; charset=utf-8", b'{"title": "Chips"}', "JSON data"),
        ("text/plain", b"Chip exports rose by a fifth in May.\n", "plain text"),
        (None, b"%PDF-1.7\n", "a PDF document"),
    ],
)
def test_what_is_not_a_web_page_is_refused_by_name(site, content_type, body, kind):
    site.routes["/file"] = reply(body, content_type=content_type)

    with pytest.raises(FetchError) as excinfo:
        load_url(site.url("/file"))

    assert problem(excinfo) == f"{site.url('/file')}: is {kind}, not a web page"


@pytest.mark.parametrize("content_type", [None, "text/plain"])
def test_html_sent_without_its_type_is_still_read(site, content_type):
    site.routes["/"] = reply(ARTICLE, content_type=content_type)

    assert load_url(site.url()).title == "Chip exports rise"


def test_xhtml_is_read(site):
    site.routes["/"] = reply(ARTICLE, content_type="application/xhtml+xml")

    assert load_url(site.url()).title == "Chip exports rise"


def test_a_page_with_no_article_is_a_load_error_naming_the_address(site):
    site.routes["/empty"] = reply("<html><body><script>var shown = 0;</script></body></html>")

    with pytest.raises(LoadError) as excinfo:
        load_url(site.url("/empty"))

    assert not isinstance(excinfo.value, FetchError)
    assert str(excinfo.value) == (
        f"{site.url('/empty')}: has no article text that Topic Reader could find"
    )


def test_a_page_sent_compressed_is_unpacked(site):
    site.routes["/"] = reply(
        gzip.compress(ARTICLE.encode()), headers=(("Content-Encoding", "gzip"),)
    )

    assert load_url(site.url()).title == "Chip exports rise"


def test_a_small_compressed_page_that_unpacks_too_large_is_refused(site):
    bomb = gzip.compress(b"<p>" + b" " * 200_000)
    site.routes["/"] = reply(bomb, headers=(("Content-Encoding", "gzip"),))

    with pytest.raises(FetchError, match=r"is larger than 97.7 KB"):
        fetch_page(site.url(), max_bytes=100_000)


def test_a_page_in_an_unknown_compression_is_refused(site):
    site.routes["/"] = reply(b"\x0b\x01\x80", headers=(("Content-Encoding", "br"),))

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url())

    assert problem(excinfo) == (
        f"{site.url()}: sent the page compressed as br, which Topic Reader cannot unpack"
    )


def test_an_untyped_answer_that_is_not_html_is_refused(site):
    site.routes["/"] = reply(b"Chip exports rose.", content_type=None)

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url())

    assert problem(excinfo) == (
        f"{site.url()}: does not look like a web page (the site did not say what it is)"
    )


def test_a_connection_closed_halfway_is_named(site):
    def halfway(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<html><body><p>Chip exports")

    site.routes["/"] = halfway

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url())

    assert problem(excinfo) == (
        f"{site.url()}: the site closed the connection before the whole page arrived"
    )


def test_a_server_that_does_not_speak_http_is_named(site):
    site.routes["/"] = lambda handler: handler.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url())

    assert problem(excinfo) == f"{site.url()}: did not answer as a web server does"


def test_an_opener_given_is_used(site):
    class Stamp(urllib.request.BaseHandler):
        def http_request(self, request):
            request.add_unredirected_header("X-Stamp", "given")
            return request

    site.routes["/"] = reply(ARTICLE)

    fetch_page(site.url(), opener=urllib.request.build_opener(Stamp))

    assert site.requests[0][1]["X-Stamp"] == "given"


# ---------------------------------------------------------------------------------------------
# Character sets


# Short pages, whose encoding detection alone gets wrong.
SHORT_PAGE = "<html><head>{meta}<title>{title}</title></head><body><p>{text}</p></body></html>"
CAFE = "The café’s “naïve” façade – and its prices – rose in May."


def test_a_page_in_windows_1252_declared_by_the_server(site):
    page = SHORT_PAGE.format(meta="", title="Prices", text=CAFE)
    site.routes["/"] = reply(page.encode("cp1252"), content_type="text/html; charset=windows-1252")

    document = load_url(site.url())

    assert [p.text for p in document.paragraphs] == ["Prices", CAFE]


def test_latin_1_from_the_server_is_read_as_windows_1252_as_browsers_do(site):
    page = SHORT_PAGE.format(meta="", title="Prices", text=CAFE)
    site.routes["/"] = reply(page.encode("cp1252"), content_type="text/html; charset=ISO-8859-1")

    assert load_url(site.url()).paragraphs[1].text == CAFE


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="koi8-r">', "koi8_r"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis"),
    ],
)
def test_a_page_whose_charset_is_only_in_its_meta(site, meta, encoding):
    text = (
        "Экспорт чипов вырос на пятую часть." if encoding == "koi8_r" else "半導体輸出が増加した。"
    )
    page = SHORT_PAGE.format(meta=meta, title="Chips", text=text)
    site.routes["/"] = reply(page.encode(encoding), content_type="text/html")

    assert load_url(site.url()).paragraphs[1].text == text


def test_a_wrong_meta_charset_does_not_garble_a_utf8_page(site):
    page = ARTICLE.replace('charset="utf-8"', 'charset="us-ascii"')
    site.routes["/"] = reply(page, content_type="text/html")

    assert "Taiwan’s" in load_url(site.url()).paragraphs[1].text


# ---------------------------------------------------------------------------------------------
# Size and time


def _big(size: int) -> bytes:
    return b"<html><body><p>" + b"x" * size + b"</p></body></html>"


@pytest.mark.parametrize("length", [True, False], ids=["with-length", "without-length"])
def test_a_page_larger_than_max_bytes_is_refused(site, length):
    site.routes["/big"] = reply(_big(300_000), length=length)

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url("/big"), max_bytes=200_000)

    assert (
        problem(excinfo) == f"{site.url('/big')}: is larger than 195 KB, too large for a web page"
    )


def test_the_default_limit_is_ten_megabytes(site):
    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(10 * 1024 * 1024 + 1))
        handler.end_headers()

    site.routes["/huge"] = huge
    with pytest.raises(FetchError, match=r"is larger than 10 MB, too large for a web page$"):
        fetch_page(site.url("/huge"))


def test_a_server_that_never_answers_times_out(site):
    site.routes["/silent"] = lambda handler: site.release.wait(10)

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url("/silent"), timeout=0.5)

    assert problem(excinfo) == f"{site.url('/silent')}: did not answer within 0.5 s"


def test_a_server_dripping_bytes_is_cut_off_at_twice_the_timeout(site):
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        while not site.release.wait(0.2):
            handler.wfile.write(b"x")

    site.routes["/drip"] = drip

    with pytest.raises(FetchError) as excinfo:
        fetch_page(site.url("/drip"), timeout=0.5)  # each byte comes well within 0.5 s

    assert problem(excinfo) == (
        f"{site.url('/drip')}: was still sending the page after 1 s, "
        "so Topic Reader stopped waiting"
    )


# ---------------------------------------------------------------------------------------------
# Reaching the site


def test_a_closed_port_refuses_the_connection(closed_port):
    url = f"http://127.0.0.1:{closed_port}/page"

    with pytest.raises(FetchError) as excinfo:
        fetch_page(url, timeout=2)

    assert problem(excinfo) == (
        f"{url}: 127.0.0.1 refused the connection (the site may be down, or the port is wrong)"
    )


OFFLINE = (
    "http://topic-reader-test.invalid/page: could not reach topic-reader-test.invalid: "
    "the computer seems to be offline or the name is wrong"
)


def test_a_name_that_does_not_exist_is_reported_as_offline_or_wrong():
    # Whether the resolver says "no such name" or "no resolver at all", the reader sees one
    # message; a resolver too slow to answer hits the time limit, with the same message.
    with pytest.raises(FetchError) as excinfo:
        fetch_page("http://topic-reader-test.invalid/page", timeout=1)

    assert problem(excinfo) == OFFLINE


@pytest.mark.parametrize(
    "failure",
    [
        socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"),
        socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
    ],
)
def test_no_name_service_at_all_gives_the_same_message(monkeypatch, failure):
    def no_dns(*args, **kwargs):
        raise failure

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)

    with pytest.raises(FetchError) as excinfo:
        fetch_page("http://topic-reader-test.invalid/page", timeout=1)

    assert problem(excinfo) == OFFLINE


def test_a_name_service_that_never_answers_gives_the_same_message(monkeypatch):
    answered = threading.Event()
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answered.wait(5))

    try:
        with pytest.raises(FetchError) as excinfo:
            fetch_page("http://topic-reader-test.invalid/page", timeout=0.2)
    finally:
        answered.set()

    assert problem(excinfo) == OFFLINE


def test_an_unreachable_network_is_reported_as_offline(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)

    with pytest.raises(FetchError) as excinfo:
        fetch_page("http://127.0.0.1:9/page", timeout=1)

    assert problem(excinfo) == (
        "http://127.0.0.1:9/page: could not reach 127.0.0.1: the computer seems to be offline"
    )


# ---------------------------------------------------------------------------------------------
# HTTPS


def test_an_untrusted_certificate_is_refused(tls_site):
    tls_site.routes["/"] = reply(ARTICLE)
    url = f"https://127.0.0.1:{tls_site.port}/"

    with pytest.raises(FetchError) as excinfo:
        fetch_page(url, timeout=2)

    assert problem(excinfo).startswith(
        f"{url}: the security certificate of 127.0.0.1 could not be verified ("
    )
    assert str(excinfo.value).endswith("), so Topic Reader did not read the page")
    assert tls_site.requests == []


def test_a_trusted_certificate_is_read(tls_site, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "localhost-cert.pem"))
    tls_site.routes["/"] = reply(ARTICLE)

    document = load_url(f"https://127.0.0.1:{tls_site.port}/", timeout=2)

    assert document.title == "Chip exports rise"
    assert document.url == f"https://127.0.0.1:{tls_site.port}/"


# ---------------------------------------------------------------------------------------------
# Proxies


def test_this_computer_is_never_asked_through_a_proxy(site, monkeypatch, closed_port):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{closed_port}")
    site.routes["/"] = reply(ARTICLE)

    assert load_url(site.url()).title == "Chip exports rise"
    assert site.paths == ["/"]


def test_other_sites_go_through_the_system_proxy(site, monkeypatch):
    monkeypatch.setenv("http_proxy", site.url())
    site.routes["http://news.invalid/today"] = reply(ARTICLE)

    document = load_url("http://news.invalid/today")

    assert site.paths == ["http://news.invalid/today"]  # the proxy was asked for the page
    assert document.url == "http://news.invalid/today"
    assert document.source == "news.invalid"


def test_a_proxy_that_cannot_be_reached_is_named(monkeypatch, closed_port):
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port}")

    with pytest.raises(FetchError) as excinfo:
        fetch_page("http://news.invalid/today", timeout=2)

    assert problem(excinfo) == (
        f"http://news.invalid/today: could not reach the proxy server 127.0.0.1:{closed_port} "
        "(from the system's proxy settings)"
    )


# ---------------------------------------------------------------------------------------------
# Addresses that are not web addresses


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no web address was given"),
        ("   ", "no web address was given"),
        (
            "file:///etc/passwd",
            "file:///etc/passwd: is a file on this computer, not a web page: open it as a file "
            "(Topic Reader fetches only http:// and https:// addresses)",
        ),
        (
            "javascript:alert(1)",
            "javascript:alert(1): is not a web page's address (javascript:); "
            "Topic Reader fetches only http:// and https:// addresses",
        ),
        (
            "data:text/html,<p>hi</p>",
            "data:text/html,<p>hi</p>: is not a web page's address (data:); "
            "Topic Reader fetches only http:// and https:// addresses",
        ),
        (
            "ftp://127.0.0.1/page.html",
            "ftp://127.0.0.1/page.html: is not a web page's address (ftp:); "
            "Topic Reader fetches only http:// and https:// addresses",
        ),
        (
            "http://exa mple.com/",
            "http://exa mple.com/: has spaces in it, which a web address never has",
        ),
        (
            "hello world",
            "hello world: has spaces in it, which a web address never has",
        ),
        (
            "junk",
            "junk: is not a web address (it should start with http:// or https://)",
        ),
        ("http://", "http://: is not a complete web address: it names no site"),
        (
            "https:/example.com",
            "https:/example.com: is not a complete web address: it names no site",
        ),
        (
            "http://127.0.0.1:99999/",
            "http://127.0.0.1:99999/: has a port number that is not valid",
        ),
        (
            "http://user:secret@127.0.0.1/",
            "http://user:secret@127.0.0.1/: has a user name or password in it, "
            "which Topic Reader never sends",
        ),
        (
            "http://127.0.0.1/\x1b[2J\nnext",
            r"http://127.0.0.1/\x1b[2J\nnext: has control characters in it, "
            "which a web address never has",
        ),
    ],
)
def test_what_is_not_a_web_address_is_refused_in_one_line(text, message):
    with pytest.raises(FetchError) as excinfo:
        fetch_page(text)

    assert problem(excinfo) == message
    assert excinfo.value.url == text.strip()


def test_a_very_long_address_is_shortened_in_the_message():
    url = "javascript:" + "a" * 5000

    with pytest.raises(FetchError) as excinfo:
        fetch_page(url)

    assert len(str(excinfo.value)) < 400
    assert excinfo.value.url == url
