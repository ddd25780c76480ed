"""The `when:` condition language, one module per part:

- `kinds`: what a column or an expression holds (`Kind`) and the did-you-mean helpers;
- `tree`: the syntax tree, `walk`, and `ExpressionError` with its caret;
- `parser`: text → tree, against an allow-list of Python's `ast` nodes;
- `check`: names and types against the input's columns;
- `evaluate`: the tree over typed columns (three-valued: true, false, unknown).

Nothing is imported here, so that `conditions.kinds` comes without the parser.
"""
