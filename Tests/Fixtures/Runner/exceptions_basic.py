def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        return 1 / 0
    return [][n]
for n in range(3):
    try:
        risky(n)
    except ValueError as e:
        print("ValueError", e, e.args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")
    finally:
        print("finally", n)
try:
    {}["missing"]
except LookupError as e:
    print(repr(e), str(e))
try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple catch:", e)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(42)
except MyError as e:
    print(e, e.code, repr(e), isinstance(e, Exception))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__))
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise TypeError("during handling")
except TypeError as e:
    print(e, "context:", repr(e.__context__))
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("cleanup", i)
g()
try:
    raise
except RuntimeError as e:
    print("bare raise:", e)
