print(7 / 2, 7 // 2, -7 // 2, 7.0 // 2, 2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3) if False else "skip")
print(10 ** -2, 2 ** 64, 2 ** 64 * 1.0, int(2 ** 64 * 1.0), 1 / 3 + 1 / 3 + 1 / 3, 0.1 * 3)
print(abs(-0.0), -0.0 == 0.0, float("nan") == float("nan"), max(0, -0.0), min(0.0, -0), 5 % 3.0)
print(round(1.23456, 3), round(-1.5), round(0.5 + 1e-9), int(-0.9), int(0.9), 1e300 * 1e300, -1e300 * 1e300)
print(3 * 1.1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1 == 1.0 == True, hash(True), hash(2.0))
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), (-7) % 2, 7 % -2, -7.5 % 2)
print(1_000_000, 0x_ff, 0o17, 0b1010, 1e3, 1E-3, 12.5e1)
big = 3 ** 200
print(big, big.bit_length(), big % 97, -big // 7, str(big)[:10], len(str(big)))
