"""The English of every message, one module per area (`EN` dicts, keyed); `messages` merges them.

Translations are not here: they are gettext catalogues in `locale/` (see docs/architecture.md,
How translation works).
"""
