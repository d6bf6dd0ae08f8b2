def make_fib():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
f = make_fib()
print([f() for _ in range(10)])
def running_avg():
    total, n = 0.0, 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add
avg = running_avg()
print([avg(x) for x in [10, 20, 60]])
def counter_gen():
    count = 0
    while True:
        reset = yield count
        count = 0 if reset else count + 1
g = counter_gen()
print(next(g), next(g), next(g), g.send(True), next(g))
