"""Where the bundled data lives; the only module that knows."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """Bundled data: in the wheel (reader/resources), else the source checkout (../resources).

    Editable installs do not apply hatch's ``force-include``, so the checkout fallback is needed.
    """
    installed = Path(str(files("reader"))) / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "resources"


def sample_article() -> Path:
    """The bundled sample article that a plain start of the app shows."""
    return resources_dir() / "articles" / "sample.txt"


def default_topics_file() -> Path:
    """The topics shipped with the app."""
    return resources_dir() / "topics" / "topics.toml"


def stop_words_file() -> Path:
    """English words too common to suggest as terms, one a line (``#`` starts a comment)."""
    return resources_dir() / "text" / "stopwords.txt"


def icons_dir() -> Path:
    """Folder of the SVG icons used by the window."""
    return resources_dir() / "icons"
