class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if not len(s) or s.pop() != pairs[ch]:
                return False
    return len(s) == 0
for t in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(t), balanced(t))
s = Stack(); s.push(1); s.push(2); print(s, s.peek(), s.pop(), len(s))
s.pop()
s.pop()
