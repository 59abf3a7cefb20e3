GPT_CONFIG_124M = {
    "vocab_size": 50257,
    "context_length": 1024,
    "emb_dim": 768,
    "n_heads": 12,
    "n_layers": 12,
    "drop_rate": 0.1,
    "qkv_bias": False,
}

emb_dim = GPT_CONFIG_124M["emb_dim"]
print("dimensions per attention head:", emb_dim // GPT_CONFIG_124M["n_heads"])
print("feed-forward inner width:", 4 * emb_dim)
