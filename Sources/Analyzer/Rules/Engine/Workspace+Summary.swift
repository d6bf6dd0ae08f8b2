#if canImport(Glibc)
import Glibc
#endif

/// The workspace's first pass over bytes: `ModuleSummary.scan` without decoding each line
/// into a `String`. It gives the same summary line for line: ASCII lines are read as bytes;
/// a line with any other byte goes through `ModuleSummary.scan`'s own `String` rules (whose
/// `Character` comparisons see combining marks and non-ASCII letters).
extension Workspace {
    static func scanSummary(_ bytes: [UInt8]) -> ModuleSummary {
        // Only coroutine functions matter to importers; without "async" there are none.
        guard contains(bytes, "async", anchor: 2) else { return ModuleSummary() }
        var summary = ModuleSummary()
        var previousWasDecorator = false
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var lineStart = 0
            while lineStart <= count {
                var lineEnd = lineStart
                var ascii = true
                while lineEnd < count && buffer[lineEnd] != UInt8(ascii: "\n") {
                    if buffer[lineEnd] >= 0x80 { ascii = false }
                    lineEnd += 1
                }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                let first = buffer[lineStart]
                guard first == UInt8(ascii: "a") || first == UInt8(ascii: "d") || first == UInt8(ascii: "@") || first == UInt8(ascii: "c")
                        || first == UInt8(ascii: "i") || first == UInt8(ascii: "f") || first == UInt8(ascii: "_") else { continue }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if !ascii {
                    scanLine(String(decoding: line, as: UTF8.self), into: &summary, previousWasDecorator: &previousWasDecorator)
                    continue
                }
                if first == UInt8(ascii: "@") {
                    previousWasDecorator = true
                    continue
                }
                defer { previousWasDecorator = false }
                let isAsync = hasPrefix(line, "async def ")
                guard isAsync || hasPrefix(line, "def ") else { continue }
                var i = isAsync ? 10 : 4
                while i < line.count && line[i] == UInt8(ascii: " ") { i += 1 }
                let nameStart = i
                while i < line.count, isNameByte(line[i]) { i += 1 }
                guard i > nameStart, !previousWasDecorator else { continue }
                let name = String(decoding: UnsafeBufferPointer(rebasing: line[nameStart..<i]), as: UTF8.self)
                if isAsync { summary.coroutineFunctions.insert(name) } else { summary.plainFunctions.insert(name) }
            }
        }
        return summary
    }

    /// One line by `ModuleSummary.scan`'s `String` rules (for lines with non-ASCII text).
    private static func scanLine(_ text: String, into summary: inout ModuleSummary, previousWasDecorator: inout Bool) {
        if text.hasPrefix("@") {
            previousWasDecorator = true
            return
        }
        defer { previousWasDecorator = false }
        let isAsync = text.hasPrefix("async def ")
        guard isAsync || text.hasPrefix("def ") else { return }
        let rest = text.dropFirst(isAsync ? 10 : 4).drop(while: { $0 == " " })
        let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }))
        guard !name.isEmpty, !previousWasDecorator else { return }
        if isAsync { summary.coroutineFunctions.insert(name) } else { summary.plainFunctions.insert(name) }
    }

    /// ASCII letters, digits and `_`: what `Character.isLetter || isNumber || == "_"` accepts among ASCII bytes.
    @inline(__always) private static func isNameByte(_ byte: UInt8) -> Bool {
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
    static func contains(_ bytes: [UInt8], _ word: StaticString, anchor: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard anchor >= 0, anchor < length else { return false }
        let needle = word.utf8Start
        let anchorByte = Int32(needle[anchor])
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count >= length else { return false }
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
}

extension ModuleSummary {
    /// Offers no function: resolves no import.
    var isEmpty: Bool { coroutineFunctions.isEmpty && plainFunctions.isEmpty }
}
