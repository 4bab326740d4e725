"""Topic Reader: read news articles by topic."""

__version__ = "0.3.0"
