/// Applies fixes to source text, the way ruff's `apply_fixes` does: fixes are taken in order of
/// position; a fix whose edits overlap an edit already taken is left for the next round (an edit
/// identical to one already taken, such as the same `import asyncio`, is shared, not repeated).
public enum FixApplier {
    public struct Outcome: Sendable {
        public var source: String
        /// How many fixes were applied.
        public var applied: Int
    }

    /// Applies the fixes of `diagnostics` (only safe ones unless `includeUnsafe`) to `source`.
    public static func apply(_ diagnostics: [Diagnostic], to source: String, includeUnsafe: Bool) -> Outcome {
        let bytes = Array(source.utf8)
        var accepted: [TextEdit] = []
        var applied = 0
        let fixes = diagnostics.compactMap(\.fix).filter { includeUnsafe || $0.isSafe }
            .sorted { ($0.edits.map(\.range.start.offset).min() ?? 0) < ($1.edits.map(\.range.start.offset).min() ?? 0) }
        for fix in fixes {
            guard !fix.edits.isEmpty else { continue }
            var fresh: [TextEdit] = []
            var conflict = false
            for edit in fix.edits {
                guard edit.range.start.offset >= 0, edit.range.end.offset <= bytes.count,
                      edit.range.start.offset <= edit.range.end.offset else { conflict = true; break }
                if accepted.contains(edit) || fresh.contains(edit) { continue }
                if (accepted + fresh).contains(where: { overlaps($0, edit) }) { conflict = true; break }
                fresh.append(edit)
            }
            if conflict { continue }
            accepted += fresh
            applied += 1
        }
        // One forward pass over the original text; at one offset, insertions come before a
        // replacement that starts there, in the order the fixes gave them.
        let ordered = accepted.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.range, rhs.element.range)
            if l.start.offset != r.start.offset { return l.start.offset < r.start.offset }
            let lInsert = l.start.offset == l.end.offset
            let rInsert = r.start.offset == r.end.offset
            if lInsert != rInsert { return lInsert }
            return lhs.offset < rhs.offset
        }.map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in ordered {
            let start = max(cursor, edit.range.start.offset)
            if start > cursor { result += bytes[cursor..<start] }
            result += Array(edit.newText.utf8)
            cursor = max(cursor, edit.range.end.offset)
        }
        if cursor < bytes.count { result += bytes[cursor...] }
        return Outcome(source: String(decoding: result, as: UTF8.self), applied: applied)
    }

    /// Two edits conflict when their ranges intersect, or when both insert at one point
    /// (their order would be ambiguous), or one inserts strictly inside the other's range.
    static func overlaps(_ a: TextEdit, _ b: TextEdit) -> Bool {
        let (aStart, aEnd) = (a.range.start.offset, a.range.end.offset)
        let (bStart, bEnd) = (b.range.start.offset, b.range.end.offset)
        if aStart == aEnd && bStart == bEnd { return aStart == bStart }
        if aStart == aEnd { return bStart < aStart && aStart < bEnd }
        if bStart == bEnd { return aStart < bStart && bStart < aEnd }
        return aStart < bEnd && bStart < aEnd
    }
}

extension Linter {
    public struct FixResult: Sendable {
        /// The fixed text.
        public var source: String
        /// Fixes applied over all rounds.
        public var applied: Int
        /// The diagnostics of the fixed text.
        public var remaining: [Diagnostic]
    }

    /// `asyncd check --fix`: applies fixes and re-checks until nothing changes (at most
    /// `maxRounds` rounds), like ruff. Only safe fixes unless `includeUnsafe`.
    public static func fix(source: String, path: String? = nil, selection: RuleSelection = .all,
                           includeUnsafe: Bool = false, maxRounds: Int = 10) throws -> FixResult {
        try fix(source: source, path: path, selection: selection, includeUnsafe: includeUnsafe, maxRounds: maxRounds,
                parse: PythonFrontEnd.parse)
    }

    /// The fix loop over any front end (the tests also drive it with CPython's AST).
    static func fix(source: String, path: String?, selection: RuleSelection, includeUnsafe: Bool, maxRounds: Int,
                    parse: (String) throws -> ParseResult) throws -> FixResult {
        func check(source: String, path: String?, selection: RuleSelection) throws -> [Diagnostic] {
            Linter.check(parsed: try parse(source), source: source, path: path, selection: selection, importedModules: [:])
        }
        var current = source
        var total = 0
        var diagnostics = try check(source: current, path: path, selection: selection)
        for _ in 0..<maxRounds {
            if diagnostics.contains(where: { $0.code == "E999" }) { break }
            let outcome = FixApplier.apply(diagnostics, to: current, includeUnsafe: includeUnsafe)
            guard outcome.applied > 0, outcome.source != current else { break }
            let next = try check(source: outcome.source, path: path, selection: selection)
            // Never hand back text that no longer parses.
            if next.contains(where: { $0.code == "E999" }) { break }
            current = outcome.source
            total += outcome.applied
            diagnostics = next
        }
        return FixResult(source: current, applied: total, remaining: diagnostics)
    }

    /// Applies the fixes carried by `diagnostics` once (no re-check), for editors' "fix all".
    public static func applyFixes(source: String, diagnostics: [Diagnostic], includeUnsafe: Bool = false) -> String {
        FixApplier.apply(diagnostics, to: source, includeUnsafe: includeUnsafe).source
    }
}
