text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print(len(words), len(set(words)), max(words, key=len), sorted({len(w) for w in words}))
lines = text.splitlines()
print([len(l) for l in lines], lines[1].title(), " | ".join(l[:10] for l in lines))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "-".join(reversed(text.split()[:4])), text.count("it was"), text.find("age"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello, world")
print(caesar)
