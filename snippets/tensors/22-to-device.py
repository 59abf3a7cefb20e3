import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
t = torch.zeros(3, device=device)

moved = t.to(device)                  # t is already there
print("t.to(device) is t:", moved is t)
moved[0] = 1.0                        # so this writes into t
print("t after moved[0] = 1.0:", t.cpu())
converted = t.to(torch.float64)       # another dtype needs a new tensor
print("t.to(torch.float64) is t:", converted is t)
