# mistake: padding
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# 2 sequences of 4 positions, 2 features each; the mask marks real tokens.
x = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [9.0, 9.0], [9.0, 9.0]],
                  [[5.0, 6.0], [9.0, 9.0], [9.0, 9.0], [9.0, 9.0]]],
                 device=device)
mask = torch.tensor([[True, True, False, False],
                     [True, False, False, False]], device=device)
# Your code: each sequence's mean over its real tokens, shape (2, 2).
pooled = (x * mask[..., None]).mean(dim=1)
