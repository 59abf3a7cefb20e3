check("autograd/sgd-leaf", [
    ("todo", lambda: not torch.equal(w, start)),
    ("shape", lambda: w.shape == (2,)),
    ("not-a-leaf", lambda: w.is_leaf and w.requires_grad),
    ("accumulated", lambda: w.grad is None),
    ("ascent", lambda: ((w - start) * (target - start)).sum() > 0),
    ("values", lambda: torch.equal(w.detach().cpu(),
                                   torch.tensor([2.5, 0.5]))),
])
