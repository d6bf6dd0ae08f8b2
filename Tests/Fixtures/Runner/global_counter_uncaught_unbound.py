total = 0
def add_all(items):
    for item in items:
        total += item
    return total
print(add_all([]))
print(add_all([1, 2]))
