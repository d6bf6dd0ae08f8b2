def produce():
    yield 1
    yield 2
    raise ValueError("producer failed")
total = 0
for v in produce():
    total += v
    print("got", v)
print(total)
