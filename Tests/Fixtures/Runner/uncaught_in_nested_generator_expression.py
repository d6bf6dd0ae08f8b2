def load(values):
    return [int(v) for v in values]
def total(values):
    return sum(load(values))
print(total(["1", "2"]))
print(total(["3", "four"]))
