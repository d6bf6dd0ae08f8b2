def p(s, base=10):
    try:
        return int(s, base)
    except ValueError as e:
        return f"ValueError: {e}"
print(p("42"), p("-7"), p("0b101", 0), p("ff", 16), p("z", 36), p("12a"), p(""), p("1__0"), p("0o17", 8))
print(float("1e3"), float("-.5"), float("inf"), float("  3.25 "))
for bad in ["abc", "1.2.3", ""]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
