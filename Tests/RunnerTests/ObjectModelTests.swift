// Unit tests of the object model that need no Python: BigInt arithmetic identities, CPython's
// float repr rules, the set-order emulation, and the never-crash promises on hostile inputs.
import Testing
@testable import Runner

@Test func bigIntDivModIdentity() {
    // q * b + r == a and 0 <= r < |b| with r carrying b's sign, over a deterministic sample.
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int(truncatingIfNeeded: seed >> 1) >> Int(seed % 40)
    }
    for _ in 0..<300 {
        let a = BigInt.pow(BigInt(next()), 3) + BigInt(next())
        let bRaw = next()
        let b = bRaw == 0 ? BigInt(7) : BigInt(bRaw) * BigInt(next() | 1)
        let (q, r) = BigInt.divMod(a, b)
        #expect(q * b + r == a)
        #expect(r.isZero || r.negative == b.negative)
        #expect(BigInt.compare(r.negative ? -r : r, b.negative ? -b : b) < 0)
    }
}

@Test func bigIntDecimalRoundTrip() {
    let text = "-123456789012345678901234567890123456789"
    let b = BigInt(text: Substring(text), radix: 10)
    #expect(b?.description == text)
    #expect(BigInt.pow(BigInt(2), 100).description == "1267650600228229401496703205376")
    #expect(((BigInt(1) << 70) >> 69).asInt == 2)
    #expect((-(BigInt(1) << 65) >> 64).asInt == -2)
    #expect(BigInt.bitwise(BigInt(-(1 << 40)), BigInt(0xFFFF), &).asInt == 0)
    #expect(BigInt(Int.min).asInt == Int.min)
}

@Test(arguments: [
    (0.1, "0.1"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1.5e-5, "1.5e-05"), (0.0001, "0.0001"),
    (-0.0, "-0.0"), (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
    (123456789.0, "123456789.0"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (0.30000000000000004, "0.30000000000000004"), (100.0, "100.0"), (1e22, "1e+22"),
])
func floatReprMatchesCPython(_ value: Double, _ expected: String) {
    #expect(FloatRepr.repr(value) == expected)
}

@Test func smallIntSetOrderMatchesCPython() {
    // Orders printed by CPython 3.12 for these literal sets.
    #expect(CPythonSetOrder.order([3, 1, 2]) == [1, 2, 3])
    #expect(CPythonSetOrder.order([10, 5, 100, 7]) == [10, 100, 5, 7])
    #expect(CPythonSetOrder.order([5, 3, 9, 1, 100, 33]) == [1, 33, 3, 100, 5, 9])
}

@Test func hostileInputsEndWithOutcomes() throws {
    let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let r1 = try SnippetRunner.run(source: "x = \(deep)\n")
    #expect(r1.outcome != .completed || r1.stdout.isEmpty)
    let r2 = try SnippetRunner.run(source: "def f(n):\n    return f(n + 1)\nf(0)\n")
    #expect(r2.outcome == .exception && r2.exception?.type == "RecursionError")
    let r3 = try SnippetRunner.run(source: "while True:\n    pass\n", limits: RunLimits(steps: 10_000))
    #expect(r3.outcome == .limit && r3.limit == .steps)
    let r4 = try SnippetRunner.run(source: "x = 'a' * 10**10\n")
    #expect(r4.outcome == .limit && r4.limit == .memory)
    let r4b = try SnippetRunner.run(source: "x = 10 ** 1000000\n")
    #expect(r4b.outcome == .limit && r4b.limit == .memory)
    let r5 = try SnippetRunner.run(source: "import os\n")
    #expect(r5.outcome == .sandbox && r5.exception?.message.contains("'os'") == true)
    let r6 = try SnippetRunner.run(source: "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n")
    #expect(r6.outcome == .deadlock)
}

@Test func cancellationStopsARun() {
    let flag = CancellationFlag()
    flag.cancel()
    #expect(throws: RunCancelled.self) {
        _ = try SnippetRunner.run(source: "while True:\n    pass\n", cancellation: flag)
    }
}

@Test func concurrentRunsDoNotInterfere() async throws {
    // The daemon may run several snippets at once: builtin types are shared, everything else is per run.
    let source = """
    import asyncio
    from dataclasses import dataclass
    @dataclass
    class Job:
        name: str
        delay: float
    async def run(job):
        await asyncio.sleep(job.delay)
        return {job.name: len(job.name) * 2 ** 70}
    async def main():
        results = await asyncio.gather(*(run(Job(f"job{i}", i / 10)) for i in range(5)))
        print(results, sorted({"b": 1, "a": 2}.items()), f"{3.14159:.2f}")
    asyncio.run(main())
    """
    let expected = try SnippetRunner.run(source: source).stdout
    #expect(expected.contains("job4"))
    let outputs = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<6 { group.addTask { try SnippetRunner.run(source: source).stdout } }
        var all: [String] = []
        for try await out in group { all.append(out) }
        return all
    }
    #expect(outputs.count == 6)
    #expect(outputs.allSatisfy { $0 == expected })
}
