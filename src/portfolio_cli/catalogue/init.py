"""Messages of `portfolio init`: the five steps asked as questions."""

EN: dict[str, str] = {}

FR: dict[str, str] = {}
