import Foundation
import Testing
@testable import AsyncDaemon

/// The method registry, protocol.md, README.md and `--help` must tell the same story.
@Suite struct DocumentationTests {
    private func read(_ name: String) throws -> String {
        try String(contentsOf: TestPaths.root.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func registryIsAlphabetical() {
        let names = MethodRegistry.methods.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
    }

    @Test func registryProtocolAndHelpNameTheSameMethods() throws {
        let registry = Set(MethodRegistry.methods.map(\.name))
        let protocolText = try read("protocol.md")
        let headings = Set(protocolText.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        })
        #expect(headings == registry, "protocol.md: \(headings.symmetricDifference(registry))")
        let help = HelpText.main
        for name in registry { #expect(help.contains("  \(name) ("), "--help lacks \(name)") }
        let helpMethods = help.split(separator: "\n").filter { $0.hasPrefix("  ") && ($0.hasSuffix(" request)") || $0.hasSuffix(" notification)") || $0.hasSuffix("(request)") || $0.hasSuffix("(notification)")) }
        #expect(helpMethods.count == registry.count)
    }

    @Test func everyDispatchedMethodIsRegistered() {
        // A request for each registered request method is never "method not found".
        for (name, kind) in MethodRegistry.methods where kind == .request {
            let t = InProcess.serve(ndjson: [#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
                                             #"{"jsonrpc":"2.0","id":2,"method":"\#(name)","params":{}}"#])
            let reply = t.replies.first { $0["id"] == .int(2) }
            #expect(reply?["error"]?["code"] != .int(-32601), "\(name)")
        }
    }

    @Test func protocolLSPExamplesHaveRightContentLengths() throws {
        let text = try read("protocol.md")
        let pattern = /Content-Length: (\d+)(?:\\r\\n\\r\\n|\\r\\n\n\\r\\n\n)([^`\n]+)/
        var count = 0
        for match in text.matches(of: pattern) {
            count += 1
            #expect(Int(match.1) == match.2.utf8.count, "\(match.2)")
            // And the body is a valid request the daemon answers or accepts.
            #expect((try? JSONParser.parse(String(match.2))) != nil)
        }
        #expect(count >= 9)
    }

    @Test func protocolNDJSONExamplesAreValidRequests() throws {
        let text = try read("protocol.md")
        var count = 0
        for match in text.matches(of: /'(\{"jsonrpc":"2\.0"[^']*\})'/) {
            count += 1
            let value = try JSONParser.parse(String(match.1))
            if case .invalid = IncomingMessage.classify(value) { Issue.record("invalid example \(match.1)") }
        }
        #expect(count >= 10)
    }

    @Test func readmeDocumentsEveryOptionOfHelp() throws {
        let readme = try read("README.md")
        let helps = [HelpText.main, HelpText.serve, HelpText.check, HelpText.run, HelpText.lookup, HelpText.rules, HelpText.parse]
        let options = Set(helps.joined(separator: "\n").matches(of: /--[a-z]+/).map { String($0.0) })
        #expect(options.isSuperset(of: ["--format", "--timeline", "--limit", "--dump", "--stdio", "--help", "--version"]))
        for option in options { #expect(readme.contains(option), "README lacks \(option)") }
        for command in ["asyncd check", "asyncd run", "asyncd lookup", "asyncd rules", "asyncd parse", "asyncd serve"] {
            #expect(readme.contains(command))
        }
        #expect(readme.contains("swift build -c release && .build/release/asyncd check examples/"))
        #expect(readme.contains("./scripts/test"))
    }

    @Test func ciRunsTheReadmeTestCommand() throws {
        let ci = try read(".ci/run")
        #expect(ci.contains("exec ./scripts/test"))
    }
}
