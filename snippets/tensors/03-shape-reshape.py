import torch

t = torch.tensor([[1, 2, 3],
                  [4, 5, 6]])
print(t.shape)
print(t.reshape(3, 2))
print(t.view(3, 2))
print(t.view(-1))
