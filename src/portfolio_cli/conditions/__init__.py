"""The `when:` condition language: its syntax tree and parser, type checks, and evaluation over
typed columns (three-valued: true, false, unknown)."""
