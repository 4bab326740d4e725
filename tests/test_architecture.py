import subprocess
import sys
from pathlib import Path

from reader.core import resources


def test_core_and_cli_load_no_qt():
    code = (
        "import sys, reader, reader.cli, reader.core.reading, reader.core.preferences\n"
        "import reader.core.loaders, reader.core.excerpts, reader.core.classifier\n"
        "from reader.cli import main\n"
        "main(['classify', '--format', 'jsonl', sys.argv[1]])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'reader.ui'))]\n"
        "assert not bad, bad\n"
        "assert 'reader.core.fetch' not in sys.modules  # loaded for an address only\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(resources.sample_article())],
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_resources_from_checkout():
    assert (resources.resources_dir() / "topics" / "topics.toml").is_file()
    assert resources.sample_article().is_file()


def test_resources_from_installed_wheel_layout(tmp_path, monkeypatch):
    package = tmp_path / "reader"
    (package / "resources").mkdir(parents=True)
    monkeypatch.setattr(resources, "files", lambda name: package)
    assert resources.resources_dir() == Path(package) / "resources"
