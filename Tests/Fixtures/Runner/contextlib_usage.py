from contextlib import contextmanager, suppress, nullcontext
@contextmanager
def managed(name):
    print("acquire", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("handled inside", e)
    finally:
        print("release", name)
with managed("a") as v:
    print("using", v)
with managed("b"):
    raise ValueError("oops")
print("continued")
with suppress(ZeroDivisionError, KeyError):
    1 / 0
with nullcontext(5) as n:
    print("null", n)
try:
    with managed("c"):
        raise TypeError("not handled")
except TypeError as e:
    print("escaped", e)
