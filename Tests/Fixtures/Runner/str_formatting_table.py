rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
print(f"{'name':<10}|{'qty':>5}|{'price':>8}")
print("-" * 25)
for name, qty, price in rows:
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}")
total = sum(q * p for _, q, p in rows)
print(f"{'total':<10}|{'':>5}|{total:>8.2f}")
print("{:<10}|{:^5}|{:>8}".format("x", "y", "z"))
print("%-10s|%5d|%8.3f" % ("row", 7, 2.0 / 3))
