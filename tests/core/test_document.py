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


@pytest.mark.parametrize(
    ("role", "text", "starts"),
    [
        ("heading", "Markets", True),
        ("title", "Drills near Taiwan", True),
        ("body", "WASHINGTON (AP) — China sent warships.", True),
        ("body", "TAIPEI, Taiwan (Reuters) – The island said.", True),
        ("body", "BEIJING — China said.", True),
        ("body", "The U.S. — and its allies — said.", False),
        ("body", "China sent warships on Monday.", False),
        ("body", "KYIV, Ukraine (AP) — Russia fired.", True),
        ("body", "Washington (CNN) — The talks.", True),
        ("body", "Beijing, Aug 16 (EFE).- The office.", True),
        ("body", "HONG KONG/TAIPEI, Feb 20 (Reuters) - Shares.", True),
        ("body", "WASHINGTON, D.C.-- Chairman Moolenaar said.", True),
        ("body", "SÃO PAULO (Reuters) - Brazil said.", True),
        ("body", "NATO — the alliance said.", False),
        ("body", "U.S. – China talks resumed.", False),
        ("body", "COVID-19 — the disease — spread.", False),
        ("body", "QUESTION — Will the talks go ahead?", False),
        ("body", "MR. PRICE -- We have nothing.", False),
        ("body", "TSMC – the chipmaker – said.", False),
        ("body", "A" + " " * 5000 + "x", False),
        ("quote", "WASHINGTON — a quoted dateline.", False),
    ],
)
def test_what_starts_a_section(role, text, starts):
    from reader.core.document import starts_section

    assert starts_section(role, text) is starts


def test_a_dateline_starts_a_new_section_of_passages():
    from reader.core.document import Document, Paragraph, passages_of

    document = Document(
        (
            Paragraph(0, "body", "WASHINGTON (AP) — China sent warships."),
            Paragraph(1, "body", "The drills went on."),
            Paragraph(2, "body", "TOKYO (AP) — Markets fell."),
        )
    )
    assert [(p.index, p.section) for p in passages_of(document)] == [(0, 1), (1, 1), (2, 2)]
