check("autograd/jacobian-rows", [
    ("todo", lambda: isinstance(jacobian, torch.Tensor)),
    ("shape", lambda: jacobian.shape == (2, 2)),
    ("transposed", lambda: not torch.equal(
        jacobian.cpu(), torch.tensor([[3.0, 3.0], [2.0, 8.0]]))),
    ("accumulated", lambda: not torch.equal(
        jacobian[1].cpu(), torch.tensor([6.0, 10.0]))),
    ("values", lambda: torch.equal(
        jacobian.cpu(), torch.tensor([[3.0, 2.0], [3.0, 8.0]]))),
])
