"""Shared fixtures; Qt runs offscreen and no test touches the user's real files."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.classifier import KeywordClassifier
from reader.core.document import Document
from reader.core.loaders import load_document
from reader.core.resources import sample_article
from reader.core.topics import Topic, default_topics
from tests.local_site import PROXY_VARIABLES, Server, Site, serve

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


@pytest.fixture
def no_proxies(monkeypatch):
    """The machine's proxy settings must not send a test's requests anywhere else."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site(no_proxies) -> Iterator[Site]:
    """A web site on 127.0.0.1 for this test: give it routes, read what it was asked."""
    yield from serve(Server())
