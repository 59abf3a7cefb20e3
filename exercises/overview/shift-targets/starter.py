import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# Token IDs of 2 text pieces, 5 tokens each.
ids = torch.tensor([[464, 3290, 318, 257, 922],
                    [40, 588, 4673, 262, 6290]], device=device)
# Your code: the model reads `inputs` and learns to predict `targets`, the
# next token at every position: both of shape (2, 4).
inputs = ...
targets = ...
