values = [0, 1, -1, 3.5, -2.25, 1e100, 1.5e-300, 123456789, 2**53 + 1, 0.1 + 0.7]
for v in values:
    print(repr(v), str(v), f"{v:>12}", f"{v:.3g}" if isinstance(v, float) else f"{v:,}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.5:.0f} {0.125:.2f} {0.375:.2f} {1.005:.2f}")
print(f"{7:b} {-7:b} {255:08X} {3.0:g} {3.14159:.10g} {100000000.0:g} {1e16:g}")
print(int(2.5e18), float(2**63), float(10**20), 2**63 / 2, 10**20 / 3, 7 / 7, -7 / 2)
print(round(123.456, 1), round(-0.5), round(1e20), round(2.675, 2), round(5, -1), round(15, -1), round(25, -1))
