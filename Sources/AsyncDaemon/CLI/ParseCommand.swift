import Analyzer

/// `asyncd parse --dump FILE|-`: print the AST in the one-line format of CPython's
/// `ast.dump(tree, include_attributes=True)`. Syntax errors are printed as `E999` diagnostics
/// like `check` prints them, with exit 1; usage errors and a missing parser exit 2.
enum ParseCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var dump = false
        var paths: [String] = []
        var scanner = ArgumentScanner(arguments)
        do {
            while let item = try scanner.next(takesValue: []) {
                switch item {
                case .option("--dump", _): dump = true
                case .option("--help", _), .option("-h", _):
                    Output.out(HelpText.parse)
                    return 0
                case .option(let name, _): throw FileAccess.Failure(description: "asyncd parse: unknown option '\(name)'")
                case .positional(let path): paths.append(path)
                }
            }
        } catch {
            Output.err("\(error)")
            return 2
        }
        guard dump, paths.count == 1, let path = paths.first else {
            Output.err("usage: asyncd parse --dump FILE|-")
            return 2
        }
        let source: String
        do {
            source = try FileAccess.readText(path)
        } catch {
            Output.err("asyncd parse: \(error.description)")
            return 2
        }
        let result: ParseResult
        do {
            result = try PythonFrontEnd.parse(source)
        } catch let error as NotImplementedYet {
            Output.err("asyncd: \(error.description)")
            return 2
        } catch {
            Output.err("asyncd parse: \(error)")
            return 2
        }
        if !result.diagnostics.isEmpty {
            let file = CheckCommand.CheckedFile(path: path, source: source, diagnostics: result.diagnostics)
            Output.out(CheckCommand.textLines([file], color: Output.useColor).joined(separator: "\n"))
            Output.out(CheckCommand.summary([file]))
            return 1
        }
        Output.out(PythonFrontEnd.dump(result.module))
        return 0
    }
}
