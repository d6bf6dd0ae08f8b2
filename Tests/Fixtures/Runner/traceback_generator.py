def numbers():
    yield 1
    yield int("two")
def consume():
    total = 0
    for n in numbers():
        total += n
    return total
consume()
