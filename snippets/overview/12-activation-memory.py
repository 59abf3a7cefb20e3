# Numbers that autograd keeps for the backward pass of GPT-2 small, per
# token, read off the model of 02-count-parameters.py. Its attention,
# F.scaled_dot_product_attention, keeps no 1,024 x 1,024 attention weights.
# Left out: a few statistics per token (of layer norm and attention).
d, vocab, layers = 768, 50257, 12
per_layer = {
    "norm1 input": d,
    "qkv input": d,
    "q, k, v and the attention output (proj's input)": 4 * d,
    "dropout mask after proj": d,
    "norm2 input": d,
    "first feed-forward input": d,
    "GELU input": 4 * d,
    "second feed-forward input": 4 * d,
    "dropout mask after the feed-forward network": d,
}
outside = {
    "dropout mask of the embeddings": d,
    "final norm input": d,
    "output layer input": d,
    "log-softmax of the logits, inside F.cross_entropy": vocab,
}
layer, rest = sum(per_layer.values()), sum(outside.values())
print(f"per token and layer: {layer:,} numbers ({layer // d} x {d})")
print(f"per token outside the layers: {rest:,} numbers")

tokens, size = 4 * 1024, 4                # a batch of 4 x 1,024, float32
blocks = tokens * layer * layers * size / 1e9
others = tokens * rest * size / 1e9
state = 124_412_160 * 16 / 1e9            # as in 07-memory.py
print(f"batch of 4 x 1,024 tokens: {tokens:,} tokens")
for label, gb in [(f"kept by the {layers} layers", blocks),
                  ("kept outside them", others),
                  ("activations in all", blocks + others),
                  ("weights, gradients, AdamW", state),
                  ("together", blocks + others + state)]:
    print(f"  {label:30} {gb:5.2f} GB")
