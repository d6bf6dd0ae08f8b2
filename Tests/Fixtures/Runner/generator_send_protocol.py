def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return (count, average)
a = averager()
next(a)
for v in [10, 20, 30]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
def relay():
    result = yield from averager()
    yield f"relayed {result}"
r = relay()
next(r)
r.send(4)
print(r.send(None))
g = (i for i in range(3))
print(next(g), list(g), next(g, "empty"))
