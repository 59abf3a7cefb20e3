import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]],
                 device=device)                         # 4 examples
y = torch.tensor([1.0, 2.0, 2.0, 4.0], device=device)
w = torch.tensor([0.5, 0.5], device=device, requires_grad=True)
loss = ((X @ w - y) ** 2).mean()                        # the batch's loss
# Your code: the gradient of loss with respect to w, by hand, shape (2,).
by_hand = ...
