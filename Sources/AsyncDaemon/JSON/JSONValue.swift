/// A JSON value (RFC 8259) as the daemon reads and writes it.
///
/// Numbers keep their exact source text (`JSONNumber`), so a request id such as
/// `9223372036854775807` or `-9007199254740993` is echoed byte for byte and never passes
/// through a `Double`. Objects keep their members in source order (an array of pairs): the
/// objects of the protocol are small, and ordered output makes replies stable and testable.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The member `key` of an object, `nil` for anything else.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var numberValue: JSONNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// A short name of the value's type, for "expected string, got array" messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// A JSON number kept as its validated literal text (RFC 8259 §6 grammar).
struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal as it appeared on the wire, or the canonical text of a number we built.
    let text: String

    /// Wraps text that the parser has already validated against the number grammar.
    init(validatedText: String) { self.text = validatedText }

    init(_ value: Int) { self.text = String(value) }

    /// Finite doubles print in Swift's shortest round-trip form; JSON has no NaN or
    /// infinity, so those become `0` (callers never produce them for the protocol).
    init(_ value: Double) {
        // Swift's shortest round-trip form (`0.5`, `1.0`, `1e-05`, `1e+16`) is valid JSON.
        self.text = value.isFinite ? value.description : "0"
    }

    /// True when the literal has no fraction and no exponent.
    var isIntegerLiteral: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// The value as an `Int` when it is an integer (`10`, or an integral `10.0`/`1e3`) in range.
    var intValue: Int? {
        if isIntegerLiteral { return Int(text) }
        guard let d = Double(text), d.isFinite, d == d.rounded(.towardZero),
              d >= -9.2e18, d <= 9.2e18 else { return nil }
        return Int(d)
    }

    var doubleValue: Double? { Double(text) }

    var description: String { text }
}

/// A JSON object: its members in source order. Lookups scan linearly (protocol objects hold a
/// handful of members); with duplicate keys the last one wins, as in ECMAScript's `JSON.parse`.
struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var members: [(key: String, value: JSONValue)]

    init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = elements.map { (key: $0.0, value: $0.1) }
    }

    subscript(key: String) -> JSONValue? {
        get {
            for member in members.reversed() where member.key == key { return member.value }
            return nil
        }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append((key: key, value: newValue)) }
        }
    }

    var keys: [String] { members.map(\.key) }
    var isEmpty: Bool { members.isEmpty }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
