import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
t = torch.tensor([[1, 2, 3],
                  [4, 5, 6]], device=device)
print(t.stride(), t.is_contiguous())
print(t.T.stride(), t.T.is_contiguous())

try:
    t.T.view(-1)
except RuntimeError as error:
    print("RuntimeError:", str(error).split(" (")[0])
print(t.T.reshape(-1).cpu())
print(t.T.contiguous().view(-1).cpu())

flat = t.view(-1)        # a view: no copy, same memory as t
flat[0] = 100
print(t.cpu())
