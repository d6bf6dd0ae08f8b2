def inner():
    raise KeyError("missing")
def outer():
    try:
        inner()
    except KeyError:
        print("logging and re-raising")
        raise
outer()
