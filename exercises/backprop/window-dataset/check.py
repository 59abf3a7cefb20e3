def pairs():
    return [windows[i] for i in range(len(windows))]


check("backprop/window-dataset", [
    ("todo", lambda: isinstance(len(windows), int)
     and isinstance(windows[0], tuple)),
    ("shape", lambda: all(x.shape == (3,) for x in windows[0])),
    ("one-too-many", lambda: all(y.shape == (3,) for _, y in pairs())),
    ("not-shifted", lambda: not torch.equal(*windows[0])),
    ("values", lambda: len(windows) == 7 and all(
        x.tolist() == list(range(10 + i, 13 + i))
        and y.tolist() == list(range(11 + i, 14 + i))
        for i, (x, y) in enumerate(pairs()))),
])
