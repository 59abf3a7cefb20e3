import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
t = torch.tensor([1.0, 2.0, 3.0], device=device, requires_grad=True)
y = (t ** 2).sum()
y.backward()
print(y.item())
print(t.grad.cpu())
print(t.numpy(force=True))
