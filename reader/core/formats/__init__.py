"""Readers for the formats beyond plain text, one module each, imported only when needed.

Each module turns a file into :class:`reader.core.loaders.Block` values and hands them to
:func:`reader.core.loaders.build_document`. Their libraries (markdown-it, trafilatura, lxml,
pypdfium2, python-docx) are imported inside the functions, so importing a module costs
nothing until a file of its kind is opened.
"""
