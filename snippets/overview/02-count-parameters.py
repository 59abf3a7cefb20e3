import torch
import torch.nn.functional as F
from torch import nn

GPT2_SMALL = {"vocab_size": 50257, "context_length": 1024, "emb_dim": 768,
              "n_heads": 12, "n_layers": 12, "drop_rate": 0.1,
              "qkv_bias": False}
# OpenAI's GPT-3, like its released GPT-2, has Q/K/V biases
GPT3_175B = {"vocab_size": 50257, "context_length": 2048, "emb_dim": 12288,
             "n_heads": 96, "n_layers": 96, "drop_rate": 0.1,
             "qkv_bias": True}


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d, self.n_heads = cfg["emb_dim"], cfg["n_heads"]
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d, bias=cfg["qkv_bias"])
        self.proj = nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(),
                                nn.Linear(4 * d, d))
        self.drop = nn.Dropout(cfg["drop_rate"])

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).split(d, dim=-1)
        q, k, v = (z.view(b, t, self.n_heads, -1).transpose(1, 2)
                   for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.drop(self.proj(a.transpose(1, 2).reshape(b, t, d)))
        return x + self.drop(self.ff(self.norm2(x)))


class GPT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.tok_emb = nn.Parameter(torch.empty(cfg["vocab_size"], d))
        self.pos_emb = nn.Parameter(torch.empty(cfg["context_length"], d))
        self.drop = nn.Dropout(cfg["drop_rate"])
        self.blocks = nn.Sequential(
            *[Block(cfg) for _ in range(cfg["n_layers"])])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, cfg["vocab_size"], bias=False)

    def forward(self, ids):
        x = self.drop(self.tok_emb[ids] + self.pos_emb[:ids.shape[1]])
        return self.head(self.norm(self.blocks(x)))


def count(model):
    return sum(p.numel() for p in model.parameters())


with torch.device("meta"):
    gpt2 = GPT(GPT2_SMALL)
    logits = gpt2(torch.zeros(2, 8, dtype=torch.long))
    gpt3 = GPT(GPT3_175B)
    released = GPT({**GPT2_SMALL, "qkv_bias": True})  # OpenAI's GPT-2

print("GPT-2 logits shape:", logits.shape)
print(f"GPT-2, separate output head: {count(gpt2):>15,}")
gpt2.head.weight = gpt2.tok_emb
print(f"GPT-2, tied output head:     {count(gpt2):>15,}")
released.head.weight = released.tok_emb
print(f"GPT-2 + Q/K/V biases, tied:  {count(released):>15,}")
print(f"  of which Q/K/V biases:     {count(released) - count(gpt2):>15,}")
gpt3.head.weight = gpt3.tok_emb
print(f"GPT-3, tied output head:     {count(gpt3):>15,}")
