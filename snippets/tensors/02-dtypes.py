import torch

ints = torch.tensor([1, 2, 3])
floats = torch.tensor([1.0, 2.0, 3.0])
print(ints.dtype)
print(floats.dtype)

converted = ints.to(torch.float32)
print(converted.dtype)
print(converted)
