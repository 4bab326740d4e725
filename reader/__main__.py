"""``topic-reader`` / ``python -m reader``: a subcommand runs headless, else the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: First arguments that run the command line instead of the window. Kept here, not imported
#: from reader.cli, so that opening the window does not load NLTK on the start-up path.
SUBCOMMANDS = frozenset({"classify", "topics", "library", "--version"})


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the CLI for ``classify``/``topics``, otherwise start the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        try:
            from reader.cli import main as cli_main

            return cli_main(args)
        except ImportError as exc:
            return _missing_package(exc)
    return window(args)


def window(argv: Sequence[str] | None = None) -> int:
    """Open the window (``topic-reader-window``, which has no console on Windows)."""
    try:
        from reader.ui.app import main as app_main  # Qt is imported only for the window
    except ImportError as exc:
        return _missing_package(exc)
    return app_main(list(sys.argv[1:] if argv is None else argv))


def _missing_package(exc: ImportError) -> int:
    """One line instead of a traceback when this install lacks a library it needs."""
    detail = " ".join(str(exc).split()) or exc.name or "unknown package"
    print(
        f"topic-reader: a package Topic Reader needs is missing or broken ({detail}); "
        "reinstall Topic Reader",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
