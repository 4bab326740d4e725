"""``override`` for the window's classes, without importing typing_extensions at start-up.

The decorator only matters to the type checker (``typing.override`` arrives in Python 3.12),
while importing typing_extensions costs about 6 ms on the way to the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from typing_extensions import override
else:
    _Method = TypeVar("_Method")

    def override(method: _Method) -> _Method:
        """Mark a method as overriding its base class's; mypy checks the claim."""
        return method


__all__ = ["override"]
