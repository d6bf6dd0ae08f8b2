log = []
def step(name, fail=False):
    log.append(name)
    if fail:
        raise RuntimeError(name)
def run():
    try:
        step("try")
        try:
            step("inner", fail=True)
        except RuntimeError:
            step("inner-except")
            raise
        finally:
            step("inner-finally")
    except RuntimeError as e:
        step(f"outer-except:{e}")
    else:
        step("else")
    finally:
        step("outer-finally")
    return log
print(run())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen_finally():
    print("v", v)
    break
print("after break")
