"""penalty_rules — Vietnamese administrative penalty rules as code."""
from .citations.parse import parse_citation
from .errors import CitationSyntaxError
__all__ = ["CitationSyntaxError", "parse_citation"]
