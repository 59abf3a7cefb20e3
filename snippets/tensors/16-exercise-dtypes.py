import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
ints = torch.tensor([1, 2, 3], device=device)

print(ints.sum().dtype, ints.sum().item())
print(ints.float().mean().dtype, ints.float().mean().item())
try:
    ints.mean()
except RuntimeError as error:
    print("RuntimeError:", str(error).split(".")[0])
print(torch.tensor([True, False, True], device=device).sum().dtype)
print(torch.tensor([-1.7, 1.7], device=device).to(torch.int64).tolist())
halves = torch.ones(2, dtype=torch.bfloat16, device=device)
print((halves + torch.ones(2, device=device)).dtype)
