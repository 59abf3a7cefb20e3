import torch

m = torch.tensor([[1, 2],
                  [3, 4]])
print(m.T)
print(m.matmul(m.T))
print(m @ m.T)
