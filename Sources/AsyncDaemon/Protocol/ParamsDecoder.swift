/// Reads a method's by-name `params` object into typed values; every mismatch is a -32602
/// (JSON-RPC 2.0 §5.1 "Invalid method parameter(s)") naming the member and what was expected.
///
/// `strict` rejects members the method does not define (the `async/*` methods, so that a typo such
/// as `"qeury"` is reported instead of silently ignored); LSP methods are read leniently because
/// clients send many optional members the daemon does not use.
struct ParamsDecoder {
    let object: JSONObject
    let path: String

    init(_ params: JSONValue?, allowed: Set<String>? = nil, required: Bool = true, path: String = "params") throws(ProtocolError) {
        switch params {
        case .object(let object)?:
            self.object = object
        case nil where !required:
            self.object = JSONObject()
        case nil:
            throw .invalidParams("\(path) must be an object")
        case .array?:
            throw .invalidParams("\(path) must be an object (by-name parameters), not an array")
        case let other?:
            throw .invalidParams("\(path) must be an object, got \(other.typeName)")
        }
        self.path = path
        if let allowed, let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw .invalidParams("unknown member '\(unknown)' in \(path)")
        }
    }

    private func describe(_ key: String) -> String { path == "params" ? "'\(key)'" : "'\(path).\(key)'" }

    func string(_ key: String) throws(ProtocolError) -> String {
        guard let value = object[key] else { throw .invalidParams("missing \(describe(key))") }
        guard case .string(let s) = value else { throw .invalidParams("\(describe(key)) must be a string, got \(value.typeName)") }
        return s
    }

    func optionalString(_ key: String) throws(ProtocolError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let s) = value else { throw .invalidParams("\(describe(key)) must be a string, got \(value.typeName)") }
        return s
    }

    /// An integer in `range`; integral numbers written as `10.0` are accepted.
    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(ProtocolError) -> Int? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let n) = value, let int = n.intValue else {
            throw .invalidParams("\(describe(key)) must be an integer, got \(value.typeName == "number" ? "a non-integer number" : value.typeName)")
        }
        guard range.contains(int) else {
            throw .invalidParams("\(describe(key)) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return int
    }

    func optionalDouble(_ key: String, in range: ClosedRange<Double>) throws(ProtocolError) -> Double? {
        guard let value = object[key], value != .null else { return nil }
        guard case .number(let n) = value, let d = n.doubleValue, d.isFinite else {
            throw .invalidParams("\(describe(key)) must be a number, got \(value.typeName)")
        }
        guard range.contains(d) else {
            throw .invalidParams("\(describe(key)) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return d
    }

    func optionalObject(_ key: String, allowed: Set<String>? = nil) throws(ProtocolError) -> ParamsDecoder? {
        guard let value = object[key], value != .null else { return nil }
        return try ParamsDecoder(value, allowed: allowed, path: path == "params" ? key : "\(path).\(key)")
    }
}
