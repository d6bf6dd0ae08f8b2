/// Every rule of the contract's Rules table, sorted by code. `Linter.rules`, `asyncd rules` and
/// `docs/rules.md` are all generated from this list.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        AIO101AwaitOutsideAsync.self,
        AIO102AsyncSyntaxOutsideAsync.self,
        AIO103YieldFromInAsync.self,
        AIO104ReturnValueInAsyncGenerator.self,
        AIO201UnawaitedCoroutine.self,
        AIO202CoroutineUsedAsValue.self,
        AIO203CoroutineCalledFromSync.self,
        AIO204AsyncioRunInAsync.self,
        AIO205DanglingTask.self,
        AIO206AwaitNonAwaitable.self,
        AIO301SequentialAwaits.self,
        AIO302AsyncWithoutAwait.self,
        AIO401BlockingCallInAsync.self,
    ]

    public static func rule(code: String) -> (any Rule.Type)? {
        rules.first { $0.code == code.uppercased() }
    }

    /// `docs/rules.md`: the rules table, then each rule's documentation.
    public static func markdown() -> String {
        var text = """
        # asyncd rules

        <!-- Generated from the rules' documentation in Sources/Analyzer/Rules by `RuleRegistry.markdown()`.
             Do not edit: run `ASYNCD_REGENERATE_DOCS=1 swift test --filter RuleDocsTests` instead. -->

        | code | name | severity | what it marks |
        |---|---|---|---|

        """
        for rule in rules {
            text += "| \(rule.code) | \(rule.name) | \(rule.severity.label) | \(rule.summary.replacingPipes) |\n"
        }
        for rule in rules {
            let body = rule.documentation.markdown.replacingOccurrencesOfHeadingLevel
            text += "\n## \(rule.code) \(rule.name)\n\n\(rule.summary)\n\nSeverity: \(rule.severity.label). Quick reference: `\(rule.reference)`.\n\n\(body)\n"
        }
        return text
    }
}

extension String {
    fileprivate var replacingPipes: String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }

    /// Demotes `## Heading` to `### Heading` for nesting under a rule's heading.
    fileprivate var replacingOccurrencesOfHeadingLevel: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("## ") ? "#" + line : String(line)
        }.joined(separator: "\n")
    }
}
