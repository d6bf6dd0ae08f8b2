def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stopped", e.value)
print(list(count_up(5)), sum(count_up(101)), max(count_up(4)))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("two"))
def delegate():
    result = yield from count_up(2)
    print("inner returned", result)
    yield "last"
print(list(delegate()))
squares = (x * x for x in range(5))
print(next(squares), list(squares), list(squares))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
c = closing()
print(next(c))
c.close()
print("closed")
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
t = thrower(); next(t); print(t.throw(ValueError("boom")))
print(type(count_up(1)).__name__, list(zip(count_up(3), "abc")), list(enumerate(count_up(2), 1)))
