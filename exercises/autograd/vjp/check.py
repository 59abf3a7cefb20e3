check("autograd/vjp", [
    ("todo", lambda: isinstance(vjp, torch.Tensor)),
    ("shape", lambda: vjp.shape == (2,)),
    ("ones", lambda: not torch.equal(vjp.cpu(), A.sum(dim=0).cpu())),
    ("transposed", lambda: not torch.equal(vjp.cpu(), (A @ v).cpu())),
    ("values", lambda: torch.equal(vjp.cpu(), torch.tensor([1.0, 32.0]))),
])
