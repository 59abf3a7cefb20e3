import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
start = torch.tensor([1.0, -1.0], device=device)
w = start.clone().requires_grad_()
target = torch.tensor([3.0, 1.0], device=device)
lr = 0.25
for step in range(2):
    loss = ((w - target) ** 2).sum()
    loss.backward()
    # Your code: one gradient-descent step on w, leaving w a leaf tensor
    # that requires grad and has no gradient left for the next step.
    ...
