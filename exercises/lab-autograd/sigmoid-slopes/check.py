check("lab-autograd/sigmoid-slopes", [
    ("todo", lambda: isinstance(from_autograd, torch.Tensor)
     and isinstance(by_hand, torch.Tensor)),
    ("shape", lambda: from_autograd.shape == by_hand.shape == (9,)),
    ("mean", lambda: from_autograd.max() > 0.2),
    ("points", lambda: (by_hand > 0).all() and (by_hand <= 0.25).all()),
    ("values", lambda: torch.allclose(by_hand, from_autograd)),
])
