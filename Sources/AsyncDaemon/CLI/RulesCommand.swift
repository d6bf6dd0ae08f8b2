import Analyzer

/// `asyncd rules [CODE]`: list the rules (code, name, severity, summary in aligned columns), or
/// print one rule's documentation. Exit 0, or 2 for an unknown code.
enum RulesCommand {
    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Output.out(HelpText.rules)
            return 0
        }
        guard arguments.count <= 1 else {
            Output.err("usage: asyncd rules [CODE]")
            return 2
        }
        let rules = Linter.rules
        if let code = arguments.first {
            guard let rule = rules.first(where: { $0.code.uppercased() == code.uppercased() }) else {
                Output.err("asyncd rules: unknown rule code '\(code)'")
                return 2
            }
            Output.out(Output.paint("\(rule.code) \(rule.name)", .bold) + " (\(rule.severity.label))")
            Output.out("")
            Output.out(rule.documentation)
            return 0
        }
        if rules.isEmpty {
            Output.err("asyncd rules: no rules are registered yet")
            return 0
        }
        let rows = rules.map { [$0.code, $0.name, $0.severity.label, $0.summary] }
        Output.out(Output.table(rows, styles: [.bold, .cyan, nil, nil]).joined(separator: "\n"))
        return 0
    }
}
