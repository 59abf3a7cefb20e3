import math

# Published sizes: GPT-2 (Radford et al., 2019), GPT-3 (Brown et al., 2020,
# Table 2.1), Llama-2-7B (its Hugging Face config.json)
MODELS = {  # d_model, layers, heads, feed-forward inner width
    "GPT-2 small": (768, 12, 12, 3072),
    "GPT-3 175B": (12288, 96, 96, 49152),
    "Llama-2-7B": (4096, 32, 32, 11008),
}
print("model        d_model  layers  heads  head size  feed-forward  ratio")
for name, (d, layers, heads, ff) in MODELS.items():
    print(f"{name:<12} {d:>7,} {layers:>7} {heads:>6} {d // heads:>10}"
          f" {ff:>13,} {ff / d:>6.2f}")

# Llama's SwiGLU rule: 2/3 of 4 * d, rounded up to a multiple of 256
d = 4096
raw = int(2 * 4 * d / 3)
print(f"8/3 = {8 / 3:.2f};  8/3 * {d:,} = {raw:,}"
      f" -> rounded up to {256 * math.ceil(raw / 256):,}")
