/// Follows every coroutine object (and every task) the file creates to decide whether it is
/// handled, dropped, or used as a value first: the facts behind AIO201, AIO202, AIO203 and AIO205.
///
/// A coroutine is *handled* when it is awaited, returned, yielded, passed to a call that is not
/// a mere value consumer (`asyncio.gather`, `create_task`, `run`, a user function), stored in a
/// container or an attribute, or bound to a name that is handled later. It is *dropped* when it
/// is discarded by an expression statement, tested for truth (a coroutine is always true),
/// only inspected (`type(c)`), or bound to a name (`_` included) that is never handled. A name
/// holding a coroutine is *used as a value* when it is printed, formatted, indexed, compared,
/// added to, iterated over or has an attribute read before it is handled — the seed's
/// "Mistake 1 — Forgetting to await a coroutine".
///
/// The analysis is flow-insensitive within a scope and ordered by source position, which is
/// what a reader sees; uses from nested functions count as hand-offs (a closure may run it).
public struct CoroutineFlow {
    public enum DropReason: Hashable, Sendable {
        case discarded
        case truthTest
        case inspectedOnly
        case boundButNeverHandled(name: String)
    }

    /// A coroutine or task that is created and never handled.
    public struct Dropped {
        public let call: Expr
        public let scope: Scope
        /// The function called (`fetch_data`, `asyncio.sleep`, `asyncio.create_task`).
        public let callee: String
        public let reason: DropReason
        public let isTask: Bool
    }

    /// A coroutine used as if it were its result.
    public struct UsedAsValue {
        public let call: Expr
        public let scope: Scope
        public let callee: String
        /// The range of the offending use (the name, or the call itself when used directly).
        public let useRange: SourceRange
        /// The name holding the coroutine, if it went through one.
        public let name: String?
        /// How it is used: "passed to print()", "indexed", ...
        public let how: String
        /// Whether the coroutine is handled (awaited, passed on) after the use.
        public let handledLater: Bool
        /// How the call itself is used by its parent (for a direct use, where `await` goes).
        public var callContext: UseContext = .other
    }

    public private(set) var dropped: [Dropped] = []
    public private(set) var usedAsValue: [UsedAsValue] = []

    private enum Verdict {
        case handled
        case neutral
        case dropped(DropReason)
        case valueUse(String)
        case track(name: String, bindingOffset: Int)
    }

    public init(model: SemanticModel) {
        // First the calls that create coroutines or tasks, then (only if some went into a name)
        // the loads of those names.
        var pending: [(visit: ExprVisit, callee: String, isTask: Bool, name: String, offset: Int)] = []
        for visit in model.expressions {
            guard case .call = visit.expr.kind, model.mayCreateCoroutine(visit.expr) else { continue }
            let isTask: Bool
            let callee: String
            if let name = model.coroutineCall(visit.expr, in: visit.scope) {
                isTask = false
                callee = name
            } else if let name = model.taskFactoryCall(visit.expr, in: visit.scope) {
                isTask = true
                callee = name
            } else {
                continue
            }
            switch verdict(for: visit.context, model: model, scope: visit.scope, isName: false) {
            case .handled:
                break
            case .neutral:
                dropped.append(Dropped(call: visit.expr, scope: visit.scope, callee: callee, reason: .inspectedOnly, isTask: isTask))
            case .dropped(let reason):
                dropped.append(Dropped(call: visit.expr, scope: visit.scope, callee: callee, reason: reason, isTask: isTask))
            case .valueUse(let how):
                if !isTask {
                    usedAsValue.append(UsedAsValue(call: visit.expr, scope: visit.scope, callee: callee, useRange: visit.expr.range, name: nil,
                                                   how: how, handledLater: false, callContext: visit.context))
                }
            case .track(let name, let bindingOffset):
                pending.append((visit, callee, isTask, name, bindingOffset))
            }
        }
        guard !pending.isEmpty else { return }
        let tracked = Set(pending.map(\.name))
        var loadsByName: [String: [ExprVisit]] = [:]
        for visit in model.expressions {
            if case .name(let id, .load) = visit.expr.kind, tracked.contains(id) { loadsByName[id, default: []].append(visit) }
        }
        for item in pending {
            follow(name: item.name, bindingOffset: item.offset, call: item.visit, callee: item.callee, isTask: item.isTask,
                   loads: loadsByName[item.name] ?? [], model: model)
        }
    }

