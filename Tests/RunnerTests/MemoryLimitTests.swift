// The memory limit counts the run's live objects: every object charges a per-run meter when it
// is made and credits it when it is freed. These bombs are each made of one kind of small
// object, the kind a sampled-RSS check used to catch and per-object accounting must catch now;
// the churn program allocates far more than the limit in total but holds little at once.
import Testing
@testable import Runner

private let bombs: [(String, String)] = [
    ("many short strings", """
    hoard = []
    i = 0
    while True:
        hoard.append("x" * 20 + str(i))
        i += 1
    """),
    ("instances with attributes", """
    class P:
        def __init__(self, i):
            self.a = i
            self.b = [i]
    hoard = []
    while True:
        hoard.append(P(len(hoard)))
    """),
    ("dict of tuples", """
    d = {}
    i = 0
    while True:
        d[i] = (i, i)
        i += 1
    """),
    ("closures", """
    fs = []
    i = 0
    while True:
        fs.append(lambda x=i: x)
        i += 1
    """),
    ("nested comprehension", "big = [[j for j in range(100)] for i in range(10**7)]"),
    ("set of strings", """
    s = set()
    i = 0
    while True:
        s.add(str(i) * 3)
        i += 1
    """),
    ("small lists", """
    hoard = []
    while True:
        hoard.append([0] * 50)
    """),
    ("list bomb", "x = [0] * 10 ** 9"),
    ("str bomb", "s = 'a' * 10 ** 10"),
    ("int bomb", "x = 10 ** 10 ** 8"),
]

@Test(arguments: bombs.map(\.0))
func memoryBombStopsAtTheLimit(_ name: String) throws {
    let source = try #require(bombs.first { $0.0 == name }?.1)
    let result = try SnippetRunner.run(source: source, limits: RunLimits(steps: 200_000_000, wallMilliseconds: 30_000, memoryBytes: 16 << 20))
    #expect(result.outcome == .limit, "\(name): \(result.outcome)")
    #expect(result.limit == .memory, "\(name): \(String(describing: result.limit))")
}

@Test func freedObjectsAreCreditedBack() throws {
    // About 40 MB allocated over the run, never more than a few KB live: well within 4 MB.
    let source = """
    total = 0
    for i in range(10000):
        l = [i] * 100
        s = "y" * 2000 + str(i)
        d = {"k": l, "s": s}
        total += len(l) + len(s) + len(d)
    print(total)
    """
    let result = try SnippetRunner.run(source: source, limits: RunLimits(steps: 50_000_000, wallMilliseconds: 30_000, memoryBytes: 4 << 20))
    #expect(result.outcome == .completed, "\(result.outcome) \(String(describing: result.limit))")
    #expect(result.stdout == "21058890\n")
}

@Test func aRunAfterABombStartsWithAFreshMeter() throws {
    let bomb = try SnippetRunner.run(source: "hoard = []\nwhile True:\n    hoard.append([0] * 50)\n",
                                     limits: RunLimits(steps: 100_000_000, memoryBytes: 8 << 20))
    #expect(bomb.limit == .memory)
    let next = try SnippetRunner.run(source: "x = [list(range(100)) for _ in range(1000)]\nprint(len(x))\n",
                                     limits: RunLimits(memoryBytes: 8 << 20))
    #expect(next.outcome == .completed)
    #expect(next.stdout == "1000\n")
}

@Test func meterCountsLiveObjectsOnly() {
    let meter = MemoryMeter(limit: 1 << 20)
    MemoryMeter.setCurrent(meter)
    defer { MemoryMeter.setCurrent(nil) }
    var lists: [PyList] = []
    for i in 0..<100 { lists.append(PyList([.int(i), .int(i)])) }
    let held = meter.live
    #expect(held >= 100 * (MemoryMeter.objectBytes(.list) + 32))
    lists.removeAll()
    #expect(meter.live == 0)
    #expect(meter.peak == held)
}
