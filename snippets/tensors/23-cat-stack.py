import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.zeros(2, 3, device=device)
b = torch.ones(2, 3, device=device)

print("cat, dim=0:  ", tuple(torch.cat([a, b], dim=0).shape))
print("cat, dim=1:  ", tuple(torch.cat([a, b], dim=1).shape))
print("stack, dim=0:", tuple(torch.stack([a, b], dim=0).shape))
print("stack, dim=2:", tuple(torch.stack([a, b], dim=2).shape))
pairs = torch.stack([a, b], dim=2)  # pairs[i, j] is (a[i, j], b[i, j])
print(pairs[0, 0].cpu())
try:
    torch.stack([a, torch.ones(2, 4, device=device)])
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])
