"""``topic-reader`` / ``python -m reader``: a subcommand runs headless, else the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: First arguments that run the command line instead of the window. Kept here, not imported
#: from reader.cli, so that opening the window does not load NLTK on the start-up path.
SUBCOMMANDS = frozenset({"classify", "topics", "--version"})


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the CLI for ``classify``/``topics``, otherwise start the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        from reader.cli import main as cli_main

        return cli_main(args)
    from reader.ui.app import main as app_main  # Qt is imported only for the window

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
