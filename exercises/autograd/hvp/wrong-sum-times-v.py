# mistake: sum-times-v
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
w = torch.tensor([0.5, -1.0], dtype=torch.float64, device=device,
                 requires_grad=True)
v = torch.tensor([1.0, 2.0], dtype=torch.float64, device=device)
loss = w[0] ** 2 * w[1] + torch.exp(w[1])
# Your code: the Hessian-vector product H v of the loss at w, shape (2,),
# from two calls of torch.autograd.grad, without forming H.
g, = torch.autograd.grad(loss, w, create_graph=True)
hv = torch.autograd.grad(g.sum(), w)[0] * v
