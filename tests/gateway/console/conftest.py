"""Fixtures of the console tests (tests/support/console_case.py)."""

from support.console_case import case

__all__ = ["case"]
