def f(n):
    return 0 if n == 0 else sum(map(f, [n - 1])) + 1
print(f(400))
class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return f"N({self.child!r})"
n = None
for _ in range(300):
    n = Node(n)
print(len(repr(n)))
