def logged(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result}")
        return result
    return wrapper
@logged
def add(a, b):
    return a + b
add(2, 3)
def repeat(times):
    def deco(f):
        def inner(*a):
            return [f(*a) for _ in range(times)]
        return inner
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def memo(f):
    cache = {}
    def g(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return g
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
import functools
@functools.lru_cache(maxsize=None)
def slow(n):
    return n * 2
print(slow(4), slow(4), functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(pow, 2)(8))
def deco2(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco2
def named():
    "doc here"
    return 1
print(named.__name__, named.__doc__)
