"""Write the EPUB test books in tests/data/formats/epub/ with the standard library only.

``harbour-tales-epub3.epub``: EPUB 3 with a navigation document (itself in the spine), a title
page and a non-linear notes page (both to be left out), a main title refined by a subtitle,
an author and an illustrator, a publication date; a chapter with a Project Gutenberg-style
licence header, headings of two levels, a bulleted and a numbered list (nested), a table
with a header row, a quote, code and verse in one ``<p>`` with ``<br/>``s (two in a row
between stanzas); a chapter with no heading at all (its name is in the contents only); a
page-break marker, a word joiner (U+FEFF) and a soft hyphen inside words; and the licence
footer. ``lighthouse-epub2.epub``: EPUB 2 with an NCX, ``opf:role`` creators, two dated
events and a chapter that is not well-formed XML. Ours, so they may be committed (MIT).

    .venv/bin/python tests/data/formats/make/make_epub.py
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "epub"
CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def xhtml(body: str, title: str = "Chapter") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title><style>p {{ margin: 0 }}</style></head>
<body>{body}</body></html>"""


def write(path: Path, opf_path: str, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER.format(opf=opf_path))
        for name, text in members.items():
            archive.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)


def epub3() -> None:
    opf = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:6c0a3f1e-0000-4000-8000-000000000001</dc:identifier>
    <dc:title id="sub">A Year on the Water</dc:title>
    <dc:title id="main">Harbour Tales</dc:title>
    <meta refines="#main" property="title-type">main</meta>
    <meta refines="#sub" property="title-type">subtitle</meta>
    <dc:creator id="c1">Mara Quill</dc:creator>
    <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
    <dc:creator id="c2">Otto Brush</dc:creator>
    <meta refines="#c2" property="role" scheme="marc:relators">ill</meta>
    <dc:date>2021-04-09</dc:date>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="title" href="text/title%20page.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/chapter-1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/chapter-2.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="title"/>
    <itemref idref="nav"/>
    <itemref idref="c1"/>
    <itemref idref="notes" linear="no"/>
    <itemref idref="c2"/>
  </spine>
</package>"""
    nav = xhtml(
        """<nav epub:type="toc"><h1>Contents</h1><ol>
  <li><a href="text/chapter-1.xhtml">One: The Quay</a>
    <ol><li><a href="text/chapter-1.xhtml#boats">The boats</a></li></ol></li>
  <li><a href="text/chapter-2.xhtml">Two: Winter Storms</a></li>
</ol></nav>
<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="text/chapter-1.xhtml">Start</a></li></ol></nav>""",
        "Contents",
    )
    title = xhtml(
        """<section epub:type="titlepage"><h1>Harbour Tales</h1><p>Mara Quill</p></section>""",
        "Title page",
    )
    chapter1 = xhtml(
        """<p>The Project Gutenberg eBook of Harbour Tales, by Mara Quill</p>
<p>This eBook is for the use of anyone anywhere at no cost.</p>
<p>*** START OF THE PROJECT GUTENBERG EBOOK HARBOUR TALES ***</p>
<section epub:type="chapter">
<h2>One: The Quay</h2>
<p>The quay was busy before dawn, when the first boats came in with the night’s catch.</p>
<p>Nobody<span epub:type="pagebreak" id="page7" title="7">7</span> remembered a colder
spring; the harbour\ufeff—frozen at its edges—kept the ferries in for a week, and the har\u00adbour
master said so twice.</p>
<h3 id="boats">The boats</h3>
<ul><li>Trawlers from the north<ul><li>two of them new</li></ul></li><li>The ferry</li></ul>
<ol start="3"><li>Third item</li><li>Fourth item</li></ol>
<table><tr><th>Boat</th><th>Crew</th></tr><tr><td>Gull</td><td><p>4</p></td></tr></table>
<blockquote><p>The sea gives, and the sea takes.</p></blockquote>
<pre>knots = speed * 0.54
print(knots)</pre>
<p class="verse">The tide comes in,<br/>the tide goes out,<br/><br/>and we are left<br/>to count the boats.</p>
<p><a href="images/quay.jpg">Enlarge the picture</a></p>
</section>""",
    )
    chapter2 = xhtml(
        """<p>Winter came early that year, and the storms with it.</p>
<p>The ferry stayed in port for eleven days.</p>
<p>*** END OF THE PROJECT GUTENBERG EBOOK HARBOUR TALES ***</p>
<p>Updated editions will replace the previous one.</p>""",
    )
    notes = xhtml("<aside epub:type='footnote'><p>A note nobody reads in order.</p></aside>")
    write(
        OUT / "harbour-tales-epub3.epub",
        "OEBPS/content.opf",
        {
            "OEBPS/content.opf": opf,
            "OEBPS/nav.xhtml": nav,
            "OEBPS/text/title page.xhtml": title,
            "OEBPS/text/chapter-1.xhtml": chapter1,
            "OEBPS/text/chapter-2.xhtml": chapter2,
            "OEBPS/text/notes.xhtml": notes,
            "OEBPS/style.css": "p { text-indent: 1em }",
        },
    )


def epub2() -> None:
    opf = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="uid">lighthouse-2</dc:identifier>
    <dc:title>The Lighthouse Keeper</dc:title>
    <dc:creator opf:role="aut" opf:file-as="Stone, Ada">Ada Stone</dc:creator>
    <dc:creator opf:role="trl">Ben Page</dc:creator>
    <dc:date opf:event="conversion">2020-02-02</dc:date>
    <dc:date opf:event="publication">1911-06-01</dc:date>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>"""
    ncx = """<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="p1" playOrder="1"><navLabel><text>Chapter I. The Lamp</text></navLabel>
    <content src="a.html"/></navPoint>
  <navPoint id="p2" playOrder="2"><navLabel><text>Chapter II. The Fog</text></navLabel>
    <content src="b.html"/></navPoint>
</navMap></ncx>"""
    a = xhtml("<p>The lamp was lit at dusk every evening for forty years.</p>")
    # not well-formed: an unclosed <p> and a bare ampersand
    b = "<html><body><h1>Chapter II. The Fog</h1><p>Fog & rain came in.<p>The keeper waited.</body></html>"
    write(
        OUT / "lighthouse-epub2.epub",
        "book.opf",
        {"book.opf": opf, "toc.ncx": ncx, "a.html": a, "b.html": b},
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    epub3()
    epub2()
