check("overview/memory-bytes", [
    ("todo", lambda: isinstance(size, int)),
    ("scalar", lambda: size > 0),
    ("float32", lambda: size != 500_500 * 4),
    ("bits", lambda: size != 500_500 * 16),
    ("value", lambda: size == 1_001_000),
])
