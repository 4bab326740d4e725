"""Write tests/data/formats/pdf/tiny-one-page.pdf: a one-page PDF written byte by byte, no library needed.

It has a title line in 18 pt, a heading in 14 pt, two paragraphs of 11 pt text (the first one
hyphenated across a line end), a footer with the page number, and an Info dictionary with
Title, Author, CreationDate. Ours, so it may be committed (MIT, like the product).

    python tests/data/formats/make/make_tiny_pdf.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pdf" / "tiny-one-page.pdf"

LINES = [  # (font size, x, y, text)
    (18, 72, 740, "Tiny Test Document"),
    (14, 72, 700, "1 Introduction"),
    (11, 72, 676, "This one-page file is made for Topic Reader's tests. Its first para-"),
    (11, 72, 662, "graph is hyphenated across a line end, so a reader has to join"),
    (11, 72, 648, "the two halves of the word again."),
    (11, 72, 620, "A second paragraph follows after a larger gap. It ends here."),
    (9, 290, 40, "1"),
]


def esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build() -> bytes:
    stream = "BT\n" + "".join(
        f"/F1 {size} Tf 1 0 0 1 {x} {y} Tm ({esc(text)}) Tj\n" for size, x, y, text in LINES
    ) + "ET\n"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Title (Tiny Test Document) /Author (Topic Reader developers) "
        "/CreationDate (D:20240523120000Z) /Producer (make_tiny_pdf.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(build())
    print(OUT, OUT.stat().st_size, "bytes")
