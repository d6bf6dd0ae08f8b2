data = [1, 2, 0, 4]
inverse = lambda v: 1 / v
print([inverse(v) for v in data[:2]])
result = [inverse(v) for v in data]