    private mutating func follow(name: String, bindingOffset: Int, call: ExprVisit, callee: String, isTask: Bool,
                                 loads: [ExprVisit], model: SemanticModel) {
        // The binding this assignment made, found the way a later use would find it.
        guard let binding = model.lookup(name, in: call.scope, at: bindingOffset), binding.offset == bindingOffset else { return }
        let home = call.scope.executionScope
        var firstValueUse: (ExprVisit, String)?
        var handled = false
        // Later bindings of the name in the same scope that replace this one on every path.
        var bindingScope = call.scope
        while !(bindingScope.bindings[name] ?? []).contains(where: { $0.offset == binding.offset && $0.range == binding.range }),
              let parent = bindingScope.parent {
            bindingScope = parent
        }
        let killers = (bindingScope.bindings[name] ?? []).filter { binding.isKilled(by: $0) }.map(\.offset)
        let horizon = killers.min() ?? Int.max
        for load in loads where load.expr.range.start.offset >= bindingOffset && load.expr.range.start.offset < horizon {
            guard let resolved = model.lookup(name, in: load.scope, at: load.expr.range.start.offset) else { continue }
            if load.scope.executionScope === home {
                // Same scope: any binding of this scope may be the one that reaches the load.
                guard (bindingScope.bindings[name] ?? []).contains(where: { $0.offset == resolved.offset && $0.range == resolved.range }) else { continue }
            } else {
                guard resolved.offset == binding.offset, resolved.range == binding.range else { continue }
            }
            if load.scope.executionScope !== home {
                handled = true  // captured by a nested function or class: it may run it
                break
            }
            switch verdict(for: load.context, model: model, scope: load.scope, isName: true) {
            case .handled, .track:
                handled = true
            case .neutral, .dropped:
                continue
            case .valueUse(let how):
                if firstValueUse == nil { firstValueUse = (load, how) }
                if isTask { handled = true }
                continue
            }
            if handled { break }
        }
        if !isTask, let (use, how) = firstValueUse {
            usedAsValue.append(UsedAsValue(call: call.expr, scope: call.scope, callee: callee, useRange: use.expr.range, name: name,
                                           how: how, handledLater: handled))
            return
        }
        if !handled {
            dropped.append(Dropped(call: call.expr, scope: call.scope, callee: callee, reason: .boundButNeverHandled(name: name), isTask: isTask))
        }
    }

    private func verdict(for context: UseContext, model: SemanticModel, scope: Scope, isName: Bool) -> Verdict {
        switch context {
        case .awaited, .returned, .yielded, .stored, .assignedElsewhere, .other:
            return .handled
        case .statement:
            return isName ? .neutral : .dropped(.discarded)
        case .truthTest:
            return isName ? .valueUse("tested for truth (a coroutine object is always true)") : .dropped(.truthTest)
        case .argument(let call):
            guard case .call(let function, _, _) = call.kind else { return .handled }
            let name = model.qualifiedName(function, in: scope)
            if let name, LibraryCatalogue.valueConsumers.contains(name) { return .valueUse("passed to \(name)()") }
            if let name, LibraryCatalogue.inspectors.contains(name) { return .neutral }
            return .handled
        case .callee:
            return .valueUse("called")
        case .attributeBase(let attr):
            if LibraryCatalogue.coroutineDrivingAttributes.contains(attr) { return .handled }
            if attr.hasPrefix("cr_") || attr.hasPrefix("__") { return .neutral }
            return .valueUse("read as if it had an attribute '\(attr)'")
        case .operand(let how):
            return .valueUse(how)
        case .unpacked:
            return .valueUse("unpacked")
        case .assignedToName(let name, let offset):
            return .track(name: name, bindingOffset: offset)
        }
    }
}
