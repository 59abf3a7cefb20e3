def autograd_gradients():
    w_, b_ = w.clone().requires_grad_(), b.clone().requires_grad_()
    loss = torch.nn.functional.binary_cross_entropy(
        torch.sigmoid(x * w_ + b_), y)
    return torch.autograd.grad(loss, [w_, b_])


check("autograd/neuron-by-hand", [
    ("todo", lambda: isinstance(grad_w, torch.Tensor)
     and isinstance(grad_b, torch.Tensor)),
    ("shape", lambda: grad_w.shape == () and grad_b.shape == ()),
    ("sign", lambda: grad_b.item() * autograd_gradients()[1].item() > 0),
    ("no-input", lambda: not torch.isclose(grad_w, grad_b)),
    ("values", lambda: all(torch.isclose(mine, theirs) for mine, theirs in
                           zip([grad_w, grad_b], autograd_gradients()))),
])
