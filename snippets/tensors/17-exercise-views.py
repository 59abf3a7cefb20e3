import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
ways = {
    "x[0]": lambda x: x[0],
    "x[:, 1]": lambda x: x[:, 1],
    "x.T": lambda x: x.T,
    "x.reshape(-1)": lambda x: x.reshape(-1),
    "x.T.reshape(-1)": lambda x: x.T.reshape(-1),
    "x[[0]]": lambda x: x[[0]],
    "x[x > 2]": lambda x: x[x > 2],
}
for label, take in ways.items():
    x = torch.arange(6, device=device).reshape(2, 3)
    part = take(x)
    part += 100                  # change every element of the part
    print(f"{label:16} changes x: {(x >= 100).any().item()}")
