"""The ``sop-kit`` command."""

from .main import main

__all__ = ["main"]
