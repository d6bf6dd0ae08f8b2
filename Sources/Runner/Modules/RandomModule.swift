// `random`: the Mersenne Twister exactly as CPython runs it (`Modules/_randommodule.c`:
// init_by_array seeding from the absolute value of an int seed, 53-bit `random()`), and
// `Lib/random.py`'s algorithms on top (`_randbelow_with_getrandbits`, shuffle, choice, uniform),
// so `random.seed(0)` gives CPython's numbers. The oracle starts every run with seed 0.

final class MersenneTwister: @unchecked Sendable {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625

    init(seed: BigInt) { seedWith(seed) }

    func seedWith(_ seed: BigInt) {
        var key = (seed.negative ? -seed : seed).limbs
        if key.isEmpty { key = [0] }
        initGenrand(19650218)
        var i = 1, j = 0
        var k = max(624, key.count)
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = 623
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            k -= 1
        }
        mt[0] = 0x8000_0000
    }

    private func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1812433253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    func next32() -> UInt32 {
        if index >= 624 {
            for kk in 0..<624 {
                let y = (mt[kk] & 0x8000_0000) | (mt[(kk + 1) % 624] & 0x7fff_ffff)
                mt[kk] = mt[(kk + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_b0df)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= (y >> 18)
        return y
    }

    func random() -> Double {
        let a = next32() >> 5, b = next32() >> 6
        return (Double(a) * 67108864.0 + Double(b)) * (1.0 / 9007199254740992.0)
    }

    func getrandbits(_ k: Int) -> BigInt {
        if k <= 0 { return BigInt(0) }
        if k <= 32 { return BigInt(Int(next32() >> UInt32(32 - k))) }
        var limbs: [UInt32] = []
        var remaining = k
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            limbs.append(r)
            remaining -= 32
        }
        return BigInt(limbs: limbs, negative: false)
    }

    /// `_randbelow_with_getrandbits(n)`.
    func randbelow(_ n: BigInt) -> BigInt {
        let k = n.bitLength
        var r = getrandbits(k)
        while BigInt.compare(r, n) >= 0 { r = getrandbits(k) }
        return r
    }
}

enum RandomModule {
    static func make(_ vm: VM) -> [String: Value] {
        let rng = vm.random
        @Sendable func below(_ vm: VM, _ n: Int) -> Int { rng.randbelow(BigInt(n)).asInt ?? 0 }
        return [
            "seed": native("seed") { vm, a, _ in
                let s = a.first ?? .none
                if let i = vm.intValue(s) { rng.seedWith(i.big) } else if case .float(let d) = s { rng.seedWith(BigInt(Int(d.bitPattern & 0x7fff_ffff_ffff_ffff))) } else if s.isNone { rng.seedWith(BigInt(0)) } else {
                    rng.seedWith(BigInt(abs(try vm.pyHash(s))))
                }
                return .none
            },
            "random": native("random") { _, _, _ in .float(rng.random()) },
            "getrandbits": native("getrandbits") { vm, a, _ in try vm.makeInt(rng.getrandbits(try vm.intArg(a[0]))) },
            "randrange": native("randrange") { vm, a, _ in try RandomModule.randrange(vm, rng, a) },
            "randint": native("randint") { vm, a, _ in
                try vm.expectArgs(a, "randint", min: 2, max: 2)
                return try RandomModule.randrange(vm, rng, [a[0], try vm.binaryOp(a[1], .int(1), .add)])
            },
            "choice": native("choice") { vm, a, _ in
                try vm.expectArgs(a, "choice", min: 1, max: 1)
                let n = try vm.length(a[0])
                if n == 0 { throw vm.error(BuiltinTypes.indexError, "Cannot choose from an empty sequence") }
                return try vm.getItem(a[0], .int(below(vm, n)))
            },
            "shuffle": native("shuffle") { vm, a, _ in
                guard let l = a.first?.asObject as? PyList else { throw vm.error(BuiltinTypes.typeError, "shuffle() needs a list") }
                var i = l.items.count - 1
                while i >= 1 {
                    let j = below(vm, i + 1)
                    l.items.swapAt(i, j)
                    i -= 1
                }
                return .none
            },
            "uniform": native("uniform") { vm, a, _ in
                let x = try vm.toFloatStrict(a[0]), y = try vm.toFloatStrict(a[1])
                return .float(x + (y - x) * rng.random())
            },
            "sample": native("sample") { vm, a, kw in
                let pool = try vm.iterate(a[0])
                let k = try vm.intArg(a.count > 1 ? a[1] : (vm.kwarg(kw, "k") ?? .int(0)))
                let n = pool.count
                if k < 0 || k > n { throw vm.error(BuiltinTypes.valueError, "Sample larger than population or is negative") }
                var result = [Value](repeating: .none, count: k)
                var setsize = 21
                if k > 5 { var p = 1; while p <= k * 3 { p *= 4 }; setsize += p }
                if n <= setsize {
                    var copy = pool
                    for i in 0..<k {
                        let j = below(vm, n - i)
                        result[i] = copy[j]
                        copy[j] = copy[n - i - 1]
                    }
                } else {
                    var selected = Set<Int>()
                    for i in 0..<k {
                        var j = below(vm, n)
                        while selected.contains(j) { j = below(vm, n) }
                        selected.insert(j)
                        result[i] = pool[j]
                    }
                }
                return .object(PyList(result))
            },
        ]
    }

    static func randrange(_ vm: VM, _ rng: MersenneTwister, _ a: [Value]) throws -> Value {
        try vm.expectArgs(a, "randrange", min: 1, max: 3)
        let ints = try a.map { v -> BigInt in
            guard let i = vm.intValue(v) else { throw vm.error(BuiltinTypes.typeError, "'\(v.typeName)' object cannot be interpreted as an integer") }
            return i.big
        }
        if ints.count == 1 {
            if BigInt.compare(ints[0], BigInt(0)) <= 0 { throw vm.error(BuiltinTypes.valueError, "empty range for randrange()") }
            return try vm.makeInt(rng.randbelow(ints[0]))
        }
        let start = ints[0], stop = ints[1]
        let step = ints.count == 3 ? ints[2] : BigInt(1)
        let width = stop - start
        if step == BigInt(1) {
            if BigInt.compare(width, BigInt(0)) <= 0 {
                throw vm.error(BuiltinTypes.valueError, "empty range in randrange(\(start), \(stop))")
            }
            return try vm.makeInt(start + rng.randbelow(width))
        }
        if step.isZero { throw vm.error(BuiltinTypes.valueError, "zero step for randrange()") }
        let n = step.negative ? BigInt.divMod(width + step + BigInt(1), step).0 : BigInt.divMod(width + step - BigInt(1), step).0
        if BigInt.compare(n, BigInt(0)) <= 0 { throw vm.error(BuiltinTypes.valueError, "empty range for randrange()") }
        return try vm.makeInt(start + step * rng.randbelow(n))
    }
}
