import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"
tokens = torch.tensor([5, 2, 7, 1, 8, 2, 8, 1, 8, 2, 8])  # a tiny text
context = 4


class NextTokenWindows(Dataset):
    """Example i: tokens i to i+3 as input, tokens i+1 to i+4 as target."""

    def __init__(self, tokens, context):
        self.tokens, self.context = tokens, context

    def __len__(self):  # every window whose target still fits
        return len(self.tokens) - self.context

    def __getitem__(self, i):  # made when asked for, not stored
        window = self.tokens[i:i + self.context + 1]
        return window[:-1], window[1:]


windows = NextTokenWindows(tokens, context)
x0, y0 = windows[0]
print("examples:", len(windows), "  example 0:", x0.tolist(), y0.tolist())
pairs = [windows[i] for i in range(len(windows))]
stored = TensorDataset(torch.stack([x for x, _ in pairs]),
                       torch.stack([y for _, y in pairs]))  # all in memory
print("the same examples as a TensorDataset:", all(
    torch.equal(a, b) for i in range(len(windows))
    for a, b in zip(windows[i], stored[i])))

loader = DataLoader(windows, batch_size=3, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
x, y = next(iter(loader))
x, y = x.to(device), y.to(device)
print("one batch:", tuple(x.shape), tuple(y.shape))

logits = torch.zeros(3, 4, 10, device=device)  # a stand-in model's output
logits[..., 8] = 1.0  # it always predicts token 8
predicted = logits.argmax(dim=-1)  # the highest score per position
accuracy = (predicted == y).float().mean().item()
print("predicted:", predicted[0].tolist(), " targets:", y[0].tolist())
print(f"accuracy: {accuracy:.3f}")
