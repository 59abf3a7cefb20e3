import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
m = torch.tensor([[1.0, 2.0],
                  [3.0, 4.0]], device=device)
print(m.T.cpu())
print(m.matmul(m.T).cpu())
print((m @ m.T).cpu())
