"""`portfolio init`: write a criteria file by walking the five steps as questions."""

from __future__ import annotations


def init_command() -> None:
    """Write a criteria file."""
