for exc in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, TimeoutError, RecursionError, UnboundLocalError, ModuleNotFoundError, StopIteration, KeyboardInterrupt, NotImplementedError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
try:
    raise TypeError
except TypeError as err:
    print(repr(err), err.args)
class Custom(ValueError):
    pass
try:
    raise Custom("c")
except ValueError as e:
    print(type(e).__name__, isinstance(e, Custom), e)
try:
    raise Exception("with note")
except Exception as e:
    print(e.__class__.__name__, e.__cause__, e.__context__)
