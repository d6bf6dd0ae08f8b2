x = "global"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    items = [x for _ in range(2)]
print(C.y, C().method(), C.items)
def f():
    x = "enclosing"
    class D:
        z = x
        def m(self):
            return x
    return D.z, D().m()
print(f())
