#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Workspace {
    /// The workspace's first pass: a file's summary from its bytes, without decoding it.
    static func scanSummary(_ bytes: [UInt8]) -> ModuleSummary {
        bytes.withUnsafeBufferPointer { ModuleSummary.scan(utf8: $0) }
    }

    /// Whether `bytes` contain one of `RuleContext.asyncWords` (`async`, `await`, `aiohttp`,
    /// `httpx`, `aiofiles`) anywhere, as `RuleContext.containsAny` finds them, but by `memchr`
    /// for a rare byte of each word rather than a look at every byte.
    static func hasAsyncWords(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            ModuleSummary.contains(buffer, "async", anchor: 2) || ModuleSummary.contains(buffer, "await", anchor: 1)
                || ModuleSummary.contains(buffer, "httpx", anchor: 4) || ModuleSummary.contains(buffer, "aiohttp", anchor: 3)
                || ModuleSummary.contains(buffer, "aiofiles", anchor: 3)
        }
    }
}

extension ModuleSummary {
    /// Offers no function: resolves no import.
    var isEmpty: Bool { coroutineFunctions.isEmpty && plainFunctions.isEmpty }

    /// `scan(_:)` over UTF-8 bytes. Byte by byte: the language server scans every open document
    /// on each change and `asyncd check` every file of a tree, and making a `String` of every
    /// line cost more than the rest of the scan. Only a name with non-ASCII letters is decoded,
    /// so that it is read with `Character`'s rules (PEP 3131 names).
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ModuleSummary {
        var summary = ModuleSummary()
        // Only coroutine functions matter to importers; without "async" there are none.
        guard contains(bytes, "async", anchor: 2) else { return summary }
        var previousWasDecorator = false
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineStart < lineEnd else { continue }
            let first = bytes[lineStart]
            guard first == UInt8(ascii: "a") || first == UInt8(ascii: "d") || first == UInt8(ascii: "@") || first == UInt8(ascii: "c")
                    || first == UInt8(ascii: "i") || first == UInt8(ascii: "f") || first == UInt8(ascii: "_") else { continue }
            if first == UInt8(ascii: "@") {
                previousWasDecorator = true
                continue
            }
            let decorated = previousWasDecorator
            previousWasDecorator = false
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let isAsync = hasPrefix(line, "async def ")
            guard isAsync || hasPrefix(line, "def "), !decorated else { continue }
            var index = isAsync ? 10 : 4
            while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
            let nameStart = index
            while index < line.count, isASCIINameByte(line[index]) { index += 1 }
            let name: String
            if index < line.count, line[index] >= 0x80 {
                let rest = String(decoding: UnsafeBufferPointer(rebasing: line[nameStart...]), as: UTF8.self)
                name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }))
            } else {
                name = String(decoding: UnsafeBufferPointer(rebasing: line[nameStart..<index]), as: UTF8.self)
            }
            guard !name.isEmpty else { continue }
            if isAsync { summary.coroutineFunctions.insert(name) } else { summary.plainFunctions.insert(name) }
        }
        return summary
    }

    @inline(__always) private static func isASCIINameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    @inline(__always) private static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count, let base = line.baseAddress else { return false }
        return memcmp(base, prefix.utf8Start, count) == 0
    }

    /// Whether `word` occurs in `bytes`: `memchr` (vectorised) for the word's rarest byte,
    /// `anchor` (its index in `word`), then a comparison around each hit.
    static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ word: StaticString, anchor: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard anchor >= 0, anchor < length, let base = buffer.baseAddress, buffer.count >= length else { return false }
        let needle = word.utf8Start
        let anchorByte = Int32(needle[anchor])
        // Hits before `anchor` or too close to the end cannot start a whole word.
        var from = anchor
        let last = buffer.count - (length - anchor)  // last index the anchor byte may have
        while from <= last {
            guard let hit = memchr(base + from, anchorByte, last - from + 1) else { return false }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + (index - anchor), needle, length) == 0 { return true }
            from = index + 1
        }
        return false
    }
}
