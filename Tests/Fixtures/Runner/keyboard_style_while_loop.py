balance = 100
history = []
for op, amount in [("w", 30), ("d", 50), ("w", 200), ("d", 5)]:
    if op == "w":
        if amount > balance:
            history.append(f"denied {amount}")
            continue
        balance -= amount
    else:
        balance += amount
    history.append(f"{op}{amount}->{balance}")
print(history, balance)
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
