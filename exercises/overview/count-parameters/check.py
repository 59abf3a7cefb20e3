check("overview/count-parameters", [
    ("todo", lambda: isinstance(count, int)),
    ("scalar", lambda: count > 0),
    ("tensors", lambda: count != len(list(model.parameters()))),
    ("biases", lambda: count != 8 * 16 + 16 * 4),
    ("value", lambda: count == 212),
])
