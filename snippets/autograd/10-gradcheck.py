import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.tensor([1.1], dtype=torch.float64, device=device)
y = torch.tensor([1.0], dtype=torch.float64, device=device)
w = torch.tensor([2.2], dtype=torch.float64, device=device,
                 requires_grad=True)
b = torch.tensor([0.0], dtype=torch.float64, device=device,
                 requires_grad=True)


def loss_fn(w, b):
    return F.binary_cross_entropy(torch.sigmoid(x * w + b), y)


class WrongSigmoid(torch.autograd.Function):   # a hand-written sigmoid
    @staticmethod
    def forward(ctx, z):
        a = torch.sigmoid(z)
        ctx.save_for_backward(a)
        return a

    @staticmethod
    def backward(ctx, grad_a):
        a, = ctx.saved_tensors
        return grad_a * a            # wrong: should be a * (1 - a)


def wrong_loss_fn(w, b):
    return F.binary_cross_entropy(WrongSigmoid.apply(x * w + b), y)


print("loss_fn:      ", torch.autograd.gradcheck(loss_fn, (w, b)))
print("wrong_loss_fn:", torch.autograd.gradcheck(wrong_loss_fn, (w, b),
                                                 raise_exception=False))
