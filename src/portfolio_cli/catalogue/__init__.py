"""The message catalogue, one module per area (EN and FR dicts); `messages` merges them."""
