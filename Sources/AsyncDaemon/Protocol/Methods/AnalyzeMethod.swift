import Analyzer

/// `async/analyze`: lint one Python source text.
///
/// - params: `{"source": string, "uri"?: string}` (other members are -32602).
/// - result: `{"diagnostics": [Diagnostic]}`, LSP `Diagnostic`s whose ranges use the negotiated
///   position encoding (UTF-16 before or without `initialize`).
/// - errors: -32602 for missing/mistyped params; -32603 while the analyzer is not implemented yet.
///
/// Example: `{"jsonrpc":"2.0","id":1,"method":"async/analyze","params":{"source":"await f()\n"}}`
enum AnalyzeMethod {
    static let name = "async/analyze"

    struct Params: Sendable, Equatable {
        var source: String
        var uri: String?
    }

    static func decode(_ params: JSONValue?) throws(ProtocolError) -> Params {
        let p = try ParamsDecoder(params, allowed: ["source", "uri"])
        return Params(source: try p.string("source"), uri: try p.optionalString("uri"))
    }

    static func analyze(_ params: Params, context: RequestContext) throws(ProtocolError) -> JSONValue {
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try context.services.check(params.source, params.uri.flatMap(filePath(fromURI:)))
        } catch {
            throw ProtocolError.from(error)
        }
        return ResultEncoding.analyzeResult(diagnostics, source: params.source, encoding: context.positionEncoding, uri: params.uri)
    }

    /// The path of a `file://` URI (percent-decoded), `nil` for other schemes.
    static func filePath(fromURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Array(uri.utf8.dropFirst("file://".count))
        // `file://host/path`: keep the path only.
        if let slash = rest.firstIndex(of: UInt8(ascii: "/")) { rest = Array(rest[slash...]) } else { return nil }
        var bytes: [UInt8] = []
        var i = 0
        while i < rest.count {
            if rest[i] == UInt8(ascii: "%"), i + 2 < rest.count, let hi = hexValue(rest[i + 1]), let lo = hexValue(rest[i + 2]) {
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(rest[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
