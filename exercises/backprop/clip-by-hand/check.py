def expected():
    copies = [g.clone().requires_grad_() for g in original]
    for copy, g in zip(copies, original):
        copy.grad = g.clone()
    norm = nn.utils.clip_grad_norm_(copies, max_norm)
    return norm.item(), [copy.grad for copy in copies]


check("backprop/clip-by-hand", [
    ("todo", lambda: total is not ...),
    ("scalar", lambda: isinstance(total, float)),
    ("no-sqrt", lambda: abs(total - expected()[0] ** 2) > 1e-3),
    ("per-tensor", lambda: not all(torch.allclose(
        p.grad, g * max_norm / g.norm()) or g.norm() <= max_norm
        for p, g in zip(model.parameters(), original))),
    ("values", lambda: abs(total - expected()[0]) < 1e-3 * expected()[0]
     and all(torch.allclose(p.grad, g, atol=1e-6) for p, g in zip(
         model.parameters(), expected()[1]))),
])
