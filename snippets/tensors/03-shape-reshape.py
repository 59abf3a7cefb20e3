import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
t = torch.tensor([[1, 2, 3],
                  [4, 5, 6]], device=device)
print(t.shape)
print(len(t))                 # the size of the first dimension
print(t.reshape(3, 2).cpu())
print(t.view(3, 2).cpu())
print(t.view(-1).cpu())
