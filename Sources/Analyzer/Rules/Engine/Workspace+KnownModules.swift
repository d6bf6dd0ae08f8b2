/// One file checked against summaries of the other modules a caller already knows (a language
/// server's workspace index), instead of re-reading and re-scanning the whole folder as
/// `Workspace.check` does. Imports resolve exactly as in `Workspace.check`.
extension Workspace {
    /// The diagnostics of `file`, its sibling-module imports resolved against `knownModules`
    /// (file path → summary, for example from `ModuleSummary.scan`).
    public static func check(_ file: File, knownModules: [String: ModuleSummary], selection: RuleSelection) throws -> [Diagnostic] {
        let folders = Folders(knownModules.map { path, summary in
            let (folder, module) = split(normalized(path))
            return (folder, module, summary)
        })
        let parsed = file.withBytes { PythonFrontEnd.parse(bytes: $0) }
        let imported = importNames(location: split(normalized(file.path)), module: parsed.module, folders: folders)
        return Linter.check(parsed: parsed, source: file.source, path: file.path, selection: selection, importedModules: imported)
    }
}
