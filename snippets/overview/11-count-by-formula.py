def gpt_params(vocab, context, d, layers, qkv_bias, tied=True):
    attention = 3 * d * d + (3 * d if qkv_bias else 0) + d * d + d
    feed_forward = d * 4 * d + 4 * d + 4 * d * d + d
    layer_norms = 2 * 2 * d
    block = attention + feed_forward + layer_norms
    embeddings = vocab * d + context * d
    head = 0 if tied else vocab * d
    return embeddings + layers * block + 2 * d + head  # + final norm


gpt2 = (50257, 1024, 768, 12)  # vocabulary, context, d, layers
print(f"GPT-2, separate head: {gpt_params(*gpt2, False, tied=False):,}")
print(f"GPT-2, tied:          {gpt_params(*gpt2, False):,}")
print(f"GPT-2 as released:    {gpt_params(*gpt2, True):,}")
xl = gpt_params(50257, 1024, 1600, 48, True)
print(f"GPT-2 XL as released: {xl:,}")
print(f"GPT-2 XL, AdamW training (16 B/param): {16 * xl / 1e9:.1f} GB")
