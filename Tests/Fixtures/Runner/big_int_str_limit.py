x = 10 ** 5000
print(len(str(10 ** 4000)))
try:
    s = str(x)
except ValueError as e:
    print("ValueError:", e)
print(x % 1000, x.bit_length(), (x + 1) // 10 ** 4999)
