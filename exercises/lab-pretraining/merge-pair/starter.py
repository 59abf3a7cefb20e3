sequence = [5, 7, 7, 7, 2, 5, 7]
pair, new_token = (5, 7), 300
# Your code: the sequence with every occurrence of the pair, read from
# left to right, replaced by new_token (a list of ints).
merged_sequence = ...
