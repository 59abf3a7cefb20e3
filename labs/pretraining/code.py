# %% setup
import math
from collections import Counter

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK SC"]

text = HAMLET  # the first cell holds the play's text
print(f"{len(text):,} characters, {len(set(text))} different ones")
print(text[:160])

# %% merges
def merge_rules(sample, merges):
    """Learn byte-pair merges: each rule (a, b, new) replaces the most
    frequent neighbouring pair a, b of the sample by one new token."""
    seq = "".join(map(chr, sample.encode("utf-8")))  # one character per token
    rules = []
    for new in range(256, 256 + merges):
        (a, b), _ = Counter(zip(seq, seq[1:])).most_common(1)[0]
        seq = seq.replace(a + b, chr(new))  # left to right, no overlaps
        rules.append((ord(a), ord(b), new))
    return rules


rules = merge_rules(text[:30_000], merges=100)
pieces = {i: bytes([i]) for i in range(256)}  # what each token stands for
for a, b, new in rules:
    pieces[new] = pieces[a] + pieces[b]
vocab_size = len(pieces)
print("first merges:", [pieces[new].decode() for _, _, new in rules[:12]])
print("vocabulary:", vocab_size, "tokens")

# %% encode
def encode(s):
    seq = "".join(map(chr, s.encode("utf-8")))
    for a, b, new in rules:  # the merges, in the order they were learned
        seq = seq.replace(chr(a) + chr(b), chr(new))
    return [ord(c) for c in seq]


def decode(ids):
    return b"".join(pieces[i] for i in ids).decode("utf-8")


line = "To be, or not to be, that is the question."
ids = encode(line)
print(ids)
print([pieces[i].decode() for i in ids])
print("decode(encode(line)) == line:", decode(ids) == line)
tokens = torch.tensor(encode(text))
print(f"{len(tokens):,} tokens, {len(text) / len(tokens):.2f} characters each")

# %% data
context, batch_size = 32, 32
split = int(0.9 * len(tokens))
train_tokens, val_tokens = tokens[:split], tokens[split:]
generator = torch.Generator().manual_seed(0)  # the batches' order, on the CPU


def get_batch(source):
    """batch_size windows at random places; the targets are the same
    windows shifted by one token."""
    starts = torch.randint(len(source) - context, (batch_size,),
                           generator=generator)
    x = torch.stack([source[s:s + context] for s in starts])
    y = torch.stack([source[s + 1:s + context + 1] for s in starts])
    return x, y


x, y = get_batch(train_tokens)
print(f"training: {len(train_tokens):,} tokens "
      f"({len(train_tokens) / len(tokens):.0%}), "
      f"validation: {len(val_tokens):,}")
print("a batch:", tuple(x.shape), tuple(y.shape))
print("input: ", repr(decode(x[0, :12].tolist())))
print("target:", repr(decode(y[0, :12].tolist())))

# %% bigram
def validation_loss(model):
    """The mean cross-entropy over the validation tokens, in windows."""
    usable = (len(val_tokens) - 1) // context * context
    x = val_tokens[:usable].view(-1, context)
    y = val_tokens[1:usable + 1].view(-1, context)
    model.eval()
    with torch.no_grad():
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
    model.train()
    return loss.item()


def train(model, steps, lr, record=None):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    for step in range(steps):
        x, y = get_batch(train_tokens)
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if record is not None and (step + 1) % 50 == 0:
            record.append((step + 1, loss.item(), validation_loss(model)))


torch.manual_seed(0)
bigram = nn.Embedding(vocab_size, vocab_size)  # row: logits of the next token
train(bigram, steps=400, lr=0.1)
bigram_loss = validation_loss(bigram)
print(f"bigram: {sum(p.numel() for p in bigram.parameters()):,} parameters, "
      f"validation loss {bigram_loss:.3f}")

# %% model
class Block(nn.Module):
    """Causal self-attention and a feed-forward network, each added to
    the residual stream after a layer norm."""

    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d, bias=False)
        self.out = nn.Linear(d, d)
        self.feed_forward = nn.Sequential(
            nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, h):
        B, T, d = h.shape
        q, k, v = self.qkv(self.norm1(h)).split(d, dim=-1)
        q, k, v = (t.view(B, T, self.heads, d // self.heads).transpose(1, 2)
                   for t in (q, k, v))
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads)
        allowed = torch.tril(torch.ones(T, T, dtype=torch.bool))
        weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")),
                                dim=-1)
        h = h + self.out((weights @ v).transpose(1, 2).reshape(B, T, d))
        return h + self.feed_forward(self.norm2(h))


class TinyGPT(nn.Module):
    def __init__(self, vocab_size, context, d, heads):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, d)
        self.position_embedding = nn.Embedding(context, d)
        self.block = Block(d, heads)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab_size, bias=False)

    def forward(self, x):
        positions = torch.arange(x.shape[1])
        h = self.token_embedding(x) + self.position_embedding(positions)
        return self.head(self.norm(self.block(h)))


torch.manual_seed(0)
d = 48
model = TinyGPT(vocab_size, context, d, heads=4)
counted = sum(p.numel() for p in model.parameters())
formula = (vocab_size * d + context * d + 12 * d * d + 10 * d + 2 * d
           + vocab_size * d)  # embeddings, one block, final norm, head
print(f"parameters: {counted:,}; by the formula: {formula:,}")
print(f"loss before training: {validation_loss(model):.3f}, "
      f"log(vocabulary) = {math.log(vocab_size):.3f}")

# %% train
STEPS = 600  # raise it to train longer
history = []
train(model, STEPS, lr=1e-2, record=history)
for step, train_loss, val_loss in history[2::3]:
    print(f"step {step:4d}: training loss {train_loss:.3f}, "
          f"validation loss {val_loss:.3f}")

# %% curve
steps, train_losses, val_losses = zip(*history)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(steps, train_losses, marker="o", markersize=3, label=TEXT["train"])
ax.plot(steps, val_losses, marker="o", markersize=3, label=TEXT["validation"])
ax.axhline(bigram_loss, color="gray", linestyle="--", label=TEXT["bigram"])
ax.set_title(TEXT["curve_title"])
ax.set_xlabel(TEXT["step"])
ax.set_ylabel(TEXT["loss"])
ax.legend()
plt.show()

# %% perplexity
model_loss = validation_loss(model)
print(f"uniform:     perplexity {vocab_size}")
print(f"bigram:      perplexity {math.exp(bigram_loss):.1f}")
print(f"transformer: perplexity {math.exp(model_loss):.1f}")
print(f"transformer / bigram: {math.exp(model_loss - bigram_loss):.2f}")

# %% sample
def sample(prompt, new_tokens, temperature=1.0, top_k=None, seed=0):
    """Continue the prompt one token at a time, drawing each next token
    from the model's distribution with a seeded CPU generator."""
    draw = torch.Generator().manual_seed(seed)
    ids = encode(prompt)
    model.eval()
    with torch.no_grad():
        for _ in range(new_tokens):
            logits = model(torch.tensor([ids[-context:]]))[0, -1]
            logits = logits / temperature
            if top_k is not None:
                kth = torch.topk(logits, top_k).values[-1]
                logits = logits.masked_fill(logits < kth, float("-inf"))
            probs = torch.softmax(logits, dim=-1)
            ids.append(torch.multinomial(probs, 1, generator=draw).item())
    return decode(ids)


for temperature in (0.5, 1.0, 1.5):
    print(f"--- temperature {temperature}:")
    print(sample("HAMLET:\n", 60, temperature))
print("--- temperature 1.0, top-k 10:")
print(sample("HAMLET:\n", 60, 1.0, top_k=10))
