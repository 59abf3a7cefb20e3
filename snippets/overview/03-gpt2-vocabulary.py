text = "Hi, é!"
data = text.encode("utf-8")  # any text is a sequence of bytes
print("characters:", len(text))
print(len(data), "UTF-8 bytes:", list(data))

# GPT-2's byte-level BPE vocabulary
byte_tokens = 256  # one token for each possible byte value
learned_merges = 50_000  # one new token per merge learned in training
end_of_text = 1  # the special token <|endoftext|>
vocab_size = byte_tokens + learned_merges + end_of_text
print(f"{byte_tokens} + {learned_merges:,} + {end_of_text} = {vocab_size:,}")
