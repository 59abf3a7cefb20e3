import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
ints = torch.tensor([1, 2, 3], device=device)
floats = torch.tensor([1.0, 2.0, 3.0], device=device)
print(ints.dtype)
print(floats.dtype)

converted = ints.to(torch.float32)
print(converted.dtype)
print(converted.cpu())
