"""Write tests/data/formats/pdf/password.pdf: tiny-one-page.pdf locked with a password.

Needs pypdf (not one of Topic Reader's dependencies: only this generator uses it).

    pip install pypdf && python tests/data/formats/make/make_encrypted_pdf.py
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).resolve().parent.parent / "pdf"

writer = PdfWriter(clone_from=PdfReader(HERE / "tiny-one-page.pdf"))
writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
with open(HERE / "password.pdf", "wb") as out:
    writer.write(out)
