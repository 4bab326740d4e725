"""Qt user interface of Topic Reader; depends on reader.core, never the reverse."""
