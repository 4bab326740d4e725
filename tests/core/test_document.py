"""What a document's links lead to when the reader asks to open one."""

from __future__ import annotations

import pytest

from reader.core.document import Link


@pytest.mark.parametrize(
    ("target", "base", "address"),
    [
        ("https://example.org/a?b=1#c", "", "https://example.org/a?b=1#c"),
        ("/news/2.html", "https://example.org/news/1.html", "https://example.org/news/2.html"),
        ("2.html", "http://example.org/news/1.html", "http://example.org/news/2.html"),
        ("mailto:desk@example.org", "", "mailto:desk@example.org"),
        ("2.html", "", ""),  # a saved page's relative link has nowhere to go
        ("2.html", "/home/me/page.html", ""),
        ("javascript:alert(1)", "https://example.org/", ""),
        ("file:///etc/passwd", "", ""),
        ("data:text/html,hi", "", ""),
        ("https://", "", ""),
        ("  https://example.org/x  ", "", "https://example.org/x"),
    ],
)
def test_a_link_opens_only_a_web_or_mail_address(target, base, address):
    assert Link(0, 1, target).address(base) == address
