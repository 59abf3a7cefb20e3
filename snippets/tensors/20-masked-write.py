import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.arange(6, device=device).reshape(2, 3)
mask = x > 2
print(mask.cpu())
print(mask.dtype)

part = x[mask]                   # reading through a mask: a copy
part += 100
print("part += 100    ", x.tolist())
x[mask] += 100                   # writing through it: into x
print("x[mask] += 100 ", x.tolist())
x[mask] = 0
print("x[mask] = 0    ", x.tolist())
