def window(seq, n):
    it = iter(seq)
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
def interleave(*its):
    iters = [iter(i) for i in its]
    while iters:
        nxt = []
        for it in iters:
            try:
                yield next(it)
                nxt.append(it)
            except StopIteration:
                pass
        iters = nxt
print(list(window(range(6), 3)), list(chunks("abcdefg", 3)), list(interleave([1, 2, 3], "ab", [None])))
import itertools
print(list(itertools.product("ab", [1, 2])), list(itertools.zip_longest([1, 2], "a", fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.islice(itertools.cycle("xy"), 5)), list(itertools.repeat(7, 3)), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)))
