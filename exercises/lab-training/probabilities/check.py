check("lab-training/probabilities", [
    ("todo", lambda: isinstance(chances, torch.Tensor)),
    ("shape", lambda: chances.shape == (3, 1)),
    ("graph", lambda: not chances.requires_grad),
    ("softmax", lambda: not (chances == 1).all()),
    ("logits", lambda: ((chances > 0) & (chances < 1)).all()),
    ("values", lambda: torch.allclose(torch.logit(chances),
                                      classifier(new_points))),
])
