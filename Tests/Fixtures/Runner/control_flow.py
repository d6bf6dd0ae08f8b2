for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no")
print()
for i in range(3):
    pass
else:
    print("loop finished", i)
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while done")
x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", x and 0, x or 0, 0 or "", not x, None or [] or "last")
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        print(a, b, end="; ")
print()
i = 0
while True:
    i += 1
    if i > 3:
        break
print("i =", i)
