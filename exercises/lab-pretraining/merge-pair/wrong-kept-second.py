# mistake: kept-second
sequence = [5, 7, 7, 7, 2, 5, 7]
pair, new_token = (5, 7), 300
# Your code: the sequence with every occurrence of the pair, read from
# left to right, replaced by new_token (a list of ints).
merged_sequence, position = [], 0
while position < len(sequence):
    if tuple(sequence[position:position + 2]) == pair:
        merged_sequence.append(new_token)
        position += 1
    else:
        merged_sequence.append(sequence[position])
        position += 1
