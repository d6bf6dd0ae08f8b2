s = "naïve café ☕ 日本"
print(len(s), [c for c in s if not c.isascii()], s.upper(), s[6:10], s.split())
print(list(reversed("abc")), "".join(sorted("python")), "ab" in "cab", "a" * 3 + "b" * 2)
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(ord("€"), chr(8364), "\u20ac", "tab\there".expandtabs(4), repr("\u200b"), "\N{GREEK SMALL LETTER ALPHA}")
print(" ".join(w.capitalize() for w in "the old man".split()), "-".join("abc"), "a,b,c".split(",", 1))
