import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.zeros(2, 3, 4, device=device)

print(tuple(a.sum(dim=1).shape))
print(tuple(a.sum(dim=1, keepdim=True).shape))
print(tuple(a.mean(dim=(0, 2)).shape))
print(tuple(a.argmax(dim=-1).shape))
print(tuple(a[0, :, 1:3].shape))
print(tuple((a + torch.zeros(3, 1, device=device)).shape))
try:
    a + torch.zeros(2, 1, device=device)
except RuntimeError as error:
    print("RuntimeError:", error)
