# expect sandbox
def f():
    pass
print(f.__globals__)
