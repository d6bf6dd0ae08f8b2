data = [1, 5, 10, 15]
if (n := len(data)) > 3:
    print("long list", n)
results = [y for x in data if (y := x * 2) > 5]
print(results, y)
while (item := data.pop()) > 5:
    print("popped", item)
print(data, item)
a = b = c = 7
print(a, b, c)
x = [0, 1, 2]
x[0] += 10
x[-1] *= 3
print(x)
class O: pass
o = O(); o.v = 1; o.v += 5; print(o.v)
d = {"k": 1}; d["k"] <<= 4; print(d)
print(1 if 0 else 2 if 0 else 3, (lambda: (yield))  is not None)
