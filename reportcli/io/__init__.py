"""Input: decoding, format readers, cleaning and the Document."""

from reportcli.io.document import Document, Line, Section, Sentence, load, load_text, seed_path

__all__ = ["Document", "Line", "Section", "Sentence", "load", "load_text", "seed_path"]
