def f():
    try:
        return 1
    finally:
        return 2
def g():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
def h():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 99
        print("finally sees", x)
print(f(), g(), h())
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("loop finally", i)
