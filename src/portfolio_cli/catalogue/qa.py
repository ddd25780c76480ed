"""Messages added by the QA pass over the French interface (notes/frqa.md): the end of an
`init` question, and Click's own usage errors (unknown option, missing argument, bad value)."""

EN: dict[str, str] = {
    "init.prompt_colon": ": ",
}

FR: dict[str, str] = {
    "init.prompt_colon": " : ",
}
