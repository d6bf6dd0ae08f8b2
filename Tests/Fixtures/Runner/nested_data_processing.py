orders = [
    {"id": 1, "customer": "ann", "items": [("pen", 2, 1.5), ("pad", 1, 4.0)]},
    {"id": 2, "customer": "bob", "items": [("pen", 10, 1.5)]},
    {"id": 3, "customer": "ann", "items": [("ink", 3, 7.25), ("pen", 1, 1.5)]},
]
totals = {}
for order in orders:
    total = sum(q * p for _, q, p in order["items"])
    totals[order["customer"]] = totals.get(order["customer"], 0) + total
print(totals)
by_item = {}
for order in orders:
    for name, qty, _ in order["items"]:
        by_item.setdefault(name, []).append((order["id"], qty))
for name in sorted(by_item):
    print(name, by_item[name], sum(q for _, q in by_item[name]))
best = max(totals.items(), key=lambda kv: kv[1])
print("best customer:", best[0], f"{best[1]:.2f}")
flat = [(o["id"], n) for o in orders for n, _, _ in o["items"] if n != "pen"]
print(flat)
