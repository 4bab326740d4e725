"""Shared fixtures; Qt runs offscreen and no test touches the user's real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.classifier import KeywordClassifier
from reader.core.document import Document
from reader.core.loaders import load_document
from reader.core.resources import sample_article
from reader.core.topics import Topic, default_topics

GOLD = Path(__file__).resolve().parent / "data" / "gold.jsonl"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the user's config and data folders at fresh temporary folders."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("TOPIC_READER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("TOPIC_READER_DATA_DIR", str(base / "data"))
    return base


@pytest.fixture(scope="session")
def topics() -> tuple[Topic, ...]:
    return default_topics()


@pytest.fixture(scope="session")
def classifier(topics) -> KeywordClassifier:
    return KeywordClassifier(topics)


@pytest.fixture(scope="session")
def sample_document() -> Document:
    return load_document(sample_article())


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
