import torch

t = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (t ** 2).sum()
y.backward()
print(y)
print(t.grad)
print(t.numpy(force=True))
