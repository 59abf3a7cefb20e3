import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
p = torch.tensor([1.0, 2.0], device=device, requires_grad=True)
with torch.inference_mode():
    t = torch.tensor([3.0, 4.0], device=device)
print("t is an inference tensor:", t.is_inference())

(p + t).sum().backward()              # the addition saves nothing
print("(p + t).sum(): p.grad =", p.grad.cpu())

p.grad = None
try:
    (p * t).sum().backward()          # p's gradient needs t: t is saved
except RuntimeError as error:
    print(f"(p * t).sum(): {type(error).__name__}:",
          str(error).split(".")[0])
(p * t.clone()).sum().backward()      # a clone is an ordinary tensor
print("(p * t.clone()).sum(): p.grad =", p.grad.cpu())
