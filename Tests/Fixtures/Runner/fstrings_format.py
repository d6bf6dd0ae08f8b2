name, n, x = "Ada", 42, 3.14159
print(f"{name} is {n} years", f"{x:.2f}", f"{n:05d}", f"{n:>6}|", f"{n:<6}|", f"{n:^6}|", f"{name!r}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {1234567:,} {1234567:_} {-5:+d} {5:+d}")
print(f"{x:e} {x:.3g} {x:10.4f}| {0.5:%} {0.25:.1%} {1e20:g} {123.0:g} {1e-5:g}")
print(f"{'left':*<10}{'mid':-^9}{'right':>8}", f"{3.0}", f"{1/3}", f"{10**20}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|", f"{{literal}}", f"{n=}", f"{name.upper()}", f"{[1, 2][0]}")
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>5}".format("r"))
print("{0[0]} {0[1]}".format([7, 8]), "{:.1f}".format(2.25), "{:,.2f}".format(1234567.891), format(255, "08b"))
print("%d items cost %.2f" % (3, 9.5), "%5s|%-5s|" % ("a", "b"), "%x %o %e" % (255, 8, 12345.678), "%%")
print("%(a)s and %(b)d" % {"a": "x", "b": 2}, "%c%c" % (72, "i"), "%.3s" % "abcdef", "%03d" % 7)
print(format(1234.5, ",.1f"), format("s", "^5"), format(0.000012345, ".3e"), f"{2**64:,}")
