import torch
from torch.utils.data import Dataset

device = "cuda" if torch.cuda.is_available() else "cpu"
tokens = torch.arange(10, 20, device=device)  # a text of 10 token IDs


class Windows(Dataset):
    def __init__(self, tokens, context):
        self.tokens, self.context = tokens, context

    # Your code: the number of windows whose target still fits, and
    # window i as a pair (input, target) of `context` tokens each.
    def __len__(self):
        return len(self.tokens) - self.context

    def __getitem__(self, i):
        window = self.tokens[i:i + self.context + 1]
        return window[:-1], window[1:]


windows = Windows(tokens, 3)
