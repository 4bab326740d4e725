"""Write tests/data/formats/docx/harbour-bulletin.docx with python-docx: what a reader needs.

Title style, Heading 1-3, body paragraphs with a soft line break (w:br) inside one, a
bulleted list with a nested level, a numbered list (both through the template's List Bullet /
List Number styles, i.e. numbering that comes from the *style*, not from a numPr on the
paragraph), a list made with direct numPr (as Word does when you press the list button), a
table with a header row and a merged cell, a Quote paragraph, a page break, a hyperlink-less
URL, a hyperlink, a header and footer, and core properties (title, author, created,
subject, keywords). The table's first row is marked as its header row (repeated on each
page, as Word's "Repeat as header row" does). Ours, so it may be committed (MIT).

    .venv/bin/python tests/data/formats/make/make_docx.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = Path(__file__).resolve().parent.parent / "docx" / "harbour-bulletin.docx"


def direct_numbering(paragraph, num_id: int, level: int) -> None:
    """Give a paragraph <w:numPr> itself, as Word does for a list started from the toolbar."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def add_hyperlink(paragraph, text: str, url: str) -> None:
    """Append a hyperlink run, as Word writes one (python-docx has no call for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def multilevel_numbering(document) -> int:
    """Add a 3-level numbered list definition (1. / a. / i.), as Word writes one, and return
    its numId. The default template's own definitions are single-level."""
    numbering = document.part.numbering_part.element
    abstract_id = "90"
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), abstract_id)
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "hybridMultilevel")
    an.append(mlt)
    for level, (fmt, text) in enumerate((("decimal", "%1."), ("lowerLetter", "%2."),
                                          ("lowerRoman", "%3."))):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        an.append(lvl)
    # abstractNum elements must come before num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    else:
        numbering.append(an)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    numbering.append(num)
    return 90


def main() -> None:
    d = docx.Document()
    cp = d.core_properties
    cp.title = "Harbour Bridge Reopens After Repairs"
    cp.author = "Jane Example"
    cp.subject = "Test document for Topic Reader"
    cp.keywords = "bridge; transport; test"
    cp.created = dt.datetime(2024, 5, 23, 9, 30, tzinfo=dt.timezone.utc)
    cp.last_modified_by = "make_docx.py"

    section = d.sections[0]
    section.header.paragraphs[0].text = "City Transport Bulletin — running header"
    section.footer.paragraphs[0].text = "Page footer text that a reader should drop"

    d.add_paragraph("Harbour Bridge Reopens After Repairs", style="Title")
    d.add_paragraph("By Jane Example · May 23, 2024")
    d.add_heading("What happened", level=1)
    d.add_paragraph(
        "The harbour bridge reopened on Thursday after eight months of repairs to its deck "
        "and cables. Officials said traffic would be limited to two lanes for a week."
    )
    p = d.add_paragraph("A line of a poem stays in its paragraph,")
    p.add_run().add_break()  # soft line break: <w:br/>, not a new paragraph
    p.add_run("and so does the second line after a soft break.")
    d.add_heading("Who is affected", level=2)
    d.add_paragraph("Commuters from the north shore", style="List Bullet")
    d.add_paragraph("Cyclists, who get a separate lane", style="List Bullet 2")
    d.add_paragraph("Freight operators", style="List Bullet")
    d.add_heading("Timeline", level=3)
    for step in ("Inspection found corroded cables", "Repairs began in September",
                 "Load tests passed in May"):
        d.add_paragraph(step, style="List Number")
    d.add_paragraph("A list that Word numbered directly on the paragraphs:")
    num_id = multilevel_numbering(d)
    for level, text in ((0, "First direct item"), (1, "Nested direct item"),
                        (0, "Second direct item")):
        para = d.add_paragraph(text)
        direct_numbering(para, num_id, level)
    d.add_heading("Costs", level=2)
    table = d.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    rows = [("Item", "Cost (million)", "Note"), ("Cables", "12.5", "replaced"),
            ("Deck", "8.1", "resurfaced"), ("Total", "20.6", "")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(3, 1).merge(table.cell(3, 2))  # a merged cell in the last row
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    d.add_paragraph(
        "“We are proud of the crews who worked through the winter,” the mayor said.",
        style="Quote",
    )
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_heading("Background", level=1)
    d.add_paragraph(
        "The bridge opened in 1932. More at https://example.org/bridge-history (a bare URL)."
    )
    linked = d.add_paragraph("The council published ")
    add_hyperlink(linked, "its report on the repairs", "https://example.org/report")
    linked.add_run(" in May.")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    d.save(OUT)
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
