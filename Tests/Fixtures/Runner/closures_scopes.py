def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter()
c(); c(); print(c(10))
g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
adders = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])
def shadow():
    len = 5
    return len
print(shadow(), len("abc"))
x = 1
def reads():
    return x + 1
print(reads())
