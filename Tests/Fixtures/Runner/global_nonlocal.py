total = 0
def add(n):
    global total
    total += n
for i in range(5):
    add(i)
print(total)
def outer():
    values = []
    def push(v):
        values.append(v)
    def reset():
        nonlocal values
        values = []
    push(1); push(2)
    before = list(values)
    reset(); push(3)
    return before, values
print(outer())
def gen_scope():
    x = 0
    def g():
        nonlocal x
        for _ in range(3):
            x += 1
            yield x
    return list(g()), x
print(gen_scope())
