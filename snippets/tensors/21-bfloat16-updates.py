import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
step = 1e-3                                  # one small update
w = torch.tensor(1.0, device=device).to(torch.bfloat16)
print("bfloat16: w + 0.001 == w:", (w + step == w).item())
print("gap between 1 and the next bfloat16:", torch.finfo(w.dtype).eps)

master = torch.tensor(1.0, device=device)    # a float32 master copy
for _ in range(1000):
    w += step                                # rounded back to 1 each time
    master += step                           # kept
print("after 1000 updates, bfloat16 w:", w.item())
print(f"float32 master: {master.item():.4f},"
      f" cast to bfloat16: {master.to(torch.bfloat16).item()}")

tiny = torch.tensor(1e-8, device=device)     # a small gradient
print("1e-8 in float16:", tiny.to(torch.float16).item())
