// The runner's only link to Foundation. With swift-foundation (Linux, Swift 6) it uses
// FoundationEssentials, which needs neither ICU nor the rest of Foundation: linking full
// Foundation costs the daemon several MiB of resident memory for a few string helpers. The
// helpers Essentials lacks are defined here, for the forms the runner uses. Re-exported, so the
// runner's files need no import of their own.
#if canImport(FoundationEssentials) && canImport(Glibc)
@_exported import FoundationEssentials
@_exported import Dispatch
@_exported import Glibc

extension String {
    /// `printf`-style formatting of C scalars (`%02x`, `%.3f`, `%#.6g`), through `vsnprintf`.
    init(format: String, _ arguments: any CVarArg...) {
        self = withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: 512)
            let needed = Int(vsnprintf(&buffer, buffer.count, format, list))
            guard needed >= buffer.count else { return String(cString: buffer) }
            return withVaList(arguments) { again in
                var large = [CChar](repeating: 0, count: needed + 1)
                _ = vsnprintf(&large, large.count, format, again)
                return String(cString: large)
            }
        }
    }
}

/// The C math functions under the module-qualified names the runner spells
/// (`Foundation.pow(a, b)`), here forwarding to the C library as Foundation does.
enum Foundation {
    static func floor(_ x: Double) -> Double { Glibc.floor(x) }
    static func ceil(_ x: Double) -> Double { Glibc.ceil(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    static func atan2(_ y: Double, _ x: Double) -> Double { Glibc.atan2(y, x) }
    static func sqrt(_ x: Double) -> Double { Glibc.sqrt(x) }
    static func copysign(_ x: Double, _ y: Double) -> Double { Glibc.copysign(x, y) }
    static func fmod(_ x: Double, _ y: Double) -> Double { Glibc.fmod(x, y) }
    static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    static func tan(_ x: Double) -> Double { Glibc.tan(x) }
    static func asin(_ x: Double) -> Double { Glibc.asin(x) }
    static func acos(_ x: Double) -> Double { Glibc.acos(x) }
    static func atan(_ x: Double) -> Double { Glibc.atan(x) }
    static func log(_ x: Double) -> Double { Glibc.log(x) }
    static func log10(_ x: Double) -> Double { Glibc.log10(x) }
    static func log2(_ x: Double) -> Double { Glibc.log2(x) }
}

/// The two sets `trimmingCharacters(in:)` is called with (Foundation's definitions: Unicode
/// space separators and tab; with newlines also U+000A–U+000D, U+0085 and the line and
/// paragraph separators).
struct CharacterSet: Sendable {
    let contains: @Sendable (Unicode.Scalar) -> Bool

    static let whitespaces = CharacterSet { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    static let whitespacesAndNewlines = CharacterSet { scalar in
        switch scalar.value {
        case 0x09...0x0D, 0x85: return true
        default:
            let category = scalar.properties.generalCategory
            return category == .spaceSeparator || category == .lineSeparator || category == .paragraphSeparator
        }
    }
}

struct StringCompareOptions: OptionSet, Sendable {
    let rawValue: Int
    static let backwards = StringCompareOptions(rawValue: 4)
}

extension StringProtocol {
    func trimmingCharacters(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Every non-overlapping occurrence of `target`, left to right, compared scalar by scalar
    /// (as Python compares strings); an empty `target` changes nothing.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        var result = String.UnicodeScalarView()
        let scalars = Array(unicodeScalars), pattern = Array(target.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, scalars[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The first (or, `.backwards`, the last) occurrence of `target`, compared scalar by scalar.
    func range(of target: String, options: StringCompareOptions = []) -> Range<Index>? {
        let scalars = unicodeScalars, pattern = target.unicodeScalars
        var candidates = Array(scalars.indices) + [scalars.endIndex]
        if options.contains(.backwards) { candidates.reverse() }
        for start in candidates {
            var cursor = start
            var matched = true
            for expected in pattern {
                guard cursor < scalars.endIndex, scalars[cursor] == expected else { matched = false; break }
                cursor = scalars.index(after: cursor)
            }
            if matched { return start..<cursor }
        }
        return nil
    }
}

/// The part of Foundation's `Thread` the runner uses: a thread with a chosen stack size.
final class Thread: @unchecked Sendable {
    private let block: @Sendable () -> Void
    var stackSize = 0

    init(block: @escaping @Sendable () -> Void) { self.block = block }

    func start() {
        let entry = Unmanaged.passRetained(self).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            if let raw { Unmanaged<Thread>.fromOpaque(raw).takeRetainedValue().block() }
            return nil
        }, entry)
        if status != 0 {
            // No thread to be had: run the work here rather than leave the caller waiting.
            Unmanaged<Thread>.fromOpaque(entry).takeRetainedValue().block()
        }
    }
}
#else
@_exported import Foundation
#endif
