// The public face of the Python front end: parse a file, dump its AST.
// The daemon (`asyncd parse --dump`, `async/analyze`) and the runner's compiler call only these.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thrown by entry points whose issue has not landed yet, so that callers can say so plainly.
public struct NotImplementedYet: Error, Sendable, CustomStringConvertible {
    public var feature: String
    public init(_ feature: String) { self.feature = feature }
    public var description: String { "\(feature) is not implemented yet" }
}

/// The outcome of parsing a file: always a module (error recovery fills the gaps) and the
/// `E999` syntax diagnostics. The first diagnostic is the error CPython 3.12 reports (same
/// line, same message where CPython has one); the others, found after resynchronising at later
/// statements, follow in source order. An empty `diagnostics` means CPython would accept it.
public struct ParseResult: Sendable {
    public var module: Module
    public var diagnostics: [Diagnostic]
    /// Byte ranges of every `#` comment (for `# noqa` and fixes), in source order.
    public var comments: [Range<Int>]
    /// The byte offsets, ascending, where the parser met an import statement inside a block
    /// (a superset of the tree's nested imports; nil when unknown): a walk looking for imports
    /// need not enter a statement whose range holds none of them.
    var nestedImportOffsets: [Int32]?

    public init(module: Module, diagnostics: [Diagnostic], comments: [Range<Int>] = []) {
        self.module = module
        self.diagnostics = diagnostics
        self.comments = comments
    }
}

public enum PythonFrontEnd {
    /// Parses Python 3.12 source (UTF-8, optionally with a BOM).
    public static func parse(_ source: String) throws -> ParseResult {
        parse(bytes: Array(source.utf8))
    }

    /// Parses UTF-8 bytes; never throws, never traps: syntax errors become `E999` diagnostics.
    public static func parse(bytes: [UInt8]) -> ParseResult {
        parse(bytes: bytes, onLargeStack: false)
    }

    /// Stack for the rare parse that nests deeper than the caller's thread allows (Swift
    /// concurrency's threads are small, debug frames are large): enough for `Parser.maxDepth`.
    static let largeStackSize = 64 << 20

    private static func parse(bytes: [UInt8], onLargeStack: Bool) -> ParseResult {
        let lexed = Lexer.tokenize(bytes, keepingTrivia: false)
        var parser = Parser(source: bytes, lexed: lexed)
        let module = parser.parseModule()
        if parser.ranOutOfStack && !onLargeStack {
            // Pathological nesting: parse again on a thread with a large stack, so the result
            // does not depend on which thread called us.
            return LargeStack.onNewThread(stackSize: largeStackSize) { parse(bytes: bytes, onLargeStack: true) }
        }
        var diagnostics = parser.diagnostics
        if containsNullByte(bytes) {
            // CPython refuses such source before tokenizing it (a SyntaxError without a line).
            let start = SourceLocation(line: 1, column: 0, offset: 0)
            diagnostics.insert(parser.makeDiagnostic("source code string cannot contain null bytes", SourceRange(at: start)), at: 0)
        } else if let message = EncodingDeclaration.error(in: bytes) {
            // CPython reports these at "line 0" (the whole file); asyncd points at line 1.
            let start = SourceLocation(line: 1, column: 0, offset: 0)
            diagnostics.insert(parser.makeDiagnostic(message, SourceRange(at: start)), at: 0)
        }
        var result = ParseResult(module: module, diagnostics: diagnostics, comments: parser.comments)
        result.nestedImportOffsets = parser.nestedImportOffsets
        return result
    }

    /// `memchr` (vectorised) rather than a byte-by-byte `contains`: this looks at every byte of every file.
    static func containsNullByte(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }

    /// The AST in the exact one-line format of CPython's `ast.dump(tree, include_attributes=True)`.
    public static func dump(_ module: Module) -> String {
        ASTDumper.dump(module)
    }
}
