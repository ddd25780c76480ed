"""Messages added while polishing: the `was` column of `classify --history`, and the hints of
the expression checker that suggest a comparison fitting the column's kind."""

EN: dict[str, str] = {
    "table.was": "was",
    "table.was_new": "new",
}

FR: dict[str, str] = {
    "table.was": "avant",
    "table.was_new": "nouveau",
}
