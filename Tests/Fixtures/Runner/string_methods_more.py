s = "The quick brown fox"
print(s.split(" ", 2), s.count("o"), s.upper().lower() == s.lower(), s.title(), s.casefold())
print("a1b2".isalnum(), "Title Case".istitle(), "abc".isidentifier(), "1abc".isidentifier(), "ABC".isupper())
print("x".join("abc"), ", ".join(map(str, [1, 2, 3])), "tab\tsep".expandtabs(4), "hello"[1:-1])
print("mississippi".replace("ss", "SS"), "aaa".replace("a", "b", 1), "abc".replace("", "-"))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello world".find("o", 5), "hello".rfind("l"), "hello".rindex("l"))
print("%-10s|" % "left", "%+.3f" % 3.14159, "%5.1f%%" % 99.5, "% d" % 5, "%i" % 3.9)
print(str(123), str(-4.5), str([1, "a"]), str((1,)), str({"k": [1]}), str(None), str(True))
print("é".encode(), "naïve café".upper(), len("naïve"), "straße".upper(), "ǅ".lower())
print("Hello"[::-1], "a,b;c".replace(";", ",").split(","), " x ".strip() == "x", "abc" * 0 == "")
lines = """first
second
third"""
print(lines.splitlines(), len(lines), lines.count("\n"))
