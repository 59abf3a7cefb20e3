check("lab-pretraining/merge-pair", [
    ("todo", lambda: isinstance(merged_sequence, list)),
    ("scalar", lambda: all(isinstance(t, int) for t in merged_sequence)),
    ("first-only", lambda: merged_sequence.count(new_token) == 2),
    ("kept-second", lambda: len(merged_sequence) == len(sequence) - 2),
    ("values", lambda: merged_sequence == [300, 7, 7, 2, 300]),
])
